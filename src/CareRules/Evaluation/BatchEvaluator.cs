using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using CareRules.Model;

namespace CareRules.Evaluation;

/// <summary>
/// Parallel evaluation of a batch that keeps input order and bounded memory: the input is read on the calling thread
/// (the one enumerating the results) in chunks, the chunks are evaluated by worker threads, each with state of its
/// own (an <see cref="EvaluationBuffer"/>, say), and the results come back in input order, a chunk as soon as it and
/// every chunk before it are done. At most <see cref="BatchOptions.MaxChunksInFlight"/> chunks are held, so a batch of
/// any length — a file of millions of cases, a database cursor — runs in constant memory, and reading, evaluating and
/// writing overlap. An exception evaluating one input is that input's <see cref="BatchResult{T}.Error"/>; every other
/// input is still evaluated. Static and thread-safe; each enumeration runs its own workers.
/// </summary>
/// <remarks>
/// <para>The input sequence is enumerated only on the thread that enumerates the results (so a reader that is not
/// thread-safe, such as <c>CaseJsonReader.Enumerate</c> or a database reader, is safe), and an exception it throws
/// ends the batch and surfaces from the enumeration. Cancelling the token, or disposing the enumerator early, stops
/// the workers; they have all finished when <c>MoveNext</c> throws <see cref="OperationCanceledException"/> or
/// <c>Dispose</c> returns.</para>
/// <para>For zero allocations per input, use <see cref="Run{TInput, TWorker, TResult}"/> with an
/// <see cref="EvaluationBuffer"/> per worker and extract what you need into a value type:</para>
/// <code>
/// foreach (var r in BatchEvaluator.Run(contexts, pack.CreateBuffer,
///     (buffer, context) => { pack.Evaluate(context, buffer); return buffer.GoodwillTotal; }))
/// {
///     if (r.Succeeded) { total += r.Value.Amount; } else { Log(r.Index, r.Error); }
/// }
/// </code>
/// </remarks>
public static class BatchEvaluator
{
    /// <summary>Evaluates every context with <paramref name="pack"/> in parallel; one verdict per context, in input order.</summary>
    /// <param name="pack">The pack.</param>
    /// <param name="contexts">The contexts, enumerated once on the calling thread.</param>
    /// <param name="options">Workers, chunk size and window; <see cref="BatchOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>A lazy sequence of results in input order; enumerate it once.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pack"/> or <paramref name="contexts"/> is null.</exception>
    public static IEnumerable<BatchResult<Verdict>> Evaluate(CompiledPack pack, IEnumerable<CareContext> contexts, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(contexts);
        return Run(contexts, pack.CreateBuffer, (buffer, context) =>
        {
            pack.Evaluate(context, buffer);
            return buffer.ToVerdict();
        }, options, cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="evaluate"/> to every input on worker threads, each with its own worker state made by
    /// <paramref name="createWorker"/>; the results in input order.
    /// </summary>
    /// <typeparam name="TInput">The type of an input (a context, a read case, a database row…).</typeparam>
    /// <typeparam name="TWorker">A worker's own state, used by one thread at a time (for example an <see cref="EvaluationBuffer"/>).</typeparam>
    /// <typeparam name="TResult">The type of a result.</typeparam>
    /// <param name="inputs">The inputs, enumerated once on the calling thread.</param>
    /// <param name="createWorker">Makes a worker's state; called once per worker, on that worker's thread, before its
    /// first input. An exception it throws ends the batch and surfaces from the enumeration.</param>
    /// <param name="evaluate">Evaluates one input with a worker's state; an exception it throws becomes that input's
    /// <see cref="BatchResult{T}.Error"/>.</param>
    /// <param name="options">Workers, chunk size and window; <see cref="BatchOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>A lazy sequence of results in input order; enumerate it once. When it has ended (or its enumerator is
    /// disposed) every worker has finished, so worker states may then be read, e.g. merged.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IEnumerable<BatchResult<TResult>> Run<TInput, TWorker, TResult>(
        IEnumerable<TInput> inputs, Func<TWorker> createWorker, Func<TWorker, TInput, TResult> evaluate, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(createWorker);
        ArgumentNullException.ThrowIfNull(evaluate);
        return RunCore(inputs, createWorker, evaluate, options ?? BatchOptions.Default, cancellationToken);
    }

    private static IEnumerable<BatchResult<TResult>> RunCore<TInput, TWorker, TResult>(
        IEnumerable<TInput> inputs, Func<TWorker> createWorker, Func<TWorker, TInput, TResult> evaluate, BatchOptions options, CancellationToken cancellationToken)
    {
        using var batch = new Batch<TInput, TWorker, TResult>(createWorker, evaluate, options, cancellationToken);
        using var source = inputs.GetEnumerator();
        bool more = true;
        long next = 0;
        while (true)
        {
            while (more && batch.InFlight < batch.Window)
            {
                var chunk = batch.Rent(next);
                while (chunk.Count < chunk.Inputs.Length && (more = source.MoveNext()))
                {
                    chunk.Inputs[chunk.Count++] = source.Current;
                }

                if (chunk.Count == 0)
                {
                    batch.Return(chunk);
                    break;
                }

                next += chunk.Count;
                batch.Dispatch(chunk);
            }

            if (batch.InFlight == 0)
            {
                yield break;
            }

            var head = batch.WaitForHead();
            for (int i = 0; i < head.Count; i++)
            {
                yield return head.Results[i];
            }

            batch.Return(head);
        }
    }

    /// <summary>A run of consecutive inputs and their results.</summary>
    private sealed class Chunk<TInput, TResult>(int size) : IDisposable
    {
        public readonly TInput[] Inputs = new TInput[size];
        public readonly BatchResult<TResult>[] Results = new BatchResult<TResult>[size];
        public readonly ManualResetEventSlim Done = new(false);
        public long FirstIndex;
        public int Count;

        public void Dispose() => Done.Dispose();
    }

    /// <summary>The workers, their queue, and the chunks in flight of one enumeration.</summary>
    private sealed class Batch<TInput, TWorker, TResult> : IDisposable
    {
        private readonly Func<TWorker> _createWorker;
        private readonly Func<TWorker, TInput, TResult> _evaluate;
        private readonly int _chunkSize;
        private readonly BlockingCollection<Chunk<TInput, TResult>> _queue = new(new ConcurrentQueue<Chunk<TInput, TResult>>());
        private readonly Queue<Chunk<TInput, TResult>> _inFlight = new();
        private readonly Stack<Chunk<TInput, TResult>> _free = new();
        private readonly CancellationTokenSource _stop;
        private readonly Thread[] _threads;
        private ExceptionDispatchInfo? _fatal;

        public Batch(Func<TWorker> createWorker, Func<TWorker, TInput, TResult> evaluate, BatchOptions options, CancellationToken cancellationToken)
        {
            _createWorker = createWorker;
            _evaluate = evaluate;
            _chunkSize = options.ChunkSize;
            Window = options.Window;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _threads = new Thread[options.MaxDegreeOfParallelism];
            for (int t = 0; t < _threads.Length; t++)
            {
                _threads[t] = new Thread(Work) { IsBackground = true, Name = $"CareRules batch worker {t + 1}" };
                _threads[t].Start();
            }
        }

        public int Window { get; }

        public int InFlight => _inFlight.Count;

        public Chunk<TInput, TResult> Rent(long firstIndex)
        {
            var chunk = _free.Count > 0 ? _free.Pop() : new Chunk<TInput, TResult>(_chunkSize);
            chunk.FirstIndex = firstIndex;
            chunk.Count = 0;
            chunk.Done.Reset();
            return chunk;
        }

        public void Return(Chunk<TInput, TResult> chunk)
        {
            Array.Clear(chunk.Inputs, 0, chunk.Count);
            Array.Clear(chunk.Results, 0, chunk.Count);
            chunk.Count = 0;
            _free.Push(chunk);
        }

        public void Dispatch(Chunk<TInput, TResult> chunk)
        {
            _fatal?.Throw();
            _inFlight.Enqueue(chunk);
            _queue.Add(chunk); // unbounded: the window bounds it
        }

        public Chunk<TInput, TResult> WaitForHead()
        {
            var head = _inFlight.Peek();
            try
            {
                head.Done.Wait(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                _fatal?.Throw(); // a worker failed: its exception, not the cancellation it caused
                throw;
            }

            _fatal?.Throw();
            return _inFlight.Dequeue();
        }

        public void Dispose()
        {
            _queue.CompleteAdding();
            _stop.Cancel(); // chunks not yet taken are never evaluated; workers finish the input in hand and exit
            foreach (var thread in _threads)
            {
                thread.Join();
            }

            _stop.Dispose();
            _queue.Dispose();
            foreach (var chunk in _inFlight.Concat(_free))
            {
                chunk.Dispose();
            }
        }

        private void Work()
        {
            TWorker worker;
            try
            {
                worker = _createWorker();
            }
#pragma warning disable CA1031 // surfaced to the enumerating thread, which rethrows it
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Interlocked.CompareExchange(ref _fatal, ExceptionDispatchInfo.Capture(ex), null);
                _stop.Cancel();
                return;
            }

            try
            {
                foreach (var chunk in _queue.GetConsumingEnumerable(_stop.Token))
                {
                    for (int i = 0; i < chunk.Count; i++)
                    {
                        if (_stop.IsCancellationRequested)
                        {
                            return;
                        }

                        long index = chunk.FirstIndex + i;
                        try
                        {
                            chunk.Results[i] = new BatchResult<TResult>(index, _evaluate(worker, chunk.Inputs[i]), null);
                        }
#pragma warning disable CA1031 // one input's failure is that input's result; the others go on
                        catch (Exception ex)
#pragma warning restore CA1031
                        {
                            chunk.Results[i] = new BatchResult<TResult>(index, default, ex);
                        }
                    }

                    chunk.Done.Set();
                }
            }
            catch (OperationCanceledException)
            {
                // stopped: the enumerating thread has been cancelled or has gone away
            }
        }
    }
}
