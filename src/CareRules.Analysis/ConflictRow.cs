namespace CareRules.Analysis;

/// <summary>One row of a <see cref="ConflictTable"/>: two patterns that contradict when two different rules produce them in one verdict.</summary>
public sealed class ConflictRow
{
    /// <summary>Creates a row.</summary>
    /// <param name="first">One side.</param>
    /// <param name="second">The other side.</param>
    /// <param name="severity">The severity of a conflict found by this row.</param>
    /// <param name="why">Why the two contradict, in one sentence.</param>
    public ConflictRow(DecisionPattern first, DecisionPattern second, FindingSeverity severity, string why)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentException.ThrowIfNullOrWhiteSpace(why);
        First = first;
        Second = second;
        Severity = severity;
        Why = why;
    }

    /// <summary>One side.</summary>
    public DecisionPattern First { get; }

    /// <summary>The other side.</summary>
    public DecisionPattern Second { get; }

    /// <summary>The severity of a conflict found by this row.</summary>
    public FindingSeverity Severity { get; }

    /// <summary>Why the two contradict.</summary>
    public string Why { get; }

    /// <inheritdoc />
    public override string ToString() => $"{First} beside {Second}";
}
