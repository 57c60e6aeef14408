using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Authoring;
using CareRules.RulesEngine.Tests.Packs;
using CareRules.RulesEngine.Tests.Support;
using CareRules.Testing;
using NodaTime;

namespace CareRules.RulesEngine.Tests.Loading;

/// <summary>A shop's workflow extends a base pack (C# or JSON): it overrides parameters, disables rules by id, adds rules and parameters.</summary>
public sealed class CompositionTests
{
    private static readonly Scenario Base = Scenario.AtLocal(2026, 11, 23, 10, 0);

    private const string Shop = """
        {
          "WorkflowName": "shop",
          "Pack": "acme@2.1.0",
          "Parameters": {
            "stance": "firm",
            "smallGift": "25",
            "loyaltyGift": { "Kind": "amount", "Default": 30, "Description": "Gift for loyal customers." }
          },
          "DisabledRules": [ "reply.answer-fully" ],
          "Rules": [
            { "RuleName": "loyalty.gift", "Expression": "customer.Orders >= 5 && case != null && case.IsIncident",
              "Properties": { "priority": 105, "description": "Loyal customers get {loyaltyGift} after an incident.",
                "decisions": [ { "type": "compensate", "offer": "gift-in-parcel", "value": "params.loyaltyGift", "reason": "A loyal customer had an incident, so a gift worth {value} goes into the next parcel." } ] } }
          ]
        }
        """;

    private static PackBuilder CSharpBase() => StandardPack.CreateBuilder();

    private static PackBuilder JsonBase() => WorkflowPack.CreateStandardBuilder();

    [Fact]
    public void Extend_CSharpBase_OverridesParametersDisablesRulesAndAddsRules()
    {
        var pack = WorkflowPack.Extend(CSharpBase(), WorkflowSource.FromJson(Shop, "shop.json")).Build();

        Assert.Equal("acme@2.1.0", pack.Id);
        Assert.Equal("firm", pack.Parameters.Format("stance"));
        Assert.Equal("25.00", pack.Parameters.Format("smallGift"));
        Assert.Equal("30.00", pack.Parameters.Format("loyaltyGift"));
        Assert.DoesNotContain(pack.Rules, r => r.Id == "reply.answer-fully");
        var loyalty = Assert.Single(pack.Rules, r => r.Id == "loyalty.gift");
        Assert.Equal("Loyal customers get 30.00 PLN after an incident.", loyalty.Description);
        Assert.Equal(StandardPack.RuleIds.Count, pack.Rules.Count); // one disabled, one added

        var v = pack.Evaluate(Base.Customer(c => c with { Orders = 6 }).Case(k => k with { Kind = CaseKind.DamagedGoods, Fault = Fault.Shop }).Build());
        var gift = Assert.Single(v.Decisions, d => d.RuleId == "loyalty.gift");
        Assert.Equal(Money.Pln(30m), gift.Value);
        Assert.Equal("A loyal customer had an incident, so a gift worth 30.00 PLN goes into the next parcel.", gift.Reason);
    }

    [Fact]
    public void Extend_JsonBase_GivesTheSameVerdictsAsTheCSharpBase()
    {
        var fromCSharp = WorkflowPack.Extend(CSharpBase(), WorkflowSource.FromJson(Shop, "shop.json")).Build();
        var fromJson = WorkflowPack.Extend(JsonBase(), WorkflowSource.FromJson(Shop, "shop.json")).Build();

        foreach (var ctx in DifferentialRun.Contexts(500, 42))
        {
            StandardJsonEquivalenceTests.AssertSameVerdict("shop over C# and JSON bases", fromCSharp.Evaluate(ctx), fromJson.Evaluate(ctx));
        }
    }

    [Fact]
    public void Extend_FirmStanceFromJson_EqualsTheCSharpPackWithFirmStance_OnStandardRules()
    {
        const string OnlyParameters = """{ "WorkflowName": "p", "Parameters": { "stance": "firm", "replySla": "4h" } }""";
        var json = WorkflowPack.Extend(JsonBase(), WorkflowSource.FromJson(OnlyParameters)).Build();
        var cs = StandardPack.Build(b => b.Set(StandardParameters.Stance, Stance.Firm).Set("replySla", "4h"));

        foreach (var ctx in DifferentialRun.Contexts(500, 7))
        {
            StandardJsonEquivalenceTests.AssertSameVerdict("firm", cs.Evaluate(ctx), json.Evaluate(ctx));
        }
    }

    [Fact]
    public void ParametersOfAWorkflow_CanStillBeSetFromCSharp_BeforeBuilding()
    {
        var builder = WorkflowPack.Extend(CSharpBase(), WorkflowSource.FromJson(Shop, "shop.json"));
        builder.Set("loyaltyGift", "40").Set(StandardParameters.Stance, Stance.Generous).DisableRule("loyalty.gift");

        var pack = builder.Build();

        Assert.Equal("40.00", pack.Parameters.Format("loyaltyGift"));
        Assert.Equal("generous", pack.Parameters.Format("stance"));
        Assert.DoesNotContain(pack.Rules, r => r.Id == "loyalty.gift");
    }

    [Fact]
    public void Load_SeveralDocuments_LaterOnesSeeEarlierOnes()
    {
        const string BasePack = """
            { "WorkflowName": "base", "Pack": "base@1.0.0",
              "Parameters": { "threshold": { "Kind": "integer", "Default": 3, "Description": "Orders threshold." } },
              "Rules": [
                { "RuleName": "base.many-orders", "Expression": "customer.Orders >= params.threshold", "Properties": { "decisions": [ { "type": "advise", "advice": "resolve-privately", "reason": "At least {threshold} orders." } ] } },
                { "RuleName": "base.public", "Expression": "case != null && case.Channel == ContactChannel.PublicSocial", "Properties": { "decisions": [ { "type": "escalate", "to": "public-relations", "priority": "urgent", "reason": "Public." } ] } } ] }
            """;
        const string Overlay = """{ "WorkflowName": "overlay", "Parameters": { "threshold": 8 }, "DisabledRules": [ "base.public" ], "Rules": [] }""";

        var pack = WorkflowPack.Load(WorkflowSource.FromJson(BasePack, "base.json"), WorkflowSource.FromJson(Overlay, "overlay.json")).Build();

        Assert.Equal("base@1.0.0", pack.Id);
        Assert.Equal(["base.many-orders"], pack.Rules.Select(r => r.Id));
        var v = pack.Evaluate(Base.Customer(c => c with { Orders = 8 }).Build());
        Assert.Equal("At least 8 orders.", Assert.Single(v.Decisions).Reason);
        Assert.False(pack.Evaluate(Base.Customer(c => c with { Orders = 7 }).Build()).HasFired("base.many-orders"));
    }

    [Fact]
    public void Load_WithoutPackMember_IsNamedAfterTheFirstWorkflow()
    {
        var pack = WorkflowPack.Load(WorkflowSource.FromJson(Json.Workflow("my-shop", Json.Rule("a.rule", "true")))).Build();

        Assert.Equal("my-shop@1.0.0", pack.Id);
    }

    [Fact]
    public void DisabledInJson_IsDisabledButItsIdIsTaken()
    {
        const string Workflow = """{ "WorkflowName": "w", "Rules": [ { "RuleName": "off.rule", "Enabled": false, "Expression": "true", "Properties": { "decisions": [ { "type": "advise", "advice": "resolve-privately", "reason": "R." } ] } } ] }""";
        var builder = WorkflowPack.Extend(CSharpBase(), WorkflowSource.FromJson(Workflow));

        Assert.Contains("off.rule", builder.RuleIds);
        Assert.DoesNotContain(builder.Build().Rules, r => r.Id == "off.rule");
    }

    [Fact]
    public void PackNamedTwice_IsAnError()
    {
        var a = WorkflowSource.FromJson("""{ "WorkflowName": "a", "Pack": "a@1.0.0" }""", "a.json");
        var b = WorkflowSource.FromJson("""{ "WorkflowName": "b", "Pack": "b@1.0.0" }""", "b.json");

        var ex = Assert.Throws<CareRulesValidationException>(() => WorkflowPack.Extend(CSharpBase(), a, b));

        Assert.Equal("b.json:workflows['b'].Pack", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public void Extend_AfterTheBaseHasBuilt_IsRefused()
    {
        var builder = CSharpBase();
        builder.Build();

        Assert.Throws<InvalidOperationException>(() => WorkflowPack.Extend(builder, WorkflowSource.FromJson(Json.Workflow("w", Json.Rule("a.rule", "true")))));
    }

    [Fact]
    public void Sources_FromFileAndStream_NameTheirErrors()
    {
        string path = Path.Combine(Path.GetTempPath(), $"carerules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Json.Workflow("w", Json.Rule("a.rule", "customer.Nope")));
        try
        {
            var fromFile = Assert.Throws<CareRulesValidationException>(() => WorkflowPack.Load(WorkflowSource.FromFile(path)));
            using var stream = File.OpenRead(path);
            var fromStream = Assert.Throws<CareRulesValidationException>(() => WorkflowPack.Load(WorkflowSource.FromStream(stream, "stream.json")));

            Assert.StartsWith(Path.GetFileName(path) + ":workflows['w']", Assert.Single(fromFile.Errors).Path, StringComparison.Ordinal);
            Assert.StartsWith("stream.json:workflows['w']", Assert.Single(fromStream.Errors).Path, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void StandardBuilder_IsANewBuilderEachTime()
    {
        var a = WorkflowPack.CreateStandardBuilder();
        var b = WorkflowPack.CreateStandardBuilder();
        a.Build();

        Assert.NotSame(a, b);
        Assert.Equal(StandardPack.RuleIds, b.RuleIds);
        Assert.Same(WorkflowPack.Standard, WorkflowPack.Standard);
        Assert.Equal(Duration.FromHours(8), WorkflowPack.Standard.Parameters.Get(StandardParameters.ReplySla));
    }
}
