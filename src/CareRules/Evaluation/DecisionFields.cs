using CareRules.Model;
using NodaTime;

namespace CareRules.Evaluation;

/// <summary>The fields of a <see cref="DecisionType.Stop"/> decision, read with <see cref="Decision.TryGetStop"/>.</summary>
public readonly record struct StopFields
{
    internal StopFields(StopKind stop, Instant? until)
    {
        Stop = stop;
        Until = until;
    }

    /// <summary><c>stop</c>: the boundary set.</summary>
    public StopKind Stop { get; }

    /// <summary><c>until</c>: until when a hold lasts, if it has an end.</summary>
    public Instant? Until { get; }
}

/// <summary>The fields of an <see cref="DecisionType.Escalate"/> decision, read with <see cref="Decision.TryGetEscalation"/>.</summary>
public readonly record struct EscalationFields
{
    internal EscalationFields(EscalationTarget to, EscalationPriority priority, Instant? dueBy)
    {
        To = to;
        Priority = priority;
        DueBy = dueBy;
    }

    /// <summary><c>to</c>: who takes the case.</summary>
    public EscalationTarget To { get; }

    /// <summary><c>priority</c>: how urgent.</summary>
    public EscalationPriority Priority { get; }

    /// <summary><c>dueBy</c>: the instant by which it must be done, if any.</summary>
    public Instant? DueBy { get; }
}

/// <summary>The fields of a <see cref="DecisionType.Compensate"/> decision, read with <see cref="Decision.TryGetCompensation"/>.</summary>
public readonly record struct CompensationFields
{
    internal CompensationFields(OfferKind offer, Money? value, decimal? percent, bool legal, Instant? dueBy)
    {
        Offer = offer;
        Value = value;
        Percent = percent;
        Legal = legal;
        DueBy = dueBy;
    }

    /// <summary><c>offer</c>: what is offered.</summary>
    public OfferKind Offer { get; }

    /// <summary><c>value</c>: the money value of the offer, where it has one.</summary>
    public Money? Value { get; }

    /// <summary><c>percent</c>: the percentage, for discounts.</summary>
    public decimal? Percent { get; }

    /// <summary><c>legal</c>: true when the law requires it (never suppressed, never capped).</summary>
    public bool Legal { get; }

    /// <summary><c>dueBy</c>: the instant by which it must be done, if any.</summary>
    public Instant? DueBy { get; }

    /// <summary>True for goodwill: not legal and not an apology (catalog 2.3).</summary>
    public bool IsGoodwill => !Legal && Offer != OfferKind.Apology;
}

/// <summary>The fields of a <see cref="DecisionType.Notify"/> decision, read with <see cref="Decision.TryGetNotification"/>.</summary>
public readonly record struct NotificationFields
{
    internal NotificationFields(NotifyChannel channel, NotifyMessage message, Instant? dueBy)
    {
        Channel = channel;
        Message = message;
        DueBy = dueBy;
    }

    /// <summary><c>channel</c>: how the customer is reached.</summary>
    public NotifyChannel Channel { get; }

    /// <summary><c>message</c>: what the customer is told.</summary>
    public NotifyMessage Message { get; }

    /// <summary><c>dueBy</c>: the instant by which it must be done, if any.</summary>
    public Instant? DueBy { get; }
}

/// <summary>The field of an <see cref="DecisionType.Advise"/> decision, read with <see cref="Decision.TryGetAdvice"/>.</summary>
public readonly record struct AdviceFields
{
    internal AdviceFields(AdviceKind advice) => Advice = advice;

    /// <summary><c>advice</c>: what the agent is told.</summary>
    public AdviceKind Advice { get; }
}
