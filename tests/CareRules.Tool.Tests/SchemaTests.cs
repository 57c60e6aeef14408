using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.RulesEngine;
using CareRules.Serialization;
using Json.Schema;
using NodaTime;
using NodaTime.Testing;

namespace CareRules.Tool.Tests;

/// <summary>
/// The shipped JSON Schemas: <c>carerules schema</c> prints exactly the files the packages ship; every bundled case and
/// pack is valid; documents the readers reject for an unknown field, a wrong name or a wrong type are invalid too; and
/// the schemas' names and fields are the readers' own (so they cannot drift apart).
/// </summary>
public sealed class SchemaTests
{
    private static readonly string Output = AppContext.BaseDirectory;
    private static readonly IClock Clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
    private static readonly CaseReadOptions ReadOptions = new() { Clock = Clock };
    private static readonly EvaluationOptions Strict = new() { RequireFormatValidation = true, OutputFormat = OutputFormat.List };

    private static readonly Lazy<JsonSchema> CaseSchema = new(() => Load("carerules-case.schema.json"));
    private static readonly Lazy<JsonSchema> PackSchema = new(() => Load("carerules-pack.schema.json"));
    private static readonly Lazy<JsonObject> CaseSchemaJson = new(() => JsonNode.Parse(File.ReadAllText(SchemaFile("carerules-case.schema.json")))!.AsObject());
    private static readonly Lazy<JsonObject> PackSchemaJson = new(() => JsonNode.Parse(File.ReadAllText(SchemaFile("carerules-pack.schema.json")))!.AsObject());

    /// <summary>The catalog example of section 5.2, on one line.</summary>
    private const string GoodCase = """
        {"now":"2026-11-23T10:00:00Z","customer":{"id":"C-1","since":"2023-04-01","orders":12,"lifetimeValue":{"amount":4200.00,"currency":"PLN"},"contactsLast7Days":2,"incidentsLast90Days":1,"unfoundedComplaintsLast90Days":0,"goodwillLast90Days":{"amount":0,"currency":"PLN"}},"order":{"id":"O-1","placedAt":"2026-11-10T09:12:00Z","total":{"amount":349.99,"currency":"PLN"},"payment":"prepaid","status":"shipped","promisedBy":"2026-11-14","shippedAt":"2026-11-12T14:00:00Z","deliveredAt":null,"delayNotified":false,"tracking":"in-transit","withdrawalInformed":true,"withdrawalExempt":false,"backorderUntil":null},"case":{"id":"K-1","openedAt":"2026-11-20T08:30:00Z","kind":"delivery-delay","channel":"email","fault":"shop","firstReplyAt":null,"flags":["abusive"],"carrierClaim":"none","requests":["reship"]}}
        """;

    private const string GoodPack = """
        {"WorkflowName":"shop","Pack":"acme@1.0.0","Parameters":{"stance":"firm","smallGift":25,"loyalOrders":{"Kind":"integer","Default":5,"Min":1,"Description":"Orders of a loyal customer."}},
         "DisabledRules":["reply.answer-fully"],"GlobalParams":[{"Name":"late","Expression":"Care.IsLate(order, today)"}],
         "Rules":[{"RuleName":"shop.gift","Expression":"late && customer.Orders >= params.loyalOrders","Enabled":true,"LocalParams":[{"Name":"x","Expression":"1"}],
           "Properties":{"priority":105,"description":{"en":"A gift.","pl":"Prezent."},"x-note":"mine","decisions":[
             {"type":"compensate","offer":"gift-in-parcel","value":"params.smallGift","reason":"A loyal customer's order is late, so a gift goes into the parcel."},
             {"type":"escalate","to":"manager","priority":"high","dueBy":"now.Plus(Duration.FromHours(2))","reason":"A manager looks at it.","when":"customer.Orders > 20"}]}},
          {"RuleName":"shop.both","Operator":"And","Rules":[{"RuleName":"a","Expression":"late"},{"RuleName":"b","Expression":"customer.Orders > 1","Enabled":false}],
           "Properties":{"suppressesGoodwill":"params.stance == Stance.Firm"}}]}
        """;

    private static string SchemaFile(string file) => Path.Combine(Output, "schemas", file);

    private static JsonSchema Load(string file) =>
        JsonSchema.FromText(File.ReadAllText(SchemaFile(file)), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = ToolApp.Run(args, stdout, stderr, Clock, () => new MemoryStream());
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static EvaluationResults Validate(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        return schema.Evaluate(document.RootElement.Clone(), Strict);
    }

    private static string Problems(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    private static void AssertValid(JsonSchema schema, string json, string what)
    {
        var results = Validate(schema, json);
        Assert.True(results.IsValid, $"{what} is invalid by the schema: {Problems(results)}");
    }

    private static string Edit(string json, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        edit(node);
        return node.ToJsonString();
    }

    private static IReadOnlyList<CareRules.Model.ValidationError> PackProblems(string json)
    {
        try
        {
            WorkflowPack.Extend(StandardPack.CreateBuilder(), WorkflowSource.FromJson(json, "t.json")).Build();
            return [];
        }
        catch (CareRulesValidationException ex)
        {
            return ex.Errors;
        }
    }

    // ---- the command ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("case", "carerules-case.schema.json")]
    [InlineData("pack", "carerules-pack.schema.json")]
    public void Schema_Name_PrintsTheShippedFile(string name, string file)
    {
        var (exit, stdout, stderr) = Run("schema", name);

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Equal(File.ReadAllText(SchemaFile(file)), stdout);
    }

    [Fact]
    public void Schema_Out_WritesBothFiles_AndNamesThem()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"carerules-schemas-{Guid.NewGuid():N}", "new");
        try
        {
            var (exit, stdout, _) = Run("schema", "--out", folder);

            Assert.Equal(0, exit);
            string[] files = ["carerules-case.schema.json", "carerules-pack.schema.json"];
            Assert.Equal(files.Select(f => Path.Combine(folder, f)), stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.All(files, f => Assert.Equal(File.ReadAllBytes(SchemaFile(f)), File.ReadAllBytes(Path.Combine(folder, f))));

            Assert.Equal(0, Run("schema", "case", "--out", folder + "-case").Exit);
            Assert.Equal(["carerules-case.schema.json"], Directory.GetFiles(folder + "-case").Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("schema")]
    [InlineData("schema", "cases")]
    [InlineData("schema", "case", "--colour")]
    public void Schema_WithoutAName_OrAnUnknownOne_IsAUsageError(params string[] args)
    {
        var (exit, stdout, stderr) = Run(args);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", stderr, StringComparison.Ordinal);
    }

    // ---- everything bundled is valid ---------------------------------------------------------------------------------

    public static TheoryData<string> CaseFiles => new() { "cases/standard-cases.json", "cases/mixed-batch.jsonl" };

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void BundledCases_TheSchemaAgreesWithTheReader(string file)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Output, file));
        var results = CaseJsonReader.Read(bytes, ReadOptions);
        string text = Encoding.UTF8.GetString(bytes);
        using var document = JsonDocument.Parse(file.EndsWith(".jsonl", StringComparison.Ordinal) ? "[" + string.Join(",", text.Split('\n', StringSplitOptions.RemoveEmptyEntries)) + "]" : text);
        var cases = document.RootElement.EnumerateArray().ToList();

        Assert.Equal(results.Count, cases.Count);
        for (int i = 0; i < cases.Count; i++)
        {
            var verdict = CaseSchema.Value.Evaluate(cases[i], Strict);
            Assert.True(verdict.IsValid == results[i].IsValid, $"{file} case {i}: the reader says {results[i]}, the schema {(verdict.IsValid ? "valid" : Problems(verdict))}");
        }

        Assert.Contains(results, r => r.IsValid);
    }

    [Theory]
    [InlineData("tables/consumer-cases.json")]
    [InlineData("tables/shop-cases.json")]
    public void CaseTables_EveryRowsCase_IsValid(string file)
    {
        using var table = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, file)));
        var rows = table.RootElement.GetProperty("rows").EnumerateArray().ToList();

        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var verdict = CaseSchema.Value.Evaluate(row.GetProperty("case"), Strict);
            Assert.True(verdict.IsValid, $"{file} row '{row.GetProperty("name")}': {Problems(verdict)}");
        }
    }

    [Fact]
    public void GeneratedCases_AreValid()
    {
        var (exit, stdout, _) = Run("generate", "--count", "300", "--seed", "16");

        Assert.Equal(0, exit);
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            AssertValid(CaseSchema.Value, line, "a generated case");
        }
    }

    [Theory]
    [InlineData("packs/standard.json")]
    [InlineData("packs/shop-pack.json")]
    [InlineData("packs/semantics.json")]
    [InlineData("packs/extends-standard.json")]
    public void Packs_AreValid(string file) => AssertValid(PackSchema.Value, File.ReadAllText(Path.Combine(Output, file)), file);

    [Fact]
    public void GoodExamples_AreValidByTheReadersAndTheSchemas()
    {
        Assert.True(Assert.Single(CaseJsonReader.Read(GoodCase)).IsValid);
        AssertValid(CaseSchema.Value, GoodCase, "the good case");
        Assert.Empty(PackProblems(GoodPack));
        AssertValid(PackSchema.Value, GoodPack, "the good pack");
        AssertValid(PackSchema.Value, "[" + GoodPack + "]", "the good pack in an array");
    }

    // ---- what the readers reject, the schemas reject -----------------------------------------------------------------

    public static TheoryData<string, string> BadCases => new()
    {
        { "unknown field at the top", Edit(GoodCase, n => n["colour"] = "red") },
        { "unknown field in the customer", Edit(GoodCase, n => n["customer"]!["vip"] = true) },
        { "unknown field in the order", Edit(GoodCase, n => n["order"]!["colour"] = "red") },
        { "unknown field in the case", Edit(GoodCase, n => n["case"]!["Kind"] = "other") },
        { "unknown field in money", Edit(GoodCase, n => n["order"]!["total"]!["cents"] = 1) },
        { "unknown kind", Edit(GoodCase, n => n["case"]!["kind"] = "delay") },
        { "kind in C# spelling", Edit(GoodCase, n => n["case"]!["kind"] = "DeliveryDelay") },
        { "unknown status", Edit(GoodCase, n => n["order"]!["status"] = "Shipped") },
        { "unknown payment", Edit(GoodCase, n => n["order"]!["payment"] = "card") },
        { "unknown tracking", Edit(GoodCase, n => n["order"]!["tracking"] = "in_transit") },
        { "unknown channel", Edit(GoodCase, n => n["case"]!["channel"] = "sms") },
        { "unknown fault", Edit(GoodCase, n => n["case"]!["fault"] = "nobody") },
        { "unknown carrier claim", Edit(GoodCase, n => n["case"]!["carrierClaim"] = "pending") },
        { "unknown flag", Edit(GoodCase, n => n["case"]!["flags"] = new JsonArray("legal-threat")) },
        { "repeated flag", Edit(GoodCase, n => n["case"]!["flags"] = new JsonArray("abusive", "abusive")) },
        { "unknown request", Edit(GoodCase, n => n["case"]!["requests"] = new JsonArray("refund")) },
        { "count as a string", Edit(GoodCase, n => n["customer"]!["orders"] = "12") },
        { "negative count", Edit(GoodCase, n => n["customer"]!["orders"] = -1) },
        { "count above int", Edit(GoodCase, n => n["customer"]!["contactsLast7Days"] = 2147483648L) },
        { "fractional count", Edit(GoodCase, n => n["customer"]!["orders"] = 1.5m) },
        { "money as a number", Edit(GoodCase, n => n["customer"]!["lifetimeValue"] = 12) },
        { "amount as a string", Edit(GoodCase, n => n["order"]!["total"]!["amount"] = "349.99") },
        { "negative amount", Edit(GoodCase, n => n["order"]!["total"]!["amount"] = -1) },
        { "three decimals", Edit(GoodCase, n => n["order"]!["total"]!["amount"] = 1.005m) },
        { "currency not a code", Edit(GoodCase, n => n["order"]!["total"]!["currency"] = "zł") },
        { "currency missing", Edit(GoodCase, n => n["order"]!["total"]!.AsObject().Remove("currency")) },
        { "boolean as a string", Edit(GoodCase, n => n["order"]!["delayNotified"] = "yes") },
        { "flags as a string", Edit(GoodCase, n => n["case"]!["flags"] = "abusive") },
        { "id as a number", Edit(GoodCase, n => n["case"]!["id"] = 7) },
        { "blank id", Edit(GoodCase, n => n["customer"]!["id"] = "  ") },
        { "customer null", Edit(GoodCase, n => n["customer"] = null) },
        { "customer missing", Edit(GoodCase, n => n.Remove("customer")) },
        { "required order field missing", Edit(GoodCase, n => n["order"]!.AsObject().Remove("status")) },
        { "required case field missing", Edit(GoodCase, n => n["case"]!.AsObject().Remove("openedAt")) },
        { "null where not optional", Edit(GoodCase, n => n["order"]!["tracking"] = null) },
        { "instant with an offset", Edit(GoodCase, n => n["now"] = "2026-11-23T10:00:00+01:00") },
        { "instant with a space", Edit(GoodCase, n => n["case"]!["openedAt"] = "2026-11-20 08:30:00Z") },
        { "instant at 24:00", Edit(GoodCase, n => n["now"] = "2026-11-23T24:00:00Z") },
        { "instant with a comma fraction", Edit(GoodCase, n => n["now"] = "2026-11-23T10:00:00,5Z") },
        { "instant with ten fraction digits", Edit(GoodCase, n => n["now"] = "2026-11-23T10:00:00.1234567890Z") },
        { "instant in lower case", Edit(GoodCase, n => n["now"] = "2026-11-23t10:00:00z") },
        { "instant before 1900", Edit(GoodCase, n => n["order"]!["placedAt"] = "1899-12-31T23:59:59Z") },
        { "instant as a number", Edit(GoodCase, n => n["now"] = 1_700_000_000) },
        { "date with a time", Edit(GoodCase, n => n["customer"]!["since"] = "2023-04-01T00:00:00Z") },
        { "date with one-digit parts", Edit(GoodCase, n => n["customer"]!["since"] = "2023-4-1") },
        { "date that does not exist", Edit(GoodCase, n => n["order"]!["promisedBy"] = "2026-02-30") },
        { "date after 9000", Edit(GoodCase, n => n["order"]!["backorderUntil"] = "9001-01-01") },
        { "delivered without deliveredAt", Edit(GoodCase, n => n["order"]!["status"] = "delivered") },
    };

    [Theory]
    [MemberData(nameof(BadCases))]
    public void BadCase_RejectedByTheReader_AndByTheSchema(string what, string json)
    {
        var read = Assert.Single(CaseJsonReader.Read(json, ReadOptions));
        Assert.False(read.IsValid, $"the reader accepted {what}");

        Assert.False(Validate(CaseSchema.Value, json).IsValid, $"the schema accepted {what}: {json}");
    }

    public static TheoryData<string, string> GoodVariants => new()
    {
        { "the fewest fields", """{"customer":{"id":"C","since":"1900-01-01","orders":0,"lifetimeValue":{"amount":0,"currency":"PLN"}}}""" },
        { "nulls where optional", Edit(GoodCase, n => { n["now"] = null; n["order"]!["promisedBy"] = null; n["order"]!["shippedAt"] = null; }) },
        { "no order, case null", Edit(GoodCase, n => { n.Remove("order"); n["case"] = null; }) },
        { "fraction of nine digits, last instant", Edit(GoodCase, n => { n["now"] = "9000-12-31T23:59:59.999999999Z"; n["order"]!["backorderUntil"] = "9000-12-31"; }) },
        { "delivered with deliveredAt", Edit(GoodCase, n => { n["order"]!["status"] = "delivered"; n["order"]!["deliveredAt"] = "2026-11-13T10:00:00Z"; }) },
        { "every flag and request", Edit(GoodCase, n => { n["case"]!["flags"] = new JsonArray([.. CatalogNames.All<CaseFlags>().Select(f => (JsonNode)f)]); n["case"]!["requests"] = new JsonArray([.. CatalogNames.All<CustomerRequests>().Select(f => (JsonNode)f)]); }) },
        { "big amount with two decimals", Edit(GoodCase, n => n["customer"]!["lifetimeValue"]!["amount"] = 1528796516146985.53m) },
    };

    [Theory]
    [MemberData(nameof(GoodVariants))]
    public void GoodCaseVariant_AcceptedByTheReader_AndByTheSchema(string what, string json)
    {
        var read = Assert.Single(CaseJsonReader.Read(json, ReadOptions));
        Assert.True(read.IsValid, $"the reader rejected {what}: {read}");
        AssertValid(CaseSchema.Value, json, what);
    }

    public static TheoryData<string, string> BadPacks => new()
    {
        { "unknown workflow member", Edit(GoodPack, n => n["Name"] = "x") },
        { "unknown rule member (case)", Edit(GoodPack, n => Rule(n)["expression"] = "true") },
        { "unknown Properties key", Edit(GoodPack, n => Rule(n)["Properties"]!["weight"] = 3) },
        { "field of another decision type", Edit(GoodPack, n => Decision(n, 1)["until"] = "now") },
        { "unknown field of a decision", Edit(GoodPack, n => Decision(n, 0)["amount"] = 5) },
        { "unknown escalation target", Edit(GoodPack, n => Decision(n, 1)["to"] = "boss") },
        { "unknown offer", Edit(GoodPack, n => Decision(n, 0)["offer"] = "voucher") },
        { "unknown decision type", Edit(GoodPack, n => Decision(n, 0)["type"] = "refund") },
        { "unknown operator", Edit(GoodPack, n => Rule(n, 1)["Operator"] = "and") },
        { "unknown parameter kind", Edit(GoodPack, n => n["Parameters"]!["loyalOrders"]!["Kind"] = "int") },
        { "unknown parameter definition field", Edit(GoodPack, n => n["Parameters"]!["loyalOrders"]!["Unit"] = "orders") },
        { "Enabled as a string", Edit(GoodPack, n => Rule(n)["Enabled"] = "yes") },
        { "priority as a string", Edit(GoodPack, n => Rule(n)["Properties"]!["priority"] = "high") },
        { "decisions as an object", Edit(GoodPack, n => Rule(n)["Properties"]!["decisions"] = new JsonObject()) },
        { "legal as a string", Edit(GoodPack, n => Decision(n, 0)["legal"] = "true") },
        { "reason as a number", Edit(GoodPack, n => Decision(n, 0)["reason"] = 1) },
        { "reason per language with another language", Edit(GoodPack, n => Decision(n, 0)["reason"] = new JsonObject { ["de"] = "x" }) },
        { "parameter value null", Edit(GoodPack, n => n["Parameters"]!["stance"] = null) },
        { "DisabledRules as a string", Edit(GoodPack, n => n["DisabledRules"] = "reply.answer-fully") },
        { "Pack without a version", Edit(GoodPack, n => n["Pack"] = "acme") },
        { "WorkflowName missing", Edit(GoodPack, n => n.Remove("WorkflowName")) },
        { "a rule without a name", Edit(GoodPack, n => Rule(n).Remove("RuleName")) },
        { "a rule id in capitals", Edit(GoodPack, n => Rule(n)["RuleName"] = "Shop.Gift") },
        { "a rule deciding nothing", Edit(GoodPack, n => Rule(n)["Properties"]!["decisions"] = new JsonArray()) },
        { "a rule without a condition", Edit(GoodPack, n => Rule(n).Remove("Expression")) },
        { "an operator without nested rules", Edit(GoodPack, n => Rule(n, 1).Remove("Rules")) },
        { "nested rules without an operator", Edit(GoodPack, n => Rule(n, 1).Remove("Operator")) },
        { "an expression beside an operator", Edit(GoodPack, n => Rule(n, 1)["Expression"] = "true") },
        { "decisions on a nested rule", Edit(GoodPack, n => Rule(n, 1)["Rules"]![0]!["Properties"] = new JsonObject { ["decisions"] = new JsonArray() }) },
        { "Actions", Edit(GoodPack, n => Rule(n)["Actions"] = new JsonObject()) },
        { "WorkflowsToInject", Edit(GoodPack, n => n["WorkflowsToInject"] = new JsonArray("other")) },
        { "a percent above 100", Edit(GoodPack, n => { Decision(n, 0)["offer"] = "discount-next-order"; Decision(n, 0)["percent"] = 150; }) },
        { "a negative value", Edit(GoodPack, n => Decision(n, 0)["value"] = -5) },
        { "a cap multiplier below 1", Edit(GoodPack, n => Rule(n, 1)["Properties"]!["goodwillCapMultiplier"] = 0.5) },
        { "a reason on two lines", Edit(GoodPack, n => Decision(n, 0)["reason"] = "One.\nTwo.") },
        { "a reason too long", Edit(GoodPack, n => Decision(n, 0)["reason"] = new string('a', 501)) },
        { "a local param with a bad name", Edit(GoodPack, n => Rule(n)["LocalParams"]![0]!["Name"] = "1x") },
    };

    private static JsonObject Rule(JsonObject workflow, int index = 0) => workflow["Rules"]![index]!.AsObject();

    private static JsonObject Decision(JsonObject workflow, int index) => Rule(workflow)["Properties"]!["decisions"]![index]!.AsObject();

    [Theory]
    [MemberData(nameof(BadPacks))]
    public void BadPack_RejectedByTheLoader_AndByTheSchema(string what, string json)
    {
        Assert.NotEmpty(PackProblems(json));
        Assert.False(Validate(PackSchema.Value, json).IsValid, $"the schema accepted {what}: {json}");
    }

    [Fact]
    public void EmptyPackArray_RejectedByTheLoader_AndByTheSchema()
    {
        Assert.NotEmpty(PackProblems("[]"));
        Assert.False(Validate(PackSchema.Value, "[]").IsValid);
    }

    // ---- the schemas cannot drift from the code -----------------------------------------------------------------------

    [Fact]
    public void CaseSchema_EnumerationsAreTheCatalogNames()
    {
        var defs = CaseSchemaJson.Value["$defs"]!;
        AssertEnum<PaymentMethod>(defs["order"]!["properties"]!["payment"]!);
        AssertEnum<OrderStatus>(defs["order"]!["properties"]!["status"]!);
        AssertEnum<TrackingStatus>(defs["order"]!["properties"]!["tracking"]!);
        AssertEnum<CaseKind>(defs["case"]!["properties"]!["kind"]!);
        AssertEnum<ContactChannel>(defs["case"]!["properties"]!["channel"]!);
        AssertEnum<Fault>(defs["case"]!["properties"]!["fault"]!);
        AssertEnum<CarrierClaimState>(defs["case"]!["properties"]!["carrierClaim"]!);
        AssertEnum<CaseFlags>(defs["case"]!["properties"]!["flags"]!["items"]!);
        AssertEnum<CustomerRequests>(defs["case"]!["properties"]!["requests"]!["items"]!);
    }

    [Fact]
    public void PackSchema_EnumerationsAndDecisionFieldsAreTheCodes()
    {
        var defs = PackSchemaJson.Value["$defs"]!;
        AssertEnum<DecisionType>(defs["decision"]!["properties"]!["type"]!);
        AssertEnum<StopKind>(defs["stopDecision"]!["properties"]!["stop"]!);
        AssertEnum<EscalationTarget>(defs["escalateDecision"]!["properties"]!["to"]!);
        AssertEnum<EscalationPriority>(defs["escalateDecision"]!["properties"]!["priority"]!);
        AssertEnum<OfferKind>(defs["compensateDecision"]!["properties"]!["offer"]!);
        AssertEnum<NotifyChannel>(defs["notifyDecision"]!["properties"]!["channel"]!);
        AssertEnum<NotifyMessage>(defs["notifyDecision"]!["properties"]!["message"]!);
        AssertEnum<AdviceKind>(defs["adviseDecision"]!["properties"]!["advice"]!);

        // Each decision type's fields and required fields are those of DecisionShape (besides type, reason and when;
        // a compensation's offerPriority orders it and is no field of a verdict).
        var conditional = defs["decision"]!["allOf"]!.AsArray().Select(c => c!["then"]!["$ref"]!.GetValue<string>()).ToList();
        Assert.Equal(DecisionShape.All.Select(s => $"#/$defs/{s.Name}Decision").Order(), conditional.Order());
        foreach (var shape in DecisionShape.All)
        {
            var decision = defs[shape.Name + "Decision"]!;
            string[] authoringOnly = shape.Type == DecisionType.Compensate ? ["offerPriority"] : [];
            Assert.Equal(["type", "reason", "when", .. shape.FieldNames, .. authoringOnly], decision["properties"]!.AsObject().Select(p => p.Key));
            Assert.Equal(["type", "reason", .. shape.RequiredFieldNames], decision["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        }
    }

    [Fact]
    public void CaseSchema_FieldsAreTheReadersFields()
    {
        // The reader lists an object's allowed fields when it meets an unknown one: those lists are the schema's.
        var defs = CaseSchemaJson.Value["$defs"]!;
        AssertFields(CaseSchemaJson.Value, ReaderFields(Edit(GoodCase, n => n["zz"] = 1), "$.zz"));
        AssertFields(defs["customer"]!, ReaderFields(Edit(GoodCase, n => n["customer"]!["zz"] = 1), "$.customer.zz"));
        AssertFields(defs["order"]!, ReaderFields(Edit(GoodCase, n => n["order"]!["zz"] = 1), "$.order.zz"));
        AssertFields(defs["case"]!, ReaderFields(Edit(GoodCase, n => n["case"]!["zz"] = 1), "$.case.zz"));
        AssertFields(defs["money"]!, ReaderFields(Edit(GoodCase, n => n["order"]!["total"]!["zz"] = 1), "$.order.total.zz"));

        static IEnumerable<string> ReaderFields(string json, string path) =>
            Allowed(Assert.Single(CaseJsonReader.Read(json, ReadOptions)).Errors.Single(e => e.Path == path).Message);
    }

    [Fact]
    public void PackSchema_FieldsAreTheLoadersFields()
    {
        var defs = PackSchemaJson.Value["$defs"]!;
        AssertFields(defs["workflow"]!, LoaderFields(Edit(GoodPack, n => n["zz"] = 1), ".zz"));
        AssertFields(defs["rule"]!, LoaderFields(Edit(GoodPack, n => Rule(n)["zz"] = 1), "['shop.gift'].zz"));
        AssertFields(defs["nestedRule"]!, LoaderFields(Edit(GoodPack, n => Rule(n, 1)["Rules"]![0]!["zz"] = 1), "['a'].zz"));
        AssertFields(defs["properties"]!, LoaderFields(Edit(GoodPack, n => Rule(n)["Properties"]!["zz"] = 1), ".Properties.zz"));
        AssertFields(defs["parameterDefinition"]!, LoaderFields(Edit(GoodPack, n => n["Parameters"]!["loyalOrders"]!["zz"] = 1), "['loyalOrders'].zz"));
        AssertFields(defs["scopedParams"]!["anyOf"]![1]!["items"]!, LoaderFields(Edit(GoodPack, n => Rule(n)["LocalParams"]![0]!["zz"] = 1), "['x'].zz"));
        AssertFields(defs["compensateDecision"]!, LoaderFields(Edit(GoodPack, n => Decision(n, 0)["zz"] = 1), "decisions[0].zz"));
        AssertFields(defs["reason"]!["anyOf"]![1]!, LoaderFields(Edit(GoodPack, n => Decision(n, 0)["reason"] = new JsonObject { ["zz"] = "x", ["en"] = "y" }), ".reason.zz"));
        var kinds = defs["parameterDefinition"]!["properties"]!["Kind"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>());
        string unknownKind = PackProblems(Edit(GoodPack, n => n["Parameters"]!["loyalOrders"]!["Kind"] = "zz")).Single(e => e.Path.EndsWith(".Kind", StringComparison.Ordinal)).Message;
        Assert.Equal(Quoted(unknownKind[unknownKind.IndexOf("expected", StringComparison.Ordinal)..]), kinds);

        static IEnumerable<string> LoaderFields(string json, string pathEnd) =>
            Allowed(PackProblems(json).Single(e => e.Path.EndsWith(pathEnd, StringComparison.Ordinal) && e.Message.StartsWith("unknown field", StringComparison.Ordinal)).Message);
    }

    private static void AssertEnum<TEnum>(JsonNode schema)
        where TEnum : struct, Enum =>
        Assert.Equal(CatalogNames.All<TEnum>(), schema["enum"]!.AsArray().Select(v => v!.GetValue<string>()));

    private static void AssertFields(JsonNode schema, IEnumerable<string> readerFields) =>
        Assert.Equal(readerFields.Order(StringComparer.Ordinal), schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));

    /// <summary>The names an unknown-field message allows: <c>…; allowed fields are 'a', 'b' or 'c'.</c></summary>
    private static IEnumerable<string> Allowed(string message) =>
        Quoted(message[message.IndexOf("allowed fields are", StringComparison.Ordinal)..]);

    private static List<string> Quoted(string text) =>
        [.. Regex.Matches(text, "'([^']*)'").Select(m => m.Groups[1].Value).TakeWhile(n => n != "x-")];
}
