using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;
using FsCheck.Fluent;

namespace CareRules.Tests.Evaluation;

/// <summary>
/// Steady-state evaluation into a caller buffer allocates nothing (measured in bytes, not time). Runs alone:
/// NodaTime's time-zone interval cache is shared, and other tests reading far-apart instants in parallel evict
/// entries this thread would then rebuild (a cache miss allocates a little; the engine itself does not).
/// </summary>
[Collection(nameof(AllocationTests))]
[CollectionDefinition(nameof(AllocationTests), DisableParallelization = true)]
public sealed class AllocationTests
{
    [Theory]
    [InlineData(Stance.Generous)]
    [InlineData(Stance.Balanced)]
    [InlineData(Stance.Firm)]
    public void Evaluate_IntoBuffer_AllocatesNothing(Stance stance)
    {
        var policy = StandardPack.Build(b => b.Set(StandardParameters.Stance, stance));
        CareContext[] contexts = [.. CareGenerators.Contexts().Sample(2_000, 42)];
        var buffer = policy.CreateBuffer();
        foreach (var c in contexts)
        {
            policy.Evaluate(c, buffer); // warm-up: JIT, NodaTime zone caches
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int decisions = 0;
        foreach (var c in contexts)
        {
            policy.Evaluate(c, buffer);
            decisions += buffer.Decisions.Length;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(decisions > contexts.Length / 2, "the sample should produce decisions");
        Assert.Equal(0, allocated);
    }
}
