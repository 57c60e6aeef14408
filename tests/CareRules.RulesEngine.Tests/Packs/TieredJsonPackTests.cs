using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Serialization;
using CareRules.Testing;

namespace CareRules.RulesEngine.Tests.Packs;

/// <summary>
/// A workflow JSON pack is built without compiling anything: its fused conditions and its decision functions (values,
/// due-bys, guards) are interpreted until the pack is optimized, and give the same verdicts in both tiers.
/// </summary>
public sealed class TieredJsonPackTests
{
    private static readonly IReadOnlyList<CareContext> Contexts = CareGenerators.Sample(1_500, 18);

    [Theory]
    [InlineData(Stance.Generous)]
    [InlineData(Stance.Balanced)]
    [InlineData(Stance.Firm)]
    public void InterpretedAndCompiled_GiveTheSameVerdicts_AsTheCSharpPack(Stance stance)
    {
        var interpreted = WorkflowPack.CreateStandardBuilder().Set(StandardParameters.Stance, stance).Build().KeepInterpreted();
        var compiled = WorkflowPack.CreateStandardBuilder().Set(StandardParameters.Stance, stance).Build().Optimize();
        var csharp = StandardPack.Build(b => b.Set(StandardParameters.Stance, stance)).Optimize();

        foreach (var context in Contexts)
        {
            string expected = VerdictJsonWriter.ToJson(csharp.Evaluate(context));
            Assert.Equal(expected, VerdictJsonWriter.ToJson(compiled.Evaluate(context)));
            Assert.Equal(expected, VerdictJsonWriter.ToJson(interpreted.Evaluate(context)));
        }
    }

    [Theory]
    [InlineData(Stance.Generous)]
    [InlineData(Stance.Balanced)]
    [InlineData(Stance.Firm)]
    public void Fused_DecidesAsTheGeneralEngine(Stance stance)
    {
        // The general engine: each condition and decision function a delegate of its own, run by the pack's loop.
        var general = WorkflowPack.CreateStandardBuilder().Set(StandardParameters.Stance, stance).BuildGeneral().Optimize();
        var fused = WorkflowPack.CreateStandardBuilder().Set(StandardParameters.Stance, stance).Build().Optimize();
        Assert.False(general.IsFused);
        Assert.True(fused.IsFused);

        foreach (var context in Contexts.Concat(CareGenerators.Sample(CareEdgeGenerators.Contexts(), 500, 18)))
        {
            Assert.Equal(VerdictJsonWriter.ToJson(general.Evaluate(context)), VerdictJsonWriter.ToJson(fused.Evaluate(context)));
        }

        // The Standard workflow guards what it reads: no context, edge ones included, makes its compiled fused methods
        // (which run without the exception handlers of their parts) fall back to the rules one by one.
        Assert.True(fused.Fused!.IsLean);
        Assert.Equal(0, fused.Fused.Fallbacks);
    }

    [Fact]
    public void DecisionFunctions_AreInterpretedUntilOptimized_ThenCompiledInTheFusedRules()
    {
        var pack = WorkflowPack.CreateStandardBuilder().Build().KeepInterpreted();
        var outcomes = pack.CompiledRules.SelectMany(r => r.Outcomes).ToList();
        Assert.Contains(outcomes, o => o.IsTiered); // e.g. the due-by of an escalation, a discount's value
        Assert.False(pack.IsOptimized);

        pack.Optimize();

        // Evaluation runs the fused methods, which inline the decision functions and are compiled now; the functions'
        // own delegates serve explanations only and are left as they were.
        Assert.True(pack.IsOptimized);
        Assert.Contains(outcomes, o => o.IsTiered);
    }
}
