using System.Runtime.CompilerServices;
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
    // A decision is its outcome (every fixed field, shared and frozen when the pack was built) plus the two fields
    // that depend on the context. Kept small: resolution moves decisions around and verdicts copy them.
    private readonly CompiledOutcome? _outcome;
    private readonly Money _value;
    private readonly Instant _instant;
    private readonly bool _hasValue;
    private readonly bool _hasInstant;

    internal Decision(CompiledOutcome outcome, Money? value, Instant? instant)
    {
        _outcome = outcome;
        _hasValue = value.HasValue;
        _value = value.GetValueOrDefault();
        _hasInstant = instant.HasValue;
        _instant = instant.GetValueOrDefault();
    }

    /// <summary>The decision type.</summary>
    public DecisionType Type => Outcome.Type;

    /// <summary>The id of the rule that produced the decision (or <c>resolution.*</c> for decisions resolution adds).</summary>
    public string RuleId => Outcome.RuleId;

    /// <summary>A one-sentence human reason.</summary>
    public string Reason => Outcome.Reason;

    /// <summary>The priority of the producing rule (higher is more important).</summary>
    public int RulePriority => Outcome.RulePriority;

    /// <summary>The position of the outcome within its rule; breaks ties so that order never depends on declaration order of rules.</summary>
    internal int OutcomeIndex => Outcome.Index;

    /// <summary><see cref="DecisionType.Compensate"/>: what is offered.</summary>
    public OfferKind Offer => Outcome.Offer;

    /// <summary><see cref="DecisionType.Compensate"/>: the money value of the offer, where it has one.</summary>
    public Money? Value => _hasValue ? _value : null;

    /// <summary><see cref="DecisionType.Compensate"/>: the percentage, for discounts.</summary>
    public decimal? Percent => Outcome.Percent;

    /// <summary><see cref="DecisionType.Compensate"/>: true when the law requires it (never suppressed, never capped).</summary>
    public bool Legal => Outcome.Legal;

    /// <summary><see cref="DecisionType.Stop"/>: the boundary set.</summary>
    public StopKind Stop => Outcome.Stop;

    /// <summary><see cref="DecisionType.Stop"/>: until when a hold lasts.</summary>
    public Instant? Until => _hasInstant && Outcome.Type == DecisionType.Stop ? _instant : null;

    /// <summary><see cref="DecisionType.Escalate"/>: who takes the case.</summary>
    public EscalationTarget To => Outcome.To;

    /// <summary><see cref="DecisionType.Escalate"/>: how urgent.</summary>
    public EscalationPriority Priority => Outcome.Priority;

    /// <summary>Escalate, notify or compensate: the instant by which it must be done, if any.</summary>
    public Instant? DueBy => _hasInstant && Outcome.Type != DecisionType.Stop ? _instant : null;

    /// <summary><see cref="DecisionType.Notify"/>: the channel.</summary>
    public NotifyChannel Channel => Outcome.Channel;

    /// <summary><see cref="DecisionType.Notify"/>: the message.</summary>
    public NotifyMessage Message => Outcome.Message;

    /// <summary><see cref="DecisionType.Advise"/>: the advice.</summary>
    public AdviceKind Advice => Outcome.Advice;

    /// <summary>
    /// True for goodwill: compensation the law does not require, other than an apology. Goodwill can be
    /// suppressed and counts against the goodwill cap.
    /// </summary>
    public bool IsGoodwill => Outcome.IsGoodwill;

    /// <summary>The outcome that produced this decision (its fixed fields, merge slot and canonical rank).</summary>
    internal CompiledOutcome Outcome => _outcome ?? CompiledOutcome.Empty;

    /// <summary>The value as an amount, or <paramref name="none"/> when there is no value.</summary>
    internal decimal AmountOr(decimal none) => _hasValue ? _value.Amount : none;

    /// <summary>The due-by or until instant, whichever this type has.</summary>
    internal Instant? At => _hasInstant ? _instant : null;

    /// <summary>
    /// Writes a decision into an array slot field by field. Assigning the struct whole makes the JIT copy its 40 bytes of
    /// plain data with <c>rep movsq</c> after a write barrier, which costs more than the five stores of the fields.
    /// </summary>
    internal static void Write(ref Decision target, CompiledOutcome outcome, in Money? value, in Instant? instant)
    {
        Unsafe.AsRef(in target._outcome) = outcome;
        Unsafe.AsRef(in target._hasValue) = value.HasValue;
        Unsafe.AsRef(in target._value) = value.GetValueOrDefault();
        Unsafe.AsRef(in target._hasInstant) = instant.HasValue;
        Unsafe.AsRef(in target._instant) = instant.GetValueOrDefault();
    }

    /// <summary>Copies a decision into an array slot field by field (see <see cref="Write"/>).</summary>
    internal static void Copy(ref Decision target, in Decision source)
    {
        Unsafe.AsRef(in target._outcome) = source._outcome;
        Unsafe.AsRef(in target._hasValue) = source._hasValue;
        Unsafe.AsRef(in target._value) = source._value;
        Unsafe.AsRef(in target._hasInstant) = source._hasInstant;
        Unsafe.AsRef(in target._instant) = source._instant;
    }

    internal Decision WithValue(Money value) => new(Outcome, value, At);

    internal Decision WithInstant(Instant? instant) => new(Outcome, Value, instant);

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
