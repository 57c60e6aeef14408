using System.Linq.Expressions;
using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Explanations;
using CareRules.Model;
using CareRules.Testing;

namespace CareRules.Tests.Explanations;

/// <summary>
/// A clause that throws is <i>failed</i> with its error (catalog section 2.6). What evaluation does with a throwing C#
/// expression condition: it does not catch — <see cref="CompiledPack.Evaluate(CareContext)"/> throws (the hot loop has
/// no try), unlike a workflow JSON pack, whose conditions are guarded and count a throw as false. Explaining is how one
/// finds out why, so explaining such a context does not throw: the failed clause is shown with its error, the rule did
/// not fire, the other rules are explained from their conditions, and there are no decision fates (there is no verdict).
/// </summary>
public sealed class FailedClauseExplanationTests
{
    private static readonly CareContext NoOrder = Scenario.AtLocal(2026, 11, 23, 10, 0).WithoutOrder().Build();

    private static CompiledPack Shop(Expression<Func<RuleContext, bool>> condition) => new PackBuilder("shop")
        .Rule("shop.big-order", r => r.WhenExpression(condition).Advise(AdviceKind.ResolvePrivately, "Answer privately."))
        .Rule("shop.any-customer", r => r.WhenExpression(c => c.Customer.Orders >= 1).Advise(AdviceKind.AnswerFullyNoRedirect, "Answer fully."))
        .Rule("shop.opaque", r => r.When(c => c.Customer.Orders >= 1).Advise(AdviceKind.ApologiseNoBlame, "Apologise."))
        .Build();

    [Fact]
    public void ThrowingCSharpExpressionCondition_EvaluationThrows_ButExplainReturnsAFailedClause_WithTheError()
    {
        var pack = Shop(c => c.Order!.Total.Amount > 100m); // no guard: dereferences a missing order

        Assert.Throws<NullReferenceException>(() => pack.Evaluate(NoOrder));
        var e = pack.Explain(NoOrder, "shop.big-order");

        Assert.False(e.Fired);
        Assert.False(e.IsOpaque);
        var root = e.Condition!;
        Assert.Equal((ClauseKind.Comparison, ClauseValue.Failed, "order.Total.Amount > 100"), (root.Kind, root.Value, root.Expression));
        Assert.StartsWith("NullReferenceException: ", root.Error, StringComparison.Ordinal);
        Assert.Null(root.Flip);
        Assert.Empty(e.Decisions);
        Assert.Contains("failed: order.Total.Amount", e.ToString(), StringComparison.Ordinal);
        Assert.Contains("(NullReferenceException: ", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowingOperandOfAnAnd_IsFailed_TheAndIsFalse_AndTheOperandsValueShowsTheFailure()
    {
        var pack = Shop(c => c.Customer.Orders >= 1 && c.Order!.Total.Amount > 100m);

        var e = pack.Explain(NoOrder, "shop.big-order");

        Assert.False(e.Fired);
        Assert.Equal(ClauseValue.False, e.Condition!.Value); // a failed clause counts as not holding
        Assert.Null(e.Condition.Error);
        var failed = e.Condition.Clauses[1];
        Assert.Equal(ClauseValue.Failed, failed.Value);
        Assert.NotNull(failed.Error);
        var operand = Assert.Single(failed.Operands);
        Assert.Equal("order.Total.Amount", operand.Expression);
        Assert.StartsWith("failed (NullReferenceException: ", operand.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowingOperandOfAnOr_CountsAsFalse_AndTheNextOperandIsEvaluated()
    {
        var pack = Shop(c => c.Order!.Total.Amount > 100m || c.Customer.Orders >= 1);

        var e = pack.Explain(NoOrder, "shop.big-order");

        Assert.Equal(new[] { ClauseValue.Failed, ClauseValue.True }, e.Condition!.Clauses.Select(c => c.Value));
        Assert.Equal(ClauseValue.True, e.Condition.Value);
        Assert.True(e.Fired); // no verdict: whether it fired is whether its condition holds, as the explanation shows it
        Assert.Empty(e.Decisions);
    }

    [Fact]
    public void WhenEvaluationThrows_TheOtherRules_AreExplainedFromTheirConditions_OpaqueOnesToo()
    {
        var pack = Shop(c => c.Order!.Total.Amount > 100m);

        var all = pack.ExplainAll(NoOrder);

        Assert.Equal(new[] { "shop.any-customer", "shop.big-order", "shop.opaque" }, all.Select(e => e.RuleId));
        Assert.Equal(new[] { true, false, true }, all.Select(e => e.Fired));
        Assert.True(all[2].IsOpaque);
        Assert.All(all, e => Assert.Empty(e.Decisions));
    }

    [Fact]
    public void ContextInAnotherCurrency_IsStillAValidationError_NotAFailedClause()
    {
        var pack = Shop(c => c.Order!.Total.Amount > 100m);
        var euros = Scenario.At(NoOrder.Now, currency: Currency.Eur).WithoutOrder().Build();

        Assert.Throws<CareRulesValidationException>(() => pack.Explain(euros, "shop.big-order"));
    }
}
