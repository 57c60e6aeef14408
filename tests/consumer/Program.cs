// The consumer test's program (tests/consumer/run.sh). It is compiled in a fresh project outside the repository against
// the CareRules packages restored from a local folder, and what it prints is compared with expected.txt.
using CareRules.DependencyInjection;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.RulesEngine;
using CareRules.Serialization;
using CareRules.Testing;
using Microsoft.Extensions.DependencyInjection;

// One case in the catalog's JSON format: an order promised for 20 November is still in transit on the 23rd, and the
// customer has written about it an hour ago.
const string CaseJson = """
    {"now": "2026-11-23T09:00:00Z",
     "customer": {"id": "C-101", "since": "2024-03-10", "orders": 3, "lifetimeValue": {"amount": 640.0, "currency": "PLN"},
                  "contactsLast7Days": 1, "incidentsLast90Days": 0, "unfoundedComplaintsLast90Days": 0,
                  "goodwillLast90Days": {"amount": 0, "currency": "PLN"}},
     "order": {"id": "O-1", "placedAt": "2026-11-16T09:12:00Z", "total": {"amount": 249.9, "currency": "PLN"},
               "payment": "prepaid", "status": "shipped", "promisedBy": "2026-11-20", "shippedAt": "2026-11-17T14:00:00Z",
               "deliveredAt": null, "delayNotified": false, "tracking": "in-transit", "withdrawalInformed": true,
               "withdrawalExempt": false},
     "case": {"id": "K-1-delay", "openedAt": "2026-11-23T08:00:00Z", "kind": "delivery-delay", "channel": "email",
              "fault": "shop", "firstReplyAt": null, "flags": [], "carrierClaim": "none", "requests": []}}
    """;

// A shop's own pack written as RulesEngine workflow JSON, with a parameter of its own.
const string ShopPackJson = """
    {
      "WorkflowName": "consumer-shop",
      "Pack": "consumer-shop@1.0.0",
      "Parameters": { "lateGift": { "Kind": "amount", "Default": 30, "Description": "The gift for a late order." } },
      "Rules": [
        {
          "RuleName": "shop.late-gift",
          "Expression": "Care.IsLate(order, today) && case != null && case.Kind == CaseKind.DeliveryDelay",
          "Properties": {
            "priority": 120,
            "decisions": [
              { "type": "compensate", "offer": "gift-in-parcel", "value": "params.lateGift",
                "reason": "The order is late and the customer asked about it, so a gift worth {value} goes into the parcel." }
            ]
          }
        }
      ]
    }
    """;

IReadOnlyList<CaseReadResult> read = CaseJsonReader.Read(CaseJson);
if (read is not [{ Context: { } context }])
{
    throw new InvalidOperationException("The case was rejected: " + string.Join("; ", read));
}

Verdict standard = StandardPack.Default.Evaluate(context);
Print("CareRules: StandardPack.Default", standard);

Verdict standardJson = WorkflowPack.Standard.Evaluate(context);
Print("CareRules.RulesEngine: WorkflowPack.Standard", standardJson);
Console.WriteLine("same verdict JSON: " + (VerdictJsonWriter.ToJson(standardJson) == VerdictJsonWriter.ToJson(standard) ? "yes" : "no"));

CompiledPack shop = WorkflowPack.Load(WorkflowSource.FromJson(ShopPackJson, "consumer-shop.json")).Build();
Print("CareRules.RulesEngine: WorkflowPack.Load(consumer-shop.json)", shop.Evaluate(context));

// The testing kit, as a shop's tests would use it (a failed expectation throws and the test fails).
var coverage = new RuleCoverage(shop);
coverage.Expect(context).Fires("shop.late-gift").CompensatesWith(OfferKind.GiftInParcel, worth: 30m);
coverage.Expect(Scenario.AtLocal(2026, 11, 23, 10, 0).For(shop).Delivered(daysAgo: 1)).DoesNotFire("shop.late-gift").HasNoDecisions();
coverage.AssertAllRulesCovered();
Console.WriteLine($"CareRules.Testing: {coverage.Evaluations} expectations met, {coverage.Percent:0}% of the rules covered");

// Hosting, as a host registers it. The core package brings no Microsoft.Extensions dependency; this package does.
var services = new Services();
services.AddCareRules();
string[] registered = [.. new[] { typeof(ICareEvaluator), typeof(IPackProvider), typeof(CompiledPack) }
    .Where(type => services.Any(d => d.ServiceType == type)).Select(type => type.Name)];
Console.WriteLine("CareRules.Extensions.DependencyInjection: AddCareRules registers " + string.Join(", ", registered));

static void Print(string title, Verdict verdict)
{
    Console.WriteLine($"{title} -> {verdict.Pack}, case {verdict.CaseId}");
    foreach (Decision decision in verdict.Decisions)
    {
        Console.WriteLine("  " + decision);
    }

    Console.WriteLine($"  goodwill {verdict.GoodwillTotal}");
}

/// <summary>A service collection without a container package: enough to see what AddCareRules registers.</summary>
internal sealed class Services : List<ServiceDescriptor>, IServiceCollection;
