using System.Linq.Expressions;

namespace CareRules.RulesEngine.Expressions;

/// <summary>
/// A static upper bound on the work an expression does when it runs once, counted in elementary steps, computed
/// before anything is compiled or evaluated — so neither the build (which evaluates constant sub-expressions) nor an
/// evaluation can be made to run for long (docs/workflow-json.md, "Limits"). Every node costs one step; a call of
/// an <see cref="Enumerable"/> method over a collection of at most <c>n</c> elements costs <c>n</c> steps plus
/// <c>n</c> times each lambda it is given, so nested loops multiply; a <see cref="Care"/> helper or a calendar
/// method, which may walk the calendar, costs <see cref="HelperCost"/>. Collections have a bound on their size: an
/// array literal its length, <c>Where</c>, <c>Select</c> and <c>Distinct</c> the size of their source, an earlier
/// <c>GlobalParams</c>/<c>LocalParams</c> value the size found for it, and any other collection
/// <see cref="UnknownSize"/>. Text cannot grow: building text (<c>Replace</c>, <c>PadLeft</c>, <c>+</c> on strings…)
/// is rejected by the <see cref="Sandbox"/>. Arithmetic saturates at <see cref="long.MaxValue"/>.
/// </summary>
internal static class CostBound
{
    /// <summary>The most work one expression may do, in steps.</summary>
    public const long MaxWork = 100_000;

    /// <summary>The steps charged for a helper that may walk the calendar.</summary>
    public const long HelperCost = 400;

    /// <summary>The size assumed for a collection whose size is not known statically.</summary>
    public const long UnknownSize = 1_000;

    private static readonly HashSet<string> SizePreserving = new(StringComparer.Ordinal) { "Where", "Select", "Distinct" };

    /// <summary>The bound of <paramref name="expression"/>; <paramref name="sizes"/> gives the size bound of named values in scope.</summary>
    public static (long Work, long Size) Of(Expression expression, IReadOnlyDictionary<ParameterExpression, long> sizes) =>
        Visit(expression, sizes);

    private static (long Work, long Size) Visit(Expression? node, IReadOnlyDictionary<ParameterExpression, long> sizes)
    {
        switch (node)
        {
            case null:
                return (0, 1);
            case ConstantExpression c:
                return (1, c.Value is Array a ? a.Length : 1);
            case ParameterExpression p:
                return (1, sizes.TryGetValue(p, out long size) ? size : IsCollection(p.Type) ? UnknownSize : 1);
            case NewArrayExpression array:
                long work = array.Expressions.Count;
                foreach (var e in array.Expressions)
                {
                    work = Add(work, Visit(e, sizes).Work);
                }

                return (work, array.Expressions.Count);
            case MethodCallExpression call when call.Method.DeclaringType == typeof(Enumerable) && call.Arguments.Count > 0:
                return EnumerableCall(call, sizes);
            case MethodCallExpression call:
                long callWork = call.Method.DeclaringType == typeof(Care) || call.Method.DeclaringType == typeof(CareRules.Time.BusinessCalendar) ? HelperCost : 1;
                callWork = Add(callWork, Visit(call.Object, sizes).Work);
                foreach (var argument in call.Arguments)
                {
                    callWork = Add(callWork, Visit(argument, sizes).Work);
                }

                return (callWork, IsCollection(call.Type) ? UnknownSize : 1);
            case LambdaExpression lambda:
                return Visit(lambda.Body, sizes);
            default:
                return Children(node, sizes);
        }
    }

    private static (long Work, long Size) EnumerableCall(MethodCallExpression call, IReadOnlyDictionary<ParameterExpression, long> sizes)
    {
        var source = call.Arguments[0];
        var (work, n) = Visit(source, sizes);
        if (source.Type == typeof(string))
        {
            n = source is ConstantExpression { Value: string text } ? text.Length : UnknownSize; // the characters of a text
        }

        work = Add(work, n);
        for (int i = 1; i < call.Arguments.Count; i++)
        {
            var argument = call.Arguments[i];
            var (argumentWork, _) = Visit(argument, sizes);
            work = Add(work, argument is LambdaExpression ? Multiply(n, argumentWork) : argumentWork);
        }

        return (work, SizePreserving.Contains(call.Method.Name) ? n : IsCollection(call.Type) ? UnknownSize : 1);
    }

    /// <summary>One step for the node plus the work of every child, found by letting a visitor list them.</summary>
    private static (long Work, long Size) Children(Expression node, IReadOnlyDictionary<ParameterExpression, long> sizes)
    {
        var lister = new ChildLister(node);
        lister.Visit(node);
        long work = 1;
        foreach (var child in lister.Children)
        {
            work = Add(work, Visit(child, sizes).Work);
        }

        return (work, IsCollection(node.Type) ? UnknownSize : 1);
    }

    private static bool IsCollection(Type t) => t != typeof(string) && (t.IsArray || t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        || (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>)));

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static long Multiply(long a, long b) => a == 0 || b == 0 ? 0 : a > long.MaxValue / b ? long.MaxValue : a * b;

    /// <summary>Collects the direct children of one node (the base visitor visits them; this one stops there).</summary>
    private sealed class ChildLister(Expression root) : ExpressionVisitor
    {
        public List<Expression> Children { get; } = [];

        public override Expression? Visit(Expression? node)
        {
            if (node is null)
            {
                return null;
            }

            if (ReferenceEquals(node, root))
            {
                return base.Visit(node);
            }

            Children.Add(node);
            return node;
        }
    }
}
