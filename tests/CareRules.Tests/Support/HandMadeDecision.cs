using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Authoring;
using NodaTime;

namespace CareRules.Tests.Support;

/// <summary>Builds a <see cref="Decision"/> by hand (for writer tests), through the same frozen outcome the engine uses.</summary>
internal static class HandMadeDecision
{
    public static Decision Create(
        DecisionType type, string ruleId, string reason, int rulePriority, int outcomeIndex,
        OfferKind offer = default, Money? value = null, decimal? percent = null, bool legal = false,
        StopKind stop = default, Instant? until = null, EscalationTarget to = default, EscalationPriority priority = default,
        Instant? dueBy = null, NotifyChannel channel = default, NotifyMessage message = default, AdviceKind advice = default)
    {
        var definition = new OutcomeDefinition
        {
            Type = type, Reason = reason, Offer = offer, Percent = percent, Legal = legal, Stop = stop, To = to,
            Priority = priority, Channel = channel, Message = message, Advice = advice,
        };
        return new Decision(new CompiledOutcome(ruleId, rulePriority, outcomeIndex, definition), value, type == DecisionType.Stop ? until : dueBy);
    }
}
