namespace CareRules.Benchmarks.Infrastructure;

/// <summary>Benchmark categories, for <c>--anyCategories</c> / <c>--allCategories</c> filters.</summary>
public static class Categories
{
    /// <summary>One context at a time on one thread (items 1–4 of issue 6).</summary>
    public const string Evaluation = "Evaluation";

    /// <summary>A million contexts over all cores (item 5).</summary>
    public const string Batch = "Batch";

    /// <summary>Building or compiling a pack (item 6).</summary>
    public const string Build = "Build";

    /// <summary>Reading cases from case-format JSON.</summary>
    public const string Read = "Read";

    /// <summary>The tool's batch commands end to end over an in-memory file (issue 16).</summary>
    public const string EndToEnd = "EndToEnd";
}
