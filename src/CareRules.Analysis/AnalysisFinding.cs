using CareRules.Model;

namespace CareRules.Analysis;

/// <summary>
/// One finding of a pack analysis: its kind, severity, the rules concerned, whether it is proven (by a solver, not only
/// unobserved in a search), a message naming the clause, the removing rule or the contradicting decisions, and a shrunk
/// example case that <c>carerules evaluate</c> reproduces. Immutable.
/// </summary>
public sealed class AnalysisFinding
{
    /// <summary>Creates a finding.</summary>
    /// <param name="kind">What the finding is about.</param>
    /// <param name="severity">How bad it is.</param>
    /// <param name="rules">The ids of the rules concerned.</param>
    /// <param name="proven">True when a solver proved it; false when it rests on the search.</param>
    /// <param name="message">What was found, in one paragraph.</param>
    /// <param name="example">A minimal case showing it (for a dead rule, its closest miss), or null when there is none.</param>
    public AnalysisFinding(FindingKind kind, FindingSeverity severity, IReadOnlyList<string> rules, bool proven, string message, CareContext? example)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(message);
        Kind = kind;
        Severity = severity;
        Rules = rules;
        Proven = proven;
        Message = message;
        Example = example;
    }

    /// <summary>What the finding is about.</summary>
    public FindingKind Kind { get; }

    /// <summary>How bad it is.</summary>
    public FindingSeverity Severity { get; }

    /// <summary>The ids of the rules concerned.</summary>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>True when a solver proved the finding; false when it rests on the search alone.</summary>
    public bool Proven { get; }

    /// <summary>What was found.</summary>
    public string Message { get; }

    /// <summary>A minimal example case (for a dead rule, its closest miss), or null.</summary>
    public CareContext? Example { get; }

    /// <summary>The kind as JSON writes it: <c>dead-rule</c>, <c>shadowed</c>, <c>conflict</c>, <c>parameter</c>.</summary>
    public string KindName => Kind switch
    {
        FindingKind.DeadRule => "dead-rule",
        FindingKind.Shadowed => "shadowed",
        FindingKind.Conflict => "conflict",
        _ => "parameter",
    };

    /// <summary>The severity as JSON writes it: <c>error</c> or <c>warning</c>.</summary>
    public string SeverityName => Severity == FindingSeverity.Error ? "error" : "warning";

    /// <inheritdoc />
    public override string ToString() => $"{SeverityName} {KindName} [{string.Join(", ", Rules)}]{(Proven ? " (proven)" : "")}: {Message}";
}
