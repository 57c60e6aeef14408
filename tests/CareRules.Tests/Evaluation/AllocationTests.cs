using CareRules.Authoring;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CareRules.Tests.Evaluation;

/// <summary>Steady-state evaluation into a caller buffer allocates nothing (measured in bytes, not time).</summary>
/// <remarks>
/// Not run in parallel with other tests: <see cref="GC.GetAllocatedBytesForCurrentThread"/> drifts by a few kilobytes when
/// other threads' allocations trigger collections during the measured loop, even for code that allocates nothing.
/// </remarks>
[Collection(AllocationMeasurement.Name)]
public sealed class AllocationTests
{
    [Theory]
    [InlineData(Stance.Generous)]
    [InlineData(Stance.Balanced)]
    [InlineData(Stance.Firm)]
    [InlineData(Stance.Generous, Language.Pl)]
    [InlineData(Stance.Firm, Language.Pl)]
    public void Evaluate_IntoBuffer_AllocatesNothing(Stance stance, Language language = Language.En)
    {
        // Compiled, as every pack is after its first 32 evaluations (the interpreted tier before that allocates).
        var pack = StandardPack.Build(b => b.Set(StandardParameters.Stance, stance).Set(CoreParameters.Language, language)).Optimize();
        CareContext[] contexts = [.. CareGenerators.Contexts().Sample(2_000, new Rnd(42), 50)]; // FsCheck 3.6: (count, seed, size)
        var buffer = pack.CreateBuffer();
        foreach (var c in contexts)
        {
            pack.Evaluate(c, buffer); // warm-up: JIT, NodaTime zone caches
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int decisions = 0;
        foreach (var c in contexts)
        {
            pack.Evaluate(c, buffer);
            decisions += buffer.Decisions.Length;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(decisions > contexts.Length / 2, "the sample should produce decisions");
        Assert.Equal(0, allocated);
    }
}
