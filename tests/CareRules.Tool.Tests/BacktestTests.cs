using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using NodaTime;
using NodaTime.Testing;

namespace CareRules.Tool.Tests;

/// <summary>The backtest command (catalog 6.4): as the built tool end to end, and in process for the usage errors.</summary>
public sealed class BacktestTests : IClassFixture<BacktestTests.History>
{
    private static readonly string Cases = Path.Combine(AppContext.BaseDirectory, "cases");
    private static readonly IClock Clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
    private readonly History _history;

    public BacktestTests(History history) => _history = history;

    /// <summary>3,000 generated cases (the tool's own generate), written once for the class.</summary>
    public sealed class History : IDisposable
    {
        public History()
        {
            var (exit, stdout, _) = ToolProcess.Run(null, "generate", "--count", "3000", "--seed", "16");
            Assert.Equal(0, exit);
            System.IO.File.WriteAllText(File, stdout);
        }

        public string File { get; } = Path.Combine(Path.GetTempPath(), $"carerules-history-{Guid.NewGuid():N}.jsonl");

        public void Dispose() => System.IO.File.Delete(File);
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = ToolApp.Run(args, stdout, stderr, Clock, () => new MemoryStream());
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Process_Json_TotalsEqualEvaluatingTheFileTwice()
    {
        var (exit, stdout, stderr) = ToolProcess.Run(null, "backtest", _history.File, "--candidate-param", "stance=generous", "--json");
        var before = ToolProcess.Run(null, "evaluate", "--json", _history.File);
        var after = ToolProcess.Run(null, "evaluate", "--json", "--param", "stance=generous", _history.File);

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        var report = Assert.Single(Lines(stdout));
        var json = JsonDocument.Parse(report).RootElement;
        var b = Lines(before.Out).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var a = Lines(after.Out).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3000, json.GetProperty("cases").GetInt64());
        Assert.Equal(0, json.GetProperty("rejected").GetInt64());
        Assert.Equal(Goodwill(b), json.GetProperty("goodwill").GetProperty("baseline").GetDecimal());
        Assert.Equal(Goodwill(a), json.GetProperty("goodwill").GetProperty("candidate").GetDecimal());
        Assert.Equal(Goodwill(a) - Goodwill(b), json.GetProperty("goodwill").GetProperty("difference").GetDecimal());
        foreach (var target in new[] { "supervisor", "manager", "legal", "public-relations" })
        {
            Assert.Equal(Count(b, "escalate", "to", target), json.GetProperty("escalations").GetProperty(target).GetProperty("baseline").GetInt64());
            Assert.Equal(Count(a, "escalate", "to", target), json.GetProperty("escalations").GetProperty(target).GetProperty("candidate").GetInt64());
        }

        foreach (var stop in json.GetProperty("stops").EnumerateObject())
        {
            Assert.Equal(Count(b, "stop", "stop", stop.Name), stop.Value.GetProperty("baseline").GetInt64());
            Assert.Equal(Count(a, "stop", "stop", stop.Name), stop.Value.GetProperty("candidate").GetInt64());
        }

        Assert.Equal(Count(a, "notify", null, null), json.GetProperty("notifications").GetProperty("candidate").GetInt64());
        int changed = b.Zip(a).Count(p => WithoutReasons(p.First) != WithoutReasons(p.Second));
        Assert.Equal(changed, json.GetProperty("changed").GetInt64());
        Assert.Equal(json.GetProperty("cases").GetInt64(), json.GetProperty("byMonth").EnumerateObject().Sum(m => m.Value.GetProperty("cases").GetInt64()));
        Assert.Equal(Goodwill(a), json.GetProperty("byRule").EnumerateObject().Sum(r => r.Value.GetProperty("goodwill").GetProperty("candidate").GetDecimal()));
        Assert.False(json.GetProperty("legalRemedies").GetProperty("changed").GetBoolean());
        Assert.Equal(10, json.GetProperty("mostExpensive").GetArrayLength());
    }

    private static decimal Goodwill(IEnumerable<JsonElement> verdicts) =>
        verdicts.Sum(v => v.GetProperty("goodwillTotal").GetProperty("amount").GetDecimal());

    private static long Count(IEnumerable<JsonElement> verdicts, string type, string? field, string? value) => verdicts
        .SelectMany(v => v.GetProperty("decisions").EnumerateArray())
        .Count(d => d.GetProperty("type").GetString() == type && (field is null || d.GetProperty(field).GetString() == value));

    private static string WithoutReasons(JsonElement verdict) =>
        verdict.GetProperty("goodwillTotal").GetRawText() + string.Join("|", verdict.GetProperty("decisions").EnumerateArray()
            .Select(d => string.Join(",", d.EnumerateObject().Where(p => p.Name != "reason").Select(p => p.Name + "=" + p.Value.GetRawText()))));

    [Fact]
    public void Process_BadCases_ErrorLinesOnStderr_SummaryOnStdout_ExitOne()
    {
        var (exit, stdout, stderr) = ToolProcess.Run(null, "backtest", Path.Combine(Cases, "mixed-batch.jsonl"), "--candidate-param", "stance=firm");

        Assert.Equal(1, exit);
        var errors = Lines(stderr);
        Assert.Equal(2, errors.Length);
        Assert.All(errors, e => Assert.True(JsonDocument.Parse(e).RootElement.TryGetProperty("errors", out _)));
        Assert.StartsWith("CareRules backtest · baseline standard@1.0.0 (stance balanced) · candidate standard@1.0.0 (stance firm)", stdout, StringComparison.Ordinal);
        Assert.Contains("2 evaluated, 2 rejected", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", stderr, StringComparison.Ordinal); // no progress bar when stderr is not a terminal
    }

    [Fact]
    public void Process_Stdin_And_TheSameFileTwice_CountBoth()
    {
        string text = File.ReadAllText(Path.Combine(Cases, "mixed-batch.jsonl"));
        var (exit, stdout, _) = ToolProcess.Run(text, "backtest", "-", Path.Combine(Cases, "mixed-batch.jsonl"), "--candidate-param", "stance=generous", "--json");

        Assert.Equal(1, exit);
        Assert.Equal(4, JsonDocument.Parse(stdout).RootElement.GetProperty("cases").GetInt64());
        Assert.Equal(4, JsonDocument.Parse(stdout).RootElement.GetProperty("rejected").GetInt64());
    }

    [Fact]
    public void CandidatePack_IsTheStandardPackExtended()
    {
        string pack = Path.Combine(AppContext.BaseDirectory, "packs", "shop-pack.json");
        var (exit, stdout, stderr) = Run("backtest", _history.File, "--candidate", pack, "--json");

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("standard@1.0.0", json.GetProperty("baseline").GetString());
        Assert.Equal("acme-care@1.0.0", json.GetProperty("candidate").GetString());
    }

    [Theory]
    [InlineData("error: backtest needs a candidate", "backtest", "HISTORY")]
    [InlineData("error: --candidate-param expects NAME=VALUE", "backtest", "HISTORY", "--candidate-param", "stance")]
    [InlineData("error: --candidate-param smallGift:", "backtest", "HISTORY", "--candidate-param", "smallGift=-5")]
    [InlineData("error: --baseline-param nosuch:", "backtest", "HISTORY", "--candidate-param", "stance=firm", "--baseline-param", "nosuch=1")]
    [InlineData("error: no such file 'no-such.json'", "backtest", "HISTORY", "--candidate", "no-such.json")]
    [InlineData("error: no such file 'missing.jsonl'", "backtest", "missing.jsonl", "--candidate-param", "stance=firm")]
    [InlineData("error: unknown option '--colour'", "backtest", "HISTORY", "--candidate-param", "stance=firm", "--colour")]
    [InlineData("error: the candidate decides in EUR, the baseline in PLN", "backtest", "HISTORY", "--candidate-param", "currency=EUR")]
    public void UsageErrors_ExitTwo_MessageAndUsageOnStderr_NothingOnStdout(string message, params string[] args)
    {
        var (exit, stdout, stderr) = Run([.. args.Select(a => a == "HISTORY" ? _history.File : a)]);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith(message, stderr, StringComparison.Ordinal);
        Assert.Contains("--candidate-param", stderr, StringComparison.Ordinal); // the usage
    }

    [Fact]
    public void Process_NoHistory_ExitTwo()
    {
        var (exit, stdout, stderr) = ToolProcess.Run(null, "backtest", "--candidate-param", "stance=firm");

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("HISTORY", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_SelfContained_WellFormed_WithBothChartsAndTheTables()
    {
        string report = RenderReport();
        string html = File.ReadAllText(report);

        var doc = XDocument.Parse(html, LoadOptions.None); // well-formed
        XNamespace svg = "http://www.w3.org/2000/svg";
        var all = doc.Descendants().ToList();
        Assert.DoesNotContain(all, e => e.Name.LocalName is "script" or "link" or "iframe" or "img" or "object");
        Assert.DoesNotContain(all.SelectMany(e => e.Attributes()), a => a.Name.LocalName is "src" or "href");
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        var weeks = Assert.Single(all, e => (string?)e.Attribute("id") == "chart-goodwill-per-week");
        Assert.Equal(2, weeks.Descendants(svg + "polyline").Count());
        Assert.True(weeks.Descendants(svg + "polyline").All(p => ((string)p.Attribute("points")!).Split(' ').Length > 100), "a point per week of three years");
        var rules = Assert.Single(all, e => (string?)e.Attribute("id") == "chart-decisions-by-rule");
        Assert.True(rules.Descendants(svg + "rect").Count(r => ((string?)r.Attribute("class"))?.StartsWith("bar-", StringComparison.Ordinal) == true) >= 2 * 20);
        foreach (var table in new[] { "overview", "goodwill-by-offer", "escalations", "stops", "by-rule", "by-month", "most-expensive" })
        {
            Assert.Single(all, e => e.Name.LocalName == "table" && (string?)e.Attribute("id") == table);
        }

        Assert.Single(all, e => (string?)e.Attribute("id") == "legal-flag");
    }

    [ChromiumFact]
    public void Html_RendersInAHeadlessBrowser()
    {
        string report = RenderReport();
        var psi = new ProcessStartInfo(ChromiumFactAttribute.Chromium!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", new Uri(report).AbsoluteUri })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var dom = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000), "chromium did not finish within 60 s");
        Assert.Equal(0, p.ExitCode);
        Assert.Contains("<svg id=\"chart-goodwill-per-week\"", dom.Result, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"chart-decisions-by-rule\"", dom.Result, StringComparison.Ordinal);
        Assert.Contains("class=\"series-candidate\"", dom.Result, StringComparison.Ordinal);
        Assert.Contains("<table id=\"most-expensive\">", dom.Result, StringComparison.Ordinal);
    }

    private string RenderReport()
    {
        string report = Path.Combine(Path.GetTempPath(), $"carerules-report-{Guid.NewGuid():N}.html");
        var (exit, stdout, _) = Run("backtest", _history.File, "--candidate-param", "stance=generous", "--html", report);
        Assert.Equal(0, exit);
        Assert.StartsWith("CareRules backtest", stdout, StringComparison.Ordinal);
        return report;
    }
}

/// <summary>A fact that needs a headless Chromium; skipped, saying so, where none is installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium is null)
        {
            Skip = "No chromium on PATH (apt-get install chromium); the report's structure is still checked by Html_SelfContained_WellFormed_WithBothChartsAndTheTables.";
        }
    }

    public static string? Chromium { get; } = new[] { "chromium", "chromium-browser", "google-chrome" }
        .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)))
        .FirstOrDefault(File.Exists);
}
