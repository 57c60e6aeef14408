using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;

namespace CareRules.Tests.Evaluation;

public sealed class BatchEvaluatorTests
{
    private static readonly BatchOptions Small = new() { MaxDegreeOfParallelism = 3, ChunkSize = 7, MaxChunksInFlight = 4 };

    [Fact]
    public void Run_KeepsInputOrder_WhenLaterItemsFinishFirst()
    {
        var results = BatchEvaluator.Run(Enumerable.Range(0, 500), () => new Random(1), (random, i) =>
        {
            Thread.SpinWait(random.Next(0, 20_000)); // items of a chunk, and chunks, finish out of order
            return i * 2;
        }, Small).ToList();

        Assert.Equal(500, results.Count);
        for (int i = 0; i < results.Count; i++)
        {
            Assert.Equal(i, results[i].Index);
            Assert.True(results[i].Succeeded);
            Assert.Equal(i * 2, results[i].Value);
        }
    }

    [Fact]
    public void Run_AThrowingItem_IsItsError_AndEveryOtherItemIsEvaluated()
    {
        var results = BatchEvaluator.Run(Enumerable.Range(0, 100), () => 0, (_, i) => i % 10 == 3 ? throw new InvalidOperationException($"bad {i}") : i, Small).ToList();

        Assert.Equal(100, results.Count);
        Assert.Equal(10, results.Count(r => !r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal($"bad {r.Index}", r.Error!.Message));
        Assert.All(results.Where(r => r.Succeeded), r => Assert.Equal(r.Index, r.Value));
    }

    [Fact]
    public void Run_CreatesOneWorkerStatePerWorker_OnItsThread()
    {
        int created = 0;
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var results = BatchEvaluator.Run(Enumerable.Range(0, 1000), () =>
        {
            Interlocked.Increment(ref created);
            return Environment.CurrentManagedThreadId;
        }, (owner, i) =>
        {
            threads[owner] = 1;
            return owner == Environment.CurrentManagedThreadId; // a state is used only on the thread that made it
        }, Small).ToList();

        Assert.True(created <= 3);
        Assert.All(results, r => Assert.True(r.Value));
    }

    [Fact]
    public void Run_Cancelled_StopsWithOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        int evaluated = 0;
        IEnumerable<int> Endless()
        {
            for (int i = 0; ; i++)
            {
                yield return i;
            }
        }

        var seen = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var r in BatchEvaluator.Run(Endless(), () => 0, (_, i) => Interlocked.Increment(ref evaluated), Small, cts.Token))
            {
                if (++seen == 50)
                {
                    cts.Cancel();
                }
            }
        });
        int after = Volatile.Read(ref evaluated);
        Thread.Sleep(50);
        Assert.Equal(after, Volatile.Read(ref evaluated)); // the workers have stopped
        Assert.True(after < 50 + (4 * 7) + 3, $"{after} evaluated: at most the window beyond the 50 read");
    }

    [Fact]
    public void Run_BoundedWindow_ReadsNoFurtherAheadThanTheWindow()
    {
        int read = 0;
        IEnumerable<int> Counted()
        {
            for (int i = 0; i < 10_000; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        using var e = BatchEvaluator.Run(Counted(), () => 0, (_, i) => i, Small).GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.True(read <= 4 * 7, $"read {read} inputs before yielding the first result");
    }

    [Fact]
    public void Run_AnExceptionOfTheInput_SurfacesFromTheEnumeration()
    {
        IEnumerable<int> Broken()
        {
            yield return 1;
            throw new IOException("disk gone");
        }

        Assert.Throws<IOException>(() => BatchEvaluator.Run(Broken(), () => 0, (_, i) => i, Small).ToList());
    }

    [Fact]
    public void Run_AnExceptionMakingAWorker_SurfacesFromTheEnumeration() =>
        Assert.Throws<InvalidOperationException>(() => BatchEvaluator.Run<int, int, int>(Enumerable.Range(0, 10), () => throw new InvalidOperationException("no buffer"), (_, i) => i, Small).ToList());

    [Fact]
    public void Evaluate_GivesTheVerdictsOfSequentialEvaluation_InOrder()
    {
        var pack = StandardPack.Default;
        var contexts = CareGenerators.Sample(2000, 7).ToList();

        var parallel = BatchEvaluator.Evaluate(pack, contexts).ToList();

        Assert.Equal(contexts.Count, parallel.Count);
        for (int i = 0; i < contexts.Count; i++)
        {
            var expected = pack.Evaluate(contexts[i]);
            Assert.True(parallel[i].Succeeded);
            Assert.Equal(expected.CaseId, parallel[i].Value!.CaseId);
            Assert.Equal(expected.Decisions, parallel[i].Value!.Decisions);
            Assert.Equal(expected.GoodwillTotal, parallel[i].Value!.GoodwillTotal);
        }
    }

    [Fact]
    public void Evaluate_AContextInAnotherCurrency_IsItsError_TheOthersAreEvaluated()
    {
        var contexts = CareGenerators.Sample(20, 3).ToList();
        var euro = CareGenerators.Sample(1, 3, Currency.Eur).Single();
        contexts.Insert(5, euro);

        var results = BatchEvaluator.Evaluate(StandardPack.Default, contexts).ToList();

        Assert.Equal(21, results.Count);
        Assert.IsType<CareRulesValidationException>(results[5].Error);
        Assert.Equal(20, results.Count(r => r.Succeeded));
    }

    [Fact]
    public void Options_RejectNonsense()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchOptions { MaxDegreeOfParallelism = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchOptions { ChunkSize = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchOptions { MaxChunksInFlight = -1 });
    }
}
