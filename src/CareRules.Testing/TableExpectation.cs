namespace CareRules.Testing;

/// <summary>
/// The <c>expect</c> block of a table row: what the verdict of the row's case must show. Every part is optional, but a
/// row expects at least one thing. Immutable.
/// </summary>
public sealed class TableExpectation
{
    internal TableExpectation(
        IReadOnlyList<string> fires,
        IReadOnlyList<string> notFires,
        IReadOnlyList<string>? firesExactly,
        IReadOnlyList<DecisionMatcher> decisions,
        IReadOnlyList<DecisionMatcher> notDecisions,
        int? decisionCount,
        decimal? goodwillTotal,
        decimal? maxGoodwillTotal)
    {
        Fires = fires;
        NotFires = notFires;
        FiresExactly = firesExactly;
        Decisions = decisions;
        NotDecisions = notDecisions;
        DecisionCount = decisionCount;
        GoodwillTotal = goodwillTotal;
        MaxGoodwillTotal = maxGoodwillTotal;
    }

    /// <summary><c>fires</c>: rules that must fire.</summary>
    public IReadOnlyList<string> Fires { get; }

    /// <summary><c>notFires</c>: rules that must not fire.</summary>
    public IReadOnlyList<string> NotFires { get; }

    /// <summary><c>firesExactly</c>: when given, exactly these rules fire and no other.</summary>
    public IReadOnlyList<string>? FiresExactly { get; }

    /// <summary><c>decisions</c>: each must match some decision of the verdict.</summary>
    public IReadOnlyList<DecisionMatcher> Decisions { get; }

    /// <summary><c>notDecisions</c>: none may match any decision of the verdict.</summary>
    public IReadOnlyList<DecisionMatcher> NotDecisions { get; }

    /// <summary><c>decisionCount</c>: when given, the exact number of decisions.</summary>
    public int? DecisionCount { get; }

    /// <summary><c>goodwillTotal</c>: when given, the exact goodwill total, in the pack's currency.</summary>
    public decimal? GoodwillTotal { get; }

    /// <summary><c>maxGoodwillTotal</c>: when given, the most the goodwill total may be, in the pack's currency.</summary>
    public decimal? MaxGoodwillTotal { get; }

    internal bool IsEmpty =>
        Fires.Count == 0 && NotFires.Count == 0 && FiresExactly is null && Decisions.Count == 0 && NotDecisions.Count == 0
        && DecisionCount is null && GoodwillTotal is null && MaxGoodwillTotal is null;
}
