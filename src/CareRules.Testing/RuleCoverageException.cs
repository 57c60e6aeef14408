namespace CareRules.Testing;

/// <summary>
/// Thrown by <see cref="RuleCoverage.AssertAllRulesCovered"/> when some rules of the pack never fired during the test
/// run. The message names each uncovered rule with its id and description.
/// </summary>
public sealed class RuleCoverageException : Exception
{
    /// <summary>Creates the exception for the rules that never fired.</summary>
    /// <param name="message">The coverage summary and the uncovered rules.</param>
    /// <param name="uncovered">The ids of the rules that never fired.</param>
    public RuleCoverageException(string message, IReadOnlyList<string> uncovered)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(uncovered);
        Uncovered = uncovered;
    }

    /// <summary>Creates the exception with a message and no rule list.</summary>
    public RuleCoverageException(string message)
        : base(message)
    {
        Uncovered = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public RuleCoverageException(string message, Exception innerException)
        : base(message, innerException)
    {
        Uncovered = [];
    }

    /// <summary>Creates the exception with a default message.</summary>
    public RuleCoverageException()
        : this("Some rules of the pack never fired.")
    {
    }

    /// <summary>The ids of the rules that never fired, in rule id order.</summary>
    public IReadOnlyList<string> Uncovered { get; }
}
