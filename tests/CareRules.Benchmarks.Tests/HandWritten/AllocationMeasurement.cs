namespace CareRules.Benchmarks.Tests.HandWritten;

/// <summary>Tests that measure allocated bytes run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurement
{
    public const string Name = "Allocation measurement";
}
