using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CareRules.Authoring;

namespace CareRules.Evaluation;

/// <summary>
/// The conditions of a pack's rules compiled into one method per 64 rules that returns the bit mask of the rules
/// whose condition holds (bit <c>i</c> for rule <c>64 × chunk + i</c>, rules in id order). Made only for packs with
/// conditions given as expression trees (<see cref="RuleBuilder.WhenExpression"/>, as workflow JSON packs give them):
/// those are compiled inline, one after the other, instead of each into a delegate of its own, which saves a delegate
/// call and a closure per rule (about 8 % of a JSON pack's evaluation). Delegate conditions in the same pack are
/// invoked from the fused method. A pack of delegate conditions only is not fused: calling C# lambdas from a compiled
/// method measured no faster than the pack's own loop over them. Needs dynamic code: where it is only interpreted
/// (NativeAOT), <see cref="TryCreate"/> returns null and the pack calls the rule delegates one by one.
/// </summary>
internal sealed class FusedConditions
{
    private readonly Func<RuleContext, ulong>[] _chunks;

    private FusedConditions(Func<RuleContext, ulong>[] chunks) => _chunks = chunks;

    /// <summary>How many 64-rule chunks there are.</summary>
    public int ChunkCount => _chunks.Length;

    /// <summary>The fired-rule mask of chunk <paramref name="chunk"/> for the loaded context.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Match(int chunk, RuleContext context) => _chunks[chunk](context);

    /// <summary>The fused conditions of <paramref name="rules"/>, or null when this runtime cannot compile code.</summary>
    public static FusedConditions? TryCreate(CompiledRule[] rules)
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled || !Array.Exists(rules, r => r.ConditionExpression is not null))
        {
            return null;
        }

        var chunks = new Func<RuleContext, ulong>[(rules.Length + 63) / 64];
        for (int c = 0; c < chunks.Length; c++)
        {
            var context = Expression.Parameter(typeof(RuleContext), "context");
            var mask = Expression.Variable(typeof(ulong), "mask");
            var body = new List<Expression> { Expression.Assign(mask, Expression.Constant(0UL)) };
            int end = Math.Min(rules.Length, (c + 1) * 64);
            for (int r = c * 64; r < end; r++)
            {
                body.Add(Expression.IfThen(
                    Condition(rules[r], context),
                    Expression.OrAssign(mask, Expression.Constant(1UL << (r & 63)))));
            }

            body.Add(mask);
            chunks[c] = Expression.Lambda<Func<RuleContext, ulong>>(Expression.Block([mask], body), context).Compile();
        }

        return new FusedConditions(chunks);
    }

    /// <summary>One rule's condition as an expression over <paramref name="context"/>.</summary>
    private static Expression Condition(CompiledRule rule, ParameterExpression context) =>
        rule.ConditionExpression is { } tree
            ? FactDefinitions.Inline(new Rebind(tree.Parameters[0], context).Visit(tree.Body)!)
            : Expression.Invoke(Expression.Constant(rule.Condition), context);

    /// <summary>Replaces a condition's own parameter by the fused method's.</summary>
    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
