using CareRules.Model;

namespace CareRules.Tests.Model;

public sealed class MoneyTests
{
    [Fact]
    public void Add_SameCurrency_SumsAmounts() =>
        Assert.Equal(Money.Pln(30.50m), Money.Pln(10.25m) + Money.Pln(20.25m));

    [Fact]
    public void Add_DifferentCurrencies_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Money.Pln(1) + new Money(1, Currency.Eur));

    [Fact]
    public void Multiply_RoundsToTwoDecimalsAwayFromZero() =>
        Assert.Equal(Money.Pln(70.00m), Money.Pln(349.99m).Multiply(0.20m)); // 69.998 → 70.00

    [Theory]
    [InlineData("PLN", true)]
    [InlineData("EUR", true)]
    [InlineData("pln", false)]
    [InlineData("PL", false)]
    [InlineData("PLNX", false)]
    [InlineData("", false)]
    public void Currency_TryParse_AcceptsOnlyThreeUpperCaseLetters(string code, bool ok)
    {
        Assert.Equal(ok, Currency.TryParse(code, out var c));
        if (ok)
        {
            Assert.Equal(code, c.Code);
        }
    }

    [Fact]
    public void Constructor_EmptyCurrency_NamesTheParameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Money(1m, default));
        Assert.Equal("currency", ex.ParamName);
    }

    [Fact]
    public void ToString_IsInvariantWithTwoDecimals() => Assert.Equal("20.00 PLN", Money.Pln(20).ToString());
}
