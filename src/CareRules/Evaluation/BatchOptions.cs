namespace CareRules.Evaluation;

/// <summary>
/// How <see cref="BatchEvaluator"/> spreads a batch over threads: how many workers, how many inputs each takes at a
/// time, and how many chunks may be in flight (which bounds the memory a batch holds, however long its input).
/// Immutable and thread-safe.
/// </summary>
public sealed record BatchOptions
{
    private readonly int _maxDegreeOfParallelism = Environment.ProcessorCount;
    private readonly int _chunkSize = 256;
    private readonly int _maxChunksInFlight;

    /// <summary>The defaults: one worker per processor, chunks of 256 inputs, four chunks in flight per worker.</summary>
    public static BatchOptions Default { get; } = new();

    /// <summary>The number of worker threads (default <see cref="Environment.ProcessorCount"/>); at least 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value, "MaxDegreeOfParallelism must be at least 1.");
    }

    /// <summary>
    /// How many consecutive inputs a worker takes at a time (default 256); at least 1. Larger chunks cost less
    /// coordination; a result is yielded only when its whole chunk is done.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int ChunkSize
    {
        get => _chunkSize;
        init => _chunkSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(ChunkSize), value, "ChunkSize must be at least 1.");
    }

    /// <summary>
    /// The most chunks read from the input and not yet yielded (0, the default: four per worker, at least two). At
    /// most <c>MaxChunksInFlight × ChunkSize</c> inputs and their results are held at once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int MaxChunksInFlight
    {
        get => _maxChunksInFlight;
        init => _maxChunksInFlight = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxChunksInFlight), value, "MaxChunksInFlight must be zero (the default) or more.");
    }

    /// <summary>The window actually used: <see cref="MaxChunksInFlight"/>, or its default when 0.</summary>
    internal int Window => _maxChunksInFlight > 0 ? _maxChunksInFlight : Math.Max(2, 4 * _maxDegreeOfParallelism);
}
