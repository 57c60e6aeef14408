using CareRules.Model;
using NodaTime;

namespace CareRules.Evaluation;

/// <summary>
/// One decision of a verdict: its <see cref="Type"/>, the rule that produced it, a one-sentence reason, and the
/// fields of its type (catalog section 2). Fields that do not belong to the type hold their defaults.
/// A value type so that evaluation into a caller buffer allocates nothing. Immutable and thread-safe.
/// </summary>
public readonly struct Decision : IEquatable<Decision>
{
    internal Decision(
        DecisionType type,
        string ruleId,
        string reason,
        int rulePriority,
        int outcomeIndex,
        OfferKind offer = default,
        Money? value = null,
        decimal? percent = null,
        bool legal = false,
        StopKind stop = default,
        Instant? until = null,
        EscalationTarget to = default,
        EscalationPriority priority = default,
        Instant? dueBy = null,
        NotifyChannel channel = default,
        NotifyMessage message = default,
        AdviceKind advice = default)
    {
        Type = type;
        RuleId = ruleId;
        Reason = reason;
        RulePriority = rulePriority;
        OutcomeIndex = outcomeIndex;
        Offer = offer;
        Value = value;
        Percent = percent;
        Legal = legal;
        Stop = stop;
        Until = until;
        To = to;
        Priority = priority;
        DueBy = dueBy;
        Channel = channel;
        Message = message;
        Advice = advice;
    }

    /// <summary>The decision type.</summary>
    public DecisionType Type { get; }

    /// <summary>The id of the rule that produced the decision (or <c>resolution.*</c> for decisions resolution adds).</summary>
    public string RuleId { get; }

    /// <summary>A one-sentence human reason.</summary>
    public string Reason { get; }

    /// <summary>The priority of the producing rule (higher is more important).</summary>
    public int RulePriority { get; }

    /// <summary>The position of the outcome within its rule; breaks ties so that order never depends on declaration order of rules.</summary>
    internal int OutcomeIndex { get; }

    /// <summary><see cref="DecisionType.Compensate"/>: what is offered.</summary>
    public OfferKind Offer { get; }

    /// <summary><see cref="DecisionType.Compensate"/>: the money value of the offer, where it has one.</summary>
    public Money? Value { get; }

    /// <summary><see cref="DecisionType.Compensate"/>: the percentage, for discounts.</summary>
    public decimal? Percent { get; }

    /// <summary><see cref="DecisionType.Compensate"/>: true when the law requires it (never suppressed, never capped).</summary>
    public bool Legal { get; }

    /// <summary><see cref="DecisionType.Stop"/>: the boundary set.</summary>
    public StopKind Stop { get; }

    /// <summary><see cref="DecisionType.Stop"/>: until when a hold lasts.</summary>
    public Instant? Until { get; }

    /// <summary><see cref="DecisionType.Escalate"/>: who takes the case.</summary>
    public EscalationTarget To { get; }

    /// <summary><see cref="DecisionType.Escalate"/>: how urgent.</summary>
    public EscalationPriority Priority { get; }

    /// <summary>Escalate, notify or compensate: the instant by which it must be done, if any.</summary>
    public Instant? DueBy { get; }

    /// <summary><see cref="DecisionType.Notify"/>: the channel.</summary>
    public NotifyChannel Channel { get; }

    /// <summary><see cref="DecisionType.Notify"/>: the message.</summary>
    public NotifyMessage Message { get; }

    /// <summary><see cref="DecisionType.Advise"/>: the advice.</summary>
    public AdviceKind Advice { get; }

    /// <summary>
    /// True for goodwill: compensation the law does not require, other than an apology. Goodwill can be
    /// suppressed and counts against the goodwill cap.
    /// </summary>
    public bool IsGoodwill => Type == DecisionType.Compensate && !Legal && Offer != OfferKind.Apology;

    internal Decision WithValue(Money value, decimal? percent) => new(
        Type, RuleId, Reason, RulePriority, OutcomeIndex, Offer, value, percent, Legal, Stop, Until, To, Priority, DueBy, Channel, Message, Advice);

    internal Decision WithEscalation(EscalationPriority priority, Instant? dueBy) => new(
        Type, RuleId, Reason, RulePriority, OutcomeIndex, Offer, Value, Percent, Legal, Stop, Until, To, priority, dueBy, Channel, Message, Advice);

    internal Decision WithDueBy(Instant? dueBy) => new(
        Type, RuleId, Reason, RulePriority, OutcomeIndex, Offer, Value, Percent, Legal, Stop, Until, To, Priority, dueBy, Channel, Message, Advice);

    /// <inheritdoc />
    public bool Equals(Decision other) =>
        Type == other.Type && string.Equals(RuleId, other.RuleId, StringComparison.Ordinal) && string.Equals(Reason, other.Reason, StringComparison.Ordinal)
        && RulePriority == other.RulePriority && Offer == other.Offer && Nullable.Equals(Value, other.Value) && Percent == other.Percent
        && Legal == other.Legal && Stop == other.Stop && Until == other.Until && To == other.To && Priority == other.Priority
        && DueBy == other.DueBy && Channel == other.Channel && Message == other.Message && Advice == other.Advice;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Decision other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Type, RuleId, Offer, Value, Stop, To, Channel, Advice);

    /// <summary>Equality.</summary>
    public static bool operator ==(Decision left, Decision right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Decision left, Decision right) => !left.Equals(right);

    /// <summary>A compact description, e.g. <c>compensate gift-in-parcel 20.00 PLN (delay.gift)</c>.</summary>
    public override string ToString() => Type switch
    {
        DecisionType.Compensate => $"compensate {CatalogNames.Of(Offer)}{(Value is { } v ? " " + v : "")}{(Percent is { } p ? " " + p + "%" : "")}{(Legal ? " legal" : "")} ({RuleId})",
        DecisionType.Stop => $"stop {CatalogNames.Of(Stop)} ({RuleId})",
        DecisionType.Escalate => $"escalate {CatalogNames.Of(To)} {CatalogNames.Of(Priority)} ({RuleId})",
        DecisionType.Notify => $"notify {CatalogNames.Of(Channel)} {CatalogNames.Of(Message)} ({RuleId})",
        _ => $"advise {CatalogNames.Of(Advice)} ({RuleId})",
    };
}
