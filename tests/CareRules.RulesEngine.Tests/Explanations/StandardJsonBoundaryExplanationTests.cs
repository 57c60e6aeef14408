using CareRules.Evaluation;
using CareRules.Explanations;
using CareRules.Packs;
using CareRules.Tests.Explanations;

namespace CareRules.RulesEngine.Tests.Explanations;

/// <summary>
/// The workflow JSON Standard pack (<see cref="WorkflowPack.Standard"/>) explained over the C# pack's boundary pairs
/// (<see cref="StandardBoundaryPairs"/>, linked from CareRules.Tests): its conditions are explained as written (the
/// unfolded tree, <c>params.x</c> named <c>x</c>, <c>Care.*</c> facts nesting their definitions), so the deciding clause
/// has the same text, values and flip as in the C# pack. Pinned: the texts are identical, and so is every clause of
/// every rule except <c>delivery.statutory-deadline</c>, whose C# condition has two extra leading clauses.
/// </summary>
public sealed class StandardJsonBoundaryExplanationTests
{
    private static readonly CompiledPack Json = WorkflowPack.Standard;

    private static readonly CompiledPack CSharp = StandardPack.Default;

    public static TheoryData<string> RuleIds => [.. StandardPack.RuleIds];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void BothSides_SameFiredAndDecidingClause_AsTheCSharpPack(string ruleId)
    {
        var pair = StandardBoundaryPairs.For(ruleId);
        Assert.True(pair is not null, $"{ruleId} has no boundary pair in CareRules.Tests/Explanations/StandardBoundaryPairs.cs: add one.");

        foreach (var (side, fires) in new[] { (pair.Fires, true), (pair.Quiet, false) })
        {
            var e = Json.Explain(side.Context, ruleId);

            Assert.Equal(fires, Json.Evaluate(side.Context).HasFired(ruleId));
            Assert.Equal(fires, e.Fired);
            Assert.False(e.IsOpaque);
            Assert.Equal(fires ? ClauseValue.True : ClauseValue.False, e.Condition!.Value);
            var clause = Clauses.Find(e, pair.Clause);
            Assert.Equal(fires ? ClauseValue.True : ClauseValue.False, clause.Value);
            Assert.Equal(side.Operands, Clauses.Lines(clause));
            if (fires)
            {
                Assert.Null(clause.Flip);
            }
            else
            {
                Clauses.AssertFlip(side.Flip, clause.Flip);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void WholeClauseTree_IsTheCSharpPacksTree(string ruleId)
    {
        // Also for delivery.statutory-deadline, whose C# condition evaluates a cheap age bound first: it is explained
        // by the legal fact alone, as the JSON pack states it.
        var pair = StandardBoundaryPairs.For(ruleId)!;
        foreach (var context in new[] { pair.Fires.Context, pair.Quiet.Context })
        {
            var json = Json.Explain(context, ruleId).Condition!;
            var cs = CSharp.Explain(context, ruleId).Condition!;
            Assert.Equal(Clauses.Dump(cs), Clauses.Dump(json));
        }
    }

    [Fact]
    public void ParamsMembers_AreNamedAsParameters_WithTheirValues()
    {
        var e = Json.Explain(StandardBoundaryPairs.For("boundary.contact-frequency")!.Quiet.Context, "boundary.contact-frequency");

        Assert.Equal("customer.ContactsLast7Days >= contactBoundary && case != null && case.Has(CaseFlags.NoNewFacts)", e.Condition!.Expression);
        var operand = Clauses.Find(e, "customer.ContactsLast7Days >= contactBoundary").Operands[1];
        Assert.Equal(new Operand("contactBoundary", "5", "contactBoundary"), operand);
    }
}
