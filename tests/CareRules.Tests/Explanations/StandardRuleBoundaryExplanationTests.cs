using CareRules.Evaluation;
using CareRules.Explanations;
using CareRules.Packs;

namespace CareRules.Tests.Explanations;

/// <summary>
/// Every rule of the C# Standard pack explained one step either side of its boundary (catalog sections 2.6 and 4): the
/// explanation agrees with the verdict, the condition's root value with whether the rule fired, and the clause that
/// decides has the values of both sides and, on the quiet side, the nearest flip the catalog words. The pairs are in
/// <see cref="StandardBoundaryPairs"/>; the JSON pack is explained over the same pairs in CareRules.RulesEngine.Tests.
/// </summary>
public sealed class StandardRuleBoundaryExplanationTests
{
    private static readonly CompiledPack Pack = StandardPack.Default;

    public static TheoryData<string> RuleIds => [.. StandardPack.RuleIds];

    [Fact]
    public void EveryStandardRule_HasExactlyOneBoundaryPair_AndNoPairIsForAnotherRule() =>
        Assert.Equal(StandardPack.RuleIds.Order(StringComparer.Ordinal), StandardBoundaryPairs.All.Select(p => p.RuleId).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void FiringSide_ExplainsAFiredRule_TheDecidingClauseTrue(string ruleId)
    {
        var pair = StandardBoundaryPairs.For(ruleId);
        Assert.True(pair is not null, $"{ruleId} has no boundary pair in StandardBoundaryPairs: add one.");

        var e = AssertAgreesWithTheVerdict(pair.Fires, ruleId, fires: true);

        var clause = Clauses.Find(e, pair.Clause);
        Assert.Equal(ClauseValue.True, clause.Value);
        Assert.Equal(pair.Fires.Operands, Clauses.Lines(clause));
        Assert.Null(clause.Flip); // only a false comparison has one
        Assert.Null(clause.Error);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void QuietSide_OneStepAway_ExplainsWhyNot_WithTheNearestFlip(string ruleId)
    {
        var pair = StandardBoundaryPairs.For(ruleId);
        Assert.True(pair is not null, $"{ruleId} has no boundary pair in StandardBoundaryPairs: add one.");

        var e = AssertAgreesWithTheVerdict(pair.Quiet, ruleId, fires: false);

        var clause = Clauses.Find(e, pair.Clause);
        Assert.Equal(ClauseValue.False, clause.Value);
        Assert.Equal(pair.Quiet.Operands, Clauses.Lines(clause));
        Clauses.AssertFlip(pair.Quiet.Flip, clause.Flip);
        Assert.Empty(e.Decisions);
        if (pair.Quiet.Flip is { } flip)
        {
            Assert.Contains(flip.Text, e.ToString(), StringComparison.Ordinal); // the text form shows the flip too
        }
    }

    [Fact]
    public void ExplainAll_ExplainsEveryEnabledRule_InIdOrder_EachAsExplainDoes()
    {
        var context = StandardBoundaryPairs.For("boundary.contact-frequency")!.Quiet.Context;

        var all = Pack.ExplainAll(context);

        Assert.Equal(Pack.Rules.Select(r => r.Id), all.Select(e => e.RuleId));
        var verdict = Pack.Evaluate(context);
        Assert.All(all, e => Assert.Equal(verdict.HasFired(e.RuleId), e.Fired));
        Assert.Equal(Pack.Explain(context, "boundary.contact-frequency").ToString(), all.Single(e => e.RuleId == "boundary.contact-frequency").ToString());
    }

    [Fact]
    public void Explain_UnknownOrDisabledRule_IsAnArgumentExceptionListingTheIds()
    {
        var context = StandardBoundaryPairs.All[0].Fires.Context;
        var withoutGift = StandardPack.Build(b => b.DisableRule("delay.gift"));

        var unknown = Assert.Throws<ArgumentException>(() => Pack.Explain(context, "delay.gfit"));
        var disabled = Assert.Throws<ArgumentException>(() => withoutGift.Explain(context, "delay.gift"));

        Assert.Equal("ruleId", unknown.ParamName);
        Assert.Contains("delay.notify-immediately", unknown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("delay.gift,", disabled.Message, StringComparison.Ordinal);
    }

    private static RuleExplanation AssertAgreesWithTheVerdict(Side side, string ruleId, bool fires)
    {
        var verdict = Pack.Evaluate(side.Context);
        Assert.Equal(fires, verdict.HasFired(ruleId)); // the pair really is either side of the boundary

        var e = Pack.Explain(side.Context, ruleId);

        Assert.Equal(ruleId, e.RuleId);
        Assert.Equal(side.Context.Case?.Id, e.CaseId);
        Assert.Equal(verdict.HasFired(ruleId), e.Fired);
        Assert.False(e.IsOpaque);
        Assert.Equal(fires ? ClauseValue.True : ClauseValue.False, e.Condition!.Value);
        Assert.Equal(Pack.Rules.Single(r => r.Id == ruleId).Description, e.Description);
        Assert.StartsWith((e.CaseId is { } id ? $"Case {id}: rule " : "Rule ") + ruleId + (fires ? " fired" : " did not fire"), e.ToString(), StringComparison.Ordinal);
        return e;
    }
}
