using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Testing;

namespace CareRules.Tool.Tests;

/// <summary><c>carerules check --analyze</c> (docs/analysis.md): the planted defects are found, and each example, given to <c>carerules evaluate</c>, reproduces its finding.</summary>
public sealed class CheckAnalyzeTests
{
    private static readonly string Planted = Path.Combine(AppContext.BaseDirectory, "packs", "planted-defects.json");
    private static readonly IClock Clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 10, 0));
    private static readonly Lazy<(int Exit, string Out, string Err)> Analysis = new(() => Run("check", "--analyze", "--json", "--contexts", "100000", Planted));

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = ToolApp.Run(args, stdout, stderr, Clock, () => new MemoryStream());
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void AnalyzeJson_PlantedPack_ExitsOne_WithOneFindingOfEveryKind()
    {
        var (exit, output, err) = Analysis.Value;
        Assert.Equal(1, exit);
        Assert.Equal("", err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("planted-defects@1.0.0", doc.RootElement.GetProperty("pack").GetString());
        var errors = doc.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("severity").GetString() == "error").ToList();
        Assert.Equal(["conflict", "dead-rule", "parameter", "shadowed"], errors.Select(f => f.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryExample_ReproducesItsFinding_WithEvaluate()
    {
        using var doc = JsonDocument.Parse(Analysis.Value.Out);
        foreach (var finding in doc.RootElement.GetProperty("findings").EnumerateArray())
        {
            string file = Path.Combine(Path.GetTempPath(), $"carerules-example-{Guid.NewGuid():N}.json");
            File.WriteAllText(file, finding.GetProperty("example").GetRawText());
            try
            {
                var (exit, output, _) = Run("evaluate", "--json", "--pack", Planted, file);
                Assert.Equal(0, exit);
                using var verdict = JsonDocument.Parse(output);
                var fired = verdict.RootElement.GetProperty("fired").EnumerateArray().Select(e => e.GetString()).ToList();
                var decidedBy = verdict.RootElement.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("rule").GetString()).ToList();
                var rules = finding.GetProperty("rules").EnumerateArray().Select(e => e.GetString()!).ToList();
                switch (finding.GetProperty("kind").GetString())
                {
                    case "dead-rule":
                        Assert.DoesNotContain(rules[0], fired);
                        break;
                    case "shadowed" or "parameter":
                        Assert.Contains(rules[0], fired);
                        Assert.DoesNotContain(rules[0], decidedBy);
                        break;
                    default:
                        Assert.All(rules, r => Assert.Contains(r, fired));
                        break;
                }
            }
            finally
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void AnalyzeText_StandardPack_ExitsZero_WithTheAcceptedWarnings()
    {
        var (exit, output, _) = Run("check", "--analyze", "--contexts", "100000");
        Assert.Equal(0, exit);
        Assert.Contains("warning conflict (proven): boundary.abusive and delay.notify-immediately", output, StringComparison.Ordinal);
        Assert.DoesNotContain("error ", output, StringComparison.Ordinal);
        Assert.Contains("standard@1.0.0:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_WithoutAnalyze_IsAUsageError()
    {
        var (exit, _, err) = Run("check", "--json", Planted);
        Assert.Equal(2, exit);
        Assert.Contains("--json needs --analyze", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithoutAnalyze_StillValidates()
    {
        var (exit, output, _) = Run("check", Planted);
        Assert.Equal(0, exit);
        Assert.StartsWith("ok: planted-defects@1.0.0", output, StringComparison.Ordinal);
    }
}
