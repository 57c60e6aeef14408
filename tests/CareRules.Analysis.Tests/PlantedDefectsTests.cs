using CareRules.Analysis.Z3;
using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Analysis.Tests;

/// <summary>Every defect planted in packs/planted-defects.json is found with the right kind, severity, rules and proof, and its example reproduces it.</summary>
public sealed class PlantedDefectsTests
{
    [Fact]
    public void DeadRule_IsFound_ProvenByZ3_WithTheClauseThatIsNeverTrue()
    {
        var f = Planted.Finding(FindingKind.DeadRule, "planted.dead-delivered-without-date");
        Assert.Equal(FindingSeverity.Error, f.Severity);
        Assert.Equal(Z3RuleProver.IsAvailable, f.Proven);
        Assert.Contains(Z3RuleProver.IsAvailable ? "proven" : "not fired in", f.Message, StringComparison.Ordinal);
        Assert.Contains("order.DeliveredAt == null", f.Message, StringComparison.Ordinal);
        var example = Planted.RoundTrip(f.Example!);
        Assert.False(Planted.Pack.Evaluate(example).HasFired("planted.dead-delivered-without-date"));
        Assert.Equal(OrderStatus.Delivered, example.Order!.Status); // the closest miss: delivered, and so with a date
    }

    [Fact]
    public void ShadowedRule_IsFound_NamingTheSuppressingRule_AndItsExampleReproduces()
    {
        var f = Planted.Finding(FindingKind.Shadowed, "planted.shadowed-abusive-gift");
        Assert.Equal(FindingSeverity.Error, f.Severity);
        Assert.Equal(["planted.shadowed-abusive-gift", "boundary.abusive"], f.Rules);
        Assert.False(f.Proven);
        Assert.Contains("suppressed by boundary.abusive", f.Message, StringComparison.Ordinal);
        var verdict = Planted.Pack.Evaluate(Planted.RoundTrip(f.Example!));
        Assert.True(verdict.HasFired("planted.shadowed-abusive-gift"));
        Assert.DoesNotContain(verdict.Decisions, d => d.RuleId == "planted.shadowed-abusive-gift");
        Assert.Contains(verdict.Trace, t => t.Kind == TraceKind.GoodwillSuppressed && t.RuleId == "planted.shadowed-abusive-gift" && t.CauseRuleId == "boundary.abusive");
    }

    [Fact]
    public void Conflict_HoldBesideReship_IsFound_AsAnError_AndItsExampleReproduces()
    {
        var f = Assert.Single(Planted.Report.Findings, f => f.Kind == FindingKind.Conflict && f.Rules.Contains("planted.conflict-reship-open-claim"));
        Assert.Equal(FindingSeverity.Error, f.Severity);
        Assert.Equal(["lost-parcel.investigate", "planted.conflict-reship-open-claim"], f.Rules);
        Assert.True(f.Proven); // shown by its example
        var verdict = Planted.Pack.Evaluate(Planted.RoundTrip(f.Example!));
        Assert.Contains(verdict.Decisions, d => d.Type == DecisionType.Stop && d.Stop == StopKind.HoldPendingCarrierClaim && d.RuleId == "lost-parcel.investigate");
        Assert.Contains(verdict.Decisions, d => d.Type == DecisionType.Compensate && d.Offer == OfferKind.Reship && d.RuleId == "planted.conflict-reship-open-claim");
    }

    [Fact]
    public void ParameterThatLeavesNoRoom_IsFound_NamingTheCapParameters_AndItsExampleReproduces()
    {
        var f = Planted.Finding(FindingKind.Parameter, "planted.parameter-top-up");
        Assert.Equal(FindingSeverity.Error, f.Severity);
        Assert.Contains("minMeaningfulGift 10.00", f.Message, StringComparison.Ordinal);
        Assert.Contains("capped away by the goodwill cap", f.Message, StringComparison.Ordinal);
        var verdict = Planted.Pack.Evaluate(Planted.RoundTrip(f.Example!));
        Assert.True(verdict.HasFired("planted.parameter-top-up"));
        Assert.DoesNotContain(verdict.Decisions, d => d.RuleId == "planted.parameter-top-up");
    }

    [Fact]
    public void Examples_AreShrunk()
    {
        foreach (var f in Planted.Report.Findings)
        {
            var example = f.Example!;
            Assert.Equal("C-1", example.Customer.Id);
            Assert.True(example.Order is null || example.Order.Id == "O-1", f.ToString());
            Assert.True(example.Case is null || (example.Case.Id == "K-1" && example.Case.Channel == ContactChannel.Email), f.ToString());
        }

        // The shadowed rule's example keeps only what makes it fire: an abusive delivery-delay case, nothing else.
        var shadowed = Planted.Finding(FindingKind.Shadowed, "planted.shadowed-abusive-gift").Example!;
        Assert.Null(shadowed.Order);
        Assert.Equal(CaseFlags.Abusive, shadowed.Case!.Flags);
        Assert.Equal(0, shadowed.Customer.ContactsLast7Days);
    }

    [Fact]
    public void TheStandardRules_OnlyShowTheAcceptedWarnings()
    {
        // docs/analysis.md, section 6: the Standard pack's findings are warnings, each explained and accepted.
        Assert.All(Planted.Report.Findings.Where(f => f.Rules.All(r => !r.StartsWith("planted.", StringComparison.Ordinal))),
            f => Assert.Equal(FindingSeverity.Warning, f.Severity));
    }

    [Fact]
    public void AssertAnalysisClean_Throws_ListingTheErrors()
    {
        var ex = Assert.Throws<PackAnalysisException>(() => Planted.Pack.AssertAnalysisClean(new AnalysisOptions { Contexts = 50_000 }));
        Assert.Contains("planted.shadowed-abusive-gift", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Report!.HasErrors);
    }
}
