using System.Globalization;
using System.Text;
using CareRules.Evaluation;
using CareRules.Model;
using NodaTime;

namespace CareRules.Testing;

/// <summary>
/// Describes a decision a verdict should (or should not) hold, in the catalog's terms: its <see cref="Type"/> and any
/// of the fields of that type; a field left null matches anything. "Worth at most 20" is
/// <c>new DecisionMatcher(DecisionType.Compensate) { Offer = OfferKind.GiftInParcel, MaxValue = 20m }</c>. Used by
/// <see cref="VerdictExpectation"/> and by the <c>decisions</c> of a table row's <c>expect</c> block. Immutable.
/// </summary>
/// <remarks>
/// Amounts are in the pack's currency. A decision without a value (an apology, a discount of a context without an
/// order) counts as worth 0 for <see cref="MinValue"/> and <see cref="MaxValue"/>, and never matches an exact
/// <see cref="Value"/>. <see cref="DueBy"/> means "due by that instant at the latest": the decision must have a due-by
/// instant no later than it. <see cref="Until"/> is exact.
/// </remarks>
public sealed record DecisionMatcher
{
    /// <summary>Matches decisions of a type.</summary>
    public DecisionMatcher(DecisionType type) => Type = type;

    /// <summary>The decision type.</summary>
    public DecisionType Type { get; }

    /// <summary>The rule that produced the decision (any type).</summary>
    public string? Rule { get; init; }

    /// <summary>Compensate: the offer.</summary>
    public OfferKind? Offer { get; init; }

    /// <summary>Compensate: the exact value.</summary>
    public decimal? Value { get; init; }

    /// <summary>Compensate: the least the offer may be worth.</summary>
    public decimal? MinValue { get; init; }

    /// <summary>Compensate: the most the offer may be worth.</summary>
    public decimal? MaxValue { get; init; }

    /// <summary>Compensate: the percentage of a discount.</summary>
    public decimal? Percent { get; init; }

    /// <summary>Compensate: whether the law requires it.</summary>
    public bool? Legal { get; init; }

    /// <summary>Stop: the boundary.</summary>
    public StopKind? Stop { get; init; }

    /// <summary>Stop: the exact end of a hold.</summary>
    public Instant? Until { get; init; }

    /// <summary>Escalate: the target.</summary>
    public EscalationTarget? To { get; init; }

    /// <summary>Escalate: the priority.</summary>
    public EscalationPriority? Priority { get; init; }

    /// <summary>Compensate, escalate or notify: due by this instant at the latest.</summary>
    public Instant? DueBy { get; init; }

    /// <summary>Notify: the channel.</summary>
    public NotifyChannel? Channel { get; init; }

    /// <summary>Notify: the message.</summary>
    public NotifyMessage? Message { get; init; }

    /// <summary>Advise: the advice.</summary>
    public AdviceKind? Advice { get; init; }

    /// <summary>True when the decision has the type and every field this matcher sets.</summary>
    public bool Matches(Decision decision)
    {
        if (decision.Type != Type || (Rule is not null && !string.Equals(Rule, decision.RuleId, StringComparison.Ordinal)))
        {
            return false;
        }

        decimal worth = decision.Value?.Amount ?? 0m;
        return (Offer is null || decision.Offer == Offer)
            && (Value is null || (decision.Value is { } v && v.Amount == Value))
            && (MinValue is null || worth >= MinValue)
            && (MaxValue is null || worth <= MaxValue)
            && (Percent is null || decision.Percent == Percent)
            && (Legal is null || decision.Legal == Legal)
            && (Stop is null || decision.Stop == Stop)
            && (Until is null || decision.Until == Until)
            && (To is null || decision.To == To)
            && (Priority is null || decision.Priority == Priority)
            && (DueBy is null || (decision.DueBy is { } due && due <= DueBy))
            && (Channel is null || decision.Channel == Channel)
            && (Message is null || decision.Message == Message)
            && (Advice is null || decision.Advice == Advice);
    }

    /// <summary>
    /// Every field set that does not belong to <see cref="Type"/>, and bounds that contradict each other, each with
    /// the field's catalog name as its path; empty when the matcher makes sense.
    /// </summary>
    public IReadOnlyList<ValidationError> Problems()
    {
        var problems = new List<ValidationError>();
        void OnlyFor(bool set, string name, DecisionField field)
        {
            if (set && !DecisionShape.Of(Type).Has(field))
            {
                var types = new List<string>();
                foreach (var shape in DecisionShape.All)
                {
                    if (shape.Has(field))
                    {
                        types.Add(shape.Name);
                    }
                }

                problems.Add(new ValidationError(name, $"applies only to {string.Join(", ", types)} decisions, not to {CatalogNames.Of(Type)}."));
            }
        }

        OnlyFor(Offer is not null, "offer", DecisionField.Offer);
        OnlyFor(Value is not null, "value", DecisionField.Value);
        OnlyFor(MinValue is not null, "minValue", DecisionField.Value);
        OnlyFor(MaxValue is not null, "maxValue", DecisionField.Value);
        OnlyFor(Percent is not null, "percent", DecisionField.Percent);
        OnlyFor(Legal is not null, "legal", DecisionField.Legal);
        OnlyFor(Stop is not null, "stop", DecisionField.Stop);
        OnlyFor(Until is not null, "until", DecisionField.Until);
        OnlyFor(To is not null, "to", DecisionField.To);
        OnlyFor(Priority is not null, "priority", DecisionField.Priority);
        OnlyFor(DueBy is not null, "dueBy", DecisionField.DueBy);
        OnlyFor(Channel is not null, "channel", DecisionField.Channel);
        OnlyFor(Message is not null, "message", DecisionField.Message);
        OnlyFor(Advice is not null, "advice", DecisionField.Advice);
        if (MinValue is { } min && MaxValue is { } max && min > max)
        {
            problems.Add(new ValidationError("minValue", $"must not be above maxValue ({TextOf(max)}), was {TextOf(min)}."));
        }

        if (Value is { } value && ((MinValue is { } lo && value < lo) || (MaxValue is { } hi && value > hi)))
        {
            problems.Add(new ValidationError("value", $"is outside minValue..maxValue, so nothing can match, was {TextOf(value)}."));
        }

        return problems;
    }

    /// <summary>In catalog words, e.g. <c>compensate gift-in-parcel worth at most 20.00</c> or <c>escalate to supervisor (high) due by 2026-11-23T09:00:00Z at the latest</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(CatalogNames.Of(Type));
        Add(Offer is { } o ? CatalogNames.Of(o) : null);
        Add(Stop is { } s ? CatalogNames.Of(s) : null);
        Add(To is { } t ? "to " + CatalogNames.Of(t) : null);
        Add(Priority is { } p ? "(" + CatalogNames.Of(p) + ")" : null);
        Add(Channel is { } c ? CatalogNames.Of(c) : null);
        Add(Message is { } m ? CatalogNames.Of(m) : null);
        Add(Advice is { } a ? CatalogNames.Of(a) : null);
        Add(Value is { } v ? "worth " + TextOf(v) : null);
        Add(MinValue is { } lo ? "worth at least " + TextOf(lo) : null);
        Add(MaxValue is { } hi ? "worth at most " + TextOf(hi) : null);
        Add(Percent is { } pc ? pc.ToString(CultureInfo.InvariantCulture) + "%" : null);
        Add(Legal is { } l ? (l ? "legal" : "not legal") : null);
        Add(Until is { } u ? "until " + VerdictText.FormatInstant(u) : null);
        Add(DueBy is { } d ? "due by " + VerdictText.FormatInstant(d) + " at the latest" : null);
        Add(Rule is { } r ? "from rule " + r : null);
        return text.ToString();

        void Add(string? part)
        {
            if (part is not null)
            {
                text.Append(' ').Append(part);
            }
        }
    }

    private static string TextOf(decimal amount) => VerdictText.FormatAmount(amount);
}
