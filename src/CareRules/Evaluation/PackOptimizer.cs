using System.Collections.Concurrent;

namespace CareRules.Evaluation;

/// <summary>
/// Compiles packs in the background, one at a time, on a background thread of its own (below normal priority) that
/// runs only while packs wait, so compiling never takes a thread from the application's thread pool. A pack
/// asks for it after its first <see cref="CompiledPack.OptimizeAfterEvaluations"/> evaluations; the queue holds packs
/// weakly, so a pack dropped meanwhile (a configuration reloaded twice in a row) can be collected, not compiled. A failed
/// compilation leaves the pack interpreted, which gives the same verdicts.
/// </summary>
internal static class PackOptimizer
{
    private static readonly ConcurrentQueue<WeakReference<CompiledPack>> Queue = new();
    private static int s_draining;

    /// <summary>Queues <paramref name="pack"/> for compilation.</summary>
    public static void Enqueue(CompiledPack pack)
    {
        Queue.Enqueue(new WeakReference<CompiledPack>(pack));
        if (Interlocked.CompareExchange(ref s_draining, 1, 0) == 0)
        {
            new Thread(Drain) { IsBackground = true, Priority = ThreadPriority.BelowNormal, Name = "CareRules pack compiler" }.UnsafeStart();
        }
    }

    private static void Drain()
    {
        while (true)
        {
            while (Queue.TryDequeue(out var entry))
            {
                if (entry.TryGetTarget(out var pack))
                {
                    try
                    {
                        pack.Optimize();
                    }
                    catch (Exception)
                    {
                        // Stays interpreted: slower, never wrong. Optimize() called directly reports the error.
                    }
                }
            }

            Volatile.Write(ref s_draining, 0);

            // A pack queued between the last TryDequeue and the reset found the flag set and did not start a drain.
            if (Queue.IsEmpty || Interlocked.CompareExchange(ref s_draining, 1, 0) != 0)
            {
                return;
            }
        }
    }
}
