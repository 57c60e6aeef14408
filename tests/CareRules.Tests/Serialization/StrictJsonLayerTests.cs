using System.Text.Json;
using CareRules.Model;
using CareRules.Serialization;

namespace CareRules.Tests.Serialization;

/// <summary>The shared strict JSON reading layer: paths, allowed fields, and the one wording of each problem.</summary>
public sealed class StrictJsonLayerTests
{
    [Theory]
    [InlineData("$", "placedAt", "$.placedAt")]
    [InlineData("$.order", "_x1", "$.order._x1")]
    [InlineData("$.order", "x-notes", "$.order['x-notes']")]
    [InlineData("$.order", "it's", "$.order['it\\'s']")]
    [InlineData("$.order", "", "$.order['']")]
    public void Property_PlainNamesDotted_OthersQuoted(string parent, string name, string expected) =>
        Assert.Equal(expected, JsonPath.Property(parent, name));

    [Fact]
    public void Element_Key_Under()
    {
        Assert.Equal("[3].customer.id", JsonPath.Property(JsonPath.Element(string.Empty, 3), "customer") + ".id");
        Assert.Equal("rules['delay.gift'].Actions", JsonPath.Property(JsonPath.Key("rules", "delay.gift"), "Actions"));
        Assert.Equal("$.rows[1].case.order.total", JsonPath.Under("$.rows[1].case", "$.order.total"));
        Assert.Equal("$.rows[1].case", JsonPath.Under("$.rows[1].case", "$"));
    }

    [Fact]
    public void Fields_ReportUnknownRepeatedAndMissing_InDocumentOrder()
    {
        var fields = new JsonFields(["id", "kind", "note"], ["id", "kind"], extensionPrefix: "x-");
        using var doc = JsonDocument.Parse("""{ "kind": "a", "colour": 1, "x-mine": 2, "kind": "b", "Note": 3 }""");
        var problems = new JsonProblems();

        var read = fields.Read(doc.RootElement, "$.case", problems).Select(f => (f.Name, f.Path, f.Value.GetString())).ToList();

        Assert.Equal([("kind", "$.case.kind", "a")], read);
        Assert.Equal(
        [
            "$.case.colour: unknown field 'colour'; allowed fields are 'id', 'kind' or 'note', or a name starting with 'x-' for your own notes.",
            "$.case.kind: appears more than once; give each field once.",
            "$.case.Note: unknown field 'Note'; allowed fields are 'id', 'kind' or 'note', or a name starting with 'x-' for your own notes. Did you mean 'note'? Field names are case-sensitive.",
            "$.case.id: is required.",
        ],
        problems.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Fields_Subject_NamesTheObjectInTheMessage()
    {
        var fields = new JsonFields(["type", "stop"], subject: "a decision of type 'stop'");
        var problems = new JsonProblems();
        problems.UnknownField("$.d", "to", fields);
        Assert.Equal("unknown field 'to' of a decision of type 'stop'; allowed fields are 'type' or 'stop'.", Assert.Single(problems.Errors).Message);
    }

    [Fact]
    public void Fields_RequiredMustBeAllowed() =>
        Assert.Throws<ArgumentException>(() => new JsonFields(["a"], ["b"]));

    [Theory]
    [InlineData("\"x\"", "the string 'x'")]
    [InlineData("12.50", "the number 12.50")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    [InlineData("{}", "an object")]
    [InlineData("[1]", "an array")]
    public void Describe_SameForElementsAndReaderTokens(string json, string expected)
    {
        using var doc = JsonDocument.Parse(json);
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();

        Assert.Equal(expected, JsonProblems.Describe(doc.RootElement));
        Assert.Equal(expected, JsonProblems.Describe(ref reader));
    }

    [Fact]
    public void Readers_OfElements_UseTheCaseReadersWording()
    {
        using var doc = JsonDocument.Parse("""{ "kind": "delay", "at": "2026-11-20 08:30", "n": 3, "b": "yes", "op": "and" }""");
        var root = doc.RootElement;
        var problems = new JsonProblems();

        Assert.False(problems.TryReadName<CaseKind>(root.GetProperty("kind"), "$.kind", out _));
        Assert.False(problems.TryReadInstant(root.GetProperty("at"), "$.at", out _));
        Assert.False(problems.TryReadString(root.GetProperty("n"), "$.n", out _));
        Assert.False(problems.TryReadBoolean(root.GetProperty("b"), "$.b", out _));
        Assert.False(problems.TryReadOneOf(root.GetProperty("op"), "$.op", ["And", "Or"], out _));
        Assert.Equal(
        [
            $"$.kind: unknown value 'delay'; expected {CatalogNames.Expected<CaseKind>()}.",
            "$.at: '2026-11-20 08:30' is not an ISO-8601 UTC instant; expected e.g. 2026-11-23T10:00:00Z (UTC, ending in Z).",
            "$.n: must be a string, was the number 3.",
            "$.b: must be true or false, was the string 'yes'.",
            "$.op: unknown value 'and'; expected 'And' or 'Or'.",
        ],
        problems.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Items_ReportANonArrayAndElementsOfAnotherKind()
    {
        using var doc = JsonDocument.Parse("""{ "a": [ {}, 2, {} ], "b": 1 }""");
        var problems = new JsonProblems();

        var items = problems.Items(doc.RootElement.GetProperty("a"), "$.a", "an array of rules", JsonValueKind.Object, "a rule object").Select(i => (i.Index, i.Path)).ToList();
        var none = problems.Items(doc.RootElement.GetProperty("b"), "$.b", "an array of rules").ToList();

        Assert.Equal([(0, "$.a[0]"), (2, "$.a[2]")], items);
        Assert.Empty(none);
        Assert.Equal(["$.a[1]: must be a rule object, was the number 2.", "$.b: must be an array of rules, was the number 1."], problems.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void ReadCase_FromAnElement_SameResultAsFromBytes()
    {
        string bad = CaseSamples.Edit(n => n["order"]!["colour"] = "red");
        using var doc = JsonDocument.Parse($$"""{ "wrapped": {{CaseSamples.CatalogExample}}, "bad": {{bad}}, "number": 3 }""");

        var good = CaseJsonReader.ReadCase(doc.RootElement.GetProperty("wrapped"));
        var fromBytes = Assert.Single(CaseJsonReader.Read(CaseSamples.CatalogExample));
        var rejected = CaseJsonReader.ReadCase(doc.RootElement.GetProperty("bad"));

        Assert.True(good.IsValid);
        Assert.Equal(CaseJsonWriter.ToJson(fromBytes.Context!), CaseJsonWriter.ToJson(good.Context!));
        Assert.Equal(Assert.Single(CaseJsonReader.Read(bad)).Errors, rejected.Errors);
        Assert.Equal("$: a case must be a JSON object, was the number 3.", Assert.Single(CaseJsonReader.ReadCase(doc.RootElement.GetProperty("number")).Errors).ToString());
    }
}
