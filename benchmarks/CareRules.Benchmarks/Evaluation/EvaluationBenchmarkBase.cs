using BenchmarkDotNet.Attributes;
using CareRules.Benchmarks.Infrastructure;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;

namespace CareRules.Benchmarks.Evaluation;

/// <summary>
/// What every per-context evaluation benchmark shares: the context mix and the C#-authored Standard pack with its
/// buffer. A benchmark method runs the whole mix once and declares <c>OperationsPerInvoke = ContextMix.Size</c>, so
/// Mean and Allocated are per context. Derive from this for more pack forms (see benchmarks/README.md).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.Evaluation)]
public abstract class EvaluationBenchmarkBase
{
    protected CareContext[] Contexts { get; private set; } = [];

    protected CompiledPack Pack { get; private set; } = null!;

    protected EvaluationBuffer Buffer { get; private set; } = null!;

    [GlobalSetup]
    public virtual void GlobalSetup()
    {
        Contexts = [.. ContextMix.Standard.Contexts];
        Pack = StandardPack.Default.Optimize(); // steady state: compiled, as it is after its first 32 evaluations
        Buffer = Pack.CreateBuffer();
    }

    /// <summary>(1) The C#-authored Standard pack into a caller buffer: the engine's allocation-free path.</summary>
    protected int RunCSharpPackIntoBuffer() => RunIntoBuffer(Pack, Buffer);

    /// <summary>Every context of the mix evaluated by <paramref name="pack"/> into <paramref name="buffer"/>; returns the decisions made.</summary>
    protected int RunIntoBuffer(CompiledPack pack, EvaluationBuffer buffer)
    {
        var contexts = Contexts;
        int decisions = 0;
        for (int i = 0; i < contexts.Length; i++)
        {
            pack.Evaluate(contexts[i], buffer);
            decisions += buffer.Decisions.Length;
        }

        return decisions;
    }
}
