using BenchmarkDotNet.Attributes;
using CareRules.Benchmarks.HandWritten;
using CareRules.Benchmarks.Infrastructure;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;

namespace CareRules.Benchmarks.Evaluation;

/// <summary>
/// Item 5 of issue 6: a batch of one million contexts (the mix, cycled) over all cores. Workers claim chunks of
/// <see cref="ChunkSize"/> contexts from a shared counter (so a core slowed by other work does not hold the batch
/// up) and each evaluates into its own buffer. <c>OperationsPerInvoke</c> is the batch size, so Mean is the
/// machine's time per context and Cases/s its throughput. Target: ≥ 1,000,000 cases/s on 2 cores.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.Batch)]
public class BatchBenchmarks
{
    public const int BatchSize = 1_000_000;
    public const int ChunkSize = 4096;

    private CareContext[] _contexts = [];
    private CompiledPack _policy = null!;
    private EvaluationBuffer[] _buffers = [];
    private HandWrittenStandardPack _handWritten = null!;
    private HandWrittenResult[] _handWrittenResults = [];
    private ParallelOptions _options = null!;
    private int _workers;
    private int _chunks;
    private int _nextChunk;

    [GlobalSetup]
    public void GlobalSetup()
    {
        _contexts = ContextMix.Standard.Cycle(BatchSize);
        _policy = StandardPack.Default.Optimize();
        _handWritten = new HandWrittenStandardPack(_policy.Parameters.Get(StandardParameters.Stance));
        _workers = Environment.ProcessorCount;
        _options = new ParallelOptions { MaxDegreeOfParallelism = _workers };
        _buffers = new EvaluationBuffer[_workers];
        _handWrittenResults = new HandWrittenResult[_workers];
        for (int w = 0; w < _workers; w++)
        {
            _buffers[w] = _policy.CreateBuffer();
            _handWrittenResults[w] = new HandWrittenResult();
        }

        _chunks = (BatchSize + ChunkSize - 1) / ChunkSize;
    }

    /// <summary>(4) over all cores: the hand-written pack.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = BatchSize)]
    public long HandWritten_AllCores()
    {
        _nextChunk = 0;
        long decisions = 0;
        Parallel.For(0, _workers, _options, w =>
        {
            var result = _handWrittenResults[w];
            var pack = _handWritten;
            var contexts = _contexts;
            long local = 0;
            while (TryClaim(out int from, out int to))
            {
                for (int i = from; i < to; i++)
                {
                    pack.Evaluate(contexts[i], result);
                    local += result.Count;
                }
            }

            Interlocked.Add(ref decisions, local);
        });
        return decisions;
    }

    /// <summary>(5) The C#-authored Standard pack over all cores, one buffer per worker.</summary>
    [Benchmark(OperationsPerInvoke = BatchSize)]
    public long CSharpPack_IntoBuffer_AllCores()
    {
        _nextChunk = 0;
        long decisions = 0;
        Parallel.For(0, _workers, _options, w =>
        {
            var buffer = _buffers[w];
            var pack = _policy;
            var contexts = _contexts;
            long local = 0;
            while (TryClaim(out int from, out int to))
            {
                for (int i = from; i < to; i++)
                {
                    pack.Evaluate(contexts[i], buffer);
                    local += buffer.Decisions.Length;
                }
            }

            Interlocked.Add(ref decisions, local);
        });
        return decisions;
    }

    /// <summary>(5) The C#-authored Standard pack over all cores, a verdict per context (what a caller that keeps results pays).</summary>
    [Benchmark(OperationsPerInvoke = BatchSize)]
    public long CSharpPack_Verdict_AllCores()
    {
        _nextChunk = 0;
        long decisions = 0;
        Parallel.For(0, _workers, _options, w =>
        {
            var pack = _policy;
            var contexts = _contexts;
            long local = 0;
            while (TryClaim(out int from, out int to))
            {
                for (int i = from; i < to; i++)
                {
                    local += pack.Evaluate(contexts[i]).Decisions.Count;
                }
            }

            Interlocked.Add(ref decisions, local);
        });
        return decisions;
    }

    private bool TryClaim(out int from, out int to)
    {
        int chunk = Interlocked.Increment(ref _nextChunk) - 1;
        from = chunk * ChunkSize;
        to = Math.Min(from + ChunkSize, BatchSize);
        return chunk < _chunks;
    }
}
