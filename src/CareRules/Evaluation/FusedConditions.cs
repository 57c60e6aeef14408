using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CareRules.Authoring;

namespace CareRules.Evaluation;

/// <summary>
/// The conditions of a pack's rules fused into one method per 64 rules that returns the bit mask of the rules whose
/// condition holds (bit <c>i</c> for rule <c>64 × chunk + i</c>, rules in id order). Made only for packs with
/// conditions given as expression trees (<see cref="RuleBuilder.WhenExpression"/>, as workflow JSON packs and the C#
/// Standard pack give them): those are inlined one after the other, instead of each being a delegate of its own, which
/// saves a delegate call and a closure per rule. Delegate conditions in the same pack are invoked from the fused
/// method. A pack of delegate conditions only is not fused: calling C# lambdas from a compiled method measured no
/// faster than the pack's own loop over them.
/// <para>
/// Tiered: the fused methods are interpreted from the start (building a pack compiles nothing, so its first answer
/// comes in about a millisecond) and compiled to IL by <see cref="Compile"/> when the pack is optimized
/// (<see cref="CompiledPack.Optimize"/>, in the background after the pack's first evaluations); the compiled methods
/// replace the interpreted ones in one atomic swap. Both give the same masks. Needs dynamic code: where it is only
/// interpreted (NativeAOT), <see cref="TryCreate"/> returns null and the pack calls the rule delegates one by one.
/// </para>
/// </summary>
internal sealed class FusedConditions
{
    private readonly Expression<Func<RuleContext, ulong>>[] _trees;
    private Func<RuleContext, ulong>[] _chunks;

    private FusedConditions(Expression<Func<RuleContext, ulong>>[] trees)
    {
        _trees = trees;
        _chunks = Array.ConvertAll(trees, t => t.Compile(preferInterpretation: true));
    }

    /// <summary>The fused methods as expression trees (for tests).</summary>
    internal IReadOnlyList<Expression<Func<RuleContext, ulong>>> Trees => _trees;

    /// <summary>How many 64-rule chunks there are.</summary>
    public int ChunkCount => _trees.Length;

    /// <summary>True once <see cref="Compile"/> has swapped the compiled methods in.</summary>
    public bool IsCompiled { get; private set; }

    /// <summary>The fired-rule mask of chunk <paramref name="chunk"/> for the loaded context.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Match(int chunk, RuleContext context) => _chunks[chunk](context);

    /// <summary>Compiles the fused methods to IL and swaps them in, all chunks at once. Not thread-safe: the pack calls it under its lock.</summary>
    public void Compile()
    {
        if (!IsCompiled)
        {
            Volatile.Write(ref _chunks, Array.ConvertAll(_trees, t => t.Compile()));
            IsCompiled = true;
        }
    }

    /// <summary>The fused conditions of <paramref name="rules"/> (interpreted until <see cref="Compile"/>), or null when this runtime cannot compile code.</summary>
    public static FusedConditions? TryCreate(CompiledRule[] rules)
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled || !Array.Exists(rules, r => r.ConditionExpression is not null))
        {
            return null;
        }

        var trees = new Expression<Func<RuleContext, ulong>>[(rules.Length + 63) / 64];
        for (int c = 0; c < trees.Length; c++)
        {
            var context = Expression.Parameter(typeof(RuleContext), "context");
            var mask = Expression.Variable(typeof(ulong), "mask");
            var variables = new List<ParameterExpression> { mask };
            var body = new List<Expression> { Expression.Assign(mask, Expression.Constant(0UL)) };
            int start = c * 64;
            int end = Math.Min(rules.Length, start + 64);
            var conditions = new Expression[end - start];
            for (int r = start; r < end; r++)
            {
                conditions[r - start] = Condition(rules[r], context);
            }

            conditions = SharedCalls.Share(conditions, context, variables, body);
            for (int r = start; r < end; r++)
            {
                body.Add(Expression.IfThen(
                    FactDefinitions.Inline(conditions[r - start]),
                    Expression.OrAssign(mask, Expression.Constant(1UL << (r & 63)))));
            }

            body.Add(mask);
            trees[c] = Expression.Lambda<Func<RuleContext, ulong>>(Expression.Block(variables, body), context);
        }

        return new FusedConditions(trees);
    }

    /// <summary>One rule's condition as an expression over <paramref name="context"/> (fact calls not yet inlined).</summary>
    private static Expression Condition(CompiledRule rule, ParameterExpression context) =>
        rule.ConditionExpression is { } tree
            ? new Rebind(tree.Parameters[0], context).Visit(tree.Body)!
            : Expression.Invoke(Expression.Constant(rule.Condition), context);

    /// <summary>Replaces a condition's own parameter by the fused method's.</summary>
    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
