using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Serialization;
using CareRules.Testing;
using NodaTime;

namespace CareRules.Tests.Testing;

/// <summary>Table tests: the file format, the checks, and loader errors with their JSON paths.</summary>
public sealed class CaseTableTests
{
    private static readonly CompiledPack Pack = StandardPack.Default;

    private const string Customer = """{ "id": "C-1", "since": "2024-01-15", "orders": 3, "lifetimeValue": { "amount": 600, "currency": "PLN" } }""";
    private const string LateOrder = """{ "id": "O-1", "placedAt": "2026-11-16T09:00:00Z", "total": { "amount": 200, "currency": "PLN" }, "status": "shipped", "promisedBy": "2026-11-21", "shippedAt": "2026-11-17T09:00:00Z", "tracking": "in-transit" }""";

    private static string Row(string name, string expect, string caseExtra = "") =>
        $$"""{ "name": "{{name}}", "case": { "customer": {{Customer}}, "order": {{LateOrder}}{{caseExtra}} }, "expect": {{expect}} }""";

    private static string Table(params string[] rows) =>
        $$"""{ "now": "2026-11-23T09:00:00Z", "rows": [ {{string.Join(",\n", rows)}} ] }""";

    private static readonly string Good = Table(
        Row("late order: small gift", """{ "fires": ["delay.gift"], "notFires": ["fault.third-party"], "decisions": [ { "type": "compensate", "offer": "gift-in-parcel", "maxValue": 20, "legal": false, "rule": "delay.gift" }, { "type": "notify", "channel": "phone", "message": "delay-apology", "dueBy": "2026-11-23T11:00:00Z" } ], "notDecisions": [ { "type": "stop" } ], "decisionCount": 3, "goodwillTotal": 20, "maxGoodwillTotal": 20 }"""),
        Row("carrier at fault: explain calmly", """{ "firesExactly": ["delay.gift", "delay.notify-immediately", "fault.third-party"], "decisions": [ { "type": "advise", "advice": "explain-third-party-calmly" } ] }""",
            """, "case": { "id": "K-2", "openedAt": "2026-11-23T08:00:00Z", "kind": "delivery-delay", "fault": "carrier", "firstReplyAt": "2026-11-23T08:30:00Z" }"""));

    [Fact]
    public void Parse_GoodTable_RowsInFileOrderWithNamesAndPaths()
    {
        var table = CaseTable.Parse(Good, "good.json");

        Assert.Equal("good.json", table.Source);
        Assert.Equal(Instant.FromUtc(2026, 11, 23, 9, 0), table.Now);
        Assert.Equal(["late order: small gift", "carrier at fault: explain calmly"], table.Names);
        var row = table["carrier at fault: explain calmly"];
        Assert.Equal("$.rows[1]", row.Path);
        Assert.Equal(1, row.Index);
        Assert.Equal("K-2", row.Context.Case!.Id);
        Assert.Equal(Instant.FromUtc(2026, 11, 23, 9, 0), row.Context.Now);
        Assert.Equal("carrier at fault: explain calmly", row.ToString());
        Assert.Equal([["late order: small gift"], ["carrier at fault: explain calmly"]], table.AsArguments());
    }

    [Fact]
    public void Check_EveryRowOfTheGoodTable_Passes()
    {
        var table = CaseTable.Parse(Good, "good.json");
        foreach (var row in table.Rows)
        {
            var verdict = row.Check(Pack);
            Assert.Empty(row.Failures(verdict, Pack));
        }

        table.CheckAll(Pack);
    }

    [Fact]
    public void CheckAll_ARowWhoseEvaluationThrows_FailsThatRow_AndTheOtherRowsAreStillChecked()
    {
        // A shop's C# condition that throws for one customer only (an engine exception is never swallowed silently).
        var pack = new global::CareRules.Authoring.PackBuilder("throwing")
            .Rule("boom.rule", r => r.When(c => c.Order?.Total.Amount == 666m ? throw new InvalidOperationException("boom") : false).Advise(AdviceKind.ResolvePrivately, "Say it privately."))
            .Build();
        var table = CaseTable.Parse(Table(
            Row("throws", """{ "decisionCount": 0 }""").Replace("\"amount\": 200", "\"amount\": 666", StringComparison.Ordinal),
            Row("wrong expectation", """{ "decisionCount": 5 }"""),
            Row("fine", """{ "decisionCount": 0 }""")), "throwing.json");

        var ex = Assert.Throws<VerdictAssertionException>(() => table.CheckAll(pack));

        Assert.StartsWith("2 rows of 3 in the case table 'throwing.json' failed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Row 'throws' could not be evaluated: InvalidOperationException: boom", ex.Message, StringComparison.Ordinal);
        Assert.Contains("wrong expectation", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithCoverage_RecordsTheRowsVerdict()
    {
        var coverage = new RuleCoverage(Pack);
        CaseTable.Parse(Good, "good.json").Rows[1].Check(coverage);
        Assert.Equal(1, coverage.Hits("fault.third-party"));
    }

    [Fact]
    public void Parse_ArrayOfRowsWithNowInEachCase_IsATableToo()
    {
        var table = CaseTable.Parse($$"""[ { "name": "n", "case": { "now": "2026-11-23T09:00:00Z", "customer": {{Customer}} }, "expect": { "decisionCount": 0 } } ]""");
        Assert.Null(table.Now);
        Assert.Equal("$[0]", table["n"].Path);
        table["n"].Check(Pack);
    }

    [Fact]
    public void Parse_CaseWithoutNow_UsesTheClockOfTheOptions()
    {
        string json = $$"""[ { "name": "n", "case": { "customer": {{Customer}} }, "expect": { "decisionCount": 0 } } ]""";
        var table = CaseTable.Parse(json, options: CaseReadOptions.Default with { Clock = FixedClock.AtUtc(2026, 11, 23, 9) });
        Assert.Equal(Instant.FromUtc(2026, 11, 23, 9, 0), table["n"].Context.Now);

        var ex = Assert.Throws<CareRulesValidationException>(() => CaseTable.Parse(json, "t.json"));
        Assert.Contains(ex.Errors, e => e.Path == "$[0].case.now" && e.Message.StartsWith("is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_FailingRow_ListsEveryFailedExpectationThenTheVerdict()
    {
        var table = CaseTable.Parse(Table(Row("wrong", """{ "fires": ["reply.sla-breached"], "notFires": ["delay.gift"], "decisions": [ { "type": "compensate", "offer": "gift-in-parcel", "maxValue": 15 } ], "goodwillTotal": 0, "decisionCount": 1 }""")), "wrong.json");

        var ex = Assert.Throws<VerdictAssertionException>(() => table["wrong"].Check(Pack));

        // Each failure is one "  - " line; a rule that fired or not when it should not is explained below it, indented.
        string[] all = ex.Message.Split(Environment.NewLine);
        string[] lines = [.. all.Where(l => !l.StartsWith("    ", StringComparison.Ordinal))];
        Assert.Equal("Table row 'wrong' (wrong.json, $.rows[0]) failed 5 expectations:", lines[0]);
        Assert.Equal("  - Expected rule 'reply.sla-breached' to fire, but it did not.", lines[1]);
        Assert.Equal("    Rule reply.sla-breached did not fire: its condition does not hold.", all[2]);
        Assert.Equal("  - Expected rule 'delay.gift' not to fire, but it fired.", lines[2]);
        Assert.Contains("    Rule delay.gift fired: its condition holds.", all);
        Assert.Equal("  - Expected a decision: compensate gift-in-parcel worth at most 15.00; but none matches — the compensate decisions are: compensate gift-in-parcel 20.00 PLN [delay.gift].", lines[3]);
        Assert.Equal("  - Expected 1 decision, but the verdict has 3.", lines[4]);
        Assert.Equal("  - Expected a goodwill total of 0.00, but it is 20.00 PLN.", lines[5]);
        Assert.Equal("", lines[6]);
        Assert.Equal("Verdict of a context without a case by standard@1.0.0", lines[7]);
        Assert.Contains("Rule delay.gift fired.", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Verdict);
    }

    [Fact]
    public void Check_RuleIdNotInThePack_IsAFailureNotASilentPass()
    {
        var row = CaseTable.Parse(Table(Row("typo", """{ "notFires": ["delay.gfit"], "decisions": [ { "type": "compensate", "rule": "delay.gfit" } ] }"""))).Rows[0];

        var ex = Assert.Throws<VerdictAssertionException>(() => row.Check(Pack));
        Assert.Contains("  - 'delay.gfit' is not a rule of pack standard@1.0.0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("failed 2 expectations", ex.Message, StringComparison.Ordinal);
        Assert.Single(row.Failures(Pack.Evaluate(row.Context))); // without the pack only the decision is missing
    }

    [Fact]
    public void CheckAll_SomeRowsFail_ListsEachFailingRow()
    {
        var table = CaseTable.Parse(Table(
            Row("ok", """{ "fires": ["delay.gift"] }"""),
            Row("bad one", """{ "decisionCount": 0 }"""),
            Row("bad two", """{ "fires": ["boundary.abusive"] }""")), "t.json");

        var ex = Assert.Throws<VerdictAssertionException>(() => table.CheckAll(Pack));
        Assert.StartsWith("2 rows of 3 in the case table 't.json' failed:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Table row 'bad one'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Table row 'bad two'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Table row 'ok'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_UnknownName_ListsTheNames()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => CaseTable.Parse(Good, "good.json")["late"]);
        Assert.Equal("The case table 'good.json' has no row named 'late'; its rows are: 'late order: small gift', 'carrier at fault: explain calmly'.", ex.Message);
    }

    // ---- loader errors -------------------------------------------------------------------------------------------

    private static IReadOnlyList<string> Errors(string json)
    {
        var ex = Assert.Throws<CareRulesValidationException>(() => CaseTable.Parse(json, "bad.json"));
        Assert.Equal("Case table 'bad.json'", ex.Subject);
        return [.. ex.Errors.Select(e => e.ToString())];
    }

    [Fact]
    public void Parse_MalformedJson_NamesLineAndByte()
    {
        var errors = Errors("{ \"rows\": [\n  { \"name\": \"a\",\n    \"case\" { } } ] }");
        var error = Assert.Single(errors);
        Assert.StartsWith("$: is not valid JSON at line 3, byte 12:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadExpectations_EveryProblemWithItsPath()
    {
        var errors = Errors(Table(
            Row("a", """{ "decisions": [ { "type": "compensate", "offer": "gift" }, { "type": "stop", "offer": "apology", "stop": "no-goodwill" }, { "offer": "apology" } ], "fires": "delay.gift", "goodwilTotal": 3 }"""),
            Row("b", """{ "notDecisions": [ { "type": "escalate", "to": "supervisor", "dueBy": "tomorrow" } ], "decisionCount": -1, "maxGoodwillTotal": "20" }""")));

        Assert.Equal(
        [
            "$.rows[0].expect.decisions[0].offer: unknown value 'gift'; expected 'apology', 'gift-in-parcel', 'discount-next-order', 'free-shipping-next-order', 'partial-refund', 'full-refund', 'replacement' or 'reship'.",
            "$.rows[0].expect.decisions[1].offer: applies only to compensate decisions, not to stop.",
            "$.rows[0].expect.decisions[2].type: is required: 'stop', 'escalate', 'compensate', 'notify' or 'advise'.",
            "$.rows[0].expect.fires: must be an array of rule ids, was the string 'delay.gift'.",
            "$.rows[0].expect.goodwilTotal: unknown field 'goodwilTotal'; allowed fields are 'fires', 'notFires', 'firesExactly', 'decisions', 'notDecisions', 'decisionCount', 'goodwillTotal' or 'maxGoodwillTotal'.",
            "$.rows[1].expect.notDecisions[0].dueBy: 'tomorrow' is not an ISO-8601 UTC instant; expected e.g. 2026-11-23T10:00:00Z (UTC, ending in Z).",
            "$.rows[1].expect.decisionCount: must be a whole number of zero or more, was the number -1.",
            "$.rows[1].expect.maxGoodwillTotal: must be a number of zero or more, was the string '20'.",
        ],
        errors);
    }

    [Fact]
    public void Parse_BadCase_ReportsTheCaseReadersErrorsUnderTheRowsCasePath()
    {
        string badOrder = LateOrder.Replace("\"currency\": \"PLN\"", "\"currency\": \"EUR\"", StringComparison.Ordinal).Replace("\"tracking\"", "\"colour\": \"red\", \"tracking\"", StringComparison.Ordinal);
        var errors = Errors(Table(
            Row("fine", """{ "fires": ["delay.gift"] }"""),
            $$"""{ "name": "bad case", "case": { "customer": {{Customer}}, "order": {{badOrder}} }, "expect": { "fires": ["delay.gift"] } }"""));

        Assert.Contains("$.rows[1].case.order.total.currency: expected PLN, was EUR.", errors);
        Assert.Contains(errors, e => e.StartsWith("$.rows[1].case.order.colour:", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.StartsWith("$.rows[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_RowProblems_MissingFieldsDuplicateNamesAndEmptyExpectations()
    {
        var errors = Errors(Table(
            Row("same", """{ "fires": ["delay.gift"] }"""),
            Row("same", """{ "fires": ["delay.gift"] }"""),
            Row("empty", "{ }"),
            Row("contradiction", """{ "fires": ["delay.gift"], "notFires": ["delay.gift"] }"""),
            """{ "name": " ", "case": 3, "expect": [], "comment": "x" }""",
            """{ "name": "no case" }""",
            "7"));

        Assert.Equal(
        [
            "$.rows[1].name: 'same' is also the name of row $.rows[0]; names must be unique, they name the tests.",
            "$.rows[2].expect: expects nothing; give at least one of 'fires', 'notFires', 'firesExactly', 'decisions', 'notDecisions', 'decisionCount', 'goodwillTotal' or 'maxGoodwillTotal'.",
            "$.rows[3].expect.notFires: 'delay.gift' is also in 'fires'; a rule cannot both fire and not fire.",
            "$.rows[4].name: must not be blank.",
            "$.rows[4].case: must be a case object (catalog section 5), was the number 3.",
            "$.rows[4].expect: must be an object of expectations, was an array.",
            "$.rows[4].comment: unknown field 'comment'; allowed fields are 'name', 'note', 'case' or 'expect'.",
            "$.rows[5].expect: is required.",
            "$.rows[5].case: is required: the case to evaluate, as in catalog section 5.",
            "$.rows[6]: a row must be an object with 'name', 'case' and 'expect', was the number 7.",
        ],
        errors);
    }

    [Theory]
    [InlineData("[]", "$: holds no rows; a table needs at least one.")]
    [InlineData("""{ "rows": [] }""", "$.rows: holds no rows; a table needs at least one.")]
    [InlineData("""{ "now": "2026-11-23T09:00:00Z" }""", "$.rows: is required.")]
    [InlineData("""{ "now": "2026-11-23 09:00", "rows": {} }""", "$.now: '2026-11-23 09:00' is not an ISO-8601 UTC instant; expected e.g. 2026-11-23T10:00:00Z (UTC, ending in Z).|$.rows: must be an array of rows, was an object.")]
    [InlineData("\"rows\"", "$: a case table must be a JSON array of rows or an object with 'rows', was the string 'rows'.")]
    [InlineData("""{ "rows": [], "version": 2 }""", "$.version: unknown field 'version'; allowed fields are 'now' or 'rows'.|$.rows: holds no rows; a table needs at least one.")]
    public void Parse_BadShape_SaysWhatATableIs(string json, string expected) =>
        Assert.Equal(expected.Split('|'), Errors(json));

    [Fact]
    public void Parse_CommentsInTheFile_AreAllowed()
    {
        var table = CaseTable.Parse("// the shop's cases\n" + Good.Replace("\"rows\":", "/* every row */ \"rows\":", StringComparison.Ordinal));
        Assert.Equal(2, table.Rows.Count);
    }

    [Fact]
    public void Parse_CommentsInsideARowsCase_AreSkippedByTheCaseReaderToo()
    {
        var table = CaseTable.Parse(Good.Replace("\"order\":", "/* the late one */ \"order\": // inline\n", StringComparison.Ordinal));
        Assert.Equal("O-1", table.Rows[0].Context.Order!.Id);
    }

    [Fact]
    public void Load_RelativePath_IsReadFromTheTestAssemblysFolder()
    {
        string name = $"table-{Guid.NewGuid():N}.json";
        string full = Path.Combine(AppContext.BaseDirectory, name);
        File.WriteAllText(full, Good);
        try
        {
            var table = CaseTable.Load(name);
            Assert.Equal(name, table.Source);
            Assert.Equal(2, table.Rows.Count);
            Assert.Equal(name, table.Rows[0].Source);
        }
        finally
        {
            File.Delete(full);
        }
    }

    [Fact]
    public void Load_MissingFile_SaysWhereItLooked()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => CaseTable.Load("no-such-table.json"));
        Assert.Contains("The case table 'no-such-table.json' does not exist (looked for '", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Is it copied to the test output directory?", ex.Message, StringComparison.Ordinal);
    }
}
