using System.Text;
using CareRules.Model;
using CareRules.Serialization;
using CareRules.Testing;
using FsCheck.Xunit;

namespace CareRules.Tests.Serialization;

public sealed class CaseJsonWriterTests
{
    [Fact]
    public void ToJson_CatalogExample_AllFieldsExplicitInCatalogOrder()
    {
        var context = Assert.Single(CaseJsonReader.Read(CaseSamples.CatalogExample)).Context!;

        Assert.Equal(
            """
            {"now":"2026-11-23T10:00:00Z","customer":{"id":"C-1","since":"2023-04-01","orders":12,"lifetimeValue":{"amount":4200.00,"currency":"PLN"},
            "contactsLast7Days":2,"incidentsLast90Days":1,"unfoundedComplaintsLast90Days":0,"goodwillLast90Days":{"amount":0.00,"currency":"PLN"}},
            "order":{"id":"O-1","placedAt":"2026-11-10T09:12:00Z","total":{"amount":349.99,"currency":"PLN"},
            "payment":"prepaid","status":"shipped","promisedBy":"2026-11-14","shippedAt":"2026-11-12T14:00:00Z","deliveredAt":null,"delayNotified":false,"tracking":"in-transit","withdrawalInformed":true,"withdrawalExempt":false,"backorderUntil":null},
            "case":{"id":"K-1","openedAt":"2026-11-20T08:30:00Z","kind":"delivery-delay","channel":"email","fault":"shop","firstReplyAt":null,"flags":[],"carrierClaim":"none","requests":[]}}
            """.Replace("\n", "", StringComparison.Ordinal),
            CaseJsonWriter.ToJson(context));
    }

    [Fact]
    public void ToJson_FlagSets_ArraysInCatalogOrder()
    {
        var context = new CareContext(
            NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0),
            new Customer("C", new NodaTime.LocalDate(2020, 1, 1), 0, Money.Pln(0)),
            null,
            new CareCase("K", NodaTime.Instant.FromUtc(2025, 1, 1, 0, 0), CaseKind.Other, flags: CaseFlags.NoNewFacts | CaseFlags.Abusive, requests: CustomerRequests.Reship | CustomerRequests.Replacement));

        string json = CaseJsonWriter.ToJson(context);

        Assert.Contains("\"flags\":[\"abusive\",\"noNewFacts\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"requests\":[\"replacement\",\"reship\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"order\":null", json, StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(CareEdgeArbitraries)], MaxTest = 300)]
    public void ReadOfToJson_AnyContext_EqualContext(CareContext context)
    {
        var result = Assert.Single(CaseJsonReader.Read(CaseJsonWriter.ToJson(context)));

        Assert.True(result.IsValid, result.ToString());
        ContextAssert.Equal(context, result.Context);
        Assert.Equal(context.Case?.Id, result.CaseId);
    }

    [Property(Arbitrary = [typeof(CareEdgeArbitraries)], MaxTest = 100)]
    public void ReadOfToUtf8Bytes_IndentedAnyContext_SameBytesWrittenAgain(CareContext context)
    {
        byte[] once = CaseJsonWriter.ToUtf8Bytes(context, indented: true);

        var again = Assert.Single(CaseJsonReader.Read(once)).Context!;

        Assert.Equal(once, CaseJsonWriter.ToUtf8Bytes(again, indented: true));
    }

    [Property(Arbitrary = [typeof(CareEdgeArbitraries)], MaxTest = 50)]
    public void Read_JsonLinesOfWrittenContexts_OneValidResultEach(CareContext[] contexts)
    {
        string lines = string.Join("\n", contexts.Select(c => CaseJsonWriter.ToJson(c)));

        var results = CaseJsonReader.Read(Encoding.UTF8.GetBytes(lines));

        Assert.Equal(contexts.Length, results.Count);
        for (int i = 0; i < contexts.Length; i++)
        {
            Assert.True(results[i].IsValid, results[i].ToString());
            ContextAssert.Equal(contexts[i], results[i].Context!);
        }
    }
}
