using System.Text.Json.Nodes;

namespace CareRules.Tests.Serialization;

/// <summary>Case files for the serialization tests.</summary>
internal static class CaseSamples
{
    /// <summary>The example case of catalog section 5, verbatim.</summary>
    public const string CatalogExample = """
        {
          "now": "2026-11-23T10:00:00Z",
          "customer": { "id": "C-1", "since": "2023-04-01", "orders": 12,
            "lifetimeValue": { "amount": 4200.00, "currency": "PLN" },
            "contactsLast7Days": 2, "incidentsLast90Days": 1, "unfoundedComplaintsLast90Days": 0,
            "goodwillLast90Days": { "amount": 0, "currency": "PLN" } },
          "order": { "id": "O-1", "placedAt": "2026-11-10T09:12:00Z",
            "total": { "amount": 349.99, "currency": "PLN" }, "payment": "prepaid",
            "status": "shipped", "promisedBy": "2026-11-14", "shippedAt": "2026-11-12T14:00:00Z",
            "deliveredAt": null, "delayNotified": false, "tracking": "in-transit",
            "withdrawalInformed": true, "withdrawalExempt": false },
          "case": { "id": "K-1", "openedAt": "2026-11-20T08:30:00Z", "kind": "delivery-delay",
            "channel": "email", "fault": "shop", "firstReplyAt": null,
            "flags": [], "carrierClaim": "none", "requests": [] }
        }
        """;

    /// <summary>The smallest valid case: a customer with its required fields and a now.</summary>
    public const string Minimal = """{"now":"2026-11-23T10:00:00Z","customer":{"id":"C-9","since":"2024-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"}}}""";

    /// <summary>The catalog example on one line, with another case id.</summary>
    public static string Line(string caseId) => Edit(n => n["case"]!["id"] = caseId);

    /// <summary>The catalog example, edited, on one line.</summary>
    public static string Edit(Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(CatalogExample)!.AsObject();
        edit(node);
        return node.ToJsonString();
    }
}
