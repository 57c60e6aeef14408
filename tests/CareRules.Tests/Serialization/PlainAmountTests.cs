using System.Globalization;
using System.Text;
using System.Text.Json;
using CareRules.Serialization;

namespace CareRules.Tests.Serialization;

/// <summary>The case parser's direct path for plain amounts gives exactly what <see cref="Utf8JsonReader.TryGetDecimal"/> gives.</summary>
public sealed class PlainAmountTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("0.0")]
    [InlineData("0.00")]
    [InlineData("7")]
    [InlineData("20.5")]
    [InlineData("20.50")]
    [InlineData("349.99")]
    [InlineData("1000000")]
    [InlineData("9999999999999999")] // 16 digits, the most taken directly
    [InlineData("9999999999999999.99")]
    public void Plain_SameValueAndScaleAsTheReader(string text)
    {
        Assert.True(CaseParser.TryParsePlainAmount(Encoding.UTF8.GetBytes(text), out var fast));
        Assert.Equal(decimal.GetBits(ReaderDecimal(text)), decimal.GetBits(fast));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")] // negative: the general path says why it is refused
    [InlineData("-0")]
    [InlineData("1e2")]
    [InlineData("1E2")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1.234")] // three decimals: the general path's message
    [InlineData("12345678901234567")] // 17 digits: the general path
    [InlineData("1.2.3")]
    public void NotPlain_LeftToTheGeneralPath(string text) =>
        Assert.False(CaseParser.TryParsePlainAmount(Encoding.UTF8.GetBytes(text), out _));

    [Fact]
    public void RandomAmounts_SameBitsAsTheReader()
    {
        var random = new Random(20261202);
        for (int n = 0; n < 20_000; n++)
        {
            long whole = random.NextInt64(0, n % 3 == 0 ? 100 : 10_000_000_000_000_000);
            string text = (n % 4) switch
            {
                0 => whole.ToString(CultureInfo.InvariantCulture),
                1 => whole.ToString(CultureInfo.InvariantCulture) + "." + random.Next(0, 10).ToString(CultureInfo.InvariantCulture),
                _ => whole.ToString(CultureInfo.InvariantCulture) + "." + random.Next(0, 100).ToString("00", CultureInfo.InvariantCulture),
            };
            Assert.True(CaseParser.TryParsePlainAmount(Encoding.UTF8.GetBytes(text), out var fast), text);
            Assert.Equal(decimal.GetBits(ReaderDecimal(text)), decimal.GetBits(fast));
        }
    }

    private static decimal ReaderDecimal(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
        Assert.True(reader.Read());
        Assert.True(reader.TryGetDecimal(out var value));
        return value;
    }
}
