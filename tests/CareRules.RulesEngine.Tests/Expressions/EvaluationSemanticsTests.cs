using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Serialization;
using CareRules.RulesEngine.Tests.Support;
using CareRules.Testing;
using NodaTime;

namespace CareRules.RulesEngine.Tests.Expressions;

/// <summary>How workflow rules behave on the hot loop: RulesEngine's semantics for failures, folding of parameter-only parts, reasons.</summary>
public sealed class EvaluationSemanticsTests
{
    private static readonly Scenario Base = Scenario.AtLocal(2026, 11, 23, 10, 0);

    private static CompiledPack Pack(params object[] rules) =>
        WorkflowPack.Extend(StandardPack.CreateBuilder(), WorkflowSource.FromJson(Json.Workflow("w", rules))).Build();

    private static Dictionary<string, object?> Decision(string type, params (string Key, object? Value)[] fields)
    {
        var d = new Dictionary<string, object?> { ["type"] = type };
        foreach (var (k, v) in fields)
        {
            d[k] = v;
        }

        d.TryAdd("reason", "R.");
        return d;
    }

    [Fact]
    public void ConditionThatThrows_IsNotSatisfied_AsInRulesEngine()
    {
        var pack = Pack(Json.Rule("needs.order", "order.Total.Amount > 0"));

        var v = pack.Evaluate(Base.WithoutOrder().Build());

        Assert.False(v.HasFired("needs.order"));
        Assert.True(pack.Evaluate(Base.Build()).HasFired("needs.order"));
    }

    [Fact]
    public void PartsThatThrow_Compiled_DecideAsTheGeneralEngine_AndGetTheirHandlersBackWhenTheyThrowOften()
    {
        // Compiled, the fused methods run without their parts' exception handlers: a context on which a part throws
        // leaves them and is evaluated again rule by rule (same verdict); after FallbacksBeforeHandlers such contexts
        // the methods are compiled again with their handlers, and still decide the same.
        static Authoring.PackBuilder Builder() => WorkflowPack.Extend(StandardPack.CreateBuilder(), WorkflowSource.FromJson(Json.Workflow("w",
            Json.Rule("needs.order", "order.Total.Amount > 100"),
            Json.Rule("fields.throw", "case.Kind == CaseKind.DamagedPackaging", new object[]
            {
                Decision("compensate", ("offer", "gift-in-parcel"), ("value", "order.Total.Amount / 10"), ("dueBy", "case.OpenedAt")),
                Decision("advise", ("advice", "resolve-privately"), ("when", "order.DelayNotified == false")),
            }))));
        var general = Builder().BuildGeneral().Optimize();
        var pack = Builder().Build().Optimize();
        var fused = pack.Fused!;
        Assert.True(fused.IsLean);
        CareContext[] contexts = [Base.Build(), Base.WithoutOrder().Build(), Base.WithoutOrder().WithoutCase().Build()];

        void AssertSame(int times)
        {
            for (int i = 0; i < times; i++)
            {
                var context = contexts[i % contexts.Length];
                Assert.Equal(VerdictJsonWriter.ToJson(general.Evaluate(context)), VerdictJsonWriter.ToJson(pack.Evaluate(context)));
            }
        }

        AssertSame(3);
        Assert.Equal(2, fused.Fallbacks); // the two contexts without an order; the first throws nowhere
        Assert.True(fused.IsLean);

        AssertSame(3 * Evaluation.FusedRules.FallbacksBeforeHandlers);
        pack.Optimize(); // the background compiler may have got there first
        Assert.False(fused.IsLean);
        AssertSame(30);
    }

    [Fact]
    public void DecisionFieldsThatThrow_GiveNoValueOrNoDecision()
    {
        var pack = Pack(Json.Rule("fields.throw", "true", new object[]
        {
            Decision("compensate", ("offer", "gift-in-parcel"), ("value", "order.Total.Amount / 10"), ("dueBy", "case.OpenedAt")),
            Decision("advise", ("advice", "resolve-privately"), ("when", "order.DelayNotified == false")),
        }));

        var v = pack.Evaluate(Base.WithoutOrder().WithoutCase().Build());

        var gift = Assert.Single(v.Decisions, d => d.RuleId == "fields.throw");
        Assert.Equal(DecisionType.Compensate, gift.Type);
        Assert.Null(gift.Value);
        Assert.Null(gift.DueBy);
    }

    [Fact]
    public void ParameterOnlyGuards_AreFoldedAway_WhenTheBuildIsKnown()
    {
        var rule = Json.Rule("stance.guarded", "true", new object[]
        {
            Decision("advise", ("advice", "resolve-privately")),
            Decision("stop", ("stop", "no-goodwill"), ("when", "params.stance == Stance.Firm")),
            Decision("escalate", ("to", "manager"), ("priority", "high"), ("when", "params.stance != Stance.Firm && customer.Orders > 100")),
        });
        var json = Json.Workflow("w", rule);

        var balanced = WorkflowPack.Extend(StandardPack.CreateBuilder(), WorkflowSource.FromJson(json)).Build();
        var firm = WorkflowPack.Extend(StandardPack.CreateBuilder().Set(StandardParameters.Stance, Stance.Firm), WorkflowSource.FromJson(json)).Build();

        Assert.Equal([DecisionType.Advise, DecisionType.Escalate], balanced.Rules.Single(r => r.Id == "stance.guarded").DecisionTypes);
        Assert.Equal([DecisionType.Advise, DecisionType.Stop], firm.Rules.Single(r => r.Id == "stance.guarded").DecisionTypes);
    }

    [Fact]
    public void ExpressionsIgnoreCase_AndAcceptEnumNamesAsText()
    {
        var pack = Pack(Json.Rule("case.insensitive", "Customer.orders >= 3 && CASE.kind == \"DamagedGoods\" && case.Channel == ContactChannel.Email"));

        Assert.True(pack.Evaluate(Base.Customer(c => c with { Orders = 3 }).Case(k => k with { Kind = CaseKind.DamagedGoods }).Build()).HasFired("case.insensitive"));
    }

    [Fact]
    public void Reasons_FormatPlaceholdersInvariantly()
    {
        var pack = Pack(Json.Rule("reasons", "true", new object[]
        {
            Decision("compensate", ("offer", "discount-next-order"), ("value", 12.5), ("percent", "params.nextOrderDiscountPercent"),
                ("reason", "{value}, {nextOrderDiscountPercent}%, {replySla}, {withdrawalPeriod} days, {stance}, {maxGoodwillShareOfOrder}, {Care.Date(2026, 12, 24)}, {params.replySla.Plus(Duration.FromMinutes(30))}, {{braces}}.")),
        }));

        var d = Assert.Single(pack.Evaluate(Base.Build()).Decisions, d => d.RuleId == "reasons");

        Assert.Equal("12.50 PLN, 10%, 8h, 14 days, balanced, 0.20, 2026-12-24, 510m, {braces}.", d.Reason);
        Assert.Equal(10m, d.Percent);
    }

    [Fact]
    public void LocalAndGlobalParams_AreInScopeOfDecisionFields()
    {
        const string Workflow = """
            { "WorkflowName": "w",
              "GlobalParams": [ { "Name": "orders", "Expression": "customer.Orders" } ],
              "Rules": [ { "RuleName": "scoped", "LocalParams": [ { "Name": "twice", "Expression": "orders * 2" } ], "Expression": "twice > 4",
                "Properties": { "decisions": [ { "type": "compensate", "offer": "gift-in-parcel", "value": "twice * 5", "dueBy": "now.Plus(Duration.FromHours(orders))", "reason": "R." } ] } } ] }
            """;
        var pack = WorkflowPack.Extend(StandardPack.CreateBuilder(), WorkflowSource.FromJson(Workflow)).Build();
        var ctx = Base.Customer(c => c with { Orders = 3 }).Build();

        var d = Assert.Single(pack.Evaluate(ctx).Decisions, d => d.RuleId == "scoped");

        Assert.Equal(Money.Pln(30m), d.Value);
        Assert.Equal(ctx.Now + Duration.FromHours(3), d.DueBy);
    }

    [Fact]
    public void ConstantValues_AreFixedAndValidatedAtBuild()
    {
        var ex = Assert.Throws<CareRulesValidationException>(() => Pack(Json.Rule("negative", "true", new object[]
        {
            Decision("compensate", ("offer", "gift-in-parcel"), ("value", "params.smallGift - 100")),
        })));

        Assert.Equal("rules['negative'].outcomes[0].value", Assert.Single(ex.Errors).Path);
    }
}
