using System.Text.RegularExpressions;

namespace CareRules.Tests.Architecture;

/// <summary>
/// The code cites the spec as "catalog section N" (or N.M); every such citation must name a section that exists in
/// docs/catalog.md, so a reader of the code can always look it up.
/// </summary>
public sealed partial class CatalogReferenceTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void EveryCatalogSectionCitedInCode_ExistsInDocsCatalog()
    {
        var headings = Headings(File.ReadAllText(Path.Combine(Root, "docs", "catalog.md")));
        var missing = new List<string>();
        int citations = 0;
        foreach (var folder in new[] { "src", "samples", "benchmarks", "tests" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match m in Citation().Matches(File.ReadAllText(file)))
                {
                    citations++;
                    if (!headings.Contains(m.Groups["n"].Value))
                    {
                        missing.Add($"{Path.GetRelativePath(Root, file)}: '{m.Value}'");
                    }
                }
            }
        }

        Assert.True(citations > 0, "no catalog citation found: the pattern or the root is wrong");
        Assert.True(missing.Count == 0, "Citations of sections that docs/catalog.md does not have:\n" + string.Join("\n", missing.Distinct()));
    }

    [Fact]
    public void Headings_AreReadAsNumbers()
    {
        var headings = Headings("# Title\n## 2. Verdict\n### 2.5 Resolution\n#### 4.2.1 `delay.gift`\nsection 9 in prose\n");
        Assert.Equal(["2", "2.5", "4.2.1"], headings.Order(StringComparer.Ordinal));
        Assert.Matches(Citation(), "see catalog section 2.5 for");
        Assert.DoesNotMatch(Citation(), "see the catalog for");
    }

    private static HashSet<string> Headings(string markdown) =>
        Heading().Matches(markdown).Select(m => m.Groups["n"].Value).ToHashSet(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CareRules.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"[Cc]atalog(?:\.md)?,? (?:section|§) ?(?<n>[0-9]+(?:\.[0-9]+)*)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"^#{2,4} (?<n>[0-9]+(?:\.[0-9]+)*)\.? ", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
