using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Authoring;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CareRules.Tests.Testing;

public sealed class RuleCoverageTests
{
    private static readonly Scenario Base = Scenario.AtLocal(2026, 11, 23, 10, 0);

    private static CompiledPack TwoRules() => new PackBuilder("two")
        .Rule("late.gift", r => r.Description("A late order gets a gift.").When(c => c.Order is { PromisedBy: { } p } && p < c.Today)
            .Compensate(OfferKind.GiftInParcel, "Late.", Money.Pln(20m)))
        .Rule("public.pr", r => r.Description("A public complaint goes to PR.").When(c => c.Case is { Channel: ContactChannel.PublicSocial })
            .Escalate(EscalationTarget.PublicRelations, EscalationPriority.Urgent, "Public."))
        .Build();

    [Fact]
    public void New_NothingRecorded_EveryRuleUncovered()
    {
        var coverage = new RuleCoverage(TwoRules());
        Assert.Equal(["late.gift", "public.pr"], coverage.Uncovered);
        Assert.Empty(coverage.Covered);
        Assert.Equal(0, coverage.Percent);
        Assert.Equal(0, coverage.Evaluations);
    }

    [Fact]
    public void Evaluate_RecordsTheRulesThatFired()
    {
        var coverage = new RuleCoverage(TwoRules());
        coverage.Evaluate(Base.LateBy(1).Build());
        coverage.Evaluate(Base.LateBy(2).Build());
        coverage.Evaluate(Base.Build());

        Assert.Equal(["late.gift"], coverage.Covered);
        Assert.Equal(["public.pr"], coverage.Uncovered);
        Assert.Equal(2, coverage.Hits("late.gift"));
        Assert.Equal(0, coverage.Hits("public.pr"));
        Assert.Equal(3, coverage.Evaluations);
        Assert.Equal(50, coverage.Percent);
    }

    [Fact]
    public void AssertAllRulesCovered_RuleNeverFired_FailsNamingItsIdAndDescription()
    {
        var coverage = new RuleCoverage(TwoRules());
        coverage.Expect(Base.LateBy(1)).Fires("late.gift");

        var ex = Assert.Throws<RuleCoverageException>(coverage.AssertAllRulesCovered);

        Assert.Equal(["public.pr"], ex.Uncovered);
        Assert.Equal(
            "Rule coverage of pack two@1.0.0: 1 of 2 rules fired (50%) in 1 evaluations. This rule never fired:" + Environment.NewLine
            + "  - public.pr: A public complaint goes to PR." + Environment.NewLine
            + "Add a scenario or a table row in which it fires, or the pack has a rule no test exercises.",
            ex.Message);
    }

    [Fact]
    public void AssertAllRulesCovered_EveryRuleFired_Passes()
    {
        var coverage = new RuleCoverage(TwoRules());
        coverage.Evaluate(Base.LateBy(1).Case(k => k with { Channel = ContactChannel.PublicSocial }).Build());
        coverage.AssertAllRulesCovered();
        Assert.Equal(100, coverage.Percent);
    }

    [Fact]
    public void AssertAllRulesCovered_StandardPack_ListsEveryRuleNotYetExercised()
    {
        var coverage = new RuleCoverage(StandardPack.Default);
        coverage.Evaluate(Base.LateBy(2).Build());

        var ex = Assert.Throws<RuleCoverageException>(coverage.AssertAllRulesCovered);

        Assert.Equal(22, ex.Uncovered.Count);
        Assert.DoesNotContain("delay.gift", ex.Uncovered);
        Assert.Contains("  - withdrawal.out-of-window: A withdrawal after the statutory period", ex.Message, StringComparison.Ordinal);
        Assert.Contains("These rules never fired:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_VerdictOfAnotherPack_IsRejected()
    {
        var coverage = new RuleCoverage(TwoRules());
        var ex = Assert.Throws<ArgumentException>(() => coverage.Record(StandardPack.Default.Evaluate(Base.Build())));
        Assert.StartsWith("The verdict comes from pack 'standard@1.0.0', but this coverage records pack 'two@1.0.0'.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hits_UnknownRule_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new RuleCoverage(TwoRules()).Hits("late.gfit"));

    [Fact]
    public void Record_FromManyThreads_CountsEveryVerdict()
    {
        var pack = StandardPack.Default;
        var contexts = CareGenerators.Contexts().Sample(400, new Rnd(7), 50).ToArray();
        var expected = new Dictionary<string, int>();
        foreach (var ctx in contexts)
        {
            foreach (var id in pack.Evaluate(ctx).Fired)
            {
                expected[id] = expected.GetValueOrDefault(id) + 1;
            }
        }

        var coverage = new RuleCoverage(pack);
        Parallel.For(0, 8, _ =>
        {
            foreach (var ctx in contexts)
            {
                coverage.Evaluate(ctx);
            }
        });

        Assert.Equal(8 * 400, coverage.Evaluations);
        foreach (var rule in pack.Rules)
        {
            Assert.Equal(8L * expected.GetValueOrDefault(rule.Id), coverage.Hits(rule.Id));
        }
    }

    [Fact]
    public void ToString_ListsEveryRuleWithItsHits()
    {
        var coverage = new RuleCoverage(TwoRules());
        coverage.Evaluate(Base.LateBy(1).Build());
        Assert.Equal(
            "Rule coverage of pack two@1.0.0: 1 of 2 rules fired (50%) in 1 evaluations:" + Environment.NewLine
            + "  late.gift  1" + Environment.NewLine
            + "  public.pr  never",
            coverage.ToString());
    }
}
