using CareRules.Model;
using NodaTime;

namespace CareRules.Backtesting;

/// <summary>
/// What a candidate pack changes against a baseline pack over a set of past cases (<see cref="Backtest.ToSummary"/>):
/// cases and changed cases, goodwill in total, by offer kind, by rule, by month and by ISO week of the cases'
/// <c>now</c> (in the baseline pack's time zone), decisions by type, escalations by target, stops by kind,
/// notifications, legal remedies (flagged when they change), and the most expensive changed cases with their decisions
/// before and after. Amounts are in <see cref="Currency"/>. Immutable and thread-safe.
/// </summary>
public sealed class BacktestSummary
{
    internal BacktestSummary(
        string baselinePack, string candidatePack, Currency currency, DateTimeZone timeZone, long cases, long changed,
        BacktestAmount goodwill, IReadOnlyDictionary<OfferKind, BacktestAmount> goodwillByOffer,
        IReadOnlyDictionary<DecisionType, BacktestCount> decisions, IReadOnlyList<BacktestRule> byRule,
        IReadOnlyList<BacktestMonth> byMonth, IReadOnlyList<BacktestWeek> byWeek,
        IReadOnlyDictionary<EscalationTarget, BacktestCount> escalations, IReadOnlyDictionary<StopKind, BacktestCount> stops,
        BacktestCount notifications, BacktestLegal legalRemedies, IReadOnlyList<BacktestCase> mostExpensiveChanges)
    {
        BaselinePack = baselinePack;
        CandidatePack = candidatePack;
        Currency = currency;
        TimeZone = timeZone;
        Cases = cases;
        Changed = changed;
        Goodwill = goodwill;
        GoodwillByOffer = goodwillByOffer;
        Decisions = decisions;
        ByRule = byRule;
        ByMonth = byMonth;
        ByWeek = byWeek;
        Escalations = escalations;
        Stops = stops;
        Notifications = notifications;
        LegalRemedies = legalRemedies;
        MostExpensiveChanges = mostExpensiveChanges;
    }

    /// <summary>The baseline pack, as <c>name@version</c>.</summary>
    public string BaselinePack { get; }

    /// <summary>The candidate pack, as <c>name@version</c> (the same as the baseline's when only parameters differ).</summary>
    public string CandidatePack { get; }

    /// <summary>The currency of every amount: the packs' currency.</summary>
    public Currency Currency { get; }

    /// <summary>The time zone months and weeks are counted in: the baseline pack's calendar zone.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>The cases evaluated by both packs.</summary>
    public long Cases { get; }

    /// <summary>
    /// The cases whose verdicts differ: a decision added, removed or with another field value (type, rule, offer,
    /// value, percent, legal, stop, until, target, priority, due-by, channel, message, advice — not the reason's
    /// wording), or another goodwill total.
    /// </summary>
    public long Changed { get; }

    /// <summary>The goodwill total of all cases.</summary>
    public BacktestAmount Goodwill { get; }

    /// <summary>The goodwill by offer kind; only kinds with goodwill under either pack.</summary>
    public IReadOnlyDictionary<OfferKind, BacktestAmount> GoodwillByOffer { get; }

    /// <summary>The kept decisions by type; every type.</summary>
    public IReadOnlyDictionary<DecisionType, BacktestCount> Decisions { get; }

    /// <summary>Decisions and goodwill by rule, for every rule with a decision under either pack, by rule id.</summary>
    public IReadOnlyList<BacktestRule> ByRule { get; }

    /// <summary>Cases, changes and goodwill by month of <c>now</c> in <see cref="TimeZone"/>, in order; months without cases are left out.</summary>
    public IReadOnlyList<BacktestMonth> ByMonth { get; }

    /// <summary>Cases and goodwill by ISO week of <c>now</c> in <see cref="TimeZone"/>, in order; weeks without cases are left out.</summary>
    public IReadOnlyList<BacktestWeek> ByWeek { get; }

    /// <summary>Escalations by target; every target.</summary>
    public IReadOnlyDictionary<EscalationTarget, BacktestCount> Escalations { get; }

    /// <summary>Stops by kind; every kind.</summary>
    public IReadOnlyDictionary<StopKind, BacktestCount> Stops { get; }

    /// <summary>The notifications (calls and e-mails to the customer).</summary>
    public BacktestCount Notifications { get; }

    /// <summary>The legal remedies, and whether any case's changed.</summary>
    public BacktestLegal LegalRemedies { get; }

    /// <summary>
    /// The changed cases whose goodwill changed most (largest absolute difference first; ties by case id, then
    /// <c>now</c>), at most <see cref="Backtest.MostExpensiveCount"/>.
    /// </summary>
    public IReadOnlyList<BacktestCase> MostExpensiveChanges { get; }
}
