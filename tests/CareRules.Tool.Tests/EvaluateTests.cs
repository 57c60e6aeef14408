using System.Text.Json;
using CareRules.Packs;
using CareRules.Tool;
using CareRules.Serialization;
using NodaTime;
using NodaTime.Testing;

namespace CareRules.Tool.Tests;

/// <summary>The evaluate command (catalog section 6; the console sample's tests): in process for detail, and as the built tool end to end.</summary>
public sealed class EvaluateTests
{
    private static readonly string Cases = Path.Combine(AppContext.BaseDirectory, "cases");
    private static readonly IClock Clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = ToolApp.Run(args, stdout, stderr, Clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void BundledCases_EveryRuleOfThePackFiresInAtLeastOneCase()
    {
        var results = CaseJsonReader.Read(File.ReadAllText(Path.Combine(Cases, "standard-cases.json")));

        Assert.True(results.Count >= 25);
        Assert.All(results, r => Assert.True(r.IsValid, string.Join("; ", r.Errors)));
        var fired = results.SelectMany(r => StandardPack.Default.Evaluate(r.Context!).Fired).ToHashSet();
        Assert.Empty(StandardPack.RuleIds.Except(fired));
        Assert.Contains(results, r => StandardPack.Default.Evaluate(r.Context!).Decisions.Count == 0); // near misses
    }

    /// <summary>Issue 13's reproducer: a case dated at the end of time used to kill the process (exit 134) and lose every case after it.</summary>
    [Fact]
    public void ACaseNearTheEndOfTime_IsOneErrorLine_AndTheCasesAfterItAreEvaluated()
    {
        string customer = "\"customer\": {\"id\": \"C-1\", \"since\": \"2024-01-01\", \"orders\": 1, \"lifetimeValue\": {\"amount\": 10, \"currency\": \"PLN\"}}";
        string file = Path.Combine(Path.GetTempPath(), $"carerules-end-of-time-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(file,
        [
            "{\"now\": \"9999-12-31T23:00:00Z\", " + customer + "}",
            "{\"now\": \"9999-12-31T20:00:00Z\", " + customer + ", \"case\": {\"id\": \"K-2\", \"openedAt\": \"9999-12-31T10:00:00Z\", \"kind\": \"other\"}}",
            "{\"now\": \"2026-11-23T10:00:00Z\", " + customer + ", \"case\": {\"id\": \"K-3\", \"openedAt\": \"2026-11-23T09:00:00Z\", \"kind\": \"off-topic\"}}",
        ]);
        try
        {
            var (exit, stdout, stderr) = Run("--json", file);

            Assert.Equal(1, exit);
            var verdict = Assert.Single(Lines(stdout));
            Assert.Contains("\"caseId\":\"K-3\"", verdict, StringComparison.Ordinal);
            var errors = Lines(stderr);
            Assert.Equal(2, errors.Length);
            Assert.Contains("\"path\":\"$.now\"", errors[0], StringComparison.Ordinal);
            Assert.Contains("supported range", errors[1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void NoArguments_PrintsTheTableAndSummary_ExitsZero()
    {
        var (exit, stdout, stderr) = Run();

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Contains("pack standard@1.0.0", stdout, StringComparison.Ordinal);
        Assert.Contains("K-20-abusive", stdout, StringComparison.Ordinal);
        Assert.Contains("Summary", stdout, StringComparison.Ordinal);
        Assert.Matches(@"cases\s+34 evaluated, 0 rejected", stdout);
        Assert.Matches(@"decisions\s+\d+: stop \d+, escalate \d+, compensate \d+, notify \d+, advise \d+", stdout);
        Assert.Matches(@"goodwill\s+[\d.]+ PLN in total", stdout);
        Assert.Matches(@"escalations\s+supervisor \d+, manager \d+, legal \d+, public-relations \d+", stdout);
    }

    [Fact]
    public void Json_OneVerdictPerLine_NothingElseOnStdout()
    {
        var (exit, stdout, _) = Run("--json");

        var lines = Lines(stdout);
        Assert.Equal(0, exit);
        Assert.Equal(34, lines.Length);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            Assert.Equal("standard@1.0.0", doc.RootElement.GetProperty("pack").GetString());
            Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("decisions").ValueKind);
        }
    }

    [Fact]
    public void Json_IsByteStable_AcrossRuns() => Assert.Equal(Run("--json").Out, Run("--json").Out);

    [Fact]
    public void MixedBatch_BadCasesOnStderr_GoodVerdictsStillPrinted_ExitOne()
    {
        var (exit, stdout, stderr) = Run("--json", Path.Combine(Cases, "mixed-batch.jsonl"));

        Assert.Equal(1, exit);
        Assert.Equal(["K-1-delay", "K-11-box"], Lines(stdout).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("caseId").GetString()));
        var errors = Lines(stderr).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([1, 3], errors.Select(e => e.GetProperty("index").GetInt32()));
        Assert.False(errors[0].TryGetProperty("caseId", out _)); // a proactive case without a case id
        Assert.Equal("K-12-broken", errors[1].GetProperty("caseId").GetString());
        var paths0 = errors[0].GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Contains("$.customer.vip", paths0);
        Assert.Contains("$.order.total.amount", paths0);
        Assert.Contains("$.order.total.currency", paths0);
        var paths1 = errors[1].GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Contains("$.order.deliveredAt", paths1);
        Assert.Contains("$.case.openedAt", paths1);
    }

    [Fact]
    public void Param_Stance_ChangesTheVerdicts()
    {
        var balanced = Run("--json").Out;
        var firm = Run("--json", "--param", "stance=firm").Out;

        Assert.NotEqual(balanced, firm);
        Assert.Contains("\"pack\":\"standard@1.0.0\"", firm, StringComparison.Ordinal);
        Assert.DoesNotContain("discount-next-order", firm, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--param", "nope=1")]
    [InlineData("--param", "smallGift=lots")]
    [InlineData("--param", "stance")]
    [InlineData("--param")]
    [InlineData("--frobnicate")]
    [InlineData("no-such-file.json")]
    public void UsageErrors_ExitTwo_WithAMessageOnStderr(params string[] args)
    {
        var (exit, stdout, stderr) = Run(args);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CaseWithoutNow_UsesTheClock()
    {
        string file = Path.Combine(Path.GetTempPath(), $"carerules-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"customer":{"id":"C-1","since":"2024-01-01","orders":1,"lifetimeValue":{"amount":10,"currency":"PLN"}},"case":{"id":"K-x","openedAt":"2026-11-20T08:00:00Z","kind":"off-topic"}}""");
        try
        {
            var (exit, stdout, _) = Run("--json", file);

            Assert.Equal(0, exit);
            Assert.Contains("boundary.off-topic", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    // ---- the built program, end to end -------------------------------------------------------------

    private static (int Exit, string Out, string Err) RunProcess(params string[] args) => ToolProcess.Run(null, args);

    [Fact]
    public void Program_NoArguments_PrintsTheTable()
    {
        var (exit, stdout, stderr) = RunProcess();

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Contains("Summary", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Program_MixedBatch_ExitOne_TwoVerdicts_TwoErrorLines()
    {
        var (exit, stdout, stderr) = RunProcess("--json", Path.Combine(Cases, "mixed-batch.jsonl"));

        Assert.Equal(1, exit);
        Assert.Equal(2, Lines(stdout).Length);
        Assert.Equal(2, Lines(stderr).Length);
    }

    [Fact]
    public void Program_UnknownParameter_ExitTwo()
    {
        var (exit, stdout, stderr) = RunProcess("--param", "bogus=1");

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("bogus", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Param_LanguagePl_PrintsTheBundledCasesTableInPolish()
    {
        var (exit, stdout, _) = Run("--param", "language=pl");

        Assert.Equal(ToolApp.Ok, exit);
        var lines = Lines(stdout);
        Assert.StartsWith("CareRules · pakiet standard@1.0.0 · polityka wyważona · czas w strefie Europe/Warsaw", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^SPRAWA\s+RODZAJ\s+DECYZJA\s+REGUŁA$", lines[1]);
        Assert.Contains("upominek w paczce 20,00 zł", stdout, StringComparison.Ordinal);
        Assert.Contains("zwrot całej kwoty 1 299,00 zł [ustawowe]", stdout, StringComparison.Ordinal);
        Assert.Contains("telefon: przeprosiny za opóźnienie, termin 23.11.2026 12:00", stdout, StringComparison.Ordinal);
        Assert.Contains("(brak decyzji)", stdout, StringComparison.Ordinal);
        Assert.Contains("Podsumowanie", stdout, StringComparison.Ordinal);
        Assert.Matches(@"dobra wola\s+łącznie \d+,\d\d zł", stdout);
        Assert.DoesNotContain(" PLN", stdout, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", stdout);
    }

    [Fact]
    public void Param_LanguagePl_Json_GivesPolishReasonsAndRecordsTheLanguage()
    {
        var (exit, stdout, _) = Run("--json", "--param", "language=pl");

        Assert.Equal(ToolApp.Ok, exit);
        var lines = Lines(stdout);
        Assert.All(lines, l => Assert.Contains("\"language\":\"pl\"", l, StringComparison.Ordinal));
        using var doc = JsonDocument.Parse(lines[0]);
        Assert.Equal("pl", doc.RootElement.GetProperty("language").GetString());
        var first = doc.RootElement.GetProperty("decisions")[0];
        Assert.Equal("gift-in-parcel", first.GetProperty("offer").GetString());
        Assert.Equal("Zamówienie jest opóźnione nie z winy klienta, więc do paczki trafia drobny upominek o wartości 20.00 PLN.", first.GetProperty("reason").GetString());
        Assert.Contains("\"amount\":20.00", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultLanguage_English_TableAndJsonUnchanged()
    {
        Assert.Contains("\"language\":\"en\"", Run("--json").Out, StringComparison.Ordinal);
        var table = Run().Out;
        Assert.Contains("CASE", table, StringComparison.Ordinal);
        Assert.Contains("gift-in-parcel 20.00 PLN", table, StringComparison.Ordinal);
    }
}
