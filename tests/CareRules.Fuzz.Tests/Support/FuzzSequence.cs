namespace CareRules.Fuzz.Tests.Support;

/// <summary>
/// Every fuzz test runs in this one collection, one after another: the time bounds are hang detectors, and tests of
/// this project racing each other for the CI machine's 2 cores would only blur them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzSequence
{
    public const string Name = "fuzz";
}
