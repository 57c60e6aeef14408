using System.Text;
using System.Text.Json.Nodes;
using CareRules.Model;
using CareRules.Serialization;
using NodaTime;
using NodaTime.Testing;

namespace CareRules.Tests.Serialization;

public sealed class CaseJsonReaderTests
{
    private static readonly Instant ClockNow = Instant.FromUtc(2026, 11, 24, 7, 45);

    // ---- shapes -----------------------------------------------------------------------------------------------------

    [Fact]
    public void Read_CatalogExample_ReadsEveryField()
    {
        var result = Assert.Single(CaseJsonReader.Read(CaseSamples.CatalogExample));

        Assert.True(result.IsValid, result.ToString());
        Assert.Empty(result.Errors);
        Assert.Equal(0, result.Index);
        Assert.Equal("K-1", result.CaseId);
        var expected = new CareContext(
            Instant.FromUtc(2026, 11, 23, 10, 0),
            new Customer("C-1", new LocalDate(2023, 4, 1), 12, Money.Pln(4200m), 2, 1, 0, Money.Pln(0m)),
            new Order(
                "O-1", Instant.FromUtc(2026, 11, 10, 9, 12), Money.Pln(349.99m), OrderStatus.Shipped, PaymentMethod.Prepaid,
                promisedBy: new LocalDate(2026, 11, 14), shippedAt: Instant.FromUtc(2026, 11, 12, 14, 0), deliveredAt: null,
                delayNotified: false, tracking: TrackingStatus.InTransit, withdrawalInformed: true, withdrawalExempt: false, backorderUntil: null),
            new CareCase(
                "K-1", Instant.FromUtc(2026, 11, 20, 8, 30), CaseKind.DeliveryDelay, ContactChannel.Email, Fault.Shop,
                firstReplyAt: null, CaseFlags.None, CarrierClaimState.None, CustomerRequests.None));
        ContextAssert.Equal(expected, result.Context);
        Assert.Equal(Currency.Pln, result.Context.Currency);
    }

    [Fact]
    public void Read_EveryOptionalFieldSet_ReadsThem()
    {
        string json = CaseSamples.Edit(n =>
        {
            n["order"]!["deliveredAt"] = "2026-11-13T08:00:00.5Z";
            n["order"]!["status"] = "delivered";
            n["order"]!["payment"] = "cash-on-delivery";
            n["order"]!["backorderUntil"] = "2026-12-24";
            n["order"]!["delayNotified"] = true;
            n["order"]!["withdrawalInformed"] = false;
            n["order"]!["withdrawalExempt"] = true;
            n["case"]!["firstReplyAt"] = "2026-11-20T09:00:00.123456789Z";
            n["case"]!["flags"] = new JsonArray("noNewFacts", "legalThreat");
            n["case"]!["requests"] = new JsonArray("full-refund", "reship");
            n["case"]!["channel"] = "public-social";
            n["case"]!["carrierClaim"] = "rejected";
        });

        var context = AssertValid(json);

        var order = context.Order!;
        Assert.Equal(Instant.FromUtc(2026, 11, 13, 8, 0).PlusNanoseconds(500_000_000), order.DeliveredAt);
        Assert.Equal(OrderStatus.Delivered, order.Status);
        Assert.Equal(PaymentMethod.CashOnDelivery, order.Payment);
        Assert.Equal(new LocalDate(2026, 12, 24), order.BackorderUntil);
        Assert.True(order.DelayNotified);
        Assert.False(order.WithdrawalInformed);
        Assert.True(order.WithdrawalExempt);
        var @case = context.Case!;
        Assert.Equal(Instant.FromUtc(2026, 11, 20, 9, 0).PlusNanoseconds(123_456_789), @case.FirstReplyAt);
        Assert.Equal(CaseFlags.NoNewFacts | CaseFlags.LegalThreat, @case.Flags);
        Assert.Equal(CustomerRequests.FullRefund | CustomerRequests.Reship, @case.Requests);
        Assert.Equal(ContactChannel.PublicSocial, @case.Channel);
        Assert.Equal(CarrierClaimState.Rejected, @case.CarrierClaim);
    }

    [Fact]
    public void Read_OnlyRequiredFields_UsesTheModelDefaults()
    {
        string json = """
            {"now":"2026-11-23T10:00:00Z",
             "customer":{"id":"C-1","since":"2023-04-01","orders":1,"lifetimeValue":{"amount":10,"currency":"PLN"}},
             "order":{"id":"O-1","placedAt":"2026-11-10T09:12:00Z","total":{"amount":5,"currency":"PLN"},"status":"placed"},
             "case":{"id":"K-1","openedAt":"2026-11-20T08:30:00Z","kind":"other"}}
            """;

        var context = AssertValid(json);

        var at = Instant.FromUtc(2026, 11, 10, 9, 12);
        ContextAssert.Equal(new Customer("C-1", new LocalDate(2023, 4, 1), 1, Money.Pln(10)), context.Customer);
        ContextAssert.Equal(new Order("O-1", at, Money.Pln(5), OrderStatus.Placed), context.Order!);
        ContextAssert.Equal(new CareCase("K-1", Instant.FromUtc(2026, 11, 20, 8, 30), CaseKind.Other), context.Case!);
    }

    [Fact]
    public void Read_OrderAndCaseNullOrMissing_ContextWithout()
    {
        var missing = AssertValid(CaseSamples.Minimal);
        var nulls = AssertValid(CaseSamples.Minimal.Replace("}}}", "}},\"order\":null,\"case\":null}", StringComparison.Ordinal));

        Assert.Null(missing.Order);
        Assert.Null(missing.Case);
        Assert.Null(nulls.Order);
        Assert.Null(nulls.Case);
        Assert.Null(Assert.Single(CaseJsonReader.Read(CaseSamples.Minimal)).CaseId);
    }

    [Fact]
    public void Read_Array_OneResultPerElementInOrder()
    {
        string json = "[\n" + CaseSamples.Line("K-1") + ",\n" + CaseSamples.Line("K-2") + ",\n" + CaseSamples.Minimal + "\n]";

        var results = CaseJsonReader.Read(json);

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.True(r.IsValid, r.ToString()));
        Assert.Equal([0, 1, 2], results.Select(r => r.Index));
        Assert.Equal(["K-1", "K-2", null], results.Select(r => r.CaseId));
    }

    [Fact]
    public void Read_EmptyArray_NoResults() => Assert.Empty(CaseJsonReader.Read("[ ]"));

    [Theory]
    [InlineData("")]
    [InlineData("  \n\r\n\t ")]
    public void Read_BlankInput_NoResults(string json) => Assert.Empty(CaseJsonReader.Read(json));

    [Fact]
    public void Read_JsonLines_OneResultPerLineSkippingBlankLines()
    {
        string json = CaseSamples.Line("K-1") + "\r\n\r\n" + CaseSamples.Line("K-2") + "\n   \n" + CaseSamples.Line("K-3") + "\n";

        var results = CaseJsonReader.Read(json);

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.True(r.IsValid, r.ToString()));
        Assert.Equal([0, 1, 2], results.Select(r => r.Index));
        Assert.Equal(["K-1", "K-2", "K-3"], results.Select(r => r.CaseId));
    }

    [Fact]
    public void Read_PrettyPrintedObject_IsOneCaseNotJsonLines()
    {
        var results = CaseJsonReader.Read(JsonNode.Parse(CaseSamples.CatalogExample)!.ToJsonString(new() { WriteIndented = true }));

        Assert.True(Assert.Single(results).IsValid);
    }

    [Fact]
    public void Read_Utf8BytesWithByteOrderMark_SkipsTheMark()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(CaseSamples.CatalogExample)];

        Assert.True(Assert.Single(CaseJsonReader.Read(bytes)).IsValid);
    }

    [Fact]
    public void Read_Stream_SameAsBytes()
    {
        string json = CaseSamples.Line("K-1") + "\n" + CaseSamples.Line("K-2");
        using var stream = new BufferedStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        var results = CaseJsonReader.Read(stream);

        Assert.Equal(["K-1", "K-2"], results.Select(r => r.CaseId));
        Assert.All(results, r => Assert.True(r.IsValid));
    }

    [Fact]
    public void Read_MemoryStreamAtAPosition_ReadsFromThePositionToTheEnd()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("garbage" + CaseSamples.Line("K-7"));
        using var stream = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true) { Position = 7 };

        Assert.Equal("K-7", Assert.Single(CaseJsonReader.Read(stream)).CaseId);
        Assert.Equal(bytes.Length, stream.Position);
    }

    [Fact]
    public async Task ReadAsync_Stream_SameAsBytes()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("[" + CaseSamples.Line("K-1") + "]"));

        var results = await CaseJsonReader.ReadAsync(stream);

        Assert.Equal("K-1", Assert.Single(results).CaseId);
    }

    // ---- now and the clock ------------------------------------------------------------------------------------------

    [Fact]
    public void Read_CaseWithoutNow_UsesTheClock()
    {
        string json = CaseSamples.Edit(n => n.Remove("now"));

        var result = Assert.Single(CaseJsonReader.Read(json, new CaseReadOptions { Clock = new FakeClock(ClockNow) }));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(ClockNow, result.Context.Now);
    }

    [Fact]
    public void Read_NowNull_UsesTheClock()
    {
        string json = CaseSamples.Edit(n => n["now"] = null);

        var result = Assert.Single(CaseJsonReader.Read(json, CaseReadOptions.Default with { Clock = new FakeClock(ClockNow) }));

        Assert.Equal(ClockNow, result.Context!.Now);
    }

    [Fact]
    public void Read_CaseWithNow_IgnoresTheClock()
    {
        var result = Assert.Single(CaseJsonReader.Read(CaseSamples.CatalogExample, new CaseReadOptions { Clock = new FakeClock(ClockNow) }));

        Assert.Equal(Instant.FromUtc(2026, 11, 23, 10, 0), result.Context!.Now);
    }

    [Fact]
    public void Read_CaseWithoutNowAndNoClock_NowIsRequired()
    {
        var error = AssertSingleError(CaseSamples.Edit(n => n.Remove("now")));

        Assert.Equal("$.now", error.Path);
        Assert.StartsWith("is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ClockBeforeTheCaseOpened_CaseOpenedAfterNow()
    {
        var options = new CaseReadOptions { Clock = new FakeClock(Instant.FromUtc(2026, 11, 1, 0, 0)) };

        var result = Assert.Single(CaseJsonReader.Read(CaseSamples.Edit(n => n.Remove("now")), options));

        Assert.Equal("$.case.openedAt", Assert.Single(result.Errors).Path);
    }

    // ---- one error of each kind, with its exact path -----------------------------------------------------------------

    [Fact]
    public void Read_UnknownField_NamesItAndListsTheAllowedOnes()
    {
        var error = AssertSingleError(CaseSamples.Edit(n => n["order"]!["colour"] = "red"));

        Assert.Equal("$.order.colour", error.Path);
        Assert.Equal(
            "unknown field 'colour'; allowed fields are 'id', 'placedAt', 'total', 'payment', 'status', 'promisedBy', 'shippedAt', "
            + "'deliveredAt', 'delayNotified', 'tracking', 'withdrawalInformed', 'withdrawalExempt' or 'backorderUntil'.",
            error.Message);
    }

    [Theory]
    [InlineData("""{"customer":{"id":"C"},"Now":1}""", "$.Now")]
    [InlineData("""{"x y":{"deep":[1,{"a":2}]}}""", "$['x y']")]
    [InlineData("""{"it's":0}""", "$['it\\'s']")]
    public void Read_UnknownFieldAnywhere_PathNamesTheField(string json, string path)
    {
        var result = Assert.Single(CaseJsonReader.Read(json));

        Assert.Contains(result.Errors, e => e.Path == path && e.Message.StartsWith("unknown field", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("customer", "$.customer")]
    [InlineData("customer.id", "$.customer.id")]
    [InlineData("customer.since", "$.customer.since")]
    [InlineData("customer.orders", "$.customer.orders")]
    [InlineData("customer.lifetimeValue", "$.customer.lifetimeValue")]
    [InlineData("customer.lifetimeValue.currency", "$.customer.lifetimeValue.currency")]
    [InlineData("order.id", "$.order.id")]
    [InlineData("order.placedAt", "$.order.placedAt")]
    [InlineData("order.total", "$.order.total")]
    [InlineData("order.total.amount", "$.order.total.amount")]
    [InlineData("order.status", "$.order.status")]
    [InlineData("case.id", "$.case.id")]
    [InlineData("case.openedAt", "$.case.openedAt")]
    [InlineData("case.kind", "$.case.kind")]
    public void Read_RequiredFieldMissing_IsRequired(string field, string path)
    {
        var error = AssertSingleError(CaseSamples.Edit(n => Remove(n, field)));

        Assert.Equal(path, error.Path);
        Assert.Equal("is required.", error.Message);
    }

    [Theory]
    [InlineData("customer.contactsLast7Days")]
    [InlineData("customer.incidentsLast90Days")]
    [InlineData("customer.unfoundedComplaintsLast90Days")]
    [InlineData("customer.goodwillLast90Days")]
    [InlineData("order.payment")]
    [InlineData("order.promisedBy")]
    [InlineData("order.shippedAt")]
    [InlineData("order.tracking")]
    [InlineData("case.channel")]
    [InlineData("case.fault")]
    [InlineData("case.flags")]
    [InlineData("case.requests")]
    public void Read_OptionalFieldMissing_StillValid(string field) => AssertValid(CaseSamples.Edit(n => Remove(n, field)));

    [Theory]
    [InlineData("customer.orders", "\"12\"", "must be a whole number, was the string '12'.")]
    [InlineData("customer.orders", "1.5", "must be a whole number, was 1.5.")]
    [InlineData("customer.orders", "-1", "must be zero or more, was -1.")]
    [InlineData("customer.orders", "3000000000", "must be a whole number from 0 to 2147483647, was 3000000000.")]
    [InlineData("customer.id", "42", "must be a non-empty string, was the number 42.")]
    [InlineData("customer.id", "\"  \"", "must be a non-empty string.")]
    [InlineData("customer", "[]", "must be an object, was an array.")]
    [InlineData("customer.lifetimeValue", "4200", "must be a money object like { \"amount\": 12.50, \"currency\": \"PLN\" }, was the number 4200.")]
    [InlineData("order", "\"O-1\"", "must be an object or null, was the string 'O-1'.")]
    [InlineData("order.delayNotified", "\"no\"", "must be true or false, was the string 'no'.")]
    [InlineData("order.withdrawalInformed", "null", "must be true or false, was null.")]
    [InlineData("order.total.amount", "\"349.99\"", "must be a number, was the string '349.99'.")]
    [InlineData("order.total.currency", "null", "must be a currency code string (PLN), was null.")]
    [InlineData("case.flags", "\"abusive\"", "must be an array of flag names, was the string 'abusive'.")]
    [InlineData("case.kind", "7", "must be a string, one of 'delivery-delay', 'damaged-packaging', 'damaged-goods', 'missing-item', 'wrong-item', 'lost-parcel', 'withdrawal', 'statutory-complaint', 'availability-inquiry', 'product-question', 'refund-demand', 'off-topic' or 'other', was the number 7.")]
    [InlineData("case.openedAt", "1763627400", "must be an ISO-8601 UTC instant string like 2026-11-23T10:00:00Z, was the number 1763627400.")]
    [InlineData("case.openedAt", "null", "must be an ISO-8601 UTC instant string like 2026-11-23T10:00:00Z, was null.")]
    [InlineData("order.promisedBy", "{}", "must be a local date string (yyyy-MM-dd), or null, was an object.")]
    public void Read_WrongJsonType_SaysWhatWasExpected(string field, string value, string message)
    {
        var error = AssertSingleError(CaseSamples.Edit(n => Set(n, field, JsonNode.Parse(value))));

        Assert.Equal("$." + field, error.Path);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Read_UnderACultureWithAnotherMinusSign_MessagesStayInvariant()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("sv-SE"); // minus sign U+2212
            var error = AssertSingleError(CaseSamples.Edit(n => Set(n, "customer.orders", -1)));

            Assert.Equal("must be zero or more, was -1.", error.Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("order.total")]
    [InlineData("customer.lifetimeValue")]
    [InlineData("customer.goodwillLast90Days")]
    public void Read_OtherCurrency_ExpectedPln(string money)
    {
        var error = AssertSingleError(CaseSamples.Edit(n => Set(n, money + ".currency", "EUR")));

        Assert.Equal("$." + money + ".currency", error.Path);
        Assert.Equal("expected PLN, was EUR.", error.Message);
    }

    [Fact]
    public void Read_CurrencyNotAnIsoCode_SaysSo()
    {
        var error = AssertSingleError(CaseSamples.Edit(n => Set(n, "order.total.currency", "zł")));

        Assert.Equal("$.order.total.currency", error.Path);
        Assert.Equal("expected PLN, was 'zł', which is not an ISO 4217 code (three upper-case letters).", error.Message);
    }

    [Fact]
    public void Read_PackCurrencyEur_AcceptsEurAndRejectsPln()
    {
        string eur = CaseSamples.CatalogExample.Replace("\"PLN\"", "\"EUR\"", StringComparison.Ordinal);
        var options = new CaseReadOptions { Currency = Currency.Eur };

        var ok = Assert.Single(CaseJsonReader.Read(eur, options));
        var bad = Assert.Single(CaseJsonReader.Read(CaseSamples.CatalogExample, options));

        Assert.Equal(new Money(349.99m, Currency.Eur), ok.Context!.Order!.Total);
        Assert.Equal(3, bad.Errors.Count);
        Assert.All(bad.Errors, e => Assert.Equal("expected EUR, was PLN.", e.Message));
    }

    [Fact]
    public void Read_NegativeAmount_MustNotBeNegative()
    {
        var error = AssertSingleError(CaseSamples.Edit(n => Set(n, "order.total.amount", -5.5m)));

        Assert.Equal("$.order.total.amount", error.Path);
        Assert.Equal("must not be negative, was -5.5.", error.Message);
    }

    [Fact]
    public void Read_AmountWithThreeDecimals_AtMostTwo()
    {
        var error = AssertSingleError(CaseSamples.Edit(n => Set(n, "customer.lifetimeValue.amount", 4200.005m)));

        Assert.Equal("$.customer.lifetimeValue.amount", error.Path);
        Assert.Equal("must have at most 2 decimal places, was 4200.005.", error.Message);
    }

    [Theory]
    [InlineData("1.10", 1.1)]
    [InlineData("1.000", 1)]
    [InlineData("0", 0)]
    public void Read_AmountSpellings_SameValue(string amount, double expected)
    {
        string json = CaseSamples.CatalogExample.Replace("349.99", amount, StringComparison.Ordinal);

        Assert.Equal(Money.Pln((decimal)expected), AssertValid(json).Order!.Total);
    }

    /// <summary>One strict amount grammar (catalog section 5.4): no exponent, so 1e-400 is not silently read as 0.</summary>
    [Theory]
    [InlineData("1e2")]
    [InlineData("1E2")]
    [InlineData("1e-400")]
    [InlineData("3.4999e2")]
    public void Read_AmountWithAnExponent_IsRejected(string amount)
    {
        string json = CaseSamples.CatalogExample.Replace("349.99", amount, StringComparison.Ordinal);

        var result = Assert.Single(CaseJsonReader.Read(json));

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.order.total.amount", error.Path);
        Assert.Equal($"must be written without an exponent, e.g. 20.00, was {amount}.", error.Message);
    }

    [Fact]
    public void Read_AHugeNumber_ErrorQuotesAtMost60Characters()
    {
        string digits = new('9', 1_000_000);
        string json = CaseSamples.CatalogExample.Replace("\"orders\": 12", "\"orders\": " + digits, StringComparison.Ordinal);

        var error = Assert.Single(Assert.Single(CaseJsonReader.Read(json)).Errors);

        Assert.Equal("$.customer.orders", error.Path);
        Assert.True(error.Message.Length < 150, $"the message echoes the input: {error.Message.Length} characters");
        Assert.Contains("999...", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("order.placedAt", "2026-11-10 09:12:00")]
    [InlineData("order.placedAt", "2026-11-10T09:12:00+01:00")]
    [InlineData("order.placedAt", "2026-11-10T09:12Z")]
    [InlineData("order.shippedAt", "yesterday")]
    [InlineData("case.openedAt", "2026-11-20")]
    [InlineData("now", "2026-02-30T10:00:00Z")]
    public void Read_UnparsableInstant_SaysIsoUtcWithExample(string field, string value)
    {
        var error = AssertSingleError(CaseSamples.Edit(n => Set(n, field, value)));

        Assert.Equal("$." + field, error.Path);
        Assert.Equal($"'{value}' is not an ISO-8601 UTC instant; expected e.g. 2026-11-23T10:00:00Z (UTC, ending in Z).", error.Message);
    }

    [Theory]
    [InlineData("customer.since", "01.04.2023")]
    [InlineData("customer.since", "2023-4-1")]
    [InlineData("order.promisedBy", "2026-11-14T00:00:00Z")]
    [InlineData("order.backorderUntil", "2026-13-01")]
    public void Read_UnparsableLocalDate_SaysYyyyMmDd(string field, string value)
    {
        var error = AssertSingleError(CaseSamples.Edit(n => Set(n, field, value)));

        Assert.Equal("$." + field, error.Path);
        Assert.Equal($"'{value}' is not a local date; expected yyyy-MM-dd, e.g. 2026-11-14.", error.Message);
    }

    [Fact]
    public void Read_UnknownEnumValue_ListsTheCatalogNames()
    {
        var error = AssertSingleError(CaseSamples.Edit(n => Set(n, "case.kind", "DeliveryDelay")));

        Assert.Equal("$.case.kind", error.Path);
        Assert.Equal($"unknown value 'DeliveryDelay'; expected {CatalogNames.Expected<CaseKind>()}.", error.Message);
    }

    [Theory]
    [InlineData("order.payment", "card")]
    [InlineData("order.status", "Shipped")]
    [InlineData("order.tracking", "in_transit")]
    [InlineData("case.channel", "sms")]
    [InlineData("case.fault", "nobody")]
    [InlineData("case.carrierClaim", "pending")]
    public void Read_UnknownEnumValueInAnyField_PathOfTheField(string field, string value)
    {
        var error = AssertSingleError(CaseSamples.Edit(n => Set(n, field, value)));

        Assert.Equal("$." + field, error.Path);
        Assert.StartsWith($"unknown value '{value}'; expected '", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateFlag_PathOfTheSecond()
    {
        var error = AssertSingleError(CaseSamples.Edit(n => n["case"]!["flags"] = new JsonArray("abusive", "abusive")));

        Assert.Equal("$.case.flags[1]", error.Path);
        Assert.Equal("duplicate flag 'abusive'; give each flag once.", error.Message);
    }

    [Fact]
    public void Read_UnknownFlagAndRequest_PathOfTheElement()
    {
        var result = Assert.Single(CaseJsonReader.Read(CaseSamples.Edit(n =>
        {
            n["case"]!["flags"] = new JsonArray("abusive", "rude", 3);
            n["case"]!["requests"] = new JsonArray("full-refund", "refund", "full-refund");
        })));

        Assert.Equal(
            [
                ("$.case.flags[1]", $"unknown flag 'rude'; expected {CatalogNames.Expected<CaseFlags>()}."),
                ("$.case.flags[2]", $"must be a flag name, one of {CatalogNames.Expected<CaseFlags>()}, was the number 3."),
                ("$.case.requests[1]", $"unknown request 'refund'; expected {CatalogNames.Expected<CustomerRequests>()}."),
                ("$.case.requests[2]", "duplicate request 'full-refund'; give each request once."),
            ],
            result.Errors.Select(e => (e.Path, e.Message)));
    }

    [Fact]
    public void Read_DuplicateField_Reported()
    {
        string json = CaseSamples.CatalogExample.Replace("\"orders\": 12,", "\"orders\": 12, \"orders\": 13,", StringComparison.Ordinal);

        var error = AssertSingleError(json);

        Assert.Equal("$.customer.orders", error.Path);
        Assert.Equal("appears more than once; give each field once.", error.Message);
    }

    [Fact]
    public void Read_DeliveredBeforeShipped_PathOfDeliveredAt()
    {
        var error = AssertSingleError(CaseSamples.Edit(n => Set(n, "order.deliveredAt", "2026-11-12T13:59:59Z")));

        Assert.Equal("$.order.deliveredAt", error.Path);
        Assert.Equal("must not be before shippedAt (2026-11-12T14:00:00Z), was 2026-11-12T13:59:59Z.", error.Message);
    }

    [Fact]
    public void Read_DeliveredBeforePlacedWithoutShipping_PathOfDeliveredAt()
    {
        var error = AssertSingleError(CaseSamples.Edit(n =>
        {
            Set(n, "order.shippedAt", null);
            Set(n, "order.deliveredAt", "2026-11-01T00:00:00Z");
        }));

        Assert.Equal("$.order.deliveredAt", error.Path);
        Assert.Equal("must not be before placedAt (2026-11-10T09:12:00Z), was 2026-11-01T00:00:00Z.", error.Message);
    }

    [Fact]
    public void Read_ShippedBeforePlaced_PathOfShippedAt()
    {
        var error = AssertSingleError(CaseSamples.Edit(n => Set(n, "order.shippedAt", "2026-11-09T00:00:00Z")));

        Assert.Equal("$.order.shippedAt", error.Path);
        Assert.Equal("must not be before placedAt (2026-11-10T09:12:00Z), was 2026-11-09T00:00:00Z.", error.Message);
    }

    [Fact]
    public void Read_StatusDeliveredWithoutDeliveredAt_DeliveredAtRequired()
    {
        var error = AssertSingleError(CaseSamples.Edit(n => Set(n, "order.status", "delivered")));

        Assert.Equal("$.order.deliveredAt", error.Path);
        Assert.Equal("is required when status is 'delivered'.", error.Message);
    }

    [Fact]
    public void Read_FirstReplyBeforeOpened_PathOfFirstReplyAt()
    {
        var error = AssertSingleError(CaseSamples.Edit(n => Set(n, "case.firstReplyAt", "2026-11-20T08:29:00Z")));

        Assert.Equal("$.case.firstReplyAt", error.Path);
        Assert.Equal("must not be before openedAt (2026-11-20T08:30:00Z), was 2026-11-20T08:29:00Z.", error.Message);
    }

    [Fact]
    public void Read_CaseOpenedAfterNow_PathOfOpenedAt()
    {
        var error = AssertSingleError(CaseSamples.Edit(n => Set(n, "case.openedAt", "2026-11-23T10:00:01Z")));

        Assert.Equal("$.case.openedAt", error.Path);
        Assert.Equal("must not be after now (2026-11-23T10:00:00Z), was 2026-11-23T10:00:01Z.", error.Message);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"case\"")]
    [InlineData("null")]
    public void Read_TopLevelNotAnObject_ErrorAtRoot(string json)
    {
        var error = AssertSingleError(json);

        Assert.Equal("$", error.Path);
        Assert.StartsWith("a case must be a JSON object, was ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidUtf8InAString_ErrorAtItsPath()
    {
        byte[] json = Encoding.UTF8.GetBytes(CaseSamples.Line("K-@@"));
        int at = json.AsSpan().IndexOf("@@"u8);
        byte[] bad = [.. json[..at], 0xFF, 0xFE, .. json[(at + 2)..]];

        var result = Assert.Single(CaseJsonReader.Read(bad));

        Assert.Null(result.CaseId);
        Assert.Equal("$.case.id", Assert.Single(result.Errors).Path);
    }

    // ---- many problems at once ---------------------------------------------------------------------------------------

    [Fact]
    public void Read_SeveralProblemsInSeveralObjects_AllReportedInDocumentOrder()
    {
        string json = CaseSamples.Edit(n =>
        {
            Set(n, "customer.since", "2023/04/01");
            Set(n, "customer.contactsLast7Days", -2);
            Set(n, "customer.goodwillLast90Days.currency", "EUR");
            Set(n, "order.total.amount", -1);
            Set(n, "order.deliveredAt", "2026-11-11T00:00:00Z");
            n["order"]!["colour"] = "red";
            Set(n, "case.kind", "late");
            n["case"]!["flags"] = new JsonArray("abusive", "abusive");
            Set(n, "case.firstReplyAt", "2026-11-20T08:00:00Z");
            Set(n, "case.openedAt", "2026-11-24T00:00:00Z");
        });

        var result = Assert.Single(CaseJsonReader.Read(json));

        Assert.False(result.IsValid);
        Assert.Null(result.Context);
        Assert.Equal("K-1", result.CaseId);
        Assert.Equal(
            [
                "$.customer.since", "$.customer.contactsLast7Days", "$.customer.goodwillLast90Days.currency",
                "$.order.total.amount", "$.order.colour", "$.order.deliveredAt",
                "$.case.kind", "$.case.flags[1]", "$.case.firstReplyAt", "$.case.openedAt",
            ],
            result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Read_BatchOfThreeWithABadMiddle_TwoContextsAndOneError()
    {
        string bad = CaseSamples.Edit(n =>
        {
            Set(n, "case.id", "K-2");
            Set(n, "order.total.currency", "EUR");
        });
        string json = "[" + CaseSamples.Line("K-1") + "," + bad + "," + CaseSamples.Line("K-3") + "]";

        var results = CaseJsonReader.Read(json);

        Assert.Equal(3, results.Count);
        Assert.True(results[0].IsValid);
        Assert.True(results[2].IsValid);
        Assert.Equal("K-3", results[2].Context!.Case!.Id);
        var error = results[1];
        Assert.False(error.IsValid);
        Assert.Equal(1, error.Index);
        Assert.Equal("K-2", error.CaseId);
        Assert.Equal(new ValidationError("$.order.total.currency", "expected PLN, was EUR."), Assert.Single(error.Errors));
    }

    [Fact]
    public void Read_ArrayElementNotAnObject_ErrorForThatElementOnly()
    {
        var results = CaseJsonReader.Read("[" + CaseSamples.Line("K-1") + ", 7, " + CaseSamples.Line("K-3") + "]");

        Assert.Equal([true, false, true], results.Select(r => r.IsValid));
        Assert.Equal(new ValidationError("$", "a case must be a JSON object, was the number 7."), Assert.Single(results[1].Errors));
    }

    // ---- malformed JSON ----------------------------------------------------------------------------------------------

    [Fact]
    public void Read_MalformedObject_OneErrorWithLineAndByte()
    {
        string json = "{\n  \"now\": \"2026-11-23T10:00:00Z\",\n  \"customer\": { \"id\": \"C-1\", }\n}";

        var result = Assert.Single(CaseJsonReader.Read(json));

        Assert.Equal(0, result.Index);
        Assert.Null(result.CaseId);
        Assert.Equal(
            new ValidationError("$", "is not valid JSON at line 3, byte 30: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options."),
            Assert.Single(result.Errors));
    }

    [Fact]
    public void Read_ArrayOfOneCasePerLineWithoutItsEnd_KeepsEveryCase_TheRestRejected()
    {
        // An array is told from its first byte, so that it can be streamed (catalog 5.1): the cases before the break stand.
        string json = "[" + CaseSamples.Line("K-1") + ",\n" + CaseSamples.Line("K-2") + "\n";

        var results = CaseJsonReader.Read(json);

        Assert.Equal(3, results.Count);
        Assert.Equal(["K-1", "K-2"], results.Take(2).Select(r => r.Context!.Case!.Id));
        var error = Assert.Single(results[2].Errors);
        Assert.Equal(2, results[2].Index);
        Assert.StartsWith("is not valid JSON at line 3, byte 1: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("The rest of the array from there is not read; the cases before it are.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{\"now\": oops}")]
    [InlineData("[oops")]
    [InlineData("[]")]
    [InlineData("[ ] x")]
    public void Read_JsonLinesWhoseFirstLineBreaksBeforeAnyCase_ReadsEveryLine(string firstLine)
    {
        // A first line starting with '[' that breaks before its first case never makes the file one broken array.
        string json = firstLine + "\n" + CaseSamples.Line("K-2") + "\n" + CaseSamples.Line("K-3") + "\n";

        var results = CaseJsonReader.Read(json);

        Assert.Equal(3, results.Count);
        Assert.Equal(JsonPath.Root, Assert.Single(results[0].Errors).Path);
        Assert.Equal(["K-2", "K-3"], results.Skip(1).Select(r => r.Context!.Case!.Id));
    }

    [Fact]
    public void Read_BrokenArrayBeforeAnyCase_OneLine_OneRejectedResult()
    {
        var result = Assert.Single(CaseJsonReader.Read("[{\"now\": oops}, " + CaseSamples.Line("K-2") + "]"));

        Assert.Equal(0, result.Index);
        Assert.EndsWith("The rest of the array from there is not read; the cases before it are.", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ArrayWithASyntaxError_KeepsTheCasesBeforeIt_AndRejectsTheRestAsOne()
    {
        string json = "[" + CaseSamples.Line("K-1") + ", " + CaseSamples.Line("K-2") + ", {\"now\": oops}, " + CaseSamples.Line("K-4") + "]";

        var results = CaseJsonReader.Read(json);

        Assert.Equal(3, results.Count);
        Assert.Equal("K-1", results[0].Context!.Case!.Id);
        Assert.Equal("K-2", results[1].Context!.Case!.Id);
        var error = Assert.Single(results[2].Errors);
        Assert.Equal(2, results[2].Index);
        Assert.StartsWith("is not valid JSON at line 1, byte ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("The rest of the array from there is not read; the cases before it are.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ArrayFollowedByMoreLines_TheArraysCasesStand_TheRestRejectedAsOne()
    {
        // Once an array has given a case it stays an array (catalog 5.1): what follows its ']' is the rest, rejected.
        string json = "[" + CaseSamples.Line("K-1") + "]\n" + CaseSamples.Line("K-2") + "\n" + CaseSamples.Line("K-3") + "\n";

        var results = CaseJsonReader.Read(json);

        Assert.Equal(2, results.Count);
        Assert.Equal("K-1", results[0].Context!.Case!.Id);
        var error = Assert.Single(results[1].Errors);
        Assert.StartsWith("is not valid JSON at line 2, byte 1: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("The rest of the array from there is not read; the cases before it are.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoBrokenJsonLines_GiveTwoErrors()
    {
        string json = "{\"now\": oops\n{\"customer\": }\n";

        var results = CaseJsonReader.Read(json);

        Assert.Equal(2, results.Count);
        Assert.Contains("line 1", Assert.Single(results[0].Errors).Message, StringComparison.Ordinal);
        Assert.Contains("line 2", Assert.Single(results[1].Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TrailingGarbageAfterTheObject_Malformed()
    {
        var result = Assert.Single(CaseJsonReader.Read(CaseSamples.Minimal + " x"));

        Assert.StartsWith("is not valid JSON at line 1, byte ", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonLinesWithAMalformedLine_ErrorForThatLineOnly()
    {
        string json = CaseSamples.Line("K-1") + "\n\n" + "{\"now\": \"2026-11-23T10:00:00Z\", \"customer\": {\"id\": C-2}}" + "\n" + CaseSamples.Line("K-3") + "\n";

        var results = CaseJsonReader.Read(json);

        Assert.Equal(3, results.Count);
        Assert.True(results[0].IsValid);
        Assert.True(results[2].IsValid);
        Assert.Equal("K-3", results[2].CaseId);
        Assert.Equal(1, results[1].Index);
        Assert.Null(results[1].CaseId);
        Assert.Equal(
            new ValidationError("$", "is not valid JSON at line 3, byte 52: 'C' is an invalid start of a value."),
            Assert.Single(results[1].Errors));
    }

    [Fact]
    public void Read_JsonLinesWithAMalformedFirstLine_OtherLinesStillRead()
    {
        string json = "{\"customer\": \n" + CaseSamples.Line("K-2") + "\n" + CaseSamples.Line("K-3");

        var results = CaseJsonReader.Read(json);

        Assert.Equal([false, true, true], results.Select(r => r.IsValid));
        Assert.StartsWith("is not valid JSON at line 1, ", results[0].Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonLinesWithTwoObjectsOnALine_ThatLineIsMalformed()
    {
        var results = CaseJsonReader.Read(CaseSamples.Line("K-1") + "\n" + CaseSamples.Line("K-2") + " " + CaseSamples.Line("K-3"));

        Assert.Equal([true, false], results.Select(r => r.IsValid));
    }

    // ---- options and results -----------------------------------------------------------------------------------------

    [Fact]
    public void CaseReadOptions_Default_PlnWithoutClock()
    {
        Assert.Equal(Currency.Pln, CaseReadOptions.Default.Currency);
        Assert.Null(CaseReadOptions.Default.Clock);
    }

    [Fact]
    public void CaseReadOptions_EmptyCurrency_Throws() =>
        Assert.Throws<ArgumentException>(() => new CaseReadOptions { Currency = default });

    [Fact]
    public void CaseReadResult_ToString_ListsTheErrors()
    {
        var result = Assert.Single(CaseJsonReader.Read(CaseSamples.Edit(n => Set(n, "order.total.currency", "EUR"))));

        Assert.Equal("case 0 (K-1): 1 error: $.order.total.currency: expected PLN, was EUR.", result.ToString());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    private static CareContext AssertValid(string json)
    {
        var result = Assert.Single(CaseJsonReader.Read(json));
        Assert.True(result.IsValid, result.ToString());
        Assert.Empty(result.Errors);
        return result.Context;
    }

    private static ValidationError AssertSingleError(string json)
    {
        var result = Assert.Single(CaseJsonReader.Read(json));
        Assert.False(result.IsValid);
        Assert.Null(result.Context);
        Assert.True(result.Errors.Count == 1, result.ToString());
        return result.Errors[0];
    }

    private static void Set(JsonObject root, string dotted, JsonNode? value)
    {
        string[] parts = dotted.Split('.');
        var parent = root;
        foreach (string part in parts[..^1])
        {
            parent = parent[part]!.AsObject();
        }

        parent[parts[^1]] = value;
    }

    private static void Remove(JsonObject root, string dotted)
    {
        string[] parts = dotted.Split('.');
        var parent = root;
        foreach (string part in parts[..^1])
        {
            parent = parent[part]!.AsObject();
        }

        Assert.True(parent.Remove(parts[^1]), dotted);
    }
}
