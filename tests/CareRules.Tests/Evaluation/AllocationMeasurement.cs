namespace CareRules.Tests.Evaluation;

/// <summary>Tests that measure allocated bytes or live memory run alone, after the parallel ones, so no other test's allocations or garbage collections skew the count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurement
{
    public const string Name = "Allocation measurement";
}
