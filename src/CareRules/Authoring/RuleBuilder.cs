using System.Linq.Expressions;
using CareRules.Model;
using NodaTime;

namespace CareRules.Authoring;

/// <summary>
/// Describes one rule: when it fires (<see cref="When"/>), what it decides (the outcome methods), how important it
/// is (<see cref="Priority"/>) and how it affects resolution (<see cref="SuppressGoodwill"/>,
/// <see cref="MultiplyGoodwillCap"/>). Used inside <see cref="PackBuilder.Rule(string, Action{RuleBuilder})"/>;
/// checked when the pack is built. Not thread-safe (a builder).
/// </summary>
public sealed class RuleBuilder
{
    internal RuleBuilder(string id) => Id = id;

    /// <summary>The rule id, e.g. <c>delay.gift</c>.</summary>
    public string Id { get; }

    internal Text DescriptionText { get; private set; } = string.Empty;

    /// <summary>The description in the pack's language, set when the pack is built.</summary>
    internal string RuleDescription { get; set; } = string.Empty;

    internal int RulePriority { get; private set; } = 100;

    internal Func<RuleContext, bool>? Condition { get; private set; }

    internal Expression<Func<RuleContext, bool>>? ConditionExpression { get; private set; }

    /// <summary>
    /// Makes the condition as its author wrote it, for explanations, when <see cref="ConditionExpression"/> is a form
    /// already simplified for evaluation (workflow JSON packs fold their parameters into constants); null when they are
    /// the same. Called on the first explanation, never when a pack is only evaluated, so building costs nothing more.
    /// </summary>
    internal Func<Expression<Func<RuleContext, bool>>>? ExplanationExpression { get; set; }

    internal bool HasCondition => Condition is not null || ConditionExpression is not null;

    internal bool Suppresses { get; private set; }

    internal decimal CapMultiplier { get; private set; } = 1m;

    internal List<OutcomeDefinition> Outcomes { get; } = [];

    /// <summary>A human description of the rule (what it encodes and why); a plain string or a <see cref="Text"/> in several languages.</summary>
    public RuleBuilder Description(Text text)
    {
        DescriptionText = text ?? throw new ArgumentNullException(nameof(text));
        return this;
    }

    /// <summary>
    /// The rule's priority: higher is more important (default 100). Goodwill of lower-priority rules is cut first by
    /// the cap, and decisions of one type are ordered by it.
    /// </summary>
    public RuleBuilder Priority(int priority)
    {
        RulePriority = priority;
        return this;
    }

    /// <summary>
    /// The condition. Runs on the evaluation hot path: keep it free of allocation and exceptions. Conditions and the
    /// value, due-by and guard functions of outcomes must be pure functions of the <see cref="RuleContext"/>: outcomes of
    /// one rule that share a due-by function get its result computed once.
    /// </summary>
    public RuleBuilder When(Func<RuleContext, bool> condition)
    {
        Condition = condition ?? throw new ArgumentNullException(nameof(condition));
        ConditionExpression = null;
        ExplanationExpression = null;
        return this;
    }

    /// <summary>
    /// The condition as an expression tree. It means the same as <see cref="When(Func{RuleContext, bool})"/>, but the
    /// pack compiles the expression-tree conditions of all its rules into one method, inline, instead of one delegate
    /// each (workflow JSON packs give their conditions this way); that saves a delegate call per rule and evaluation.
    /// Calls of fact methods marked with <see cref="FactDefinitionAttribute"/> (such as <c>StandardFacts.IsLate</c>) are
    /// inlined. An expression-tree condition can be explained clause by clause (<c>CareRules.Explanations</c>); a
    /// delegate condition only as opaque. It must be a pure function of the <see cref="RuleContext"/>: conditions may be evaluated in any order,
    /// and a call that several conditions make with the same arguments is made once per evaluation.
    /// </summary>
    public RuleBuilder WhenExpression(Expression<Func<RuleContext, bool>> condition)
    {
        ConditionExpression = condition ?? throw new ArgumentNullException(nameof(condition));
        Condition = null;
        ExplanationExpression = null;
        return this;
    }

    /// <summary>When this rule fires, all goodwill of the verdict (non-legal compensation other than apologies) is suppressed.</summary>
    public RuleBuilder SuppressGoodwill()
    {
        Suppresses = true;
        return this;
    }

    /// <summary>When this rule fires, the goodwill cap of the case is multiplied by <paramref name="factor"/> (e.g. 2 for a VIP at risk).</summary>
    public RuleBuilder MultiplyGoodwillCap(decimal factor)
    {
        if (factor < 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The goodwill cap multiplier must be 1 or more.");
        }

        CapMultiplier = factor;
        return this;
    }

    /// <summary>Offer something to the customer.</summary>
    /// <param name="offer">What is offered.</param>
    /// <param name="reason">A one-sentence reason: a plain string, or a <see cref="Text"/> in several languages.</param>
    /// <param name="value">A fixed value, in the pack's currency.</param>
    /// <param name="percent">The percentage, for discounts.</param>
    /// <param name="legal">True when the law requires it: never suppressed, never capped.</param>
    /// <param name="dueBy">When it must be given, computed per context.</param>
    /// <param name="when">Only when this holds too.</param>
    /// <param name="offerPriority">
    /// The offer's own priority, in place of the rule's: where it stands among the compensations of a verdict and in
    /// the goodwill cap, which keeps offers of higher priority first. Null (the default): the rule's priority. Give
    /// an offer a rule adds only under a more generous stance a priority below every other goodwill offer, so that it
    /// fills only the room the others leave.
    /// </param>
    public RuleBuilder Compensate(OfferKind offer, Text reason, Money? value = null, decimal? percent = null, bool legal = false, Func<RuleContext, Instant?>? dueBy = null, Func<RuleContext, bool>? when = null, int? offerPriority = null) =>
        Add(new OutcomeDefinition { Type = DecisionType.Compensate, Reason = reason, Offer = offer, FixedValue = value, Percent = percent, Legal = legal, InstantOf = dueBy, When = when, OfferPriority = offerPriority });

    /// <summary>Offer something whose value depends on the context (e.g. a discount worth a share of the order).</summary>
    public RuleBuilder Compensate(OfferKind offer, Text reason, Func<RuleContext, Money?> valueOf, decimal? percent = null, bool legal = false, Func<RuleContext, Instant?>? dueBy = null, Func<RuleContext, bool>? when = null, int? offerPriority = null)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        return Add(new OutcomeDefinition { Type = DecisionType.Compensate, Reason = reason, Offer = offer, ValueOf = valueOf, Percent = percent, Legal = legal, InstantOf = dueBy, When = when, OfferPriority = offerPriority });
    }

    /// <summary>Set a boundary: decline, hold or limit.</summary>
    public RuleBuilder Stop(StopKind stop, Text reason, Func<RuleContext, Instant?>? until = null, Func<RuleContext, bool>? when = null) =>
        Add(new OutcomeDefinition { Type = DecisionType.Stop, Reason = reason, Stop = stop, InstantOf = until, When = when });

    /// <summary>Hand the case to a person above the first line.</summary>
    public RuleBuilder Escalate(EscalationTarget to, EscalationPriority priority, Text reason, Func<RuleContext, Instant?>? dueBy = null, Func<RuleContext, bool>? when = null) =>
        Add(new OutcomeDefinition { Type = DecisionType.Escalate, Reason = reason, To = to, Priority = priority, InstantOf = dueBy, When = when });

    /// <summary>Tell the customer something proactively.</summary>
    public RuleBuilder Notify(NotifyChannel channel, NotifyMessage message, Text reason, Func<RuleContext, Instant?>? dueBy = null, Func<RuleContext, bool>? when = null) =>
        Add(new OutcomeDefinition { Type = DecisionType.Notify, Reason = reason, Channel = channel, Message = message, InstantOf = dueBy, When = when });

    /// <summary>Tell the agent how to answer.</summary>
    public RuleBuilder Advise(AdviceKind advice, Text reason, Func<RuleContext, bool>? when = null) =>
        Add(new OutcomeDefinition { Type = DecisionType.Advise, Reason = reason, Advice = advice, When = when });

    private RuleBuilder Add(OutcomeDefinition outcome)
    {
        Outcomes.Add(outcome);
        return this;
    }
}
