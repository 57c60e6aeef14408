using CareRules.Analysis.Z3;
using CareRules.Evaluation;
using CareRules.Packs;

namespace CareRules.Analysis.Tests;

/// <summary>The Z3 prover: a planted contradiction is unsatisfiable; live Standard rules are satisfiable.</summary>
public sealed class Z3RuleProverTests
{
    [Fact]
    public void DeadRule_IsUnsatisfiable_UnderTheDeliveredInvariant()
    {
        var proof = Z3RuleProver.Instance.Prove(Planted.Pack, "planted.dead-delivered-without-date");
        Assert.Equal(Z3RuleProver.IsAvailable ? ProofOutcome.Unsatisfiable : ProofOutcome.Unknown, proof.Outcome);
    }

    [Theory]
    [InlineData("boundary.contact-frequency")]
    [InlineData("boundary.unfounded-complaints")]
    [InlineData("escalate.vip-at-risk")]
    [InlineData("delay.notify-immediately")]
    [InlineData("planted.shadowed-abusive-gift")]
    public void LiveRules_AreSatisfiable_WithAModel(string rule)
    {
        var proof = Z3RuleProver.Instance.Prove(Planted.Pack, rule);
        Assert.Equal(Z3RuleProver.IsAvailable ? ProofOutcome.Satisfiable : ProofOutcome.Unknown, proof.Outcome);
    }

    [Fact]
    public void EveryStandardRule_IsNeverProvenDead()
    {
        foreach (var rule in StandardPack.Default.Rules)
        {
            Assert.NotEqual(ProofOutcome.Unsatisfiable, Z3RuleProver.Instance.Prove(StandardPack.Default, rule.Id).Outcome);
        }
    }

    [Fact]
    public void Script_DeclaresTheMembers_AndTheModelsInvariants()
    {
        string script = Z3RuleProver.Script(Planted.Pack, "planted.dead-delivered-without-date")!;
        Assert.Contains("(declare-const |Order.Status| Int)", script, StringComparison.Ordinal);
        Assert.Contains("(=> (= |Order.Status| 3) |Order.DeliveredAt.present|)", script, StringComparison.Ordinal);
        Assert.EndsWith("(check-sat)\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void CountBelowZero_IsUnsatisfiable()
    {
        var pack = RulesEngine.WorkflowPack.Extend(StandardPack.CreateBuilder(), RulesEngine.WorkflowSource.FromJson("""
            { "WorkflowName": "w", "Rules": [ { "RuleName": "x.negative", "Expression": "customer.ContactsLast7Days < 0 || order.Total.Amount < 0",
              "Properties": { "decisions": [ { "type": "advise", "advice": "apologise-no-blame", "reason": "Never." } ] } } ] }
            """, "w.json")).Build();
        Assert.Equal(Z3RuleProver.IsAvailable ? ProofOutcome.Unsatisfiable : ProofOutcome.Unknown, Z3RuleProver.Instance.Prove(pack, "x.negative").Outcome);
    }
}
