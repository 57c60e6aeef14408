using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CareRules.Authoring;
using CareRules.Evaluation;

namespace CareRules.Analysis;

/// <summary>
/// A rule's condition as one expression over the rule context: fact definitions inlined, block variables replaced by
/// the values assigned to them, guards (try/catch) unwrapped. For walking, not for running.
/// </summary>
internal static class ConditionTrees
{
    /// <summary>The condition body and its rule-context parameter, or null for a delegate condition (opaque).</summary>
    public static (Expression Body, ParameterExpression Context)? Of(CompiledRule rule)
    {
        var tree = rule.ConditionExpression ?? rule.ExplanationExpression;
        if (tree is null)
        {
            return null;
        }

        var body = new Flatten().Visit(FactDefinitions.Inline(tree.Body))!;
        return (body, tree.Parameters[0]);
    }

    /// <summary>The compiled rule of <paramref name="ruleId"/>.</summary>
    public static CompiledRule Rule(CompiledPack pack, string ruleId) =>
        pack.CompiledRules.FirstOrDefault(r => r.Id == ruleId) ?? throw new ArgumentException($"'{ruleId}' is not an enabled rule of pack '{pack.Id}'.", nameof(ruleId));

    /// <summary>The expression without conversions (and <c>.Value</c> of a nullable).</summary>
    public static Expression Strip(Expression e)
    {
        while (true)
        {
            switch (e)
            {
                case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.Quote } u:
                    e = u.Operand;
                    continue;
                case MemberExpression { Member.Name: "Value", Expression: { } inner } when Nullable.GetUnderlyingType(inner.Type) is not null:
                    e = inner;
                    continue;
                default:
                    return e;
            }
        }
    }

    /// <summary>
    /// The path of a context member read by <paramref name="e"/> (<c>Customer.ContactsLast7Days</c>,
    /// <c>Order.Total.Amount</c>, <c>Case.Kind</c>, <c>Today</c>), or null when it reads something else.
    /// </summary>
    public static string? PathOf(Expression e, ParameterExpression context)
    {
        var parts = new List<string>();
        var x = Strip(e);
        while (x is MemberExpression { Expression: { } inner } m)
        {
            parts.Add(m.Member.Name);
            x = Strip(inner);
        }

        if (x != context || parts.Count == 0)
        {
            return null;
        }

        parts.Reverse();
        return string.Join('.', parts);
    }

    /// <summary>True when <paramref name="e"/> reads no input (a constant or a captured parameter value).</summary>
    public static bool IsClosed(Expression e)
    {
        var finder = new FindParameters();
        finder.Visit(e);
        return !finder.Found;
    }

    /// <summary>The value of a closed expression, or null when computing it fails.</summary>
    public static object? ValueOf(Expression e)
    {
        if (Strip(e) is ConstantExpression c)
        {
            return c.Value;
        }

        try
        {
            return Expression.Lambda<Func<object?>>(Expression.Convert(e, typeof(object))).Compile(preferInterpretation: true)();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>Replaces block variables by their assigned values and unwraps try expressions.</summary>
    private sealed class Flatten : ExpressionVisitor
    {
        private readonly Dictionary<ParameterExpression, Expression> _values = [];

        protected override Expression VisitBlock(BlockExpression node)
        {
            foreach (var step in node.Expressions.Take(node.Expressions.Count - 1))
            {
                if (step is BinaryExpression { NodeType: ExpressionType.Assign, Left: ParameterExpression target } assign)
                {
                    _values[target] = Visit(assign.Right)!;
                }
            }

            return Visit(node.Result)!;
        }

        protected override Expression VisitTry(TryExpression node) => Visit(node.Body)!;

        protected override Expression VisitParameter(ParameterExpression node) => _values.TryGetValue(node, out var value) ? value : node;
    }

    private sealed class FindParameters : ExpressionVisitor
    {
        private readonly HashSet<ParameterExpression> _bound = [];

        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= !_bound.Contains(node);
            return node;
        }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            foreach (var p in node.Parameters)
            {
                _bound.Add(p);
            }

            return base.VisitLambda(node);
        }
    }
}
