using System.Linq.Expressions;
using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Explanations;
using CareRules.Model;
using CareRules.Testing;

namespace CareRules.Tests.Explanations;

/// <summary>
/// The shapes of a clause tree (catalog section 2.6): <c>&amp;&amp;</c> and <c>||</c> chains as one clause each, evaluated
/// left to right and stopping as evaluation does (the rest <i>not evaluated</i>, with no operands and no nested
/// clauses); <c>!</c> nesting its operand and inverting it; yes/no values; and clauses that throw.
/// </summary>
public sealed class ClauseShapeExplanationTests
{
    private static readonly Scenario Monday = Scenario.AtLocal(2026, 11, 23, 10, 0);

    /// <summary>A shop pack of one rule with an expression-tree condition.</summary>
    private static CompiledPack Shop(Expression<Func<RuleContext, bool>> condition) =>
        new PackBuilder("shop").Rule("shop.rule", r => r.WhenExpression(condition).Advise(AdviceKind.ResolvePrivately, "Answer privately.")).Build();

    private static RuleExplanation Explain(Expression<Func<RuleContext, bool>> condition, Scenario scenario) =>
        Shop(condition).Explain(scenario.Build(), "shop.rule");

    [Fact]
    public void And_FirstOperandFalse_TheRestNotEvaluated_WithoutOperandsOrFlips()
    {
        var e = Explain(c => c.Customer.Orders >= 10 && c.Order != null && c.Order.Total.Amount > 100m, Monday);

        Assert.False(e.Fired);
        var root = e.Condition!;
        Assert.Equal((ClauseKind.All, ClauseValue.False, "customer.Orders >= 10 && order != null && order.Total.Amount > 100"), (root.Kind, root.Value, root.Expression));
        Assert.Empty(root.Operands);
        Assert.Equal(new[] { "customer.Orders >= 10", "order != null", "order.Total.Amount > 100" }, root.Clauses.Select(c => c.Expression)); // one flat chain
        var first = root.Clauses[0];
        Assert.Equal((ClauseKind.Comparison, ClauseValue.False), (first.Kind, first.Value));
        Assert.Equal(new[] { "customer.Orders = 3" }, Clauses.Lines(first)); // the literal 10 is not an operand
        Assert.Equal("fires from customer.Orders ≥ 10; was 3", first.Flip!.Text); // a constant threshold: no parameter named
        Assert.Empty(first.Flip.Parameters);
        Assert.All(root.Clauses.Skip(1), c =>
        {
            Assert.Equal(ClauseValue.NotEvaluated, c.Value);
            Assert.Empty(c.Operands);
            Assert.Empty(c.Clauses);
            Assert.Null(c.Flip);
            Assert.Null(c.Error);
        });
        Assert.Contains("not evaluated: order.Total.Amount > 100", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void And_EveryOperandTrue_AllEvaluated_AndTheRuleFires()
    {
        var e = Explain(c => c.Customer.Orders >= 1 && c.Order != null && c.Order.Total.Amount > 100m, Monday);

        Assert.True(e.Fired);
        Assert.Equal(ClauseValue.True, e.Condition!.Value);
        Assert.All(e.Condition.Clauses, c => Assert.Equal(ClauseValue.True, c.Value));
        Assert.Equal(new[] { "order.Total.Amount = 200" }, Clauses.Lines(e.Condition.Clauses[2]));
    }

    [Fact]
    public void Or_FirstOperandTrue_TheRestNotEvaluated()
    {
        var e = Explain(c => c.Customer.Orders >= 1 || c.Case == null || c.Customer.ContactsLast7Days > 3, Monday);

        Assert.True(e.Fired);
        var root = e.Condition!;
        Assert.Equal((ClauseKind.Any, ClauseValue.True), (root.Kind, root.Value));
        Assert.Equal(ClauseValue.True, root.Clauses[0].Value);
        Assert.Equal(new[] { ClauseValue.NotEvaluated, ClauseValue.NotEvaluated }, root.Clauses.Skip(1).Select(c => c.Value));
        Assert.All(root.Clauses.Skip(1), c => Assert.Empty(c.Operands));
    }

    [Fact]
    public void Or_EveryOperandFalse_EachHasItsFlip_IntegerGreaterThanFlipsFromTheNextWholeNumber()
    {
        var e = Explain(c => c.Customer.Orders >= 10 || c.Customer.ContactsLast7Days > 3, Monday);

        Assert.False(e.Fired);
        var root = e.Condition!;
        Assert.Equal((ClauseKind.Any, ClauseValue.False), (root.Kind, root.Value));
        Assert.Equal(new[] { "fires from customer.Orders ≥ 10; was 3", "fires from customer.ContactsLast7Days ≥ 4; was 1" }, root.Clauses.Select(c => c.Flip!.Text));
        Assert.Equal((">=", "4"), (root.Clauses[1].Flip!.Operator, root.Clauses[1].Flip!.Threshold));
    }

    [Fact]
    public void ShortCircuit_OfANestedChain_SkipsItWhole_ItsOwnClausesNotListed()
    {
        var e = Explain(c => c.Case == null && (c.Customer.Orders >= 10 || c.Customer.ContactsLast7Days > 3), Monday);

        var skipped = e.Condition!.Clauses[1];
        Assert.Equal((ClauseKind.Any, ClauseValue.NotEvaluated), (skipped.Kind, skipped.Value));
        Assert.Equal("customer.Orders >= 10 || customer.ContactsLast7Days > 3", skipped.Expression);
        Assert.Empty(skipped.Clauses);
        Assert.Equal("fires when case is not set", e.Condition.Clauses[0].Flip!.Text);
    }

    [Fact]
    public void Not_NestsItsOperand_AndInvertsIt()
    {
        var held = Explain(c => !(c.Customer.Orders >= 10), Monday);
        var broken = Explain(c => !(c.Customer.Orders >= 10), Monday.Customer(k => k with { Orders = 12 }));

        Assert.True(held.Fired);
        Assert.Equal((ClauseKind.Not, ClauseValue.True, "!(customer.Orders >= 10)"), (held.Condition!.Kind, held.Condition.Value, held.Condition.Expression));
        var inner = Assert.Single(held.Condition.Clauses);
        Assert.Equal((ClauseKind.Comparison, ClauseValue.False, "customer.Orders >= 10"), (inner.Kind, inner.Value, inner.Expression));
        Assert.Null(inner.Flip); // "fires from customer.Orders ≥ 10" would read backwards under the negation: dropped
        Assert.False(broken.Fired);
        Assert.Equal((ClauseValue.False, ClauseValue.True), (broken.Condition!.Value, broken.Condition.Clauses[0].Value));
        Assert.Null(broken.Condition.Flip); // a negated comparison is not worded as a flip (only a negated yes/no value is)
        Assert.Equal(new[] { "customer.Orders = 12" }, Clauses.Lines(broken.Condition.Clauses[0]));
    }

    [Fact]
    public void YesNoValue_False_FlipsWhenTrue_AndNegated_FlipsWhenFalse()
    {
        var notified = Monday.Order(o => o with { DelayNotified = true });
        var value = Explain(c => c.Order != null && c.Order.WithdrawalExempt, Monday);
        var negated = Explain(c => c.Order != null && !c.Order.DelayNotified, notified);

        var exempt = value.Condition!.Clauses[1];
        Assert.Equal((ClauseKind.Value, ClauseValue.False, "order.WithdrawalExempt"), (exempt.Kind, exempt.Value, exempt.Expression));
        Assert.Equal(("fires when order.WithdrawalExempt is true", "order.WithdrawalExempt", "==", "true", "false"), (exempt.Flip!.Text, exempt.Flip.Fact, exempt.Flip.Operator, exempt.Flip.Threshold, exempt.Flip.Was));
        var not = negated.Condition!.Clauses[1];
        Assert.Equal((ClauseKind.Not, ClauseValue.False), (not.Kind, not.Value));
        Assert.Equal("fires when order.DelayNotified is false", not.Flip!.Text);
        Assert.Equal(("order.DelayNotified", "==", "false", "true"), (not.Flip.Fact, not.Flip.Operator, not.Flip.Threshold, not.Flip.Was));
        var inner = Assert.Single(not.Clauses);
        Assert.Equal((ClauseKind.Value, ClauseValue.True), (inner.Kind, inner.Value));
        Assert.Null(inner.Flip);
    }

    [Fact]
    public void Comparisons_ToNull_FlipWhenSetOrNotSet()
    {
        var e = Explain(c => c.Order != null && c.Order.BackorderUntil != null, Monday);

        var backorder = e.Condition!.Clauses[1];
        Assert.Equal(ClauseValue.False, backorder.Value);
        Assert.Equal(new[] { "order.BackorderUntil = null" }, Clauses.Lines(backorder));
        Assert.Equal(("fires when order.BackorderUntil is set", "!=", "null", "null"), (backorder.Flip!.Text, backorder.Flip.Operator, backorder.Flip.Threshold, backorder.Flip.Was));
    }

    [Fact]
    public void EnumComparison_ShowsCatalogSpellings_AndFlipsToTheValue()
    {
        var e = Explain(c => c.Case != null && c.Case.Kind != CaseKind.Other, Monday);

        var kind = e.Condition!.Clauses[1];
        Assert.Equal("case.Kind != CaseKind.Other", kind.Expression);
        Assert.Equal(new[] { "case.Kind = other" }, Clauses.Lines(kind));
        Assert.Equal(("fires when case.Kind is not other", "!=", "other"), (kind.Flip!.Text, kind.Flip.Operator, kind.Flip.Threshold));
    }

    [Fact]
    public void AGuardedClause_ThatWouldThrow_IsNotEvaluated_AsEvaluationSkipsIt()
    {
        var e = Explain(c => c.Order == null || c.Order.Total.Amount > 100m, Monday.WithoutOrder());

        Assert.True(e.Fired);
        var guarded = e.Condition!.Clauses[1];
        Assert.Equal(ClauseValue.NotEvaluated, guarded.Value);
        Assert.Null(guarded.Error);
    }
}
