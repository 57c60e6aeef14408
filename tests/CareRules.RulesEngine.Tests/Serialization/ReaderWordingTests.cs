using System.Text.RegularExpressions;
using CareRules.Model;
using CareRules.RulesEngine.Tests.Support;
using CareRules.Serialization;
using CareRules.Testing;

namespace CareRules.RulesEngine.Tests.Serialization;

/// <summary>
/// The three strict JSON readers — cases (<see cref="CaseJsonReader"/>), workflow files (<see cref="WorkflowPack"/>)
/// and case tables (<see cref="CaseTable"/>) — word the same kind of problem the same way, because they report it
/// through one layer (<see cref="JsonProblems"/>, <see cref="JsonFields"/>, <see cref="JsonPath"/>).
/// </summary>
public sealed partial class ReaderWordingTests
{
    private const string Customer = """{ "id": "C-1", "since": "2024-01-15", "orders": 3, "lifetimeValue": { "amount": 600, "currency": "PLN" } }""";
    private const string Order = """{ "id": "O-1", "placedAt": "2026-11-16T09:00:00Z", "total": { "amount": 200, "currency": "PLN" }, "status": "shipped"ORDER }""";
    private const string Kase = """{ "id": "K-1", "openedAt": "2026-11-20T08:00:00Z", "kind": "delivery-delayCASE }""";

    // ---- the three readers, each given a fragment at the place the problem is to be -------------------------------

    private static ValidationError CaseError(string order = "", string @case = "\"")
    {
        string json = $$"""{ "now": "2026-11-23T09:00:00Z", "customer": {{Customer}}, "order": {{Order.Replace("ORDER", order, StringComparison.Ordinal)}}, "case": {{Kase.Replace("CASE", @case, StringComparison.Ordinal)}} }""";
        return Assert.Single(Assert.Single(CaseJsonReader.Read(json)).Errors);
    }

    private static ValidationError WorkflowError(string rule = "", string decision = "") =>
        Assert.Single(Json.Errors(
            $$"""{ "WorkflowName": "shop", "Rules": [ { "RuleName": "r.one", "Expression": "true"{{rule}}, "Properties": { "decisions": [ { "type": "escalate", "to": "manager", "priority": "high", "reason": "R."{{decision}} } ] } } ] }""",
            "shop.json"));

    private static ValidationError TableError(string row = "", string matcher = "")
    {
        string json = $$"""{ "now": "2026-11-23T09:00:00Z", "rows": [ { "name": "a", "case": { "customer": {{Customer}} }{{row}}, "expect": { "decisions": [ { "type": "escalate"{{matcher}} } ] } } ] }""";
        return Assert.Single(Assert.Throws<CareRulesValidationException>(() => CaseTable.Parse(json, "t.json")).Errors);
    }

    // ---- syntax errors -----------------------------------------------------------------------------------------------

    [Fact]
    public void SyntaxError_OneWording_LineAndByte()
    {
        const string bad = "{\n  \"x\": ,\n  \"y\": 1\n}";

        var @case = Assert.Single(Assert.Single(CaseJsonReader.Read(bad)).Errors);
        var workflow = Assert.Single(Json.Errors(bad, "shop.json"));
        var table = Assert.Single(Assert.Throws<CareRulesValidationException>(() => CaseTable.Parse(bad, "t.json")).Errors);

        const string expected = "is not valid JSON at line 2, byte 8: ',' is an invalid start of a value.";
        Assert.Equal(("$", expected), (@case.Path, @case.Message));
        Assert.Equal(("shop.json", expected), (workflow.Path, workflow.Message));
        Assert.Equal(("$", expected), (table.Path, table.Message));
    }

    // ---- unknown fields ------------------------------------------------------------------------------------------------

    [Fact]
    public void UnknownField_OneWording_WithTheAllowedList()
    {
        var @case = CaseError(order: ", \"colour\": \"red\"");
        var workflow = WorkflowError(rule: ", \"colour\": \"red\"");
        var table = TableError(row: ", \"colour\": \"red\"");

        Assert.Equal("$.order.colour", @case.Path);
        Assert.Equal("shop.json:workflows['shop'].Rules['r.one'].colour", workflow.Path);
        Assert.Equal("$.rows[0].colour", table.Path);
        Assert.Equal(
            "unknown field 'colour'; allowed fields are 'id', 'placedAt', 'total', 'payment', 'status', 'promisedBy', 'shippedAt', 'deliveredAt', 'delayNotified', 'tracking', 'withdrawalInformed', 'withdrawalExempt' or 'backorderUntil'.",
            @case.Message);
        Assert.Equal("unknown field 'colour'; allowed fields are 'name', 'note', 'case' or 'expect'.", table.Message);
        foreach (var error in new[] { @case, workflow, table })
        {
            Assert.Matches(UnknownFieldForm(), error.Message);
        }
    }

    [Fact]
    public void UnknownField_WrongCase_SameHintEverywhere()
    {
        const string hint = " Did you mean 'Expression'? Field names are case-sensitive.";
        Assert.EndsWith(hint, WorkflowError(rule: ", \"expression\": \"x\"").Message, StringComparison.Ordinal);
        Assert.EndsWith(hint.Replace("Expression", "kind", StringComparison.Ordinal), CaseError(@case: "\", \"Kind\": \"other\"").Message, StringComparison.Ordinal);
        Assert.EndsWith(hint.Replace("Expression", "name", StringComparison.Ordinal), TableError(row: ", \"Name\": \"b\"").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedField_OneWording()
    {
        const string expected = "appears more than once; give each field once.";
        Assert.Equal(("$.order.status", expected), Pair(CaseError(order: ", \"status\": \"paid\"")));
        Assert.Equal(("shop.json:workflows['shop'].Rules['r.one'].Expression", expected), Pair(WorkflowError(rule: ", \"Expression\": \"false\"")));
        Assert.Equal(("$.rows[0].expect.decisions[0].type", expected), Pair(TableError(matcher: ", \"type\": \"stop\"")));
    }

    // ---- wrong JSON types ----------------------------------------------------------------------------------------------

    [Fact]
    public void WrongType_OneWording()
    {
        const string expected = "must be true or false, was the string 'yes'.";
        Assert.Equal(("$.order.delayNotified", expected), Pair(CaseError(order: ", \"delayNotified\": \"yes\"")));
        Assert.Equal(("shop.json:workflows['shop'].Rules['r.one'].Enabled", expected), Pair(WorkflowError(rule: ", \"Enabled\": \"yes\"")));
        Assert.Equal(("$.rows[0].expect.decisions[0].legal", expected), Pair(TableError(matcher: ", \"legal\": \"yes\"")));
    }

    [Fact]
    public void WrongType_OfACatalogName_OneWording()
    {
        Assert.Equal($"must be a string, one of {CatalogNames.Expected<TrackingStatus>()}, was the number 3.", CaseError(order: ", \"tracking\": 3").Message);
        string expected = $"must be a string, one of {CatalogNames.Expected<EscalationTarget>()}, was the number 3.";
        Assert.Equal(expected, WorkflowWrongTo().Message);
        Assert.Equal(expected, TableError(matcher: ", \"to\": 3").Message);
    }

    // ---- catalog names -------------------------------------------------------------------------------------------------

    [Fact]
    public void UnknownCatalogName_OneWording_WithTheCatalogNames()
    {
        var @case = CaseError(order: ", \"tracking\": \"lost-in-space\"");
        var workflow = Assert.Single(Json.Errors(
            """{ "WorkflowName": "shop", "Rules": [ { "RuleName": "r.one", "Expression": "true", "Properties": { "decisions": [ { "type": "escalate", "to": "boss", "priority": "high", "reason": "R." } ] } } ] }""",
            "shop.json"));
        var table = TableError(matcher: ", \"to\": \"boss\"");

        Assert.Equal($"unknown value 'lost-in-space'; expected {CatalogNames.Expected<TrackingStatus>()}.", @case.Message);
        Assert.Equal($"unknown value 'boss'; expected {CatalogNames.Expected<EscalationTarget>()}.", workflow.Message);
        Assert.Equal(workflow.Message, table.Message);
        Assert.Equal("shop.json:workflows['shop'].Rules['r.one'].Properties.decisions[0].to", workflow.Path);
        Assert.Equal("$.rows[0].expect.decisions[0].to", table.Path);
    }

    private static ValidationError WorkflowWrongTo() => Assert.Single(Json.Errors(
        """{ "WorkflowName": "shop", "Rules": [ { "RuleName": "r.one", "Expression": "true", "Properties": { "decisions": [ { "type": "escalate", "to": 3, "priority": "high", "reason": "R." } ] } } ] }""",
        "shop.json"));

    private static (string Path, string Message) Pair(ValidationError error) => (error.Path, error.Message);

    [GeneratedRegex("^unknown field 'colour'; allowed fields are ('[A-Za-z]+', )+'[A-Za-z]+' or '[A-Za-z]+'\\.$")]
    private static partial Regex UnknownFieldForm();
}
