using System.Linq.Expressions;
using System.Reflection;
using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Explanations;
using CareRules.Model;
using CareRules.Packs;
using CareRules.RulesEngine.Tests.Support;
using CareRules.Testing;
using CareRules.Tests.Explanations;
using CareRules.Time;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CareRules.RulesEngine.Tests.Explanations;

/// <summary>
/// Workflow JSON conditions explained as written (catalog sections 2.6 and 8): parameters overridden in the builder or
/// in a document are named and shown with their values, a throwing condition (which evaluation counts as false, as
/// RulesEngine does) is a failed clause with its error, local params are shown by their names, the clock change is
/// handled as in the C# pack, and every <c>Care.*</c> fact with a definition nests it.
/// </summary>
public sealed class WorkflowExplanationTests
{
    private static readonly Scenario Monday = Scenario.AtLocal(2026, 11, 23, 10, 0);

    private static Instant Z(string text) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(text).Value;

    private static CompiledPack Extended(params object[] rules) =>
        WorkflowPack.Extend(StandardPack.CreateBuilder(), WorkflowSource.FromJson(Json.Workflow("w", rules))).Build();

    private static readonly CareContext TwoContacts = Monday.Customer(c => c with { ContactsLast7Days = 2 }).Case(k => k with { Flags = CaseFlags.NoNewFacts }).Build();

    [Fact]
    public void ParamOverriddenInTheBuilder_ContactBoundary3_FlipSaysFrom3()
    {
        var pack = WorkflowPack.CreateStandardBuilder().Set("contactBoundary", "3").Build();

        var e = pack.Explain(TwoContacts, "boundary.contact-frequency");

        Assert.False(e.Fired);
        var clause = Clauses.Find(e, "customer.ContactsLast7Days >= contactBoundary");
        Assert.Equal(new[] { "customer.ContactsLast7Days = 2", "contactBoundary = 3 [contactBoundary]" }, Clauses.Lines(clause));
        Clauses.AssertFlip(new("fires from customer.ContactsLast7Days ≥ 3 (contactBoundary); was 2", "customer.ContactsLast7Days", ">=", "3", ["contactBoundary"], "2"), clause.Flip);
        Assert.True(pack.Explain(Monday.Customer(c => c with { ContactsLast7Days = 3 }).Case(k => k with { Flags = CaseFlags.NoNewFacts }).Build(), "boundary.contact-frequency").Fired);
    }

    [Fact]
    public void ParamOverriddenByAWorkflowDocument_IsNamedTheSame()
    {
        const string doc = """{ "WorkflowName": "shop", "Parameters": { "contactBoundary": 2 }, "Rules": [] }""";
        var pack = WorkflowPack.Extend(WorkflowPack.CreateStandardBuilder(), WorkflowSource.FromJson(doc)).Build();

        var e = pack.Explain(TwoContacts, "boundary.contact-frequency");

        Assert.True(e.Fired);
        Assert.Equal(new[] { "customer.ContactsLast7Days = 2", "contactBoundary = 2 [contactBoundary]" }, Clauses.Lines(Clauses.Find(e, "customer.ContactsLast7Days >= contactBoundary")));
    }

    [Fact]
    public void ThrowingCondition_EvaluatesFalse_AndIsExplainedAsFailed_WithItsError()
    {
        var pack = Extended(Json.Rule("shop.needs-order", "order.Total.Amount > 100"));
        var context = Monday.WithoutOrder().Build();

        var e = pack.Explain(context, "shop.needs-order");

        Assert.False(pack.Evaluate(context).HasFired("shop.needs-order")); // RulesEngine's semantics: a throw is false
        Assert.False(e.Fired);
        var root = e.Condition!;
        Assert.Equal(("order.Total.Amount > 100", ClauseValue.Failed), (root.Expression, root.Value));
        Assert.StartsWith("NullReferenceException: ", root.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowingOperand_InAnAnd_IsFailed_TheAndFalse_AndTheRestNotEvaluated()
    {
        var pack = Extended(Json.Rule("shop.needs-order", "customer.Orders >= 1 && order.Total.Amount > 100 && case != null"));

        var e = pack.Explain(Monday.WithoutOrder().Build(), "shop.needs-order");

        Assert.Equal(ClauseKind.All, e.Condition!.Kind);
        Assert.Equal(new[] { ClauseValue.True, ClauseValue.Failed, ClauseValue.NotEvaluated }, e.Condition.Clauses.Select(c => c.Value));
        Assert.Equal(ClauseValue.False, e.Condition.Value);
    }

    [Fact]
    public void LocalParams_AreShownByTheirNames_WithTheirValues()
    {
        var locals = new object[]
        {
            new Dictionary<string, object?> { ["Name"] = "bigOrder", ["Expression"] = "order != null && order.Total.Amount >= 150" },
            new Dictionary<string, object?> { ["Name"] = "loyal", ["Expression"] = "customer.Orders >= 5" },
        };
        var pack = Extended(Json.Rule("shop.big-and-loyal", "bigOrder && loyal", localParams: locals));

        var e = pack.Explain(Monday.Build(), "shop.big-and-loyal");

        Assert.False(e.Fired);
        Assert.Equal(("bigOrder && loyal", ClauseKind.All), (e.Condition!.Expression, e.Condition.Kind));
        Assert.Equal(new[] { ("bigOrder", ClauseValue.True), ("loyal", ClauseValue.False) }, e.Condition.Clauses.Select(c => (c.Expression, c.Value)));
        Assert.Null(e.Condition.Clauses[1].Flip); // a local's value: what it stands for is not shown, so no flip is guessed
    }

    [Fact]
    public void ThrowingLocalParam_TheConditionIsFailed_WithTheError()
    {
        var locals = new object[] { new Dictionary<string, object?> { ["Name"] = "bigOrder", ["Expression"] = "order.Total.Amount >= 150" } };
        var pack = Extended(Json.Rule("shop.big", "bigOrder", localParams: locals));
        var context = Monday.WithoutOrder().Build();

        var e = pack.Explain(context, "shop.big");

        Assert.False(pack.Evaluate(context).HasFired("shop.big"));
        Assert.False(e.Fired);
        Assert.Equal(("bigOrder", ClauseValue.Failed), (e.Condition!.Expression, e.Condition.Value));
        Assert.StartsWith("NullReferenceException: ", e.Condition.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-10-31T08:59:00Z", true, "2026-10-31 09:59")]
    [InlineData("2026-10-31T09:00:00Z", false, "2026-10-31 10:00")]
    public void LostParcelHold_AcrossTheAutumnClockChange_AsInTheCSharpPack(string now, bool held, string localNow)
    {
        // 7.9: opened Saturday 17 October 10:00 CEST; the hold ends Saturday 31 October 10:00 CET.
        var context = Scenario.At(Z(now)).Delivered(16).Case(k => k with { Kind = CaseKind.LostParcel, OpenedAt = Z("2026-10-17T08:00:00Z"), CarrierClaim = CarrierClaimState.Open }).Build();

        var json = WorkflowPack.Standard.Explain(context, "lost-parcel.investigate");
        var cs = StandardPack.Default.Explain(context, "lost-parcel.investigate");

        Assert.Equal(held, json.Fired);
        var clause = Clauses.Find(json, "now < CarrierClaimHoldEnd(calendar, case, carrierClaimMaxHold)");
        Assert.Equal(new[] { $"now = {localNow} local", "CarrierClaimHoldEnd(calendar, case, carrierClaimMaxHold) = 2026-10-31 10:00 local" }, Clauses.Lines(clause));
        Clauses.AssertFlip(held ? null : new("fires before 2026-10-31 10:00 local (Europe/Warsaw; from carrierClaimMaxHold)", "now", "<", "2026-10-31 10:00", ["carrierClaimMaxHold"], "2026-10-31 10:00"), clause.Flip);
        Assert.Equal(Clauses.Dump(cs.Condition!), Clauses.Dump(json.Condition!));
    }

    private static readonly MethodInfo[] DefinedCareFacts =
        [.. typeof(Care).GetMethods(BindingFlags.Static | BindingFlags.Public).Where(m => m.IsDefined(typeof(FactDefinitionAttribute))).OrderBy(m => m.Name, StringComparer.Ordinal)];

    [Fact]
    public void EveryFactDefinitionAttribute_InCareRulesRulesEngine_Resolves_SoAConditionCallingItNestsTheDefinition()
    {
        // FactDefinitions is internal to CareRules; resolving is observed through the public path: a condition that calls
        // the fact builds (inlined) and is explained with the definition nested.
        Assert.Equal(
            new[] { "IsCarrierClaimAccepted", "IsComplaintDeemedAccepted", "IsComplaintEscalationDue", "IsLate", "IsPastStatutoryDelivery", "IsUndelivered", "IsVip", "WithdrawalInWindow" },
            DefinedCareFacts.Select(m => m.Name));
        var e = CareFactsPack.ExplainAll(Monday.Build());
        Assert.All(e, x =>
        {
            Assert.Equal(ClauseKind.Call, x.Condition!.Kind);
            Assert.Single(x.Condition.Clauses);
        });
    }

    private static readonly CompiledPack CareFactsPack = BuildCareFactsPack();

    private static CompiledPack BuildCareFactsPack()
    {
        var b = new PackBuilder("care-facts");
        foreach (var m in DefinedCareFacts)
        {
            var c = Expression.Parameter(typeof(RuleContext), "c");
            var call = Expression.Call(m, m.GetParameters().Select(p => p.ParameterType switch
            {
                var t when t == typeof(BusinessCalendar) => Expression.Property(c, nameof(RuleContext.Calendar)),
                var t when t == typeof(Order) => Expression.Property(c, nameof(RuleContext.Order)),
                var t when t == typeof(CareCase) => Expression.Property(c, nameof(RuleContext.Case)),
                var t when t == typeof(Customer) => Expression.Property(c, nameof(RuleContext.Customer)),
                var t when t == typeof(LocalDate) => Expression.Property(c, nameof(RuleContext.Today)),
                var t when t == typeof(int) => Expression.Constant(m.Name == nameof(Care.IsVip) ? 10 : 14),
                var t when t == typeof(decimal) => (Expression)Expression.Constant(2000m),
                var t => throw new NotSupportedException(t.Name),
            }));
            b.Rule("care." + m.Name.ToLowerInvariant(), r => r.WhenExpression(Expression.Lambda<Func<RuleContext, bool>>(call, c)).Advise(AdviceKind.ResolvePrivately, "A fact holds."));
        }

        return b.Build();
    }

    [Property(MaxTest = 150)]
    public Property EachCareFact_Explained_TheCallsValueIsItsDefinitionsValue() =>
        Prop.ForAll(CareGenerators.ContextArbitrary(), context =>
        {
            var verdict = CareFactsPack.Evaluate(context);
            foreach (var e in CareFactsPack.ExplainAll(context))
            {
                var call = e.Condition!;
                var definition = Assert.Single(call.Clauses);
                Assert.True(call.Value == definition.Value, $"{e.RuleId}: the call is {call.Value}, its definition {definition.Value}, for {context}");
                Assert.Equal(verdict.HasFired(e.RuleId), call.Value == ClauseValue.True); // the pack runs the inlined definition
            }
        });
}
