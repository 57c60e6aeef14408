using BenchmarkDotNet.Attributes;
using CareRules.Benchmarks.Evaluation;
using CareRules.Benchmarks.Infrastructure;
using CareRules.Evaluation;
using CareRules.Packs;
using CareRules.Authoring;

namespace CareRules.Benchmarks.Build;

/// <summary>
/// Item 6 of issue 6: the time to build each pack form, apart from evaluation. A build is paid once per process
/// (or per configuration change); these are warm, steady-state numbers. The hand-written pack has no build step.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.Build)]
public class PackBuildBenchmarks
{
    /// <summary>The C#-authored Standard pack with every default: builder, parameters, 24 rules, validation, freeze.</summary>
    [Benchmark(Baseline = true)]
    public CompiledPack CSharpPack_Build() => StandardPack.Build();

    /// <summary>The same with a parameter set by name from text, as configuration and <c>--param</c> do it.</summary>
    [Benchmark]
    public CompiledPack CSharpPack_Build_WithOverride() => StandardPack.Build(b => b.Set("stance", "firm"));

    /// <summary>Only the authoring half: a builder holding the parameters and the 24 rule definitions.</summary>
    [Benchmark]
    public PackBuilder CSharpPack_CreateBuilder() => StandardPack.CreateBuilder();

    /// <summary>(6) CareRules compiling the embedded <c>standard.json</c> (parse, sandbox, type-check, compile every expression).</summary>
    [Benchmark]
    public CompiledPack JsonPack_Build() => RulesEngine.WorkflowPack.CreateStandardBuilder().Build();

    /// <summary>
    /// (6) The JSON pack's build and its first evaluation: the time to a service's first answer, as
    /// <see cref="MicrosoftRulesEngine_BuildAndFirstRun"/> measures it for RulesEngine.
    /// </summary>
    [Benchmark]
    public int JsonPack_BuildAndFirstRun() => RulesEngine.WorkflowPack.CreateStandardBuilder().Build().Evaluate(_firstContext).Fired.Count;

    /// <summary>
    /// The JSON pack from its text: parse, sandbox and type-check every expression of <c>standard.json</c>, build,
    /// and answer once. <see cref="JsonPack_BuildAndFirstRun"/> starts from the parsed documents (the embedded pack is
    /// parsed once per process); this row is what a service pays for a pack file it has never seen, as
    /// <see cref="MicrosoftRulesEngine_BuildAndFirstRun"/> reads its JSON too.
    /// </summary>
    [Benchmark]
    public int JsonPack_ParseBuildAndFirstRun()
    {
        var builder = new PackBuilder(StandardPack.Name, StandardPack.Version);
        foreach (var parameter in StandardParameters.All)
        {
            builder.Define(parameter);
        }

        return RulesEngine.WorkflowPack.Extend(builder, RulesEngine.WorkflowSource.FromJson(RulesEngine.WorkflowPack.StandardJson, "standard.json"))
            .Build().Evaluate(_firstContext).Fired.Count;
    }

    /// <summary>The JSON pack's build and its compilation to IL (<see cref="CompiledPack.Optimize"/>), as the background compiler does it.</summary>
    [Benchmark]
    public CompiledPack JsonPack_BuildAndOptimize() => RulesEngine.WorkflowPack.CreateStandardBuilder().Build().Optimize();

    /// <summary>The C# pack's build and its compilation to IL.</summary>
    [Benchmark]
    public CompiledPack CSharpPack_BuildAndOptimize() => StandardPack.Build().Optimize();

    /// <summary>
    /// (6) Microsoft RulesEngine on the same JSON: it compiles a workflow's expressions on its first execution, so its
    /// build is read, create and one <c>ExecuteAllRulesAsync</c> on one context.
    /// </summary>
    [Benchmark]
    public Task<int> MicrosoftRulesEngine_BuildAndFirstRun() =>
        MicrosoftRulesEngineRunner.BuildAndRunOnceAsync(RulesEngine.WorkflowPack.StandardJson, _jsonPolicy, _firstContext);

    private readonly CompiledPack _jsonPolicy = RulesEngine.WorkflowPack.Standard;
    private readonly Model.CareContext _firstContext = ContextMix.Standard.Contexts[0];
}
