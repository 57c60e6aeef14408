using CareRules.Model;
using NodaTime;

namespace CareRules.Tests.Model;

public sealed class ModelValidationTests
{
    private static readonly Instant T = Instant.FromUtc(2026, 11, 10, 9, 0);

    [Fact]
    public void Customer_InvalidFields_AreAllNamed()
    {
        var ex = Assert.Throws<CareRulesValidationException>(() =>
            new Customer("", new LocalDate(2024, 1, 1), -1, Money.Pln(-5m), contactsLast7Days: -2, goodwillLast90Days: new Money(1m, Currency.Eur)));

        Assert.Equal(
            ["customer.id", "customer.orders", "customer.lifetimeValue", "customer.contactsLast7Days", "customer.goodwillLast90Days"],
            ex.Errors.Select(e => e.Path));
        Assert.Contains("customer.orders: must be zero or more, was -1.", ex.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(99)]
    [InlineData(64)]
    public void Order_UndefinedEnumValues_AreNamed(int raw)
    {
        // Every defined member either side of them is accepted; an undefined value is refused with its field.
        var ex = Assert.Throws<CareRulesValidationException>(() =>
            new Order("O-1", T, Money.Pln(10m), (OrderStatus)raw, payment: (PaymentMethod)raw, tracking: (TrackingStatus)raw));

        Assert.Equal(["order.status", "order.payment", "order.tracking"], ex.Errors.Select(e => e.Path));
        Assert.Contains($"order.status: '{raw}' is not a defined OrderStatus.", ex.Message);
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            foreach (var tracking in Enum.GetValues<TrackingStatus>())
            {
                var ok = new Order("O-1", T, Money.Pln(10m), status, tracking: tracking, shippedAt: T, deliveredAt: T);
                Assert.Equal(status, ok.Status);
            }
        }
    }

    [Fact]
    public void Order_DeliveredBeforeShipped_IsRejected()
    {
        var ex = Assert.Throws<CareRulesValidationException>(() =>
            new Order("O-1", T, Money.Pln(10m), OrderStatus.Delivered, shippedAt: T + Duration.FromDays(2), deliveredAt: T + Duration.FromDays(1)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("order.deliveredAt", error.Path);
        Assert.Contains("shippedAt", error.Message);
    }

    [Fact]
    public void Order_ShippedBeforePlaced_AndDeliveredWithoutInstant_AreRejected()
    {
        var ex = Assert.Throws<CareRulesValidationException>(() =>
            new Order("O-1", T, Money.Pln(10m), OrderStatus.Delivered, shippedAt: T - Duration.FromMinutes(1)));

        Assert.Equal(["order.shippedAt", "order.deliveredAt"], ex.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Order_DeliveredTheSameInstantAsShipped_IsAccepted()
    {
        var order = new Order("O-1", T, Money.Pln(10m), OrderStatus.Delivered, shippedAt: T, deliveredAt: T);

        Assert.True(order.IsDelivered);
    }

    [Fact]
    public void Case_ReplyBeforeOpening_AndUndefinedEnum_AreRejected()
    {
        var ex = Assert.Throws<CareRulesValidationException>(() =>
            new CareCase("K-1", T, (CaseKind)99, firstReplyAt: T - Duration.FromMinutes(1), flags: (CaseFlags)64));

        Assert.Equal(["case.kind", "case.flags", "case.firstReplyAt"], ex.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Context_CaseOpenedAfterNow_AndMixedCurrencies_AreRejected()
    {
        var customer = new Customer("C", new LocalDate(2024, 1, 1), 1, Money.Pln(1m));
        var order = new Order("O", T, new Money(1m, Currency.Eur), OrderStatus.Placed);
        var @case = new CareCase("K", T + Duration.FromHours(1), CaseKind.Other);

        var ex = Assert.Throws<CareRulesValidationException>(() => new CareContext(T, customer, order, @case));

        Assert.Equal(["order.total", "case.openedAt"], ex.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Case_IncidentKinds_AreTheCatalogsIncidents()
    {
        var incidents = Enum.GetValues<CaseKind>().Where(k => new CareCase("K", T, k).IsIncident).ToArray();

        Assert.Equal(
            [CaseKind.DeliveryDelay, CaseKind.DamagedPackaging, CaseKind.DamagedGoods, CaseKind.MissingItem, CaseKind.WrongItem, CaseKind.LostParcel, CaseKind.StatutoryComplaint],
            incidents);
    }

    [Theory]
    [InlineData(CaseKind.DeliveryDelay, "delivery-delay")]
    [InlineData(CaseKind.StatutoryComplaint, "statutory-complaint")]
    [InlineData(ContactChannel.PublicSocial, "public-social")]
    [InlineData(CaseFlags.LegalThreat, "legalThreat")]
    [InlineData(CaseFlags.AnswerInProductDescription, "answerInProductDescription")]
    [InlineData(PaymentMethod.CashOnDelivery, "cash-on-delivery")]
    [InlineData(TrackingStatus.ReturnedToSender, "returned-to-sender")]
    public void CatalogNames_MatchTheCatalog(object value, string expected)
    {
        string name = value switch
        {
            CaseKind k => CatalogNames.Of(k),
            ContactChannel c => CatalogNames.Of(c),
            CaseFlags f => CatalogNames.Of(f),
            PaymentMethod p => CatalogNames.Of(p),
            TrackingStatus t => CatalogNames.Of(t),
            _ => throw new ArgumentException("unexpected", nameof(value)),
        };
        Assert.Equal(expected, name);
    }
}
