using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Serialization;
using NodaTime;
using NodaTime.Testing;

namespace CareRules.Tests.Serialization;

public sealed class CareRulesJsonConvertersTests
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ConfigureForCareRules();

    private static CareContext CatalogContext() => Assert.Single(CaseJsonReader.Read(CaseSamples.CatalogExample)).Context!;

    [Fact]
    public void Serialize_Verdict_SameBytesAsVerdictJsonWriter()
    {
        var verdict = StandardPack.Default.Evaluate(CatalogContext());

        Assert.Equal(VerdictJsonWriter.ToUtf8Bytes(verdict), JsonSerializer.SerializeToUtf8Bytes(verdict, Options));
        Assert.Equal(VerdictJsonWriter.ToJson(verdict), JsonSerializer.Serialize(verdict, Options));
    }

    [Fact]
    public void Serialize_HandBuiltVerdictWithApostrophesAndPolishText_SameBytesDespiteTheDefaultEncoder()
    {
        var verdict = VerdictJsonWriterTests.HandBuilt();

        Assert.Equal(VerdictJsonWriter.ToUtf8Bytes(verdict), JsonSerializer.SerializeToUtf8Bytes(verdict, Options));
    }

    [Fact]
    public void Serialize_Indented_SameBytesAsTheIndentedVerdictJson()
    {
        var verdict = VerdictJsonWriterTests.HandBuilt();
        var indented = new JsonSerializerOptions { WriteIndented = true }.ConfigureForCareRules();

        Assert.Equal(VerdictJsonWriter.ToJson(verdict, indented: true), JsonSerializer.Serialize(verdict, indented));
    }

    [Fact]
    public void Serialize_VerdictInsideAnotherObject_ANestedVerdictJsonValue()
    {
        var verdict = VerdictJsonWriterTests.HandBuilt();

        string json = JsonSerializer.Serialize(new Envelope("shop-1", verdict), Options);

        Assert.Equal("{\"Shop\":\"shop-1\",\"Verdict\":" + VerdictJsonWriter.ToJson(verdict) + "}", json);
    }

    [Fact]
    public void Deserialize_Verdict_NotSupported() =>
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<Verdict>("{}", Options));

    [Fact]
    public void RoundTrip_Case_EqualContextAndCaseJsonWriterBytes()
    {
        var context = CatalogContext();

        byte[] json = JsonSerializer.SerializeToUtf8Bytes(context, Options);
        var back = JsonSerializer.Deserialize<CareContext>(json, Options)!;

        Assert.Equal(CaseJsonWriter.ToUtf8Bytes(context), json);
        ContextAssert.Equal(context, back);
        Assert.Equal(json, JsonSerializer.SerializeToUtf8Bytes(back, Options));
    }

    [Fact]
    public void Deserialize_CaseInsideAnotherObject_ReadsIt()
    {
        string json = "{\"Shop\":\"shop-1\",\"Case\":" + CaseSamples.CatalogExample + "}";

        var request = JsonSerializer.Deserialize<Request>(json, Options)!;

        Assert.Equal("shop-1", request.Shop);
        ContextAssert.Equal(CatalogContext(), request.Case);
    }

    [Fact]
    public void Deserialize_BadCase_JsonExceptionListingEveryPathWithTheErrorsInside()
    {
        string bad = CaseSamples.Edit(n =>
        {
            n["order"]!["total"]!["currency"] = "EUR";
            n["case"]!["kind"] = "delay";
        });

        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Request>("{\"Shop\":\"s\",\"Case\":" + bad + "}", Options));

        Assert.Contains("$.order.total.currency: expected PLN, was EUR.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("$.case.kind: ", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("Case 'K-1' is invalid (2 problems):", ex.Message, StringComparison.Ordinal);
        var inner = Assert.IsType<CareRulesValidationException>(ex.InnerException);
        Assert.Equal(["$.case.kind", "$.order.total.currency"], inner.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Equal("$.Case", ex.Path); // where the case is in the outer document
    }

    [Fact]
    public void Deserialize_NotAnObject_JsonException()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CareContext>("[1]", Options));
        Assert.Contains("Expected one case object", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_CaseWithoutNow_UsesTheClockOfTheCaseReadOptions()
    {
        var now = Instant.FromUtc(2026, 11, 24, 12, 0);
        string withoutNow = CaseSamples.Edit(n => n.Remove("now"));
        var withClock = new JsonSerializerOptions().ConfigureForCareRules(CaseReadOptions.Default with { Clock = new FakeClock(now) });

        Assert.Equal(now, JsonSerializer.Deserialize<CareContext>(withoutNow, withClock)!.Now);
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CareContext>(withoutNow, Options));
        Assert.Contains("$.now: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SourceGeneratedContext_ConvertersOnTheOptions_SameBytesAndRoundTrip()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = ConverterJsonContext.Default }.ConfigureForCareRules();
        var context = CatalogContext();
        var verdict = StandardPack.Default.Evaluate(context);

        Assert.Equal(VerdictJsonWriter.ToUtf8Bytes(verdict), JsonSerializer.SerializeToUtf8Bytes(verdict, options.GetTypeInfo(typeof(Verdict))));
        string envelope = JsonSerializer.Serialize(new Envelope("s", verdict), options.GetTypeInfo(typeof(Envelope)));
        Assert.EndsWith(VerdictJsonWriter.ToJson(verdict) + "}", envelope, StringComparison.Ordinal);
        var request = (Request)JsonSerializer.Deserialize(Encoding.UTF8.GetBytes("{\"Shop\":\"s\",\"Case\":" + CaseSamples.CatalogExample + "}"), options.GetTypeInfo(typeof(Request)))!;
        ContextAssert.Equal(context, request.Case);
    }

    [Fact]
    public void SourceGeneratedContext_ConvertersNamedInTheAttribute_SameBytes()
    {
        var verdict = StandardPack.Default.Evaluate(CatalogContext());

        Assert.Equal(VerdictJsonWriter.ToUtf8Bytes(verdict), JsonSerializer.SerializeToUtf8Bytes(verdict, AttributeJsonContext.Default.Verdict));
    }

    [Fact]
    public void ConfigureForCareRules_NullOptions_Throws() =>
        Assert.Throws<ArgumentNullException>(() => CareRulesJsonSerializerOptionsExtensions.ConfigureForCareRules(null!));

    internal sealed record Envelope(string Shop, Verdict Verdict);

    internal sealed record Request(string Shop, CareContext Case);
}

[JsonSerializable(typeof(CareRulesJsonConvertersTests.Envelope))]
[JsonSerializable(typeof(CareRulesJsonConvertersTests.Request))]
internal sealed partial class ConverterJsonContext : JsonSerializerContext;

[JsonSourceGenerationOptions(Converters = [typeof(VerdictJsonConverter), typeof(CareContextJsonConverter)])]
[JsonSerializable(typeof(Verdict))]
internal sealed partial class AttributeJsonContext : JsonSerializerContext;
