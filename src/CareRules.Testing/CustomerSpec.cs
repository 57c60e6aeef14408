using NodaTime;

namespace CareRules.Testing;

/// <summary>
/// The customer of a <see cref="Scenario"/>, with quiet defaults (a regular customer who triggers no rule by
/// themselves). Change what a test is about with <c>with { ... }</c>. Amounts are in the scenario's currency.
/// </summary>
public sealed record CustomerSpec
{
    /// <summary>Customer id (default <c>C-1</c>).</summary>
    public string Id { get; init; } = "C-1";

    /// <summary>First purchase date (default 2024-01-15).</summary>
    public LocalDate Since { get; init; } = new(2024, 1, 15);

    /// <summary>Orders so far (default 3).</summary>
    public int Orders { get; init; } = 3;

    /// <summary>Lifetime value (default 600).</summary>
    public decimal LifetimeValue { get; init; } = 600m;

    /// <summary>Contacts in the last 7 days (default 1).</summary>
    public int ContactsLast7Days { get; init; } = 1;

    /// <summary>Incidents in the last 90 days (default 0).</summary>
    public int IncidentsLast90Days { get; init; }

    /// <summary>Unfounded complaints in the last 90 days (default 0).</summary>
    public int UnfoundedComplaintsLast90Days { get; init; }

    /// <summary>Goodwill given in the last 90 days (default 0).</summary>
    public decimal GoodwillLast90Days { get; init; }
}
