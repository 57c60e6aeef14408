using CareRules.Analysis.Z3;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.RulesEngine;
using CareRules.Serialization;

namespace CareRules.Analysis.Tests;

/// <summary>The planted-defects pack (packs/planted-defects.json) and its analysis, made once for the test run.</summary>
internal static class Planted
{
    public static readonly string File = Path.Combine(AppContext.BaseDirectory, "packs", "planted-defects.json");

    private static readonly Lazy<CompiledPack> LazyPack = new(() =>
        WorkflowPack.Extend(StandardPack.CreateBuilder(), WorkflowSource.FromFile(File))
            .Build());

    // 200,000 contexts: the tests check the findings, not the speed (the 1M figure is measured with the tool).
    private static readonly Lazy<AnalysisReport> LazyReport = new(() =>
        PackAnalyzer.Analyze(Pack, new AnalysisOptions { Contexts = 200_000, Prover = Z3RuleProver.Instance }));

    public static CompiledPack Pack => LazyPack.Value;

    public static AnalysisReport Report => LazyReport.Value;

    public static AnalysisFinding Finding(FindingKind kind, string rule) =>
        Assert.Single(Report.Findings, f => f.Kind == kind && f.Rules.Contains(rule));

    /// <summary>The example as <c>carerules evaluate</c> reads it: written as case JSON and read back.</summary>
    public static CareContext RoundTrip(CareContext example)
    {
        var result = Assert.Single(CaseJsonReader.Read(CaseJsonWriter.ToJson(example)));
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.ToString())));
        return result.Context!;
    }
}
