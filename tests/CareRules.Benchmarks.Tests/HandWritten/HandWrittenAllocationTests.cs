using CareRules.Benchmarks.HandWritten;
using CareRules.Model;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CareRules.Benchmarks.Tests.HandWritten;

/// <summary>
/// The hand-written pack writes into its result and allocates nothing. Not run in parallel with other tests:
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> drifts when other threads' allocations trigger collections.
/// </summary>
[Collection(AllocationMeasurement.Name)]
public sealed class HandWrittenAllocationTests
{
    [Fact]
    public void Evaluate_IntoResult_AllocatesNothing()
    {
        CareContext[] contexts = [.. CareGenerators.Contexts().Sample(2_000, new Rnd(11), 50)];
        var pack = new HandWrittenStandardPack();
        var result = new HandWrittenResult();
        foreach (var c in contexts)
        {
            pack.Evaluate(c, result);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var c in contexts)
        {
            pack.Evaluate(c, result);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
