using System.Globalization;
using System.Text;
using System.Text.Json;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Serialization;
using CareRules.Tests.Support;
using NodaTime;

namespace CareRules.Tests.Serialization;

public sealed class VerdictJsonWriterTests
{
    private static readonly string Golden =
        """
        {"caseId":"K-1","pack":"standard@1.0.0","language":"en","decisions":[{"type":"stop","rule":"lost-parcel.investigate","reason":"Hold until the carrier answers.","stop":"hold-pending-carrier-claim","until":"2026-12-04T08:30:00Z"},
        {"type":"stop","rule":"boundary.off-topic","reason":"Off topic.","stop":"polite-decline"},
        {"type":"escalate","rule":"escalate.vip-at-risk","reason":"A VIP customer's order is late.","to":"manager","priority":"high","dueBy":"2026-11-23T12:00:00Z"},
        {"type":"escalate","rule":"escalate.public-complaint","reason":"Public post.","to":"public-relations","priority":"urgent"},
        {"type":"compensate","rule":"withdrawal.in-window","reason":"Refund within 14 days.","offer":"full-refund","value":{"amount":349.99,"currency":"PLN"},
        "legal":true,"dueBy":"2026-12-04T08:30:00Z"},
        {"type":"compensate","rule":"delay.gift","reason":"Zażółć gęślą jaźń — \"gift\".","offer":"gift-in-parcel","value":{"amount":20.00,"currency":"PLN"},
        "legal":false},
        {"type":"compensate","rule":"damage.packaging-apology","reason":"Discount.","offer":"discount-next-order","value":{"amount":35.50,"currency":"PLN"},
        "percent":12.5,"legal":false},
        {"type":"compensate","rule":"damage.packaging-apology","reason":"Sorry.","offer":"apology","legal":false},
        {"type":"notify","rule":"delay.notify-immediately","reason":"Tell the customer.","channel":"phone","message":"delay-apology","dueBy":"2026-11-23T12:00:00.5Z"},
        {"type":"notify","rule":"availability.firm-date","reason":"Give a date.","channel":"email","message":"availability-date"},
        {"type":"advise","rule":"escalate.public-complaint","reason":"Answer privately.","advice":"resolve-privately"}],"goodwillTotal":{"amount":55.50,"currency":"PLN"},
        "fired":["damage.packaging-apology","delay.gift"],"trace":[{"kind":"rule-fired","rule":"delay.gift","message":"Rule delay.gift fired."},{"kind":"cap-reduced","rule":"damage.packaging-apology","cause":"escalate.vip-at-risk","message":"discount-next-order from damage.packaging-apology reduced from 40.00 PLN to 35.50 PLN to fit the goodwill cap 55.50 PLN."}]}
        """.Replace("\n", "", StringComparison.Ordinal);

    private static readonly Instant Due = Instant.FromUtc(2026, 11, 23, 12, 0);
    private static readonly Instant Until = Instant.FromUtc(2026, 12, 4, 8, 30);

    [Fact]
    public void ToJson_HandBuiltVerdict_GoldenString() => Assert.Equal(Golden, VerdictJsonWriter.ToJson(HandBuilt()));

    [Fact]
    public void ToUtf8Bytes_HandBuiltVerdict_GoldenBytes() =>
        Assert.Equal(Encoding.UTF8.GetBytes(Golden), VerdictJsonWriter.ToUtf8Bytes(HandBuilt()));

    [Fact]
    public void Write_OwnWriterWithTheWriterOptions_SameBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, VerdictJsonWriter.WriterOptions()))
        {
            VerdictJsonWriter.Write(writer, HandBuilt());
        }

        Assert.Equal(Encoding.UTF8.GetBytes(Golden), stream.ToArray());
    }

    [Fact]
    public void Write_WriterWithAnotherEncoder_EscapesWithThatEncoder()
    {
        // The pack's texts are encoded once per thread for the CareRules writer options only: a writer with the
        // default (HTML-safe) encoder, written after the cached path has seen the same strings, still escapes them its
        // own way — the apostrophe and the Polish letters as \u escapes — and reads back to the same verdict text.
        var verdict = HandBuilt();
        _ = VerdictJsonWriter.ToUtf8Bytes(verdict);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default }))
        {
            VerdictJsonWriter.Write(writer, verdict);
        }

        string json = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("A VIP customer\\u0027s order is late.", json, StringComparison.Ordinal);
        Assert.Contains("Za\\u017C\\u00F3\\u0142\\u0107", json, StringComparison.Ordinal);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(Golden), System.Text.Json.Nodes.JsonNode.Parse(json)));
        Assert.Equal(Golden, VerdictJsonWriter.ToJson(verdict)); // and the cached path still writes the golden bytes
    }

    [Fact]
    public void ToUtf8Bytes_SameVerdictTwiceAndUnderAnotherCulture_SameBytes()
    {
        byte[] first = VerdictJsonWriter.ToUtf8Bytes(HandBuilt());
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("pl-PL"); // decimal comma
            Assert.Equal(first, VerdictJsonWriter.ToUtf8Bytes(HandBuilt()));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.Equal(first, VerdictJsonWriter.ToUtf8Bytes(HandBuilt()));
    }

    [Fact]
    public void ToJson_Indented_SameDocumentWithLineFeedsOnly()
    {
        string indented = VerdictJsonWriter.ToJson(HandBuilt(), indented: true);

        Assert.StartsWith("{\n  \"caseId\": \"K-1\",\n  \"pack\": \"standard@1.0.0\",\n  \"language\": \"en\",\n  \"decisions\": [\n    {\n", indented, StringComparison.Ordinal);
        Assert.Contains("\"amount\": 349.99,", indented, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', indented);
        Assert.Equal(
            JsonSerializer.Serialize(JsonDocument.Parse(Golden).RootElement),
            JsonSerializer.Serialize(JsonDocument.Parse(indented).RootElement));
    }

    [Fact]
    public void ToJson_VerdictWithoutCaseOrDecisions_CaseIdNullAndEmptyArrays() =>
        Assert.Equal(
            """{"caseId":null,"pack":"standard@1.0.0","language":"en","decisions":[],"goodwillTotal":{"amount":0.00,"currency":"PLN"},"fired":[],"trace":[]}""",
            VerdictJsonWriter.ToJson(new Verdict(null, "standard@1.0.0", [], Money.Pln(0), [], [], Language.En)));

    [Fact]
    public void ToJson_EveryTraceKind_KebabCaseKindAndDescribedMessage()
    {
        var trace = Enum.GetValues<TraceKind>()
            .Select(k => k == TraceKind.CapRaised
                ? new TraceEntry(k, "r.one", "r.two", DecisionType.Compensate, OfferKind.GiftInParcel, factor: 2m)
                : new TraceEntry(k, "r.one", "r.two", DecisionType.Compensate, OfferKind.GiftInParcel, Money.Pln(20), Money.Pln(10), Money.Pln(10)))
            .ToArray();

        using var doc = JsonDocument.Parse(VerdictJsonWriter.ToJson(new Verdict("K", "p@1", [], Money.Pln(0), [], trace, Language.En)));

        var entries = doc.RootElement.GetProperty("trace").EnumerateArray().ToArray();
        Assert.Equal(trace.Length, entries.Length);
        for (int i = 0; i < trace.Length; i++)
        {
            Assert.Equal(CatalogNames.Of(trace[i].Kind), entries[i].GetProperty("kind").GetString());
            Assert.Equal(trace[i].Describe(), entries[i].GetProperty("message").GetString());
            Assert.Equal("r.two", entries[i].GetProperty("cause").GetString());
        }

        Assert.Contains(entries, e => e.GetProperty("kind").GetString() == "below-minimum-dropped");
    }

    [Fact]
    public void Write_NullArguments_Throw()
    {
        using var writer = new Utf8JsonWriter(new MemoryStream());
        Assert.Throws<ArgumentNullException>(() => VerdictJsonWriter.Write(null!, HandBuilt()));
        Assert.Throws<ArgumentNullException>(() => VerdictJsonWriter.Write(writer, (Verdict)null!));
        Assert.Throws<ArgumentNullException>(() => VerdictJsonWriter.Write(writer, (EvaluationBuffer)null!));
        Assert.Throws<ArgumentNullException>(() => VerdictJsonWriter.ToJson(null!));
    }

    [Fact]
    public void Write_FromTheBuffer_IsTheVerdictsBytes()
    {
        // The same bytes whether written from the buffer or from the verdict made of it, over 2,000 generated contexts:
        // suppressions, cap cuts, merges and budget stops included.
        var pack = CareRules.Packs.StandardPack.Default;
        var buffer = pack.CreateBuffer();
        using var fromBuffer = new MemoryStream();
        using var writer = new Utf8JsonWriter(fromBuffer, VerdictJsonWriter.WriterOptions());
        foreach (var context in CareRules.Testing.CareGenerators.Sample(2000, 11))
        {
            pack.Evaluate(context, buffer);
            fromBuffer.SetLength(0);
            writer.Reset();
            VerdictJsonWriter.Write(writer, buffer);
            writer.Flush();
            Assert.Equal(VerdictJsonWriter.ToJson(buffer.ToVerdict()), System.Text.Encoding.UTF8.GetString(fromBuffer.ToArray()));
        }
    }

    internal static Verdict HandBuilt() => new(
        "K-1",
        "standard@1.0.0",
        [
            HandMadeDecision.Create(DecisionType.Stop, "lost-parcel.investigate", "Hold until the carrier answers.", 50, 0, stop: StopKind.HoldPendingCarrierClaim, until: Until),
            HandMadeDecision.Create(DecisionType.Stop, "boundary.off-topic", "Off topic.", 40, 0, stop: StopKind.PoliteDecline),
            HandMadeDecision.Create(DecisionType.Escalate, "escalate.vip-at-risk", "A VIP customer's order is late.", 40, 0, to: EscalationTarget.Manager, priority: EscalationPriority.High, dueBy: Due),
            HandMadeDecision.Create(DecisionType.Escalate, "escalate.public-complaint", "Public post.", 40, 0, to: EscalationTarget.PublicRelations, priority: EscalationPriority.Urgent),
            HandMadeDecision.Create(DecisionType.Compensate, "withdrawal.in-window", "Refund within 14 days.", 90, 0, offer: OfferKind.FullRefund, value: Money.Pln(349.99m), legal: true, dueBy: Until),
            HandMadeDecision.Create(DecisionType.Compensate, "delay.gift", "Zażółć gęślą jaźń — \"gift\".", 30, 0, offer: OfferKind.GiftInParcel, value: Money.Pln(20m)),
            HandMadeDecision.Create(DecisionType.Compensate, "damage.packaging-apology", "Discount.", 30, 1, offer: OfferKind.DiscountNextOrder, value: Money.Pln(35.5m), percent: 12.50m),
            HandMadeDecision.Create(DecisionType.Compensate, "damage.packaging-apology", "Sorry.", 30, 0, offer: OfferKind.Apology),
            HandMadeDecision.Create(DecisionType.Notify, "delay.notify-immediately", "Tell the customer.", 20, 0, channel: NotifyChannel.Phone, message: NotifyMessage.DelayApology, dueBy: Due.PlusNanoseconds(500_000_000)),
            HandMadeDecision.Create(DecisionType.Notify, "availability.firm-date", "Give a date.", 20, 0, channel: NotifyChannel.Email, message: NotifyMessage.AvailabilityDate),
            HandMadeDecision.Create(DecisionType.Advise, "escalate.public-complaint", "Answer privately.", 10, 0, advice: AdviceKind.ResolvePrivately),
        ],
        Money.Pln(55.5m),
        ["damage.packaging-apology", "delay.gift"],
        [
            new TraceEntry(TraceKind.RuleFired, "delay.gift"),
            new TraceEntry(TraceKind.CapReduced, "damage.packaging-apology", "escalate.vip-at-risk", DecisionType.Compensate, OfferKind.DiscountNextOrder, Money.Pln(40), Money.Pln(35.5m), Money.Pln(55.5m)),
        ],
        Language.En);
}
