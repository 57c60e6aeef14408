using CareRules.Evaluation;
using NodaTime;
using CareRules.Model;

namespace CareRules.Testing;

/// <summary>
/// Assertions on one verdict that read like the catalog: <c>Fires("delay.gift")</c>, <c>DoesNotFire(…)</c>,
/// <c>CompensatesWith(OfferKind.GiftInParcel, worthAtMost: 20m)</c>, <c>StopsWith(StopKind.NoGoodwill)</c>,
/// <c>EscalatesTo(EscalationTarget.Supervisor, dueBy: …)</c>. Each returns the expectation, so checks chain; the first
/// that fails throws a <see cref="VerdictAssertionException"/> whose message says what was expected and shows the
/// verdict with its trace; when a rule expected to fire did not (or the other way), the message also explains why,
/// clause by clause (catalog 2.6), if the expectation was made from the pack and context. Get one with <see cref="VerdictExpectations.Expect(Verdict)"/> or, to have rule ids checked
/// against the pack (a misspelt id in <c>DoesNotFire</c> would otherwise pass silently),
/// <see cref="VerdictExpectations.Expect(CompiledPack, Model.CareContext)"/>. Test-framework neutral; not
/// thread-safe (use one per test).
/// </summary>
/// <example>
/// <code>
/// pack.Expect(Base.Vip().LateBy(2).Build())
///     .Fires("shop.vip-late-gift")
///     .CompensatesWith(OfferKind.GiftInParcel, worthAtMost: 50m)
///     .DoesNotStop();
/// </code>
/// </example>
public sealed class VerdictExpectation
{
    private readonly CompiledPack? _policy;
    private readonly CareContext? _context;

    internal VerdictExpectation(Verdict verdict, CompiledPack? pack, CareContext? context = null)
    {
        Verdict = verdict;
        _policy = pack is not null && string.Equals(pack.Id, verdict.Pack, StringComparison.Ordinal) ? pack : null;
        _context = context;
    }

    /// <summary>The verdict under test.</summary>
    public Verdict Verdict { get; }

    /// <summary>Each rule fired.</summary>
    public VerdictExpectation Fires(params string[] ruleIds)
    {
        ArgumentNullException.ThrowIfNull(ruleIds);
        foreach (var id in ruleIds)
        {
            Require(VerdictChecks.UnknownRule(_policy, id) ?? VerdictChecks.Fires(Verdict, id, _policy, _context));
        }

        return this;
    }

    /// <summary>None of the rules fired.</summary>
    public VerdictExpectation DoesNotFire(params string[] ruleIds)
    {
        ArgumentNullException.ThrowIfNull(ruleIds);
        foreach (var id in ruleIds)
        {
            Require(VerdictChecks.UnknownRule(_policy, id) ?? VerdictChecks.DoesNotFire(Verdict, id, _policy, _context));
        }

        return this;
    }

    /// <summary>These rules fired and no other.</summary>
    public VerdictExpectation FiresExactly(params string[] ruleIds)
    {
        ArgumentNullException.ThrowIfNull(ruleIds);
        foreach (var id in ruleIds)
        {
            Require(VerdictChecks.UnknownRule(_policy, id));
        }

        return Require(VerdictChecks.FiresExactly(Verdict, ruleIds));
    }

    /// <summary>Some decision matches.</summary>
    /// <exception cref="ArgumentException">The matcher sets fields that do not belong to its type.</exception>
    public VerdictExpectation Has(DecisionMatcher expected)
    {
        CheckMatcher(expected);
        return Require(VerdictChecks.Has(Verdict, expected));
    }

    /// <summary>No decision matches.</summary>
    /// <exception cref="ArgumentException">The matcher sets fields that do not belong to its type.</exception>
    public VerdictExpectation DoesNotHave(DecisionMatcher unexpected)
    {
        CheckMatcher(unexpected);
        return Require(VerdictChecks.DoesNotHave(Verdict, unexpected));
    }

    /// <summary>Compensates with <paramref name="offer"/>, optionally worth exactly, at least or at most an amount (in the pack's currency), legal or not, from a rule.</summary>
    public VerdictExpectation CompensatesWith(OfferKind offer, decimal? worth = null, decimal? worthAtLeast = null, decimal? worthAtMost = null, bool? legal = null, string? rule = null) =>
        Has(new DecisionMatcher(DecisionType.Compensate) { Offer = offer, Value = worth, MinValue = worthAtLeast, MaxValue = worthAtMost, Legal = legal, Rule = rule });

    /// <summary>Does not compensate with <paramref name="offer"/>.</summary>
    public VerdictExpectation DoesNotCompensateWith(OfferKind offer) =>
        DoesNotHave(new DecisionMatcher(DecisionType.Compensate) { Offer = offer });

    /// <summary>Gives no goodwill: the goodwill total is zero and no non-legal offer other than an apology is made.</summary>
    public VerdictExpectation GivesNoGoodwill()
    {
        var goodwill = Verdict.Decisions.Where(d => d.IsGoodwill).Select(d => $"{VerdictText.Describe(d)} [{d.RuleId}]").ToList();
        return Require(goodwill.Count == 0 && Verdict.GoodwillTotal.IsZero
            ? null
            : $"Expected no goodwill, but the goodwill total is {Verdict.GoodwillTotal}" + (goodwill.Count == 0 ? "." : $" from: {string.Join("; ", goodwill)}."));
    }

    /// <summary>Stops with <paramref name="stop"/>, optionally until an exact instant, from a rule.</summary>
    public VerdictExpectation StopsWith(StopKind stop, Instant? until = null, string? rule = null) =>
        Has(new DecisionMatcher(DecisionType.Stop) { Stop = stop, Until = until, Rule = rule });

    /// <summary>Sets no boundary: no stop decision at all.</summary>
    public VerdictExpectation DoesNotStop() => DoesNotHave(new DecisionMatcher(DecisionType.Stop));

    /// <summary>Escalates to <paramref name="to"/>, optionally with a priority, due by <paramref name="dueBy"/> at the latest, from a rule.</summary>
    public VerdictExpectation EscalatesTo(EscalationTarget to, EscalationPriority? priority = null, Instant? dueBy = null, string? rule = null) =>
        Has(new DecisionMatcher(DecisionType.Escalate) { To = to, Priority = priority, DueBy = dueBy, Rule = rule });

    /// <summary>Does not escalate to <paramref name="to"/>.</summary>
    public VerdictExpectation DoesNotEscalateTo(EscalationTarget to) => DoesNotHave(new DecisionMatcher(DecisionType.Escalate) { To = to });

    /// <summary>Does not escalate at all.</summary>
    public VerdictExpectation DoesNotEscalate() => DoesNotHave(new DecisionMatcher(DecisionType.Escalate));

    /// <summary>Notifies the customer by <paramref name="channel"/> with <paramref name="message"/>, optionally due by <paramref name="dueBy"/> at the latest.</summary>
    public VerdictExpectation Notifies(NotifyChannel channel, NotifyMessage message, Instant? dueBy = null) =>
        Has(new DecisionMatcher(DecisionType.Notify) { Channel = channel, Message = message, DueBy = dueBy });

    /// <summary>Advises the agent with <paramref name="advice"/>.</summary>
    public VerdictExpectation Advises(AdviceKind advice) => Has(new DecisionMatcher(DecisionType.Advise) { Advice = advice });

    /// <summary>The goodwill total is exactly <paramref name="amount"/> (in the pack's currency).</summary>
    public VerdictExpectation HasGoodwillTotal(decimal amount) => Require(VerdictChecks.GoodwillTotal(Verdict, amount));

    /// <summary>The goodwill total is at most <paramref name="amount"/> (in the pack's currency).</summary>
    public VerdictExpectation HasGoodwillTotalAtMost(decimal amount) => Require(VerdictChecks.GoodwillTotalAtMost(Verdict, amount));

    /// <summary>The verdict holds exactly <paramref name="count"/> decisions.</summary>
    public VerdictExpectation HasDecisionCount(int count) => Require(VerdictChecks.DecisionCount(Verdict, count));

    /// <summary>The verdict holds no decision at all.</summary>
    public VerdictExpectation HasNoDecisions() => HasDecisionCount(0);

    /// <summary>A check of your own: fails with <paramref name="description"/> (what was expected) when <paramref name="condition"/> is false.</summary>
    public VerdictExpectation Satisfies(Func<Verdict, bool> condition, string description)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(description);
        return Require(condition(Verdict) ? null : $"Expected {description.TrimEnd('.')}, but it was not so.");
    }

    private void CheckMatcher(DecisionMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        var problems = matcher.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The matcher '{matcher}' cannot match any decision: {string.Join("; ", problems)}", nameof(matcher));
        }

        if (matcher.Rule is { } rule)
        {
            Require(VerdictChecks.UnknownRule(_policy, rule, allowResolution: true));
        }
    }

    private VerdictExpectation Require(string? failure) =>
        failure is null ? this : throw new VerdictAssertionException(failure + Environment.NewLine + Environment.NewLine + VerdictText.Format(Verdict), Verdict);
}
