using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.RulesEngine.Tests.Support;
using CareRules.Testing;
using NodaTime;

namespace CareRules.RulesEngine.Tests.Expressions;

/// <summary>
/// Workflow rules run on the same allocation-free hot loop as C# rules. Runs alone: NodaTime's shared time-zone cache,
/// evicted by tests running in parallel, would allocate on this thread (the engine does not).
/// </summary>
[Collection(nameof(HotLoopAllocationTests))]
[CollectionDefinition(nameof(HotLoopAllocationTests), DisableParallelization = true)]
public sealed class HotLoopAllocationTests
{
    [Fact]
    public void WorkflowRules_AllocateNothingOnTheHotLoop_LikeCSharpRules()
    {
        var contexts = DifferentialRun.Contexts(200, 99);

        Assert.Equal(0, Allocated(StandardPack.Default, contexts));
        Assert.Equal(0, Allocated(WorkflowPack.Standard, contexts));
    }

    private static long Allocated(CompiledPack pack, IReadOnlyList<CareContext> contexts)
    {
        pack.Optimize(); // compiled, as every pack is after its first 32 evaluations
        var buffer = pack.CreateBuffer();
        for (int warmUp = 0; warmUp < 3; warmUp++)
        {
            foreach (var ctx in contexts)
            {
                pack.Evaluate(ctx, buffer); // JIT tiers, NodaTime's zone caches and one-time lazy statics
            }
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < contexts.Count; i++) // an indexer, not foreach: IReadOnlyList's enumerator is an allocation
        {
            pack.Evaluate(contexts[i], buffer);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
