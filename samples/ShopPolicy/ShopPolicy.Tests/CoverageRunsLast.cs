using Xunit.Abstractions;

namespace ShopPolicy.Tests;

/// <summary>
/// Orders the test collections so that the rule-coverage collection runs after every other one. xunit 2 has no
/// assembly fixture, so the coverage assertion is an ordinary test, ordered last; with parallel collections disabled
/// (<c>AssemblyInfo.cs</c>) "last" means after every other test has finished.
/// </summary>
public sealed class CoverageRunsLast : ITestCollectionOrderer
{
    /// <summary>The name of the collection that holds the coverage assertion.</summary>
    public const string CollectionName = "Rule coverage (runs last)";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => c.DisplayName == CollectionName ? 1 : 0)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
