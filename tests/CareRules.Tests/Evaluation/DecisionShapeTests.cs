using System.Text.Json;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Serialization;
using CareRules.Tests.Serialization;
using CareRules.Tests.Support;
using NodaTime;

namespace CareRules.Tests.Evaluation;

public sealed class DecisionShapeTests
{
    [Fact]
    public void All_FiveTypesInCanonicalOrder_IndexedByType()
    {
        Assert.Equal(Enum.GetValues<DecisionType>(), DecisionShape.All.Select(s => s.Type));
        Assert.Equal(["stop", "escalate", "compensate", "notify", "advise"], DecisionShape.All.Select(s => s.Name));
        Assert.All(Enum.GetValues<DecisionType>(), t => Assert.Same(DecisionShape.All[(int)t], DecisionShape.Of(t)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DecisionShape.Of((DecisionType)5));
    }

    [Fact]
    public void Shapes_MatchCatalog56_FieldsInOrderRequiredAndMergeKeys()
    {
        // catalog 5.6: "compensate | offer, value?, percent?, legal, dueBy?" …
        Assert.Equal(
            [
                "stop: stop, until?",
                "escalate: to, priority, dueBy?",
                "compensate: offer, value?, percent?, legal, dueBy?",
                "notify: channel, message, dueBy?",
                "advise: advice",
            ],
            DecisionShape.All.Select(s => s.ToString()));
        Assert.Equal(["offer"], DecisionShape.Of(DecisionType.Compensate).RequiredFieldNames);
        Assert.Equal(["to", "priority"], DecisionShape.Of(DecisionType.Escalate).RequiredFieldNames);
        Assert.Equal([DecisionField.Channel, DecisionField.Message], DecisionShape.Of(DecisionType.Notify).MergeKey);
        Assert.Equal([DecisionField.To], DecisionShape.Of(DecisionType.Escalate).MergeKey);
        Assert.Equal(DecisionMerge.KeepLarger, DecisionShape.Of(DecisionType.Compensate).Merge);
        Assert.Equal(DecisionMerge.KeepMostUrgent, DecisionShape.Of(DecisionType.Escalate).Merge);
        Assert.Equal(DecisionField.Until, DecisionShape.Of(DecisionType.Stop).InstantField);
        Assert.Null(DecisionShape.Of(DecisionType.Advise).InstantField);
        Assert.False(DecisionShape.Of(DecisionType.Stop).MergesEarliestDueBy);
        Assert.True(DecisionShape.Of(DecisionType.Notify).MergesEarliestDueBy);
        Assert.True(DecisionShape.Of(DecisionType.Compensate).TryGetField(DecisionField.Legal, out var legal));
        Assert.Equal(DecisionFieldPresence.Defaulted, legal.Presence);
        Assert.False(DecisionShape.Of(DecisionType.Advise).TryGetField(DecisionField.DueBy, out _));
    }

    [Fact]
    public void VerdictJson_EveryDecisionHoldsTypeRuleReasonThenOnlyItsShapesFieldsInOrder()
    {
        using var doc = JsonDocument.Parse(VerdictJsonWriter.ToJson(VerdictJsonWriterTests.HandBuilt()));
        foreach (var decision in doc.RootElement.GetProperty("decisions").EnumerateArray())
        {
            Assert.True(CatalogNames.TryParse<DecisionType>(decision.GetProperty("type").GetString(), out var type));
            var shape = DecisionShape.Of(type);
            string[] names = [.. decision.EnumerateObject().Select(p => p.Name)];
            Assert.Equal(["type", "rule", "reason"], names[..3]);
            var expected = shape.Fields.Where(f => f.Presence != DecisionFieldPresence.Optional || names.Contains(f.Name)).Select(f => f.Name);
            Assert.Equal(expected, names[3..]);
        }
    }

    [Fact]
    public void TryGet_SucceedsOnlyForTheDecisionsOwnType()
    {
        var due = Instant.FromUtc(2026, 11, 23, 12, 0);
        var offer = HandMadeDecision.Create(DecisionType.Compensate, "r.a", "x.", 1, 0, offer: OfferKind.DiscountNextOrder, value: Money.Pln(10m), percent: 10m, dueBy: due);
        var escalation = HandMadeDecision.Create(DecisionType.Escalate, "r.b", "x.", 1, 0, to: EscalationTarget.Legal, priority: EscalationPriority.Urgent, dueBy: due);
        var hold = HandMadeDecision.Create(DecisionType.Stop, "r.c", "x.", 1, 0, stop: StopKind.HoldPendingCarrierClaim, until: due);
        var call = HandMadeDecision.Create(DecisionType.Notify, "r.d", "x.", 1, 0, channel: NotifyChannel.Phone, message: NotifyMessage.ClaimStatus);
        var advice = HandMadeDecision.Create(DecisionType.Advise, "r.e", "x.", 1, 0, advice: AdviceKind.ResolvePrivately);

        Assert.True(offer.TryGetCompensation(out var c));
        Assert.Equal((OfferKind.DiscountNextOrder, Money.Pln(10m), 10m, false, due, true), (c.Offer, c.Value, c.Percent, c.Legal, c.DueBy, c.IsGoodwill));
        Assert.False(offer.TryGetEscalation(out var none));
        Assert.Equal(default, none);

        Assert.True(escalation.TryGetEscalation(out var e));
        Assert.Equal((EscalationTarget.Legal, EscalationPriority.Urgent, due), (e.To, e.Priority, e.DueBy));
        Assert.True(hold.TryGetStop(out var s));
        Assert.Equal((StopKind.HoldPendingCarrierClaim, due), (s.Stop, s.Until));
        Assert.True(call.TryGetNotification(out var n));
        Assert.Equal((NotifyChannel.Phone, NotifyMessage.ClaimStatus, (Instant?)null), (n.Channel, n.Message, n.DueBy));
        Assert.True(advice.TryGetAdvice(out var a));
        Assert.Equal(AdviceKind.ResolvePrivately, a.Advice);

        Decision[] all = [offer, escalation, hold, call, advice];
        Assert.All(all, d => Assert.Equal(
            1,
            new[] { d.TryGetStop(out _), d.TryGetEscalation(out _), d.TryGetCompensation(out _), d.TryGetNotification(out _), d.TryGetAdvice(out _) }.Count(x => x)));
        Assert.All(all, d => Assert.Same(DecisionShape.Of(d.Type), d.Shape));
    }

    [Fact]
    public void SharesMergeSlotWith_SameTypeAndMergeKeyOnly()
    {
        var phone = HandMadeDecision.Create(DecisionType.Notify, "r.a", "x.", 1, 0, channel: NotifyChannel.Phone, message: NotifyMessage.DelayApology);
        var phoneOther = HandMadeDecision.Create(DecisionType.Notify, "r.b", "y.", 2, 1, channel: NotifyChannel.Phone, message: NotifyMessage.DelayApology);
        var email = HandMadeDecision.Create(DecisionType.Notify, "r.a", "x.", 1, 0, channel: NotifyChannel.Email, message: NotifyMessage.DelayApology);
        var high = HandMadeDecision.Create(DecisionType.Escalate, "r.a", "x.", 1, 0, to: EscalationTarget.Supervisor, priority: EscalationPriority.High);
        var urgent = HandMadeDecision.Create(DecisionType.Escalate, "r.b", "x.", 1, 0, to: EscalationTarget.Supervisor, priority: EscalationPriority.Urgent);
        var stop = HandMadeDecision.Create(DecisionType.Stop, "r.a", "x.", 1, 0, stop: StopKind.PoliteDecline);
        var advice = HandMadeDecision.Create(DecisionType.Advise, "r.a", "x.", 1, 0, advice: AdviceKind.AnswerFullyNoRedirect);

        Assert.True(phone.SharesMergeSlotWith(phoneOther));
        Assert.False(phone.SharesMergeSlotWith(email));
        Assert.True(high.SharesMergeSlotWith(urgent)); // priority is not part of the key: one escalation per target
        Assert.False(stop.SharesMergeSlotWith(advice)); // both have ordinal 0 in their own enum
    }

    [Fact]
    public void ToString_ReadsTheShape()
    {
        Assert.Equal(
            "compensate discount-next-order 10.00 PLN 12.5% (r.a)",
            HandMadeDecision.Create(DecisionType.Compensate, "r.a", "x.", 1, 0, offer: OfferKind.DiscountNextOrder, value: Money.Pln(10m), percent: 12.5m).ToString());
        Assert.Equal(
            "notify phone claim-status (r.d)",
            HandMadeDecision.Create(DecisionType.Notify, "r.d", "x.", 1, 0, channel: NotifyChannel.Phone, message: NotifyMessage.ClaimStatus).ToString());
        Assert.Equal("stop polite-decline (r.c)", HandMadeDecision.Create(DecisionType.Stop, "r.c", "x.", 1, 0).ToString());
    }
}
