using CareRules.Evaluation;
using NodaTime;
using CareRules.Model;

namespace CareRules.Benchmarks.HandWritten;

/// <summary>
/// One decision of the hand-written evaluator: its <see cref="Slot"/> (which fixes type, rule, reason and the kind
/// fields) plus the two fields that depend on the context, a money value and an instant. 40 bytes, written once.
/// </summary>
public readonly struct HandDecision
{
    private readonly decimal _value;
    private readonly Instant _at;
    private readonly Slot _slot;
    private readonly bool _hasValue;
    private readonly bool _hasAt;

    internal HandDecision(Slot slot, decimal value, bool hasValue, Instant at, bool hasAt)
    {
        _slot = slot;
        _value = value;
        _hasValue = hasValue;
        _at = at;
        _hasAt = hasAt;
    }

    public Slot Slot => _slot;

    public DecisionType Type => Info.Type;

    public string RuleId => Info.RuleId;

    public string Reason => Info.Reason;

    public OfferKind Offer => Info.Offer;

    /// <summary>The amount, in the pack's currency (PLN).</summary>
    public decimal? Value => _hasValue ? _value : null;

    public decimal? Percent => Info.Percent;

    public bool Legal => Info.Legal;

    public StopKind Stop => Info.Stop;

    public Instant? Until => _hasAt && Info.Type == DecisionType.Stop ? _at : null;

    public EscalationTarget To => Info.To;

    public EscalationPriority Priority => Info.Priority;

    public Instant? DueBy => _hasAt && Info.Type != DecisionType.Stop ? _at : null;

    public NotifyChannel Channel => Info.Channel;

    public NotifyMessage Message => Info.Message;

    public AdviceKind Advice => Info.Advice;

    private SlotInfo Info => SlotInfo.Table[(int)_slot];

    public override string ToString() =>
        $"{Type} {RuleId} [{Slot}]{(Value is { } v ? " value=" + v : "")}{(Until is { } u ? " until=" + u : "")}{(DueBy is { } d ? " dueBy=" + d : "")}";
}
