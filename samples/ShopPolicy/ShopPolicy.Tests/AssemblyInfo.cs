// The rule-coverage assertion must see every other test's verdicts: run collections one after another, coverage last.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: TestCollectionOrderer("ShopPolicy.Tests.CoverageRunsLast", "ShopPolicy.Tests")]
