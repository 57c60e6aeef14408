using System.Runtime.CompilerServices;
using CareRules.Model;
using NodaTime;

namespace CareRules.Evaluation;

/// <summary>
/// One decision of a verdict: its <see cref="Type"/>, the rule that produced it, a one-sentence reason, and the
/// fields of its type (catalog section 2). Fields that do not belong to the type hold their defaults.
/// A value type so that evaluation into a caller buffer allocates nothing. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Read the fields of a type with its typed accessor, which succeeds only for that type and gives exactly its
/// fields: <see cref="TryGetStop"/>, <see cref="TryGetEscalation"/>, <see cref="TryGetCompensation"/>,
/// <see cref="TryGetNotification"/>, <see cref="TryGetAdvice"/>. The flat properties (<see cref="Offer"/>,
/// <see cref="To"/>, …) read any field of any type and give the default for a field the type does not have.
/// <see cref="Shape"/> describes the type: its fields, which are required, its merge key.</para>
/// <code>
/// foreach (var d in verdict.Decisions)
/// {
///     if (d.TryGetCompensation(out var c) &amp;&amp; c.IsGoodwill) { total += c.Value?.Amount ?? 0m; }
///     else if (d.TryGetEscalation(out var e)) { Route(e.To, e.Priority, e.DueBy); }
/// }
/// </code>
/// </remarks>
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
    public Instant? Until => _hasInstant && Outcome.InstantIsUntil ? _instant : null;

    /// <summary><see cref="DecisionType.Escalate"/>: who takes the case.</summary>
    public EscalationTarget To => Outcome.To;

    /// <summary><see cref="DecisionType.Escalate"/>: how urgent.</summary>
    public EscalationPriority Priority => Outcome.Priority;

    /// <summary>Escalate, notify or compensate: the instant by which it must be done, if any.</summary>
    public Instant? DueBy => _hasInstant && !Outcome.InstantIsUntil ? _instant : null;

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

    /// <summary>The shape of this decision's type: its catalog name, its fields in verdict JSON order, its merge key.</summary>
    public DecisionShape Shape => Outcome.Shape;

    /// <summary>The fields of a <see cref="DecisionType.Stop"/> decision.</summary>
    /// <param name="stop">The fields when this is a stop; default otherwise.</param>
    /// <returns>True when this is a stop.</returns>
    public bool TryGetStop(out StopFields stop)
    {
        stop = Type == DecisionType.Stop ? new StopFields(Stop, Until) : default;
        return Type == DecisionType.Stop;
    }

    /// <summary>The fields of an <see cref="DecisionType.Escalate"/> decision.</summary>
    /// <param name="escalation">The fields when this is an escalation; default otherwise.</param>
    /// <returns>True when this is an escalation.</returns>
    public bool TryGetEscalation(out EscalationFields escalation)
    {
        escalation = Type == DecisionType.Escalate ? new EscalationFields(To, Priority, DueBy) : default;
        return Type == DecisionType.Escalate;
    }

    /// <summary>The fields of a <see cref="DecisionType.Compensate"/> decision.</summary>
    /// <param name="compensation">The fields when this is a compensation; default otherwise.</param>
    /// <returns>True when this is a compensation.</returns>
    public bool TryGetCompensation(out CompensationFields compensation)
    {
        compensation = Type == DecisionType.Compensate ? new CompensationFields(Offer, Value, Percent, Legal, DueBy) : default;
        return Type == DecisionType.Compensate;
    }

    /// <summary>The fields of a <see cref="DecisionType.Notify"/> decision.</summary>
    /// <param name="notification">The fields when this is a notification; default otherwise.</param>
    /// <returns>True when this is a notification.</returns>
    public bool TryGetNotification(out NotificationFields notification)
    {
        notification = Type == DecisionType.Notify ? new NotificationFields(Channel, Message, DueBy) : default;
        return Type == DecisionType.Notify;
    }

    /// <summary>The field of an <see cref="DecisionType.Advise"/> decision.</summary>
    /// <param name="advice">The field when this is advice; default otherwise.</param>
    /// <returns>True when this is advice.</returns>
    public bool TryGetAdvice(out AdviceFields advice)
    {
        advice = Type == DecisionType.Advise ? new AdviceFields(Advice) : default;
        return Type == DecisionType.Advise;
    }

    /// <summary>
    /// True when this decision and <paramref name="other"/> fill the same merge slot: the same type and the same values
    /// of the type's <see cref="DecisionShape.MergeKey"/> (same offer; same target; same stop; same channel and message;
    /// same advice). Resolution keeps one decision per slot (catalog 2.5, step 3).
    /// </summary>
    /// <param name="other">The other decision.</param>
    public bool SharesMergeSlotWith(in Decision other) => Outcome.SlotKey == other.Outcome.SlotKey;

    /// <summary>The outcome that produced this decision (its fixed fields, merge slot and canonical rank).</summary>
    internal CompiledOutcome Outcome => _outcome ?? CompiledOutcome.Empty;

    /// <summary>The value as an amount, or <paramref name="none"/> when there is no value.</summary>
    internal decimal AmountOr(decimal none) => _hasValue ? _value.Amount : none;

    /// <summary>The value's currency, or the empty currency when there is no value (as <see cref="TraceEntry"/> stores "no amount").</summary>
    internal Currency ValueCurrencyOrEmpty => _hasValue ? _value.Currency : default;

    /// <summary>The due-by or until instant, whichever this type has.</summary>
    internal Instant? At => _hasInstant ? _instant : null;

    /// <summary>
    /// Writes the context's fields of a decision into a slot that already holds its outcome (an evaluation buffer's
    /// decision of a rank always does), field by field: no reference is stored, so no GC write barrier is paid (and
    /// assigning the struct whole makes the JIT copy its plain data with <c>rep movsq</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void WriteValues(ref Decision target, in Money? value, in Instant? instant)
    {
        Unsafe.AsRef(in target._hasValue) = value.HasValue;
        Unsafe.AsRef(in target._value) = value.GetValueOrDefault();
        Unsafe.AsRef(in target._hasInstant) = instant.HasValue;
        Unsafe.AsRef(in target._instant) = instant.GetValueOrDefault();
    }

    /// <summary>Rewrites a decision's due-by or until instant in place (see <see cref="WriteValues"/>).</summary>
    internal static void WriteInstant(ref Decision target, Instant instant)
    {
        Unsafe.AsRef(in target._hasInstant) = true;
        Unsafe.AsRef(in target._instant) = instant;
    }

    /// <summary>Marks a decision slot as having neither value nor instant (<see cref="WriteValues"/> with both null).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ClearValues(ref Decision target)
    {
        Unsafe.AsRef(in target._hasValue) = false;
        Unsafe.AsRef(in target._hasInstant) = false;
    }

    /// <summary>Copies a decision into an array slot field by field (see <see cref="WriteValues"/>).</summary>
    internal static void Copy(ref Decision target, in Decision source)
    {
        Unsafe.AsRef(in target._outcome) = source._outcome;
        Unsafe.AsRef(in target._hasValue) = source._hasValue;
        Unsafe.AsRef(in target._value) = source._value;
        Unsafe.AsRef(in target._hasInstant) = source._hasInstant;
        Unsafe.AsRef(in target._instant) = source._instant;
    }

    internal Decision WithValue(Money value) => new(Outcome, value, At);

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

    /// <summary>A compact description, e.g. <c>compensate gift-in-parcel 20.00 PLN (delay.gift)</c>: the type and the fields of its shape, without instants.</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder(Shape.Name);
        var fields = Shape.Fields;
        for (int i = 0; i < fields.Count; i++)
        {
            switch (fields[i].Field)
            {
                case DecisionField.Value when Value is { } v:
                    text.Append(' ').Append(v);
                    break;
                case DecisionField.Percent when Percent is { } p:
                    text.Append(' ').Append(p.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('%');
                    break;
                case DecisionField.Legal when Legal:
                    text.Append(" legal");
                    break;
                case var f when NameOf(f) is { } name:
                    text.Append(' ').Append(name);
                    break;
            }
        }

        return text.Append(" (").Append(RuleId).Append(')').ToString();
    }

    /// <summary>
    /// The catalog name of a field whose value is a name (offer, stop, to, priority, channel, message, advice), or null
    /// for the others (value, percent, legal, due-by, until).
    /// </summary>
    internal string? NameOf(DecisionField field) => field switch
    {
        DecisionField.Offer => CatalogNames.Of(Offer),
        DecisionField.Stop => CatalogNames.Of(Stop),
        DecisionField.To => CatalogNames.Of(To),
        DecisionField.Priority => CatalogNames.Of(Priority),
        DecisionField.Channel => CatalogNames.Of(Channel),
        DecisionField.Message => CatalogNames.Of(Message),
        DecisionField.Advice => CatalogNames.Of(Advice),
        _ => null,
    };
}
