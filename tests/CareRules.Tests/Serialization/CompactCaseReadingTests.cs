using System.Text;
using CareRules.Model;
using CareRules.Serialization;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CareRules.Tests.Serialization;

/// <summary>
/// The compact reading of a line (<c>CaseParser.TryParseCompact</c>) is a shortcut, never a second meaning: a line it
/// takes gets the context the general parser builds, a line it declines is read by the general parser, so every
/// line reads exactly as with the general parser alone (docs/architecture.md, "Reading cases").
/// </summary>
public sealed class CompactCaseReadingTests
{
    private static readonly CaseReadOptions Options = new() { Clock = FixedClock.AtUtc(2026, 11, 23, 9) };

    private static readonly Gen<string> MutatedLines =
        from context in Gen.OneOf(CareGenerators.Contexts(), CareEdgeGenerators.Contexts())
        let json = CaseJsonWriter.ToJson(context)
        from edits in Gen.Choose(1, 3)
        from positions in Gen.ArrayOf(Gen.Choose(0, json.Length - 1), edits)
        from chars in Gen.ArrayOf(Gen.Elements("{}[],:\"\\ 0123456789-.eEZTtruefalsn\t\u00ff\u0001".ToCharArray()), edits)
        from kinds in Gen.ArrayOf(Gen.Choose(0, 2), edits)
        select CaseJsonReaderFuzzTests.Mutate(json, positions, chars, kinds);

    [Property(MaxTest = 500)]
    public Property WrittenContext_TakenCompactly_AsTheGeneralParserReadsIt() =>
        Prop.ForAll(Gen.OneOf(CareGenerators.Contexts(), CareEdgeGenerators.Contexts()).ToArbitrary(), context =>
        {
            string json = CaseJsonWriter.ToJson(context);
            var general = General(json);
            Assert.True(general.IsValid, json);
            var taken = Compact(json);
            if (!json.Contains('\\', StringComparison.Ordinal))
            {
                Assert.NotNull(taken); // what the writer writes without escapes is the shape the shortcut exists for
            }

            if (taken is not null)
            {
                AssertSame(general, taken, json);
                Assert.Equal(json, CaseJsonWriter.ToJson(taken.Context!));
            }
        });

    [Property(MaxTest = 3000)]
    public Property MutatedLine_ReadAsTheGeneralParserAloneReadsIt() => Prop.ForAll(MutatedLines.ToArbitrary(), line =>
    {
        var general = General(line);
        var taken = Compact(line);
        if (taken is not null)
        {
            Assert.True(general.IsValid, "taken compactly but refused by the general parser: " + line);
            AssertSame(general, taken, line);
        }

        AssertSame(general, Read(line), line);
    });

    [Fact]
    public void GeneratedHistory_EveryLineTakenCompactly()
    {
        // The lines `carerules generate` writes: if the shortcut declined them, it would be dead code with a cost.
        foreach (var context in CareGenerators.Sample(500, seed: 20261202))
        {
            string json = CaseJsonWriter.ToJson(context);
            Assert.True(json.Contains('\\', StringComparison.Ordinal) || Compact(json) is not null, json);
        }
    }

    [Theory]
    [InlineData("minimal", CaseSamples.Minimal)]
    [InlineData("white space around the line", " \t" + CaseSamples.Minimal + " \r\n")]
    [InlineData("an order and a case of null", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"}},"order":null,"case":null}""")]
    [InlineData("raw UTF-8 text", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"Zażółć-🙂","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"}}}""")]
    [InlineData("the largest count", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":2147483647,"lifetimeValue":{"amount":0,"currency":"PLN"}}}""")]
    [InlineData("16 digits and two decimals", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":9999999999999999.99,"currency":"PLN"}}}""")]
    [InlineData("fields left out between others", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":1,"lifetimeValue":{"amount":0.5,"currency":"PLN"},"goodwillLast90Days":{"amount":20,"currency":"PLN"}}}""")]
    public void CompactShape_Taken(string shape, string line)
    {
        var taken = Compact(line);
        Assert.True(taken is not null, shape);
        AssertSame(General(line), taken, shape);
    }

    [Theory]
    [InlineData("white space between tokens", """{"now": "2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"}}}""", true)]
    [InlineData("an escape in a string", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C\u002D9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"}}}""", true)]
    [InlineData("fields out of order", """{"customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"}},"now":"2026-11-23T10:00:00Z"}""", true)]
    [InlineData("currency before amount", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"currency":"PLN","amount":0}}}""", true)]
    [InlineData("no now: the clock decides", """{"customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"}}}""", true)]
    [InlineData("now of null: the clock decides", """{"now":null,"customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"}}}""", true)]
    [InlineData("an amount of 17 digits", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":12345678901234567,"currency":"PLN"}}}""", true)]
    [InlineData("a repeated field", """{"now":"2026-11-23T10:00:00Z","now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"}}}""", false)]
    [InlineData("an unknown field", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"},"vip":true}}""", false)]
    [InlineData("a count one past the largest", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":2147483648,"lifetimeValue":{"amount":0,"currency":"PLN"}}}""", false)]
    [InlineData("a count with a leading zero", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":07,"lifetimeValue":{"amount":0,"currency":"PLN"}}}""", false)]
    [InlineData("a count with an exponent", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":1e2,"lifetimeValue":{"amount":0,"currency":"PLN"}}}""", false)]
    [InlineData("a count with a point", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":1.0,"lifetimeValue":{"amount":0,"currency":"PLN"}}}""", false)]
    [InlineData("a negative count", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":-1,"lifetimeValue":{"amount":0,"currency":"PLN"}}}""", false)]
    [InlineData("an amount ending in a point", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":1.,"currency":"PLN"}}}""", false)]
    [InlineData("an amount of three decimals", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":1.234,"currency":"PLN"}}}""", false)]
    [InlineData("another currency", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"EUR"}}}""", false)]
    [InlineData("a blank id", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"  ","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"}}}""", false)]
    [InlineData("a required field missing", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","lifetimeValue":{"amount":0,"currency":"PLN"}}}""", false)]
    [InlineData("a second value on the line", CaseSamples.Minimal + "{}", false)]
    [InlineData("a trailing comma", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"}},}""", false)]
    [InlineData("an unknown flag", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"}},"case":{"id":"K-1","openedAt":"2026-11-20T08:30:00Z","kind":"lost-parcel","flags":["loud"]}}""", false)]
    [InlineData("a repeated flag", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"}},"case":{"id":"K-1","openedAt":"2026-11-20T08:30:00Z","kind":"lost-parcel","flags":["abusive","abusive"]}}""", false)]
    [InlineData("a case opened after now (a domain rule)", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"}},"case":{"id":"K-1","openedAt":"2026-11-24T08:30:00Z","kind":"lost-parcel"}}""", false)]
    [InlineData("delivered before shipped (a domain rule)", """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"}},"order":{"id":"O-1","placedAt":"2026-11-10T09:12:00Z","total":{"amount":10,"currency":"PLN"},"status":"delivered","shippedAt":"2026-11-12T14:00:00Z","deliveredAt":"2026-11-11T14:00:00Z"}}""", false)]
    [InlineData("an invalid instant", """{"now":"2026-11-23T25:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"}}}""", false)]
    public void OtherShape_Declined_AndReadByTheGeneralParser(string shape, string line, bool valid)
    {
        Assert.True(Compact(line) is null, shape);
        var general = General(line);
        Assert.Equal(valid, general.IsValid);
        AssertSame(general, Read(line), shape);
    }

    [Theory]
    [InlineData("EUR", true)]
    [InlineData("PLN", false)]
    public void Amounts_TakenInTheReadersCurrencyOnly(string written, bool taken)
    {
        var euro = new CaseReadOptions { Currency = Currency.Eur };
        var line = Encoding.UTF8.GetBytes(CaseSamples.Minimal.Replace("PLN", written, StringComparison.Ordinal));
        Assert.Equal(taken, new CaseParser(euro).TryParseCompact(line, 0, out var result));
        var general = CaseJsonReader.ParseLine(line, new CaseParser(euro), 0, 1);
        Assert.Equal(taken, general.IsValid);
        AssertSame(general, result ?? CaseJsonReader.ReadLine(line, new CaseParser(euro), 0, 1), written);
        Assert.Equal(taken ? Currency.Eur : default, result?.Context!.Currency ?? default);
    }

    [Fact]
    public void InvalidUtf8InText_Declined_AndReportedByTheGeneralParser()
    {
        var line = Encoding.UTF8.GetBytes(CaseSamples.Minimal.Replace("C-9", "C-\u00e9", StringComparison.Ordinal)).ToList();
        int at = line.IndexOf(0xC3);
        line.RemoveAt(at + 1); // a lead byte without its continuation
        var bytes = line.ToArray();
        Assert.False(new CaseParser(Options).TryParseCompact(bytes, 0, out _));
        var general = CaseJsonReader.ParseLine(bytes, new CaseParser(Options), 0, 1);
        Assert.Contains(general.Errors, e => e.Path == "$.customer.id");
        AssertSame(general, CaseJsonReader.ReadLine(bytes, new CaseParser(Options), 0, 1), "invalid UTF-8");
    }

    private static CaseReadResult? Compact(string line) =>
        new CaseParser(Options).TryParseCompact(Encoding.UTF8.GetBytes(line), 7, out var result) ? result : null;

    private static CaseReadResult General(string line) => CaseJsonReader.ParseLine(Encoding.UTF8.GetBytes(line), new CaseParser(Options), 7, 3);

    private static CaseReadResult Read(string line) => CaseJsonReader.ReadLine(Encoding.UTF8.GetBytes(line), new CaseParser(Options), 7, 3);

    private static void AssertSame(CaseReadResult expected, CaseReadResult actual, string what)
    {
        Assert.True(expected.Index == actual.Index, what);
        Assert.True(expected.CaseId == actual.CaseId, what);
        Assert.Equal(expected.Errors.Select(e => e.Path + " " + e.Message), actual.Errors.Select(e => e.Path + " " + e.Message));
        Assert.True(expected.IsValid == actual.IsValid, what);
        if (expected.Context is not null)
        {
            ContextAssert.Equal(expected.Context, actual.Context!);
            Assert.Equal(CaseJsonWriter.ToJson(expected.Context), CaseJsonWriter.ToJson(actual.Context!));
        }
    }
}
