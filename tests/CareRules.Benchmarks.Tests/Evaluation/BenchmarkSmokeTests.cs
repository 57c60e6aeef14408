using CareRules.Benchmarks.Build;
using CareRules.Benchmarks.Evaluation;
using CareRules.Benchmarks.Reading;

namespace CareRules.Benchmarks.Tests.Evaluation;

/// <summary>
/// The benchmark methods, called directly (not measured): setup passes its own checks and every variant does the same
/// work. The batch (a million contexts) is left to the benchmark's quick mode, which CI runs.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public void StandardPackEvaluation_EveryVariantMakesTheSameDecisions()
    {
        var benchmarks = new StandardPackEvaluationBenchmarks();
        benchmarks.GlobalSetup(); // throws when the hand-written pack and the engine differ on any context of the mix
        int handWritten = benchmarks.HandWritten();
        Assert.True(handWritten > 0);
        Assert.Equal(handWritten, benchmarks.CSharpPack_IntoBuffer());
        Assert.Equal(handWritten, benchmarks.CSharpPack_Verdict());
    }

    [Fact]
    public void PackBuild_BuildsTheStandardPack()
    {
        var benchmarks = new PackBuildBenchmarks();
        Assert.Equal(24, benchmarks.CSharpPack_Build().Rules.Count);
        Assert.Equal(24, benchmarks.CSharpPack_Build_WithOverride().Rules.Count);
        Assert.Equal(24, benchmarks.CSharpPack_CreateBuilder().RuleIds.Count);
        Assert.Equal(24, benchmarks.JsonPack_Build().Rules.Count);
    }

    [Fact]
    public async Task PackBuild_MicrosoftRulesEngine_BuildsAndRunsTheSameJson()
    {
        var benchmarks = new PackBuildBenchmarks();
        var context = CareRules.Benchmarks.Infrastructure.ContextMix.Standard.Contexts[0];
        int fired = CareRules.RulesEngine.WorkflowPack.Standard.Evaluate(context).Fired.Count;

        // Every Standard rule whose condition holds fires in CareRules; RulesEngine counts the same rules as succeeded.
        Assert.Equal(fired, await benchmarks.MicrosoftRulesEngine_BuildAndFirstRun());
        Assert.Equal(fired, benchmarks.JsonPack_BuildAndFirstRun());
    }

    [Fact]
    public async Task RulesEngineJsonBenchmarks_SetUpAndRun_TheJsonPackDecidesAsTheCSharpPack()
    {
        var benchmarks = new RulesEngineJsonEvaluationBenchmarks();
        benchmarks.GlobalSetup(); // throws when the JSON pack and the C# pack differ on any context of the mix

        Assert.Equal(benchmarks.CSharpPack_IntoBuffer(), benchmarks.JsonPack_IntoBuffer());
        int succeeded = await benchmarks.MicrosoftRulesEngine_ExecuteAllRulesAsync();
        Assert.True(succeeded > 0);
        Assert.Equal(succeeded, await benchmarks.MicrosoftRulesEngine_InputsAndExecuteAllRulesAsync());
    }

    [Fact]
    public void CaseRead_SetsUpAndReadsEveryGeneratedCase_InBothShapes()
    {
        var benchmarks = new CaseReadBenchmarks();
        benchmarks.GlobalSetup(); // throws unless both buffers read back as Count valid cases

        Assert.Equal(CaseReadBenchmarks.Count, benchmarks.ReadArray());
        Assert.Equal(CaseReadBenchmarks.Count, benchmarks.ReadLines());
        Assert.InRange(CaseReadBenchmarks.BytesPerOperation, 300, 2000);
    }

    [Fact]
    public void Interleaved_OneRound_ReportsEveryVariantAndTheJsonRatio()
    {
        using var output = new StringWriter();

        CareRules.Benchmarks.Infrastructure.InterleavedComparison.Run(1, null, output);

        string text = output.ToString();
        Assert.Contains("HandWritten (4)", text, StringComparison.Ordinal);
        Assert.Contains("CSharpPack_IntoBuffer (1)", text, StringComparison.Ordinal);
        Assert.Contains("JsonPack_IntoBuffer (2)", text, StringComparison.Ordinal);
        Assert.Contains("(2) / (1) = ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("baseline", text, StringComparison.Ordinal);
    }

    [Fact]
    public void BaselineBuild_LoadedBesideThisOne_EvaluatesTheMixInItsOwnTypes()
    {
        // This build's own CareRules.dll as the baseline: loaded again into a context of its own, its types are not
        // this build's, so the contexts go over as JSON and come back through its reader.
        string path = typeof(CareRules.Evaluation.CompiledPack).Assembly.Location;
        var contexts = CareRules.Benchmarks.Infrastructure.ContextMix.Standard.Contexts.Take(64).ToArray();

        var evaluate = CareRules.Benchmarks.Infrastructure.BaselineBuild.StandardPackEvaluator(path, contexts);
        for (int i = 0; i < contexts.Length; i++)
        {
            evaluate(i);
        }

        Assert.Throws<IndexOutOfRangeException>(() => { evaluate(contexts.Length); }); // its own copy of the contexts, no more
        using var output = new StringWriter();
        CareRules.Benchmarks.Infrastructure.InterleavedComparison.Run(1, path, output);
        Assert.Contains("(1), baseline build", output.ToString(), StringComparison.Ordinal);
    }
}
