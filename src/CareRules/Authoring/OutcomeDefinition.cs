using CareRules.Model;
using NodaTime;

namespace CareRules.Authoring;

/// <summary>
/// One outcome a rule produces when it fires: a decision template whose fixed fields are set when the pack is
/// built, and whose context-dependent fields (value, due-by, until) are computed by functions while evaluating.
/// An optional guard makes the outcome conditional. Built by <see cref="RuleBuilder"/>; immutable.
/// </summary>
internal sealed class OutcomeDefinition
{
    public required DecisionType Type { get; init; }

    public required Text Reason { get; init; }

    private string? _resolvedReason;

    /// <summary>The reason in the pack's language, chosen by <see cref="Validate"/> (before that, its English text).</summary>
    public string ResolvedReason => _resolvedReason ?? Reason.ToString();

    public Func<RuleContext, bool>? When { get; init; }

    public OfferKind Offer { get; init; }

    public Money? FixedValue { get; init; }

    public Func<RuleContext, Money?>? ValueOf { get; init; }

    public decimal? Percent { get; init; }

    public bool Legal { get; init; }

    /// <summary>A compensation's own priority, in place of its rule's, in the canonical order and the goodwill cap; null: the rule's.</summary>
    public int? OfferPriority { get; init; }

    public StopKind Stop { get; init; }

    public EscalationTarget To { get; init; }

    public EscalationPriority Priority { get; init; }

    public NotifyChannel Channel { get; init; }

    public NotifyMessage Message { get; init; }

    public AdviceKind Advice { get; init; }

    /// <summary>Due-by (escalate, notify, compensate) or until (stop).</summary>
    public Func<RuleContext, Instant?>? InstantOf { get; init; }

    public void Validate(string ruleId, int index, Currency currency, Language language, List<ValidationError> errors)
    {
        string path = $"rules['{PackLimits.Quote(ruleId)}'].outcomes[{index}]";
        string? reason = Reason?.In(language);
        _resolvedReason = reason ?? string.Empty;
        if (Reason is not null && reason is null)
        {
            errors.Add(new ValidationError(path + ".reason", $"has no text in '{CatalogNames.Of(language)}', the pack's language; give the reason in every language the pack is built in (decision {index} of rule '{PackLimits.Quote(ruleId)}')."));
        }
        else if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new ValidationError(path + ".reason", "every decision needs a one-sentence human reason."));
        }
        else if (reason.Contains('\n', StringComparison.Ordinal))
        {
            errors.Add(new ValidationError(path + ".reason", "must be one sentence on one line."));
        }
        else if (PackLimits.LengthProblem(reason, PackLimits.MaxReasonLength, "a reason") is { } tooLong)
        {
            errors.Add(new ValidationError(path + ".reason", tooLong));
        }

        if (FixedValue is { } v)
        {
            if (v.Currency != currency)
            {
                errors.Add(new ValidationError(path + ".value", $"must be in the pack's currency {currency}, was {v.Currency}."));
            }
            else if (v.Amount < 0)
            {
                errors.Add(new ValidationError(path + ".value", $"must not be negative, was {v}."));
            }
        }

        if (Percent is { } p && (p <= 0 || p > 100))
        {
            errors.Add(new ValidationError(path + ".percent", $"must be above 0 and at most 100, was {p}."));
        }

        if (Type == DecisionType.Compensate && Legal && Offer == OfferKind.Apology)
        {
            errors.Add(new ValidationError(path + ".legal", "an apology is never a legal remedy; it is already never suppressed or capped."));
        }
    }
}
