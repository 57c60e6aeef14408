using System.Linq.Expressions;

namespace CareRules.RulesEngine.Expressions;

/// <summary>Finds the parameters an expression reads that it does not declare itself (in a lambda or a block).</summary>
internal sealed class FreeParameters : ExpressionVisitor
{
    private readonly HashSet<ParameterExpression> _declared = [];
    private readonly HashSet<ParameterExpression> _free = [];

    private FreeParameters()
    {
    }

    public static IReadOnlySet<ParameterExpression> Of(Expression expression)
    {
        var finder = new FreeParameters();
        finder.Visit(expression);
        return finder._free;
    }

    public static bool IsClosed(Expression expression) => Of(expression).Count == 0;

    protected override Expression VisitParameter(ParameterExpression node)
    {
        if (!_declared.Contains(node))
        {
            _free.Add(node);
        }

        return node;
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        _declared.UnionWith(node.Parameters);
        return base.VisitLambda(node);
    }

    protected override Expression VisitBlock(BlockExpression node)
    {
        _declared.UnionWith(node.Variables);
        return base.VisitBlock(node);
    }

    protected override CatchBlock VisitCatchBlock(CatchBlock node)
    {
        if (node.Variable is { } v)
        {
            _declared.Add(v);
        }

        return base.VisitCatchBlock(node);
    }
}
