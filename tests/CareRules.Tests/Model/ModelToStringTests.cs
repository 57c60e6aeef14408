using CareRules.Model;
using CareRules.Packs;
using CareRules.Serialization;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CareRules.Tests.Model;

/// <summary>Issue 20, point 4: the model prints as the case JSON, so a failing property shows the case it failed on.</summary>
public sealed class ModelToStringTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);

    private static CareContext Context() => new(
        Now,
        new Customer("C-1", new LocalDate(2024, 3, 10), 3, Money.Pln(640m)),
        new Order("O-1", Now - Duration.FromDays(7), Money.Pln(249.9m), OrderStatus.Shipped, promisedBy: new LocalDate(2026, 11, 20)),
        new CareCase("K-1", Now - Duration.FromHours(1), CaseKind.DeliveryDelay, flags: CaseFlags.Abusive));

    [Fact]
    public void Context_PrintsAsTheCaseJson_WhichReadsBack()
    {
        var context = Context();
        string text = context.ToString();
        Assert.Equal(CaseJsonWriter.ToJson(context), text);
        Assert.StartsWith("""{"now":"2026-11-23T09:00:00Z","customer":{"id":"C-1","since":"2024-03-10","orders":3,"lifetimeValue":{"amount":640.00,"currency":"PLN"}""", text, StringComparison.Ordinal);
        Assert.Equal(text, Assert.Single(CaseJsonReader.Read(text)).Context!.ToString());
    }

    [Fact]
    public void Parts_PrintAsTheirObjectsOfTheCaseJson()
    {
        var context = Context();
        string text = context.ToString();
        Assert.Contains("\"customer\":" + context.Customer, text, StringComparison.Ordinal);
        Assert.Contains("\"order\":" + context.Order, text, StringComparison.Ordinal);
        Assert.Contains("\"case\":" + context.Case, text, StringComparison.Ordinal);
        Assert.Contains("\"flags\":[\"abusive\"]", context.Case!.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\"order\":null,\"case\":null}", new CareContext(Now, context.Customer).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AFailingProperty_ShowsTheCaseJsonOfItsCounterexample()
    {
        var property = Prop.ForAll(CareGenerators.ContextArbitrary(), c => StandardPack.Default.Evaluate(c).GoodwillTotal.Amount < 0m);
        var ex = Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(5).WithReplay(1UL, 1UL), property));
        Assert.Contains("{\"now\":\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"customer\":{\"id\":\"C-", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CareRules.Model.CareContext", ex.Message, StringComparison.Ordinal);
    }
}
