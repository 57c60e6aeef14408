using System.Linq.Expressions;

namespace CareRules.RulesEngine.Expressions;

/// <summary>A parsed <c>GlobalParams</c> or <c>LocalParams</c> entry: the name's variable and its value expression.</summary>
internal sealed record ScopedValue(ParameterExpression Variable, Expression Value);
