using CareRules.Evaluation;
using CareRules.Packs;
using CareRules.Testing;
using NodaTime;
using CareRules.Model;

namespace CareRules.Tests.Testing;

public sealed class DecisionMatcherTests
{
    private static readonly Verdict Late = StandardPack.Default.Evaluate(Scenario.AtLocal(2026, 11, 23, 10, 0).LateBy(2).Build());
    private static readonly Decision Gift = Late.Decisions.Single(d => d.Offer == OfferKind.GiftInParcel && d.Type == DecisionType.Compensate);

    [Theory]
    [InlineData(null, null, null, true)]
    [InlineData(20.0, null, null, true)]
    [InlineData(19.99, null, null, false)]
    [InlineData(null, 20.0, 20.0, true)]
    [InlineData(null, 20.01, null, false)]
    [InlineData(null, null, 19.99, false)]
    public void Matches_Values_ExactAndBounds(double? value, double? min, double? max, bool expected)
    {
        var m = new DecisionMatcher(DecisionType.Compensate)
        {
            Offer = OfferKind.GiftInParcel,
            Value = (decimal?)value,
            MinValue = (decimal?)min,
            MaxValue = (decimal?)max,
        };
        Assert.Equal(expected, m.Matches(Gift));
    }

    [Fact]
    public void Matches_OtherTypeOrRule_IsFalse()
    {
        Assert.False(new DecisionMatcher(DecisionType.Notify).Matches(Gift));
        Assert.False(new DecisionMatcher(DecisionType.Compensate) { Rule = "delay.notify-immediately" }.Matches(Gift));
        Assert.False(new DecisionMatcher(DecisionType.Compensate) { Legal = true }.Matches(Gift));
        Assert.True(new DecisionMatcher(DecisionType.Compensate) { Rule = "delay.gift", Legal = false }.Matches(Gift));
    }

    [Fact]
    public void Matches_DecisionWithoutValue_CountsAsWorthZero()
    {
        var apology = StandardPack.Default.Evaluate(Scenario.AtLocal(2026, 11, 23, 10, 0).Case(k => k with { Kind = CareRules.Model.CaseKind.DamagedPackaging }).Build())
            .Decisions.Single(d => d is { Type: DecisionType.Compensate, Offer: OfferKind.Apology });
        Assert.True(new DecisionMatcher(DecisionType.Compensate) { Offer = OfferKind.Apology, MaxValue = 0m }.Matches(apology));
        Assert.False(new DecisionMatcher(DecisionType.Compensate) { Offer = OfferKind.Apology, MinValue = 1m }.Matches(apology));
        Assert.False(new DecisionMatcher(DecisionType.Compensate) { Offer = OfferKind.Apology, Value = 0m }.Matches(apology));
    }

    [Fact]
    public void ToString_ReadsLikeTheCatalog()
    {
        Assert.Equal("compensate gift-in-parcel worth at most 20.00 legal from rule delay.gift",
            new DecisionMatcher(DecisionType.Compensate) { Offer = OfferKind.GiftInParcel, MaxValue = 20m, Legal = true, Rule = "delay.gift" }.ToString());
        Assert.Equal("escalate to supervisor (urgent) due by 2026-11-23T09:00:00Z at the latest",
            new DecisionMatcher(DecisionType.Escalate) { To = EscalationTarget.Supervisor, Priority = EscalationPriority.Urgent, DueBy = Instant.FromUtc(2026, 11, 23, 9, 0) }.ToString());
        Assert.Equal("stop hold-pending-carrier-claim until 2026-12-07T09:00:00Z",
            new DecisionMatcher(DecisionType.Stop) { Stop = StopKind.HoldPendingCarrierClaim, Until = Instant.FromUtc(2026, 12, 7, 9, 0) }.ToString());
        Assert.Equal("notify email delay-apology", new DecisionMatcher(DecisionType.Notify) { Channel = NotifyChannel.Email, Message = NotifyMessage.DelayApology }.ToString());
        Assert.Equal("advise resolve-privately", new DecisionMatcher(DecisionType.Advise) { Advice = AdviceKind.ResolvePrivately }.ToString());
    }

    [Fact]
    public void Problems_FieldsOfAnotherTypeAndContradictoryBounds_AreAllListed()
    {
        var m = new DecisionMatcher(DecisionType.Advise) { To = EscalationTarget.Legal, DueBy = Instant.FromUtc(2026, 1, 1, 0, 0) };
        Assert.Equal(
            ["to: applies only to escalate decisions, not to advise.", "dueBy: applies only to escalate, compensate, notify decisions, not to advise."],
            m.Problems().Select(p => p.ToString()));

        var bounds = new DecisionMatcher(DecisionType.Compensate) { Value = 5m, MinValue = 10m, MaxValue = 8m };
        Assert.Equal(
            ["minValue: must not be above maxValue (8.00), was 10.00.", "value: is outside minValue..maxValue, so nothing can match, was 5.00."],
            bounds.Problems().Select(p => p.ToString()));
        Assert.Empty(new DecisionMatcher(DecisionType.Compensate) { Offer = OfferKind.Reship, DueBy = Instant.FromUtc(2026, 1, 1, 0, 0) }.Problems());
    }
}
