using CareRules.Model;

namespace CareRules.Evaluation;

/// <summary>What a <see cref="TraceEntry"/> records.</summary>
public enum TraceKind
{
    /// <summary>A rule's condition held and its outcomes were produced.</summary>
    RuleFired,
    /// <summary>A goodwill offer was removed because a rule that suppresses goodwill fired.</summary>
    GoodwillSuppressed,
    /// <summary>A duplicate offer of the same kind was merged into the larger one.</summary>
    DuplicateMerged,
    /// <summary>A goodwill offer was dropped because the goodwill cap left no room for it.</summary>
    CapDropped,
    /// <summary>A goodwill offer was reduced to fit the goodwill cap.</summary>
    CapReduced,
    /// <summary>A goodwill offer reduced by the cap fell below the minimum meaningful gift and was dropped.</summary>
    BelowMinimumDropped,
    /// <summary>The goodwill cap of the case was multiplied by a rule (e.g. VIP at risk).</summary>
    CapRaised,
    /// <summary>The customer's goodwill budget is exhausted: goodwill was replaced by a stop.</summary>
    BudgetExhausted,
    /// <summary>Two escalations to the same target were merged (highest priority, earliest due-by).</summary>
    EscalationMerged,
    /// <summary>Two identical stop, notify or advise decisions were merged into one.</summary>
    DecisionMerged,
}

/// <summary>
/// One line of a verdict's trace: which rule fired, or what resolution did to a decision and why.
/// Stored as data (no text is formatted while evaluating); <see cref="Describe"/> renders the sentence.
/// </summary>
public readonly struct TraceEntry : IEquatable<TraceEntry>
{
    // Stored compactly (80 rather than 144 bytes): verdicts copy the trace, so its size is most of what a verdict
    // allocates. Amounts share one decimal each with their currency apart (empty = no amount); the cap factor, which
    // only CapRaised has and which has no limit, shares the limit's decimal.
    private readonly string _ruleId;
    private readonly string? _causeRuleId;
    private readonly decimal _before;
    private readonly decimal _after;
    private readonly decimal _limitOrFactor;
    private readonly Currency _beforeCurrency;
    private readonly Currency _afterCurrency;
    private readonly Currency _limitCurrency;
    private readonly byte _kind;
    private readonly byte _type;
    private readonly byte _offer;

    internal TraceEntry(TraceKind kind, string ruleId, string? causeRuleId = null, DecisionType type = default, OfferKind offer = default, Money? before = null, Money? after = null, Money? limit = null, decimal factor = 0m)
    {
        System.Diagnostics.Debug.Assert(factor == 0m || limit is null, "An entry has a limit or a factor, not both.");
        _kind = (byte)kind;
        _ruleId = ruleId;
        _causeRuleId = causeRuleId;
        _type = (byte)type;
        _offer = (byte)offer;
        (_before, _beforeCurrency) = before is { } b ? (b.Amount, b.Currency) : (0m, default);
        (_after, _afterCurrency) = after is { } a ? (a.Amount, a.Currency) : (0m, default);
        (_limitOrFactor, _limitCurrency) = limit is { } l ? (l.Amount, l.Currency) : (factor, default);
    }

    /// <summary>What happened.</summary>
    public TraceKind Kind => (TraceKind)_kind;

    /// <summary>The rule whose decision is concerned (for <see cref="TraceKind.RuleFired"/>, the rule that fired).</summary>
    public string RuleId => _ruleId;

    /// <summary>The rule that caused the change (the suppressing rule, the rule merged into, the rule raising the cap), if any.</summary>
    public string? CauseRuleId => _causeRuleId;

    /// <summary>The type of the decision concerned.</summary>
    public DecisionType Type => (DecisionType)_type;

    /// <summary>The offer concerned, for compensation entries.</summary>
    public OfferKind Offer => (OfferKind)_offer;

    /// <summary>The value before the change, if any.</summary>
    public Money? Before => _beforeCurrency.IsEmpty ? null : new Money(_before, _beforeCurrency);

    /// <summary>The value after the change, if any.</summary>
    public Money? After => _afterCurrency.IsEmpty ? null : new Money(_after, _afterCurrency);

    /// <summary>The limit that applied (the goodwill cap, the remaining room, the minimum meaningful gift), if any.</summary>
    public Money? Limit => _limitCurrency.IsEmpty ? null : new Money(_limitOrFactor, _limitCurrency);

    /// <summary>The factor applied, for <see cref="TraceKind.CapRaised"/>.</summary>
    public decimal Factor => _limitCurrency.IsEmpty ? _limitOrFactor : 0m;

    /// <summary>A human sentence for this entry.</summary>
    public string Describe()
    {
        string offer = CatalogNames.Of(Offer);
        return Kind switch
        {
            TraceKind.RuleFired => $"Rule {RuleId} fired.",
            TraceKind.GoodwillSuppressed => $"{offer} {Fmt(Before)}from {RuleId} suppressed: {CauseRuleId} withholds goodwill.",
            TraceKind.DuplicateMerged => $"{offer} {Fmt(Before)}from {RuleId} merged into the larger {offer} from {CauseRuleId}.",
            TraceKind.CapDropped => $"{offer} {Fmt(Before)}from {RuleId} dropped: the goodwill cap {Fmt(Limit)}leaves no room for it.",
            TraceKind.CapReduced => $"{offer} from {RuleId} reduced from {Fmt(Before)}to {Fmt(After)}to fit the goodwill cap {Fmt(Limit)}".TrimEnd() + ".",
            TraceKind.BelowMinimumDropped => $"{offer} from {RuleId} dropped: the {Fmt(After)}left under the cap is below the minimum meaningful gift {Fmt(Limit)}".TrimEnd() + ".",
            TraceKind.CapRaised => $"Goodwill cap of this case multiplied by {Factor.ToString(System.Globalization.CultureInfo.InvariantCulture)} by {CauseRuleId}.",
            TraceKind.BudgetExhausted => $"Goodwill budget exhausted (room {Fmt(Limit)}".TrimEnd() + "): goodwill replaced by stop no-goodwill.",
            TraceKind.EscalationMerged => $"Escalation from {RuleId} merged into the one from {CauseRuleId} (one escalation per target: highest priority, earliest due-by).",
            TraceKind.DecisionMerged => $"{CatalogNames.Of(Type)} from {RuleId} merged into the identical one from {CauseRuleId}.",
            _ => Kind.ToString(),
        };

        static string Fmt(Money? m) => m is { } v ? v + " " : string.Empty;
    }

    /// <inheritdoc />
    public override string ToString() => Describe();

    /// <inheritdoc />
    public bool Equals(TraceEntry other) =>
        Kind == other.Kind && RuleId == other.RuleId && CauseRuleId == other.CauseRuleId && Type == other.Type && Offer == other.Offer
        && Nullable.Equals(Before, other.Before) && Nullable.Equals(After, other.After) && Nullable.Equals(Limit, other.Limit) && Factor == other.Factor;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TraceEntry other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, RuleId, CauseRuleId, Offer, Before, After);

    /// <summary>Equality.</summary>
    public static bool operator ==(TraceEntry left, TraceEntry right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(TraceEntry left, TraceEntry right) => !left.Equals(right);
}
