using CareRules.Model;
using CareRules.Authoring;
using NodaTime;

namespace CareRules.Evaluation;

/// <summary>
/// One outcome of a compiled rule, frozen with everything resolution needs to know about it in advance: the fixed
/// fields of the decisions it produces, whether they are goodwill, which duplicates they merge with
/// (<see cref="SlotKey"/>) and where they sort (<see cref="Rank"/>). A <see cref="Decision"/> points to its outcome and
/// carries only the fields that depend on the context (value, due-by or until). Immutable once the pack is built.
/// </summary>
internal sealed class CompiledOutcome
{
    /// <summary>What a default <see cref="Decision"/> reads: every field at its default.</summary>
    public static readonly CompiledOutcome Empty = new();

    private CompiledOutcome()
    {
        RuleId = null!;
        Reason = null!;
        Shape = DecisionShape.Of(default);
        InstantIsUntil = Shape.InstantField == DecisionField.Until;
        SlotKey = SlotKeyOf(this);
    }

    public CompiledOutcome(string ruleId, int rulePriority, int index, OutcomeDefinition definition)
    {
        RuleId = ruleId;
        RulePriority = rulePriority;
        OrderPriority = definition.OfferPriority ?? rulePriority;
        Index = index;
        Type = definition.Type;
        Reason = definition.ResolvedReason;
        When = definition.When;
        Offer = definition.Offer;
        FixedValue = definition.FixedValue;
        ValueOf = definition.ValueOf;
        Percent = definition.Percent;
        Legal = definition.Legal;
        Stop = definition.Stop;
        To = definition.To;
        Priority = definition.Priority;
        Channel = definition.Channel;
        Message = definition.Message;
        Advice = definition.Advice;
        InstantOf = definition.InstantOf;
        Shape = DecisionShape.Of(Type);
        IsGoodwill = Type == DecisionType.Compensate && !Legal && Offer != OfferKind.Apology;
        InstantIsUntil = Shape.InstantField == DecisionField.Until;
        MergesEarliestDueBy = Shape.MergesEarliestDueBy;
        Merge = Shape.Merge;
        SlotKey = SlotKeyOf(this);
    }

    public string RuleId { get; }

    public int RulePriority { get; }

    /// <summary>The priority the canonical order reads: a compensation's own (<c>offerPriority</c>), else the rule's.</summary>
    public int OrderPriority { get; }

    /// <summary>The outcome's position in its rule.</summary>
    public int Index { get; }

    public DecisionType Type { get; }

    public string Reason { get; }

    public Func<RuleContext, bool>? When { get; private set; }

    public OfferKind Offer { get; }

    public Money? FixedValue { get; }

    public Func<RuleContext, Money?>? ValueOf { get; private set; }

    public decimal? Percent { get; }

    public bool Legal { get; }

    public StopKind Stop { get; }

    public EscalationTarget To { get; }

    public EscalationPriority Priority { get; }

    public NotifyChannel Channel { get; }

    public NotifyMessage Message { get; }

    public AdviceKind Advice { get; }

    /// <summary>Due-by (escalate, notify, compensate) or until (stop).</summary>
    public Func<RuleContext, Instant?>? InstantOf { get; private set; }

    /// <summary>True when a function of this outcome is still interpreted (<see cref="TieredFunction{T}"/>).</summary>
    public bool IsTiered => When?.Target is TieredFunction<bool> || ValueOf?.Target is TieredFunction<Money?> || InstantOf?.Target is TieredFunction<Instant?>;

    /// <summary>Replaces interpreted functions by their compiled forms (each reference write is atomic; either form gives the same results).</summary>
    public void Optimize()
    {
        When = TieredFunction<bool>.Optimized(When);
        ValueOf = TieredFunction<Money?>.Optimized(ValueOf);
        InstantOf = TieredFunction<Instant?>.Optimized(InstantOf);
    }

    /// <summary>Non-legal compensation other than an apology: suppressible and capped.</summary>
    public bool IsGoodwill { get; }

    /// <summary>The shape of the outcome's type (<see cref="DecisionShape.Of"/>).</summary>
    public DecisionShape Shape { get; }

    /// <summary>True when the instant of the outcome's decisions is an <c>until</c> (stop) rather than a <c>dueBy</c>.</summary>
    public bool InstantIsUntil { get; }

    /// <summary>True when a kept decision takes the earlier due-by of a merged one (<see cref="DecisionShape.MergesEarliestDueBy"/>).</summary>
    public bool MergesEarliestDueBy { get; }

    /// <summary>How duplicates of this outcome's slot are resolved (<see cref="DecisionShape.Merge"/>).</summary>
    public DecisionMerge Merge { get; }

    /// <summary>
    /// Equal for decisions that merge: the type, then the values of its <see cref="DecisionShape.MergeKey"/> fields
    /// (same offer, stop, target, channel and message, or advice), 8 bits each.
    /// </summary>
    public int SlotKey { get; }

    /// <summary>
    /// This outcome's merge slot as one bit (0 when it cannot merge): outcomes that may merge with each other share it.
    /// Bit <c>k</c> is slot <c>k</c> of <see cref="CompiledPack.MergeSlots"/> (a pack has at most 28 such slots).
    /// </summary>
    public ulong SlotBit { get; internal set; }

    /// <summary>
    /// The position of this outcome's decisions in the canonical order (by type; escalations by urgency; then rule
    /// priority, rule id and outcome position), over every outcome of the pack. Set once when the pack is built.
    /// </summary>
    public int Rank { get; internal set; }

    /// <summary>
    /// The position of this outcome's decisions in production order (rules in id order, then the outcome's position
    /// in its rule; the decision resolution adds comes last), over every outcome of the pack. Set once when the pack is
    /// built; resolution walks suppressed offers and merges in this order.
    /// </summary>
    public int Position { get; internal set; }

    /// <summary>
    /// The canonical order of catalog section 2, step 4, on the fixed fields of two outcomes. Every field it reads is
    /// fixed per outcome, which is why it can be computed once as <see cref="Rank"/>.
    /// </summary>
    public static int CanonicalOrder(CompiledOutcome a, CompiledOutcome b)
    {
        if (a.Type != b.Type)
        {
            return ((int)a.Type).CompareTo((int)b.Type);
        }

        if (a.Type == DecisionType.Escalate && a.Priority != b.Priority)
        {
            return ((int)b.Priority).CompareTo((int)a.Priority);
        }

        if (a.OrderPriority != b.OrderPriority)
        {
            return b.OrderPriority.CompareTo(a.OrderPriority);
        }

        int byId = string.CompareOrdinal(a.RuleId, b.RuleId);
        return byId != 0 ? byId : a.Index.CompareTo(b.Index);
    }

    /// <summary>The merge slot of an outcome: its type, then each merge key field's value (each enum has fewer than 256 values).</summary>
    private static int SlotKeyOf(CompiledOutcome o)
    {
        int key = 0;
        var fields = o.Shape.MergeKey;
        for (int i = 0; i < fields.Count; i++)
        {
            key = (key << 8) | fields[i] switch
            {
                DecisionField.Offer => (int)o.Offer,
                DecisionField.Stop => (int)o.Stop,
                DecisionField.To => (int)o.To,
                DecisionField.Priority => (int)o.Priority,
                DecisionField.Channel => (int)o.Channel,
                DecisionField.Message => (int)o.Message,
                DecisionField.Advice => (int)o.Advice,
                var f => throw new InvalidOperationException($"{f} cannot be part of a merge key."),
            };
        }

        return ((int)o.Type << 16) | key;
    }
}

/// <summary>
/// A merge slot as resolution's merging reads it (<see cref="CompiledPack.MergeSlots"/>): the outcomes of one slot share
/// their type, so they merge the same way.
/// </summary>
internal readonly struct MergeSlot(CompiledOutcome outcome)
{
    /// <summary>Duplicates keep the larger offer (a legal one first), then the earlier rank; else simply the earlier rank.</summary>
    public readonly bool KeepLarger = outcome.Merge == DecisionMerge.KeepLarger;

    /// <summary>The kept decision takes the earlier due-by of the two (<see cref="CompiledOutcome.MergesEarliestDueBy"/>).</summary>
    public readonly bool EarliestDueBy = outcome.MergesEarliestDueBy;

    /// <summary>The trace entry of a merge in this slot (catalog 2.4).</summary>
    public readonly TraceKind TraceKind = TraceKinds[(int)outcome.Merge];

    /// <summary>The trace kind of a merge, by <see cref="DecisionMerge"/>.</summary>
    private static readonly TraceKind[] TraceKinds = [TraceKind.DecisionMerged, TraceKind.DuplicateMerged, TraceKind.EscalationMerged];
}

