using BenchmarkDotNet.Attributes;
using CareRules.Benchmarks.HandWritten;
using CareRules.Benchmarks.Infrastructure;

namespace CareRules.Benchmarks.Evaluation;

/// <summary>
/// Items 1 and 4 of issue 6: the C#-authored Standard pack, per context, returning a verdict and into a caller buffer,
/// against the same rules written by hand (the baseline, so Ratio reads "times the hand-written cost").
/// Target: CSharpPack_IntoBuffer ≤ 1.5× HandWritten, 0 B allocated.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.Evaluation)]
public class StandardPackEvaluationBenchmarks : EvaluationBenchmarkBase
{
    private HandWrittenStandardPack _handWritten = null!;
    private HandWrittenResult _handWrittenResult = null!;
    private CareRules.Evaluation.CompiledPack _general = null!;
    private CareRules.Evaluation.EvaluationBuffer _generalBuffer = null!;

    public override void GlobalSetup()
    {
        base.GlobalSetup();
        _handWritten = new HandWrittenStandardPack(Pack.Parameters.Get(Packs.StandardParameters.Stance));
        _handWrittenResult = new HandWrittenResult();
        _general = CareRules.Evaluation.PackBuilderExtensions.BuildGeneral(Packs.StandardPack.CreateBuilder()).Optimize();
        _generalBuffer = _general.CreateBuffer();

        // Never compare unequal work: the baseline must decide exactly what the engine decides, context by context.
        for (int i = 0; i < Contexts.Length; i++)
        {
            Pack.Evaluate(Contexts[i], Buffer);
            _handWritten.Evaluate(Contexts[i], _handWrittenResult);
            if (Equivalence.Difference(Buffer, _handWrittenResult) is { } difference)
            {
                throw new InvalidOperationException($"The hand-written pack differs from the engine on context #{i} of the mix:{Environment.NewLine}{difference}");
            }
        }
    }

    /// <summary>(4) Hand-written C# if/else of the same rules with the same outputs, into a preallocated array.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ContextMix.Size)]
    public int HandWritten()
    {
        var contexts = Contexts;
        var pack = _handWritten;
        var result = _handWrittenResult;
        int decisions = 0;
        for (int i = 0; i < contexts.Length; i++)
        {
            pack.Evaluate(contexts[i], result);
            decisions += result.Count;
        }

        return decisions;
    }

    /// <summary>(1) The C#-authored Standard pack into a caller buffer.</summary>
    [Benchmark(OperationsPerInvoke = ContextMix.Size)]
    public int CSharpPack_IntoBuffer() => RunCSharpPackIntoBuffer();

    /// <summary>
    /// (1) run by the general engine: the same pack without the fused method (its loop over the rules, a delegate per
    /// condition and function), the reference the fused form is tested against. Shows what the per-pack compilation buys.
    /// </summary>
    [Benchmark(OperationsPerInvoke = ContextMix.Size)]
    public int CSharpPack_General_IntoBuffer() => RunIntoBuffer(_general, _generalBuffer);

    /// <summary>(1) The C#-authored Standard pack returning an immutable verdict per context.</summary>
    [Benchmark(OperationsPerInvoke = ContextMix.Size)]
    public int CSharpPack_Verdict()
    {
        var contexts = Contexts;
        var pack = Pack;
        int decisions = 0;
        for (int i = 0; i < contexts.Length; i++)
        {
            decisions += pack.Evaluate(contexts[i]).Decisions.Count;
        }

        return decisions;
    }
}
