using CareRules.Evaluation;
using CareRules.Packs;
using CareRules.RulesEngine.Tests.Support;

namespace CareRules.RulesEngine.Tests.Sandbox;

/// <summary>
/// The sandbox bounds an expression's work before anything is compiled or evaluated (docs/workflow-json.md,
/// "Limits"): nested loops over collections multiply, and an expression that may take more than 100,000 steps is
/// rejected at load, naming the rule — whether it is constant (the build would evaluate it) or reads the case (every
/// evaluation would run it).
/// </summary>
public sealed class CostLimitTests
{
    private static readonly string Thirty = "new[] { " + string.Join(", ", Enumerable.Range(0, 30)) + " }";

    /// <summary>Sums over 30 elements nested <paramref name="depth"/> deep: 30^depth iterations.</summary>
    private static string Nested(int depth, string innermost)
    {
        string body = innermost;
        for (int level = depth; level >= 1; level--)
        {
            body = $"{Thirty}.Sum(x{level} => {body})";
        }

        return body + " > 0";
    }

    [Theory]
    [InlineData(6, "x1 + x6")] // the fuzz campaign's reproducer: constant, 607 characters, never finished loading
    [InlineData(4, "x1 + x4")] // took 11 s to load
    [InlineData(4, "x1 + customer.Orders")] // reads the case: took 20 s per evaluation
    [InlineData(3, "x1 + customer.Orders")] // 27,000 iterations of the innermost body: over the limit too
    public void NestedLoops_OverTheLimit_AreRejectedAtLoad_NamingTheRule(int depth, string innermost)
    {
        var errors = Json.Errors(Json.Workflow("costly", Json.Rule("costly.rule", Nested(depth, innermost))), "costly.json");

        var error = Assert.Single(errors);
        Assert.Equal("costly.json:workflows['costly'].Rules['costly.rule'].Expression", error.Path);
        Assert.Contains("more than the 100,000 an expression may take", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestedLoops_WithinTheLimit_LoadAndRun()
    {
        // 30 × 30 = 900 iterations: allowed, and it runs.
        var pack = WorkflowPack.Extend(StandardPack.CreateBuilder(), WorkflowSource.FromJson(Json.Workflow("fine", Json.Rule("fine.rule", Nested(2, "x1 + customer.Orders"))))).Build();
        var verdict = pack.Evaluate(global::CareRules.Testing.Scenario.AtLocal(2026, 11, 23, 10, 0).Build());
        Assert.Contains("fine.rule", verdict.Fired);
    }

    [Fact]
    public void ACollectionHeldByALocalParam_KeepsItsSize_WhereItIsUsed()
    {
        var localParams = new object[] { new Dictionary<string, object?> { ["Name"] = "xs", ["Expression"] = Thirty } };
        string threeDeep = "xs.Sum(a => xs.Sum(b => xs.Sum(c => xs.Sum(d => a + b + c + d)))) > 0";

        var errors = Json.Errors(Json.Workflow("costly", Json.Rule("costly.rule", threeDeep, localParams: localParams)), "costly.json");

        Assert.Contains(errors, e => e.Path == "costly.json:workflows['costly'].Rules['costly.rule'].Expression" && e.Message.Contains("steps to run", StringComparison.Ordinal));
    }

    [Fact]
    public void TextOfTheCase_CountsAsALongCollection_WhenLoopedOver()
    {
        // A case's text has no static length: looping over it inside a loop over it is bounded as 1,000 × 1,000.
        var errors = Json.Errors(Json.Workflow("costly", Json.Rule("costly.rule", "customer.Id.Any(a => customer.Id.Any(b => a == b))")), "costly.json");
        Assert.Contains("steps to run", Assert.Single(errors).Message, StringComparison.Ordinal);
    }
}
