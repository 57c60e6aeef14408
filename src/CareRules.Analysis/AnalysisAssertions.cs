using CareRules.Evaluation;

namespace CareRules.Analysis;

/// <summary>The testing-kit assertion of pack analysis, for a shop's unit tests (any test framework).</summary>
public static class AnalysisAssertions
{
    /// <summary>
    /// Analyses <paramref name="pack"/> and throws <see cref="PackAnalysisException"/> listing every finding (with its
    /// example) when one has severity error; returns the report otherwise, warnings included.
    /// </summary>
    /// <exception cref="PackAnalysisException">A finding has severity error.</exception>
    public static AnalysisReport AssertAnalysisClean(this CompiledPack pack, AnalysisOptions? options = null)
    {
        var report = PackAnalyzer.Analyze(pack, options);
        return report.HasErrors ? throw new PackAnalysisException(report) : report;
    }
}
