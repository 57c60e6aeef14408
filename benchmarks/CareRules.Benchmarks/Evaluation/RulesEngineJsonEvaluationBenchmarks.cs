using BenchmarkDotNet.Attributes;
using CareRules.Benchmarks.Infrastructure;
using CareRules.Evaluation;
using CareRules.RulesEngine;

namespace CareRules.Benchmarks.Evaluation;

/// <summary>
/// Items 2 and 3 of issue 6, with (1) as the baseline so Ratio reads the targets directly: the Standard pack authored as
/// RulesEngine workflow JSON and compiled by CareRules (target ≤ 1.2×), and the same JSON run by Microsoft RulesEngine's
/// own <c>ExecuteAllRulesAsync</c> (target ≥ 100×).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.Evaluation)]
public class RulesEngineJsonEvaluationBenchmarks : EvaluationBenchmarkBase
{
    private CompiledPack _jsonPack = null!;
    private EvaluationBuffer _jsonBuffer = null!;
    private MicrosoftRulesEngineRunner _microsoft = null!;
    private CompiledPack _interpretedPack = null!;
    private EvaluationBuffer _interpretedBuffer = null!;

    public override void GlobalSetup()
    {
        base.GlobalSetup();
        _jsonPack = WorkflowPack.Standard.Optimize();
        _jsonBuffer = _jsonPack.CreateBuffer();
        _interpretedPack = WorkflowPack.CreateStandardBuilder().Build().KeepInterpreted();
        _interpretedBuffer = _interpretedPack.CreateBuffer();

        // Never compare unequal work: the JSON pack must decide exactly what the C# pack decides on every context.
        for (int i = 0; i < Contexts.Length; i++)
        {
            Pack.Evaluate(Contexts[i], Buffer);
            _jsonPack.Evaluate(Contexts[i], _jsonBuffer);
            _interpretedPack.Evaluate(Contexts[i], _interpretedBuffer);
            if (!Buffer.Decisions.SequenceEqual(_jsonBuffer.Decisions) || !Buffer.Fired.SequenceEqual(_jsonBuffer.Fired)
                || !Buffer.Decisions.SequenceEqual(_interpretedBuffer.Decisions) || !Buffer.Fired.SequenceEqual(_interpretedBuffer.Fired))
            {
                throw new InvalidOperationException($"The JSON pack decides differently from the C# pack on context #{i} of the mix.");
            }
        }

        _microsoft = new MicrosoftRulesEngineRunner(WorkflowPack.StandardJson, _jsonPack, Contexts);
    }

    /// <summary>(1) The C#-authored Standard pack into a caller buffer (the baseline of this class).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ContextMix.Size)]
    public int CSharpPack_IntoBuffer() => RunCSharpPackIntoBuffer();

    /// <summary>(2) The RulesEngine-JSON-authored Standard pack, compiled by CareRules, into a caller buffer.</summary>
    [Benchmark(OperationsPerInvoke = ContextMix.Size)]
    public int JsonPack_IntoBuffer() => RunIntoBuffer(_jsonPack, _jsonBuffer);

    /// <summary>
    /// The JSON pack interpreted, as a freshly built pack answers its first 32 contexts before it is compiled in the
    /// background (the price of a quick first answer).
    /// </summary>
    [Benchmark(OperationsPerInvoke = ContextMix.Size)]
    public int JsonPack_IntoBuffer_Interpreted() => RunIntoBuffer(_interpretedPack, _interpretedBuffer);

    /// <summary>(3) The same workflow JSON executed by Microsoft RulesEngine's <c>ExecuteAllRulesAsync</c>.</summary>
    [Benchmark(OperationsPerInvoke = ContextMix.Size)]
    public async Task<int> MicrosoftRulesEngine_ExecuteAllRulesAsync()
    {
        int succeeded = 0;
        for (int i = 0; i < ContextMix.Size; i++)
        {
            succeeded += await _microsoft.ExecuteAsync(i).ConfigureAwait(false);
        }

        return succeeded;
    }

    /// <summary>(3) as a service calls it: each context's <c>RuleParameter</c> inputs built, then <c>ExecuteAllRulesAsync</c>.</summary>
    [Benchmark(OperationsPerInvoke = ContextMix.Size)]
    public async Task<int> MicrosoftRulesEngine_InputsAndExecuteAllRulesAsync()
    {
        var contexts = Contexts;
        int succeeded = 0;
        for (int i = 0; i < contexts.Length; i++)
        {
            succeeded += await _microsoft.ExecuteAsync(contexts[i]).ConfigureAwait(false);
        }

        return succeeded;
    }
}
