using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Testing;

namespace CareRules.Tool.Tests;

/// <summary><c>carerules explain</c>: why rules fired or not, as text and as JSON Lines (catalog sections 2.6 and 6).</summary>
public sealed class ExplainTests
{
    private static readonly IClock Clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));

    /// <summary>A late order (promised 2026-11-25, today 2026-11-23 in Warsaw is before it) and 4 contacts in 7 days.</summary>
    private static readonly string NotYetLate = """
        {"now":"2026-11-23T10:00:00Z","customer":{"id":"C-1","since":"2024-01-01","orders":3,"lifetimeValue":{"amount":500,"currency":"PLN"},"contactsLast7Days":4},
         "order":{"id":"O-1","placedAt":"2026-11-18T10:00:00Z","total":{"amount":200,"currency":"PLN"},"status":"shipped","promisedBy":"2026-11-25"},
         "case":{"id":"K-7","openedAt":"2026-11-23T08:00:00Z","kind":"delivery-delay","flags":["noNewFacts"]}}
        """.ReplaceLineEndings(" ");

    private static (int Exit, string Out, string Err) Run(string stdin, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = ToolApp.Run(args, stdout, stderr, Clock, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Text_RuleThatDidNotFire_SaysWhichClauseAndWhereItFlips()
    {
        var (exit, output, error) = Run(NotYetLate, "explain", "--rule", "delay.gift", "-");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("Case K-7: rule delay.gift did not fire: its condition does not hold.\n", output, StringComparison.Ordinal);
        Assert.Contains("false: today (2026-11-23) > order.PromisedBy (2026-11-25); fires after 2026-11-25 local (Europe/Warsaw)\n", output, StringComparison.Ordinal);
        Assert.Contains("not evaluated: case == null || case.Fault != Fault.Customer\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_OneObjectPerCaseAndRule_InTheDocumentedShape()
    {
        var (exit, output, _) = Run(NotYetLate + "\n" + NotYetLate.Replace("K-7", "K-8", StringComparison.Ordinal).Replace("\"contactsLast7Days\":4", "\"contactsLast7Days\":5", StringComparison.Ordinal),
            "explain", "--json", "--rule", "boundary.contact-frequency", "--rule", "delay.gift", "-");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        var objects = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["K-7", "K-7", "K-8", "K-8"], objects.Select(o => o.GetProperty("caseId").GetString()));
        Assert.Equal(["boundary.contact-frequency", "delay.gift", "boundary.contact-frequency", "delay.gift"], objects.Select(o => o.GetProperty("rule").GetString()));
        Assert.Equal([false, false, true, false], objects.Select(o => o.GetProperty("fired").GetBoolean()));
        var threshold = objects[0].GetProperty("clauses")[0].GetProperty("clauses")[0];
        Assert.Equal("customer.ContactsLast7Days >= contactBoundary", threshold.GetProperty("expression").GetString());
        Assert.False(threshold.GetProperty("value").GetBoolean());
        Assert.Equal("contactBoundary", threshold.GetProperty("operands")[1].GetProperty("parameter").GetString());
        Assert.Equal("fires from customer.ContactsLast7Days ≥ 5 (contactBoundary); was 4", threshold.GetProperty("flip").GetProperty("text").GetString());
        Assert.Equal("not-evaluated", objects[0].GetProperty("clauses")[0].GetProperty("clauses")[1].GetProperty("value").GetString());
        var fate = Assert.Single(objects[2].GetProperty("decisions").EnumerateArray().ToArray());
        Assert.Equal("kept", fate.GetProperty("fate").GetString());
        Assert.Equal("contact-boundary", fate.GetProperty("decision").GetProperty("stop").GetString());
    }

    [Fact]
    public void Param_MovesTheThresholdOfTheFlip()
    {
        var (_, output, _) = Run(NotYetLate, "explain", "--rule", "boundary.contact-frequency", "--param", "contactBoundary=7", "-");
        Assert.Contains("customer.ContactsLast7Days (4) >= contactBoundary (7); fires from customer.ContactsLast7Days ≥ 7 (contactBoundary); was 4", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRule_IsAUsageError_NamingTheRules()
    {
        var (exit, output, error) = Run(NotYetLate, "explain", "--rule", "delay.gfit", "-");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("error: --rule: 'delay.gfit' is not a rule of standard@1.0.0; its rules are: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadCase_IsOneErrorLine_TheGoodOnesAreStillExplained()
    {
        var (exit, output, error) = Run("{\"customer\":{}}\n" + NotYetLate, "explain", "--json", "--rule", "delay.gift", "-");
        Assert.Equal(1, exit);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("K-7", JsonDocument.Parse(output.Trim()).RootElement.GetProperty("caseId").GetString());
    }

    [Fact]
    public void NoRule_ExplainsEveryRule()
    {
        var (exit, output, _) = Run(NotYetLate, "explain", "--json", "-");
        Assert.Equal(0, exit);
        Assert.Equal(Packs.StandardPack.RuleIds.Order(StringComparer.Ordinal), output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("rule").GetString()));
    }

    [Fact]
    public void AsAProcess_ExitCodeAndStreamsSeparate()
    {
        var (exit, output, error) = ToolProcess.Run(NotYetLate, "explain", "--rule", "delay.gift", "-");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("fires after 2026-11-25 local (Europe/Warsaw)", output, StringComparison.Ordinal);
    }
}
