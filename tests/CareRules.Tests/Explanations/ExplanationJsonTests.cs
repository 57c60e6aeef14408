using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Explanations;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Serialization;
using CareRules.Testing;

namespace CareRules.Tests.Explanations;

/// <summary>
/// <see cref="ExplanationJsonWriter"/> writes the documented, stable shape of catalog section 2.6: <c>caseId</c>,
/// <c>rule</c>, <c>fired</c>, <c>opaque</c>, <c>clauses</c> (the root clause: <c>kind</c>, <c>expression</c>, <c>value</c>
/// true / false / <c>"not-evaluated"</c> / <c>"failed"</c>, <c>operands</c>, nested <c>clauses</c>, then <c>flip</c> or
/// <c>error</c> when it has one) and <c>decisions</c> (<c>decision</c>, <c>fate</c>, <c>byRule</c>?, <c>after</c>?,
/// <c>text</c>). Parsed back with System.Text.Json.
/// </summary>
public sealed class ExplanationJsonTests
{
    private static readonly CompiledPack Pack = StandardPack.Default;

    private static readonly Scenario Monday = Scenario.AtLocal(2026, 11, 23, 10, 0);

    private static JsonNode Json(RuleExplanation e) => JsonNode.Parse(ExplanationJsonWriter.ToJson(e))!;

    private static string[] Keys(JsonNode node) => [.. node.AsObject().Select(p => p.Key)];

    [Fact]
    public void CatalogExample_ContactFrequencyAt4_IsWrittenExactlyAsDocumented()
    {
        var context = Monday.Customer(c => c with { ContactsLast7Days = 4 }).Case(k => k with { Flags = CaseFlags.NoNewFacts }).Build();
        var e = Pack.Explain(context, "boundary.contact-frequency");

        // catalog 2.6, the example without its comments; "decisions" is empty for a rule that did not fire.
        var expected = JsonNode.Parse("""
            {
              "caseId": "K-1",
              "rule": "boundary.contact-frequency",
              "fired": false,
              "opaque": false,
              "clauses": [
                {
                  "kind": "all",
                  "expression": "customer.ContactsLast7Days >= contactBoundary && case != null && case.Has(CaseFlags.NoNewFacts)",
                  "value": false,
                  "operands": [],
                  "clauses": [
                    {
                      "kind": "comparison",
                      "expression": "customer.ContactsLast7Days >= contactBoundary",
                      "value": false,
                      "operands": [
                        { "expression": "customer.ContactsLast7Days", "value": "4" },
                        { "expression": "contactBoundary", "value": "5", "parameter": "contactBoundary" }
                      ],
                      "clauses": [],
                      "flip": {
                        "text": "fires from customer.ContactsLast7Days ≥ 5 (contactBoundary); was 4",
                        "fact": "customer.ContactsLast7Days", "operator": ">=", "threshold": "5",
                        "parameters": ["contactBoundary"], "was": "4"
                      }
                    },
                    { "kind": "comparison", "expression": "case != null", "value": "not-evaluated", "operands": [], "clauses": [] },
                    { "kind": "call", "expression": "case.Has(CaseFlags.NoNewFacts)", "value": "not-evaluated", "operands": [], "clauses": [] }
                  ]
                }
              ],
              "decisions": []
            }
            """);

        var actual = Json(e);

        Assert.True(JsonNode.DeepEquals(expected, actual), actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Assert.Equal(new[] { "caseId", "rule", "fired", "opaque", "clauses", "decisions" }, Keys(actual));
        Assert.Equal(new[] { "kind", "expression", "value", "operands", "clauses", "flip" }, Keys(actual["clauses"]![0]!["clauses"]![0]!));
        Assert.Equal(new[] { "text", "fact", "operator", "threshold", "parameters", "was" }, Keys(actual["clauses"]![0]!["clauses"]![0]!["flip"]!));
    }

    [Fact]
    public void Compact_IsOneLine_Indented_IsTheSameJson()
    {
        var e = Pack.Explain(Monday.Build(), "boundary.contact-frequency");

        string compact = ExplanationJsonWriter.ToJson(e);
        string indented = ExplanationJsonWriter.ToJson(e, indented: true);

        Assert.DoesNotContain('\n', compact);
        Assert.Contains("\n  \"rule\"", indented, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(compact), JsonNode.Parse(indented)));
        Assert.Contains("≥", compact, StringComparison.Ordinal); // non-ASCII written as is
    }

    [Fact]
    public void NoCase_CaseIdIsNull_TrueIsABoolean_LocalDatesAsText()
    {
        var placed = Scenario.AtLocal(2026, 10, 24, 12, 0).Now;
        var context = Scenario.AtLocal(2026, 11, 24, 10, 0).WithoutCase()
            .Order(o => o with { PlacedAt = placed, Status = OrderStatus.Paid, ShippedAt = null, Tracking = TrackingStatus.None, PromisedBy = new NodaTime.LocalDate(2026, 10, 28), DelayNotified = true })
            .Build();

        var json = Json(Pack.Explain(context, "delivery.statutory-deadline"));

        Assert.True(json.AsObject().ContainsKey("caseId"));
        Assert.Null(json["caseId"]); // written as null, not left out
        Assert.True(json["fired"]!.GetValue<bool>());
        Assert.Equal(JsonValueKind.True, json["clauses"]![0]!["value"]!.GetValueKind());
        var past = json["clauses"]![0]!; // the fact itself, as the JSON pack states the rule
        Assert.Equal(("call", "IsPastStatutoryDelivery(calendar, order, today)"), (past["kind"]!.GetValue<string>(), past["expression"]!.GetValue<string>()));
        Assert.Equal("today", past["operands"]![0]!["expression"]!.GetValue<string>());
        Assert.Equal("2026-11-24", past["operands"]![0]!["value"]!.GetValue<string>());
        Assert.Null(past["operands"]![0]!["parameter"]); // not a parameter: no key
        Assert.Equal("all", past["clauses"]![0]!["kind"]!.GetValue<string>()); // the fact's definition nested
        Assert.Equal(2, json["decisions"]!.AsArray().Count);
    }

    [Fact]
    public void NotAndValueKinds_AreWritten()
    {
        var context = Monday.Order(o => o with { DelayNotified = true }).LateBy(2).Build();

        var json = Json(Pack.Explain(context, "delay.notify-immediately"));

        var not = json["clauses"]![0]!["clauses"]![1]!;
        Assert.Equal(("not", false), (not["kind"]!.GetValue<string>(), not["value"]!.GetValue<bool>()));
        Assert.Equal("fires when order.DelayNotified is false", not["flip"]!["text"]!.GetValue<string>());
        Assert.Equal(("value", true), (not["clauses"]![0]!["kind"]!.GetValue<string>(), not["clauses"]![0]!["value"]!.GetValue<bool>()));
        Assert.Null(not["clauses"]![0]!["flip"]);
    }

    [Fact]
    public void FailedClause_ValueFailed_WithError()
    {
        Expression<Func<RuleContext, bool>> condition = c => c.Order!.Total.Amount > 100m;
        var pack = new PackBuilder("shop").Rule("shop.big-order", r => r.WhenExpression(condition).Advise(AdviceKind.ResolvePrivately, "R.")).Build();

        var json = Json(pack.Explain(Monday.WithoutOrder().Build(), "shop.big-order"));

        var root = json["clauses"]![0]!;
        Assert.Equal("failed", root["value"]!.GetValue<string>());
        Assert.StartsWith("NullReferenceException: ", root["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(root["flip"]);
        Assert.Equal(new[] { "kind", "expression", "value", "operands", "clauses", "error" }, Keys(root));
    }

    [Fact]
    public void Decisions_Suppressed_HasByRule_NoAfter_AndTheDecisionAsInAVerdict()
    {
        var context = Monday.LateBy(2).Case(k => k with { Kind = CaseKind.DeliveryDelay, Fault = Fault.Shop, Flags = CaseFlags.Abusive }).Build();

        var json = Json(Pack.Explain(context, "delay.gift"));

        var fate = Assert.Single(json["decisions"]!.AsArray())!;
        Assert.Equal(new[] { "decision", "fate", "byRule", "text" }, Keys(fate));
        Assert.Equal(("suppressed", "boundary.abusive"), (fate["fate"]!.GetValue<string>(), fate["byRule"]!.GetValue<string>()));
        Assert.Equal("compensate gift-in-parcel 20.00 PLN: suppressed, because boundary.abusive withholds goodwill.", fate["text"]!.GetValue<string>());
        var decision = fate["decision"]!;
        Assert.Equal(new[] { "type", "rule", "reason", "offer", "value", "legal" }, Keys(decision));
        Assert.Equal(("compensate", "delay.gift", "gift-in-parcel", false), (decision["type"]!.GetValue<string>(), decision["rule"]!.GetValue<string>(), decision["offer"]!.GetValue<string>(), decision["legal"]!.GetValue<bool>()));
        Assert.Equal("{\"amount\":20.00,\"currency\":\"PLN\"}", decision["value"]!.ToJsonString());
    }

    [Fact]
    public void Decisions_Reduced_HasAfterAsMoney_BudgetExhaustedAndMergedInCatalogSpelling()
    {
        var reduced = Monday.LateBy(2).Order(o => o with { Total = 500m }).Customer(c => c with { GoodwillLast90Days = 290m }).Case(k => k with { Kind = CaseKind.DeliveryDelay, Fault = Fault.Shop }).Build();
        var exhausted = Monday.LateBy(2).Order(o => o with { Total = 500m }).Customer(c => c with { GoodwillLast90Days = 300m }).Case(k => k with { Kind = CaseKind.DeliveryDelay, Fault = Fault.Shop }).Build();
        var merged = Monday.Case(k => k with { Kind = CaseKind.AvailabilityInquiry, OpenedAt = Monday.BusinessDaysAgo(1), Unanswered = true }).Build();

        var r = Json(Pack.Explain(reduced, "delay.gift"))["decisions"]![0]!;
        var x = Json(Pack.Explain(exhausted, "delay.gift"))["decisions"]![0]!;
        var m = Json(Pack.Explain(merged, "reply.sla-breached"))["decisions"]![0]!;

        Assert.Equal(new[] { "decision", "fate", "after", "text" }, Keys(r));
        Assert.Equal("reduced", r["fate"]!.GetValue<string>());
        Assert.Equal("{\"amount\":10.00,\"currency\":\"PLN\"}", r["after"]!.ToJsonString());
        Assert.Equal("{\"amount\":20.00,\"currency\":\"PLN\"}", r["decision"]!["value"]!.ToJsonString()); // as produced
        Assert.Equal(new[] { "decision", "fate", "text" }, Keys(x));
        Assert.Equal("budget-exhausted", x["fate"]!.GetValue<string>());
        Assert.Equal(("merged", "availability.inquiry-unanswered"), (m["fate"]!.GetValue<string>(), m["byRule"]!.GetValue<string>()));
    }

    [Fact]
    public void Write_ToACallersUtf8JsonWriter_IsTheSameJsonAsToJson()
    {
        var e = Pack.Explain(Monday.Build(), "escalate.public-complaint");
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ExplanationJsonWriter.Write(writer, e);
        }

        // The caller's writer escapes as its options say (the default escapes '&' as \u0026); the JSON is the same.
        string written = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("\\u0026\\u0026", written, StringComparison.Ordinal);
        Assert.Contains("&&", ExplanationJsonWriter.ToJson(e), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ExplanationJsonWriter.ToJson(e)), JsonNode.Parse(written)));
        Assert.Throws<ArgumentNullException>(() => ExplanationJsonWriter.ToJson(null!));
    }
}
