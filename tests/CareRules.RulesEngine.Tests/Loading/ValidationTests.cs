using CareRules.Evaluation;
using CareRules.Testing;
using CareRules.Model;
using CareRules.Packs;
using CareRules.RulesEngine.Tests.Support;

namespace CareRules.RulesEngine.Tests.Loading;

/// <summary>Every problem of a document is reported at load, at once, each naming its document, workflow, rule and field.</summary>
public sealed class ValidationTests
{
    private const string Rule = "shop.json:workflows['shop'].Rules['r1']";

    private static ValidationError Single(string json) => Assert.Single(Json.Errors(json, "shop.json"));

    private static string OneRule(string expression, string decisions = "[ { \"type\": \"advise\", \"advice\": \"resolve-privately\", \"reason\": \"R.\" } ]", string extra = "") =>
        $$"""{ "WorkflowName": "shop", "Rules": [ { "RuleName": "r1", "Expression": "{{expression}}"{{extra}}, "Properties": { "decisions": {{decisions}} } } ] }""";

    [Fact]
    public void BadJson_IsReportedWithLineAndPosition()
    {
        string json = "{\n  \"WorkflowName\": \"shop\",\n  \"Rules\": [ { \"RuleName\": \"r1\" ,, } ]\n}";

        var error = Single(json);

        Assert.Equal("shop.json", error.Path);
        Assert.StartsWith("is not valid JSON at line 3, byte 34:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownMember_NamesTheMemberTypeAndPosition()
    {
        var error = Single(OneRule("customer.Ordrs > 3"));

        Assert.Equal(Rule + ".Expression", error.Path);
        Assert.Equal("No property or field 'Ordrs' exists in type 'Customer' at position 10 in \"customer.Ordrs > 3\".", error.Message);
    }

    [Fact]
    public void ConditionOfTheWrongType_IsATypeError()
    {
        var error = Single(OneRule("customer.Orders + 1"));

        Assert.Equal(Rule + ".Expression", error.Path);
        Assert.Contains("Expression of type 'Boolean' expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecisionFieldsOfTheWrongType_AreTypeErrors()
    {
        var errors = Json.Errors(OneRule("true", """[ { "type": "compensate", "offer": "gift-in-parcel", "value": "case.Kind", "dueBy": "today", "reason": "R." } ]"""), "shop.json");

        Assert.Equal([Rule + ".Properties.decisions[0].value", Rule + ".Properties.decisions[0].dueBy"], errors.Select(e => e.Path));
        Assert.Contains("must be money (e.g. order.Total) or a number", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("must be an instant", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownDecisionType_ListsTheFive()
    {
        var error = Single(OneRule("true", """[ { "type": "refund", "reason": "R." } ]"""));

        Assert.Equal(Rule + ".Properties.decisions[0].type", error.Path);
        Assert.Equal("unknown value 'refund'; expected 'stop', 'escalate', 'compensate', 'notify' or 'advise'.", error.Message);
    }

    [Fact]
    public void UnknownDecisionField_AndBadValues_AreNamed()
    {
        var errors = Json.Errors(OneRule("true", """[ { "type": "escalate", "to": "boss", "priority": "high", "until": "now", "reason": "R." }, { "type": "compensate", "offer": "voucher", "percent": 150, "reason": "R." } ]"""), "shop.json");

        Assert.Equal(
            new[] { ".decisions[0].until", ".decisions[0].to", ".decisions[1].offer", ".decisions[1].percent" }.Select(p => Rule + ".Properties" + p).Order(StringComparer.Ordinal),
            errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Equal("unknown field 'until' of a decision of type 'escalate'; allowed fields are 'type', 'reason', 'when', 'to', 'priority' or 'dueBy'.", errors.Single(e => e.Path.EndsWith("until", StringComparison.Ordinal)).Message);
        Assert.Equal("unknown value 'boss'; expected 'supervisor', 'manager', 'legal' or 'public-relations'.", errors.Single(e => e.Path.EndsWith(".to", StringComparison.Ordinal)).Message);
    }

    [Fact]
    public void OfferPriority_IsAWholeNumber_AndOnlyACompensationsField()
    {
        var errors = Json.Errors(OneRule("true", """[ { "type": "compensate", "offer": "gift-in-parcel", "value": 20, "offerPriority": "low", "reason": "R." }, { "type": "compensate", "offer": "apology", "offerPriority": 1.5, "reason": "R." }, { "type": "escalate", "to": "legal", "priority": "high", "offerPriority": 10, "reason": "R." } ]"""), "shop.json");

        Assert.Equal(
            new[] { ".decisions[0].offerPriority", ".decisions[1].offerPriority", ".decisions[2].offerPriority" }.Select(p => Rule + ".Properties" + p),
            errors.Select(e => e.Path));
        Assert.Equal("must be a whole number (the offer's own priority; without it the rule's), was the string 'low'.", errors[0].Message);
        Assert.StartsWith("must be a whole number", errors[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("unknown field 'offerPriority' of a decision of type 'escalate'", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OfferPriority_OrdersTheOfferAndFillsTheCapInPlaceOfItsRules()
    {
        // cap 20% of 150.00 = 30.00: the discount (own priority 50) fills after the gift (rule priority 200)
        string json = """
            { "WorkflowName": "shop", "Rules": [
              { "RuleName": "a.refusal", "Expression": "true", "Properties": { "priority": 300, "decisions": [
                { "type": "compensate", "offer": "discount-next-order", "value": 15, "percent": 10, "offerPriority": 50, "reason": "R." } ] } },
              { "RuleName": "z.gift", "Expression": "true", "Properties": { "priority": 200, "decisions": [
                { "type": "compensate", "offer": "gift-in-parcel", "value": 20, "reason": "G." } ] } } ] }
            """;
        var pack = WorkflowPack.Load(WorkflowSource.FromJson(json, "shop.json")).Build();
        var verdict = pack.Evaluate(Scenario.AtLocal(2026, 11, 23, 10, 0).Order(o => o with { Total = 150m }).Build());

        Assert.Equal(["z.gift", "a.refusal"], verdict.Decisions.Select(d => d.RuleId));
        Assert.Equal([Money.Pln(20m), Money.Pln(10m)], verdict.Decisions.Select(d => d.Value));
    }

    [Fact]
    public void MissingFields_AreRequired()
    {
        var errors = Json.Errors(OneRule("true", """[ { "type": "escalate", "to": "legal" }, { "type": "notify", "reason": "R." } ]"""), "shop.json");

        Assert.Equal(
            new[] { ".decisions[0].reason", ".decisions[0].priority", ".decisions[1].channel", ".decisions[1].message" }.Select(p => Rule + ".Properties" + p),
            errors.Select(e => e.Path));
    }

    [Fact]
    public void DuplicateRuleNames_InTheFileAndWithTheBasePack_AreNamed()
    {
        string json = """
            { "WorkflowName": "shop", "Rules": [
              { "RuleName": "extra", "Expression": "true", "Properties": { "decisions": [ { "type": "advise", "advice": "resolve-privately", "reason": "R." } ] } },
              { "RuleName": "extra", "Expression": "true", "Properties": { "decisions": [ { "type": "advise", "advice": "resolve-privately", "reason": "R." } ] } },
              { "RuleName": "delay.gift", "Expression": "true", "Properties": { "decisions": [ { "type": "advise", "advice": "resolve-privately", "reason": "R." } ] } } ] }
            """;

        var errors = Json.Errors(json, "shop.json");

        Assert.Equal(["shop.json:workflows['shop'].Rules['extra'].RuleName", "shop.json:workflows['shop'].Rules['delay.gift'].RuleName"], errors.Select(e => e.Path));
        Assert.Equal("'extra' is already the name of a rule (shop.json:workflows['shop'].Rules['extra']); rule names are unique across the pack.", errors[0].Message);
        Assert.Equal("'delay.gift' is already the name of a rule (the base pack); rule names are unique across the pack.", errors[1].Message);
    }

    [Fact]
    public void MisspelledSchemaMembers_AreCaughtWithAHint()
    {
        string json = """{ "WorkflowName": "shop", "Rules": [ { "RuleName": "r1", "expression": "true", "Properties": { "priorty": 5, "x-owner": "team", "decisions": [ { "type": "advise", "advice": "resolve-privately", "reason": "R." } ] } } ] }""";

        var errors = Json.Errors(json, "shop.json");

        Assert.Equal([Rule + ".expression", Rule + ".Properties.priorty", Rule + ".Expression"], errors.Select(e => e.Path));
        Assert.StartsWith("unknown field 'expression'; allowed fields are 'RuleName', 'Properties', ", errors[0].Message, StringComparison.Ordinal);
        Assert.EndsWith(" Did you mean 'Expression'? Field names are case-sensitive.", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(
            "unknown field 'priorty'; allowed fields are 'priority', 'description', 'suppressesGoodwill', 'goodwillCapMultiplier' or 'decisions', or a name starting with 'x-' for your own notes.",
            errors[1].Message);
    }

    [Fact]
    public void RuleIds_FollowTheCatalogForm()
    {
        var error = Single("""{ "WorkflowName": "shop", "Rules": [ { "RuleName": "Rule 1", "Expression": "true", "Properties": { "decisions": [ { "type": "advise", "advice": "resolve-privately", "reason": "R." } ] } } ] }""");

        Assert.Equal("shop.json:workflows['shop'].Rules['Rule 1'].RuleName", error.Path);
    }

    [Fact]
    public void NestedRuleStructure_IsChecked()
    {
        string json = """
            { "WorkflowName": "shop", "Rules": [
              { "RuleName": "a", "Operator": "and", "Rules": [ { "RuleName": "c", "Expression": "true" } ], "Properties": { "decisions": [ { "type": "advise", "advice": "resolve-privately", "reason": "R." } ] } },
              { "RuleName": "b", "Operator": "Or", "Properties": { "decisions": [ { "type": "advise", "advice": "resolve-privately", "reason": "R." } ] } },
              { "RuleName": "c", "Operator": "Or", "Expression": "true", "Rules": [ { "RuleName": "x", "Expression": "customer.Nope" } ], "Properties": { "decisions": [ { "type": "advise", "advice": "resolve-privately", "reason": "R." } ] } } ] }
            """;

        var errors = Json.Errors(json, "shop.json");

        Assert.Equal(
        [
            "shop.json:workflows['shop'].Rules['a'].Operator",
            "shop.json:workflows['shop'].Rules['a'].Operator",
            "shop.json:workflows['shop'].Rules['b'].Rules",
            "shop.json:workflows['shop'].Rules['c'].Expression",
            "shop.json:workflows['shop'].Rules['c'].Rules['x'].Expression",
        ], errors.Select(e => e.Path));
        Assert.Equal("unknown value 'and'; expected 'And', 'AndAlso', 'Or' or 'OrElse'.", errors[0].Message);
        Assert.Equal("is required: nested Rules are combined with an Operator (And, AndAlso, Or or OrElse).", errors[1].Message);
    }

    [Fact]
    public void UnsupportedRulesEngineFeatures_AreRefused()
    {
        string json = """{ "WorkflowName": "shop", "WorkflowsToInject": [ "other" ], "Rules": [ { "RuleName": "r1", "Expression": "true", "Actions": { "OnSuccess": { "Name": "OutputExpression" } }, "Properties": { "decisions": [ { "type": "advise", "advice": "resolve-privately", "reason": "R." } ] } } ] }""";

        var errors = Json.Errors(json, "shop.json");

        Assert.Equal(["shop.json:workflows['shop'].WorkflowsToInject", Rule + ".Actions"], errors.Select(e => e.Path));
    }

    [Fact]
    public void ScopedParams_AreCheckedInOrder()
    {
        string json = """
            { "WorkflowName": "shop",
              "GlobalParams": [ { "Name": "case", "Expression": "1" }, { "Name": "g", "Expression": "customer.Orders" } ],
              "Rules": [ { "RuleName": "r1", "LocalParams": [ { "Name": "G", "Expression": "2" }, { "Name": "late", "Expression": "later" }, { "Name": "later", "Expression": "true" } ],
                "Expression": "g > 1 && later", "Properties": { "decisions": [ { "type": "advise", "advice": "resolve-privately", "reason": "R." } ] } } ] }
            """;

        var errors = Json.Errors(json, "shop.json");

        Assert.Equal(
        [
            "shop.json:workflows['shop'].GlobalParams['case'].Name",
            Rule + ".LocalParams['G'].Name",
            Rule + ".LocalParams['late'].Expression",
        ], errors.Select(e => e.Path));
        Assert.Contains("Unknown identifier 'later'", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_UnknownOrInvalid_AreNamed()
    {
        string json = """
            { "WorkflowName": "shop", "Parameters": { "stance": "harsh", "smallGft": 3, "SmallGift": 4, "newOne": { "Kind": "colour", "Default": 1, "Description": "D." }, "bonus": { "Kind": "amount", "Default": "-5", "Description": "D." } },
              "DisabledRules": [ "delay.gift", "no.such-rule" ], "Rules": [] }
            """;

        var errors = Json.Errors(json, "shop.json");

        Assert.Equal(
        [
            "shop.json:workflows['shop'].Parameters['newOne'].Kind",
            "shop.json:workflows['shop'].Parameters['bonus'].Default",
            "shop.json:workflows['shop'].Parameters['stance']",
            "shop.json:workflows['shop'].Parameters['smallGft']",
            "shop.json:workflows['shop'].Parameters['SmallGift']",
            "shop.json:workflows['shop'].DisabledRules[1]",
        ], errors.Select(e => e.Path));
        Assert.Equal("expected 'generous', 'balanced' or 'firm', was 'harsh'.", errors[2].Message);
        Assert.StartsWith("is not a parameter of this pack; did you mean 'smallGift'?", errors[4].Message, StringComparison.Ordinal);
        Assert.Equal("no rule has the id 'no.such-rule', so it cannot be disabled.", errors[5].Message);
    }

    [Fact]
    public void ReasonPlaceholders_AreChecked()
    {
        var errors = Json.Errors(OneRule("true", """[ { "type": "advise", "advice": "resolve-privately", "reason": "For {customer.Orders} orders, {value}, {nope} and {smallGift}." } ]"""), "shop.json");

        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.StartsWith(Rule + ".Properties.decisions[0].reason", e.Path, StringComparison.Ordinal));
        Assert.Contains("placeholder {customer.Orders} reads customer", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("uses {value}, but this decision has no value.", errors[1].Message);
        Assert.Contains("Unknown identifier 'nope'", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryProblemOfEveryDocument_IsReportedAtOnce()
    {
        var a = WorkflowSource.FromJson(OneRule("customer.Ordrs > 3", """[ { "type": "refund", "reason": "R." } ]"""), "a.json");
        var b = WorkflowSource.FromJson("{ \"WorkflowName\": ", "b.json");
        var c = WorkflowSource.FromJson(OneRule("\\\"\\\".GetType() != null").Replace("\"shop\"", "\"other\"", StringComparison.Ordinal).Replace("\"r1\"", "\"r2\"", StringComparison.Ordinal), "c.json");

        var ex = Assert.Throws<CareRulesValidationException>(() => WorkflowPack.Extend(StandardPack.CreateBuilder(), a, b, c));

        Assert.Equal("Workflow pack 'a.json, b.json, c.json'", ex.Subject);
        Assert.Equal(
        [
            "b.json",
            "a.json:workflows['shop'].Rules['r1'].Properties.decisions[0].type",
            "a.json:workflows['shop'].Rules['r1'].Expression",
            "c.json:workflows['other'].Rules['r2'].Expression",
        ], ex.Errors.Select(e => e.Path).OrderBy(p => p == "b.json" ? 0 : 1));
        Assert.Contains("c.json:workflows['other'].Rules['r2'].Expression: \"\"\".GetType() != null\" is rejected", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestedRules_MayNotCarryDecisions()
    {
        var error = Single("""{ "WorkflowName": "shop", "Rules": [ { "RuleName": "r1", "Operator": "And", "Rules": [ { "RuleName": "c", "Expression": "true", "Properties": { "decisions": [] } } ], "Properties": { "decisions": [ { "type": "advise", "advice": "resolve-privately", "reason": "R." } ] } } ] }""");

        Assert.Equal(Rule + ".Rules['c'].Properties.decisions", error.Path);
    }
}
