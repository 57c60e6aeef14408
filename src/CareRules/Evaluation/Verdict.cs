using CareRules.Model;

namespace CareRules.Evaluation;

/// <summary>
/// The result of evaluating one context: decisions in canonical order, the rules that fired, the goodwill total
/// and a trace explaining every suppression, cut and merge. Immutable and thread-safe.
/// </summary>
public sealed class Verdict
{
    /// <summary>Creates a verdict (normally done by the evaluator).</summary>
    public Verdict(string? caseId, string pack, IReadOnlyList<Decision> decisions, Money goodwillTotal, IReadOnlyList<string> fired, IReadOnlyList<TraceEntry> trace, Language language)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(fired);
        ArgumentNullException.ThrowIfNull(trace);
        CaseId = caseId;
        Pack = pack;
        Decisions = decisions;
        GoodwillTotal = goodwillTotal;
        Fired = fired;
        Trace = trace;
        Language = language;
    }

    /// <summary>The case id, or null for a context without a case.</summary>
    public string? CaseId { get; }

    /// <summary>The pack that decided, as <c>name@version</c>.</summary>
    public string Pack { get; }

    /// <summary>The language of the reasons: the pack's <c>language</c> parameter.</summary>
    public Language Language { get; }

    /// <summary>The decisions, ordered by type (stop, escalate, compensate, notify, advise), then priority, then rule id.</summary>
    public IReadOnlyList<Decision> Decisions { get; }

    /// <summary>The sum of goodwill (non-legal compensation values) left after resolution.</summary>
    public Money GoodwillTotal { get; }

    /// <summary>The ids of the rules that fired, in rule id order.</summary>
    public IReadOnlyList<string> Fired { get; }

    /// <summary>What happened: rules fired, suppressions, cuts and merges.</summary>
    public IReadOnlyList<TraceEntry> Trace { get; }

    /// <summary>True when the rule fired.</summary>
    public bool HasFired(string ruleId)
    {
        foreach (var f in Fired)
        {
            if (string.Equals(f, ruleId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
