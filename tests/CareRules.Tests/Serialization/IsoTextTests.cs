using System.Text;
using CareRules.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;

namespace CareRules.Tests.Serialization;

/// <summary>The allocation-free shortcut must never accept what the NodaTime patterns reject, nor read another value.</summary>
public sealed class IsoTextTests
{
    /// <summary>Instants from year 1 to 9999, half of them with a fraction of a second.</summary>
    private static readonly Gen<Instant> AnyInstant =
        from days in Gen.Choose(0, 3_652_000)
        from seconds in Gen.Choose(0, 86_399)
        from nanos in Gen.OneOf(Gen.Constant(0), Gen.Choose(0, 999_999_999))
        select Instant.FromUtc(1, 1, 1, 0, 0) + Duration.FromDays(days) + Duration.FromSeconds(seconds) + Duration.FromNanoseconds(nanos);

    [Property(MaxTest = 500)]
    public Property TryParseInstant_AnyFormattedInstant_SameValue() => Prop.ForAll(AnyInstant.ToArbitrary(), instant =>
    {
        byte[] text = Encoding.UTF8.GetBytes(InstantPattern.ExtendedIso.Format(instant));
        return IsoText.TryParseInstant(text, out var parsed) && parsed == instant;
    });

    [Property(MaxTest = 2000)]
    public Property TryParseInstant_MutatedText_AcceptsOnlyWhatNodaTimeAcceptsWithTheSameValue() => Prop.ForAll(
        Mutations(AnyInstant.Select(InstantPattern.ExtendedIso.Format)).ToArbitrary(),
        text => !IsoText.TryParseInstant(Encoding.UTF8.GetBytes(text), out var fast)
            || (InstantPattern.ExtendedIso.Parse(text) is { Success: true } slow && slow.Value == fast));

    [Property(MaxTest = 2000)]
    public Property TryParseDate_MutatedText_AcceptsOnlyWhatNodaTimeAcceptsWithTheSameValue() => Prop.ForAll(
        Mutations(AnyInstant.Select(i => LocalDatePattern.Iso.Format(i.InUtc().Date))).ToArbitrary(),
        text => !IsoText.TryParseDate(Encoding.UTF8.GetBytes(text), out var fast)
            || (LocalDatePattern.Iso.Parse(text) is { Success: true } slow && slow.Value == fast));

    [Theory]
    [InlineData("2026-11-23T10:00:00Z", true)]
    [InlineData("2026-11-23T10:00:00.123456789Z", true)]
    [InlineData("2024-02-29T23:59:59Z", true)]
    [InlineData("0001-01-01T00:00:00Z", true)]
    [InlineData("9999-12-31T23:59:59.999999999Z", true)]
    [InlineData("2023-02-29T00:00:00Z", false)]
    [InlineData("2026-11-23T24:00:00Z", false)]
    [InlineData("2026-11-23T23:60:00Z", false)]
    [InlineData("2026-11-23T23:59:60Z", false)]
    [InlineData("2026-11-23T10:00:00.Z", false)]
    [InlineData("2026-11-23T10:00:00.1234567890Z", false)]
    [InlineData("2026-11-23T10:00:00,5Z", false)] // NodaTime accepts the comma: the slow path reads it
    [InlineData("2026-11-23t10:00:00Z", false)]
    [InlineData("2026-11-23T10:00:00z", false)]
    [InlineData("0000-01-01T00:00:00Z", false)]
    [InlineData("2026-00-23T10:00:00Z", false)]
    [InlineData("2026-11-00T10:00:00Z", false)]
    [InlineData("+026-11-23T10:00:00Z", false)]
    public void TryParseInstant_Edges_ShortcutOrNot(string text, bool fast)
    {
        Assert.Equal(fast, IsoText.TryParseInstant(Encoding.UTF8.GetBytes(text), out var value));
        if (fast)
        {
            Assert.Equal(InstantPattern.ExtendedIso.Parse(text).Value, value);
        }
    }

    [Fact]
    public void Read_CommaFraction_IsRejected_OneStrictGrammar()
    {
        string json = CaseSamples.CatalogExample.Replace("\"2026-11-23T10:00:00Z\"", "\"2026-11-23T10:00:00,5Z\"", StringComparison.Ordinal);

        var error = Assert.Single(Assert.Single(CaseJsonReader.Read(json)).Errors);

        Assert.Equal("$.now", error.Path);
    }

    /// <summary>The fuzz campaign's lenient spellings: each is one error at its path (catalog section 5.4).</summary>
    [Theory]
    [InlineData("2026-11-23T24:00:00Z")]
    [InlineData("0000-11-23T10:00:00Z")]
    [InlineData("-2026-11-23T10:00:00Z")]
    [InlineData("2026-11-23T10:00:00Z\\u0000")]
    [InlineData("2026-11-23T10:00:00+01:00")]
    [InlineData("2026-11-23T10:00Z")]
    [InlineData("2026-11-23t10:00:00z")]
    public void Read_InstantsOutsideTheGrammar_AreRejected(string instant)
    {
        string json = CaseSamples.CatalogExample.Replace("\"2026-11-23T10:00:00Z\"", "\"" + instant + "\"", StringComparison.Ordinal);

        var error = Assert.Single(Assert.Single(CaseJsonReader.Read(json)).Errors);

        Assert.Equal("$.now", error.Path);
        Assert.Contains("is not an ISO-8601 UTC instant", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2023-4-01")]
    [InlineData("0000-04-01")]
    [InlineData("2023-04-01T00:00:00Z")]
    [InlineData("2023-02-29")]
    public void Read_DatesOutsideTheGrammar_AreRejected(string date)
    {
        string json = CaseSamples.CatalogExample.Replace("\"2023-04-01\"", "\"" + date + "\"", StringComparison.Ordinal);

        var error = Assert.Single(Assert.Single(CaseJsonReader.Read(json)).Errors);

        Assert.Equal("$.customer.since", error.Path);
        Assert.Contains("is not a local date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EscapedInstant_ReadByTheStrictGrammarAfterUnescaping()
    {
        string json = CaseSamples.CatalogExample.Replace("\"2026-11-23T10:00:00Z\"", "\"2026-11-23T10:00:00\\u005A\"", StringComparison.Ordinal);

        Assert.Equal(Instant.FromUtc(2026, 11, 23, 10, 0), Assert.Single(CaseJsonReader.Read(json)).Context!.Now);
    }

    /// <summary>Valid texts with one character replaced, inserted or removed.</summary>
    private static Gen<string> Mutations(Gen<string> valid) =>
        from text in valid
        from at in Gen.Choose(0, text.Length - 1)
        from c in Gen.Elements("0123456789-:TZ.,+ tz\u0660".ToCharArray())
        from how in Gen.Choose(0, 3)
        select how switch
        {
            0 => text[..at] + c + text[(at + 1)..],
            1 => text[..at] + c + text[at..],
            2 => text.Remove(at, 1),
            _ => text,
        };
}
