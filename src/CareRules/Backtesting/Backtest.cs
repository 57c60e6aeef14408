using System.Runtime.InteropServices;
using CareRules.Evaluation;
using CareRules.Model;
using NodaTime;

namespace CareRules.Backtesting;

/// <summary>
/// Aggregates a backtest: past cases evaluated by a baseline pack and by a candidate pack, fed pair by pair — from a
/// case file (the <c>carerules backtest</c> command) or from a shop's own database — and summed into a
/// <see cref="BacktestSummary"/> of what the candidate changes. Cheap per case: a few array and dictionary updates;
/// decisions are copied only for the few most expensive changes. Not thread-safe: in parallel, give each worker its
/// own <see cref="Backtest"/> and <see cref="Merge"/> them at the end (sums are exact, so the order does not matter).
/// </summary>
/// <remarks>
/// <code>
/// var backtest = new Backtest(current, candidate);
/// var (before, after) = (current.CreateBuffer(), candidate.CreateBuffer());
/// foreach (var context in history)
/// {
///     current.Evaluate(context, before);
///     candidate.Evaluate(context, after);
///     backtest.Add(context.Case?.Id, context.Now, before, after);
/// }
/// BacktestSummary summary = backtest.ToSummary();
/// </code>
/// Months and ISO weeks are those of each case's <c>now</c> in the baseline pack's time zone
/// (<see cref="CompiledPack.Calendar"/>): a case at 23:30 UTC on 31 January is in February in <c>Europe/Warsaw</c>.
/// </remarks>
public sealed class Backtest
{
    /// <summary>How many of the most expensive changed cases a summary keeps.</summary>
    public const int MostExpensiveCount = 10;

    private static readonly int OfferKinds = Enum.GetValues<OfferKind>().Length;
    private static readonly int DecisionTypes = Enum.GetValues<DecisionType>().Length;
    private static readonly int Targets = Enum.GetValues<EscalationTarget>().Length;
    private static readonly int StopKinds = Enum.GetValues<StopKind>().Length;

    private readonly DateTimeZone _zone;
    private readonly Dictionary<string, int> _ruleByReference = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _ruleById = new(StringComparer.Ordinal);
    private readonly List<string> _ruleIds = [];
    private RuleTotals[] _rules = new RuleTotals[32];
    private readonly Dictionary<int, PeriodTotals> _months = [];
    private readonly Dictionary<LocalDate, PeriodTotals> _weeks = [];
    private readonly Side _baseline = new();
    private readonly Side _candidate = new();
    private readonly List<BacktestCase> _top = new(MostExpensiveCount + 1);
    private long _cases;
    private long _changed;
    private long _legalChanged;

    /// <summary>Starts an empty backtest of <paramref name="candidate"/> against <paramref name="baseline"/>.</summary>
    /// <param name="baseline">The pack in force (its time zone counts months and weeks).</param>
    /// <param name="candidate">The pack whose effect is measured.</param>
    /// <exception cref="ArgumentNullException">A pack is null.</exception>
    /// <exception cref="ArgumentException">The packs decide in different currencies.</exception>
    public Backtest(CompiledPack baseline, CompiledPack candidate)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        if (baseline.Currency != candidate.Currency)
        {
            throw new ArgumentException($"The candidate pack '{candidate.Id}' decides in {candidate.Currency}, the baseline '{baseline.Id}' in {baseline.Currency}; a backtest compares packs of one currency.", nameof(candidate));
        }

        Baseline = baseline;
        Candidate = candidate;
        _zone = baseline.Calendar.Zone;
    }

    /// <summary>The baseline pack.</summary>
    public CompiledPack Baseline { get; }

    /// <summary>The candidate pack.</summary>
    public CompiledPack Candidate { get; }

    /// <summary>The cases added so far (including merged ones).</summary>
    public long Cases => _cases;

    /// <summary>Adds one case from the two packs' buffers, right after evaluating it into both; allocates nothing unless the case is among the most expensive changes.</summary>
    /// <param name="caseId">The case id (shown for the most expensive changes), or null.</param>
    /// <param name="now">The case's evaluation instant (its month and week).</param>
    /// <param name="baseline">The buffer the baseline pack evaluated the case into.</param>
    /// <param name="candidate">The buffer the candidate pack evaluated the case into.</param>
    /// <exception cref="ArgumentNullException">A buffer is null.</exception>
    /// <exception cref="ArgumentException">A buffer belongs to another pack.</exception>
    public void Add(string? caseId, Instant now, EvaluationBuffer baseline, EvaluationBuffer candidate)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        if (!ReferenceEquals(baseline.Pack, Baseline) || !ReferenceEquals(candidate.Pack, Candidate))
        {
            throw new ArgumentException("The buffers must belong to the backtest's baseline and candidate packs, in that order.", !ReferenceEquals(baseline.Pack, Baseline) ? nameof(baseline) : nameof(candidate));
        }

        AddCore(caseId, now, baseline.Decisions, baseline.GoodwillTotal.Amount, candidate.Decisions, candidate.GoodwillTotal.Amount);
    }

    /// <summary>Adds one case from its two verdicts (for example read back from a shop's own records).</summary>
    /// <param name="caseId">The case id (shown for the most expensive changes), or null.</param>
    /// <param name="now">The case's evaluation instant (its month and week).</param>
    /// <param name="baseline">The baseline pack's verdict.</param>
    /// <param name="candidate">The candidate pack's verdict.</param>
    /// <exception cref="ArgumentNullException">A verdict is null.</exception>
    /// <exception cref="ArgumentException">A verdict's goodwill is in another currency than the packs'.</exception>
    public void Add(string? caseId, Instant now, Verdict baseline, Verdict candidate)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        if (baseline.GoodwillTotal.Currency != Baseline.Currency || candidate.GoodwillTotal.Currency != Baseline.Currency)
        {
            throw new ArgumentException($"The verdicts must be in the packs' currency, {Baseline.Currency}.", baseline.GoodwillTotal.Currency != Baseline.Currency ? nameof(baseline) : nameof(candidate));
        }

        AddCore(caseId, now, AsSpan(baseline.Decisions), baseline.GoodwillTotal.Amount, AsSpan(candidate.Decisions), candidate.GoodwillTotal.Amount);
    }

    /// <summary>Adds everything <paramref name="other"/> has aggregated (a parallel worker's share) to this backtest.</summary>
    /// <param name="other">A backtest of the same two packs; it is left unchanged.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> compares other packs.</exception>
    public void Merge(Backtest other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(other.Baseline, Baseline) || !ReferenceEquals(other.Candidate, Candidate))
        {
            throw new ArgumentException("Only a backtest of the same baseline and candidate packs can be merged.", nameof(other));
        }

        _cases += other._cases;
        _changed += other._changed;
        _legalChanged += other._legalChanged;
        _baseline.Add(other._baseline);
        _candidate.Add(other._candidate);
        for (int r = 0; r < other._ruleIds.Count; r++)
        {
            ref var totals = ref _rules[RuleIndex(other._ruleIds[r])];
            totals.Add(other._rules[r]);
        }

        foreach (var (key, totals) in other._months)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_months, key, out _).Add(totals);
        }

        foreach (var (key, totals) in other._weeks)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_weeks, key, out _).Add(totals);
        }

        foreach (var c in other._top)
        {
            Offer(c);
        }
    }

    /// <summary>The figures so far. The backtest can go on being fed afterwards.</summary>
    public BacktestSummary ToSummary()
    {
        var byOffer = new Dictionary<OfferKind, BacktestAmount>();
        for (int k = 0; k < OfferKinds; k++)
        {
            if (_baseline.GoodwillByOffer[k] != 0m || _candidate.GoodwillByOffer[k] != 0m)
            {
                byOffer[(OfferKind)k] = new BacktestAmount(_baseline.GoodwillByOffer[k], _candidate.GoodwillByOffer[k]);
            }
        }

        var decisions = Enum.GetValues<DecisionType>().ToDictionary(t => t, t => new BacktestCount(_baseline.ByType[(int)t], _candidate.ByType[(int)t]));
        var escalations = Enum.GetValues<EscalationTarget>().ToDictionary(t => t, t => new BacktestCount(_baseline.Escalations[(int)t], _candidate.Escalations[(int)t]));
        var stops = Enum.GetValues<StopKind>().ToDictionary(k => k, k => new BacktestCount(_baseline.Stops[(int)k], _candidate.Stops[(int)k]));
        var byRule = _ruleIds
            .Select((id, r) => new BacktestRule(id, new BacktestCount(_rules[r].DecisionsBaseline, _rules[r].DecisionsCandidate), new BacktestAmount(_rules[r].GoodwillBaseline, _rules[r].GoodwillCandidate)))
            .Where(r => r.Decisions.Baseline != 0 || r.Decisions.Candidate != 0)
            .OrderBy(r => r.RuleId, StringComparer.Ordinal)
            .ToList();
        var byMonth = _months.OrderBy(m => m.Key)
            .Select(m => new BacktestMonth(new YearMonth(m.Key / 12, (m.Key % 12) + 1), m.Value.Cases, m.Value.Changed, new BacktestAmount(m.Value.GoodwillBaseline, m.Value.GoodwillCandidate)))
            .ToList();
        var byWeek = _weeks.OrderBy(w => w.Key)
            .Select(w => new BacktestWeek(w.Key, w.Value.Cases, new BacktestAmount(w.Value.GoodwillBaseline, w.Value.GoodwillCandidate)))
            .ToList();
        var legal = new BacktestLegal(new BacktestCount(_baseline.LegalCount, _candidate.LegalCount), new BacktestAmount(_baseline.LegalValue, _candidate.LegalValue), _legalChanged);
        return new BacktestSummary(
            Baseline.Id, Candidate.Id, Baseline.Currency, _zone, _cases, _changed,
            new BacktestAmount(_baseline.Goodwill, _candidate.Goodwill), byOffer, decisions, byRule, byMonth, byWeek,
            escalations, stops, new BacktestCount(_baseline.Notifications, _candidate.Notifications), legal, [.. _top]);
    }

    private static ReadOnlySpan<Decision> AsSpan(IReadOnlyList<Decision> decisions) =>
        decisions is Decision[] array ? array : decisions.ToArray();

    private void AddCore(string? caseId, Instant now, ReadOnlySpan<Decision> baseline, decimal goodwillBaseline, ReadOnlySpan<Decision> candidate, decimal goodwillCandidate)
    {
        _cases++;
        AddTo(ref _baseline.Goodwill, goodwillBaseline);
        AddTo(ref _candidate.Goodwill, goodwillCandidate);
        Tally(baseline, _baseline, candidateSide: false);
        Tally(candidate, _candidate, candidateSide: true);
        bool changed = goodwillBaseline != goodwillCandidate || !Same(baseline, candidate, legalOnly: false);
        if (changed && !Same(baseline, candidate, legalOnly: true))
        {
            _legalChanged++;
        }

        var date = now.InZone(_zone).Date;
        ref var month = ref CollectionsMarshal.GetValueRefOrAddDefault(_months, (date.Year * 12) + date.Month - 1, out _);
        month.Count(changed, goodwillBaseline, goodwillCandidate);
        ref var week = ref CollectionsMarshal.GetValueRefOrAddDefault(_weeks, date.PlusDays(1 - (int)date.DayOfWeek), out _);
        week.Count(changed, goodwillBaseline, goodwillCandidate);
        if (!changed)
        {
            return;
        }

        _changed++;
        var amount = new BacktestAmount(goodwillBaseline, goodwillCandidate);
        if (_top.Count < MostExpensiveCount || Compare(caseId, now, amount, _top[^1]) < 0)
        {
            Offer(new BacktestCase(caseId, now, amount, baseline.ToArray(), candidate.ToArray()));
        }
    }

    private void Tally(ReadOnlySpan<Decision> decisions, Side side, bool candidateSide)
    {
        foreach (ref readonly var d in decisions)
        {
            var type = d.Type;
            side.ByType[(int)type]++;
            ref var rule = ref _rules[RuleIndex(d.RuleId)];
            decimal value = d.Value is { } v ? v.Amount : 0m;
            bool goodwill = d.IsGoodwill;
            if (candidateSide)
            {
                rule.DecisionsCandidate++;
                AddTo(ref rule.GoodwillCandidate, goodwill ? value : 0m);
            }
            else
            {
                rule.DecisionsBaseline++;
                AddTo(ref rule.GoodwillBaseline, goodwill ? value : 0m);
            }

            switch (type)
            {
                case DecisionType.Compensate when goodwill:
                    AddTo(ref side.GoodwillByOffer[(int)d.Offer], value);
                    break;
                case DecisionType.Compensate when d.Legal:
                    side.LegalCount++;
                    AddTo(ref side.LegalValue, value);
                    break;
                case DecisionType.Escalate:
                    side.Escalations[(int)d.To]++;
                    break;
                case DecisionType.Stop:
                    side.Stops[(int)d.Stop]++;
                    break;
                case DecisionType.Notify:
                    side.Notifications++;
                    break;
            }
        }
    }

    /// <summary>True when both lists hold the same decisions (or, with <paramref name="legalOnly"/>, the same legal remedies) in the same order, reasons aside.</summary>
    private static bool Same(ReadOnlySpan<Decision> a, ReadOnlySpan<Decision> b, bool legalOnly)
    {
        int i = 0, j = 0;
        while (true)
        {
            if (legalOnly)
            {
                while (i < a.Length && !IsLegal(a[i]))
                {
                    i++;
                }

                while (j < b.Length && !IsLegal(b[j]))
                {
                    j++;
                }
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (!SameDecision(a[i], b[j]))
            {
                return false;
            }

            i++;
            j++;
        }
    }

    /// <summary>Adds an amount to a total; most cases have no goodwill, and a decimal addition of zero is not free.</summary>
    private static void AddTo(ref decimal total, decimal amount)
    {
        if (!IsZero(amount))
        {
            total += amount;
        }
    }

    private static bool IsZero<T>(T value)
        where T : System.Numerics.INumberBase<T> => T.IsZero(value); // decimal's checks its three words, no comparison

    private static bool IsLegal(in Decision d) => d.Type == DecisionType.Compensate && d.Legal;

    private static bool SameDecision(in Decision x, in Decision y) =>
        x.Type == y.Type && string.Equals(x.RuleId, y.RuleId, StringComparison.Ordinal) && x.Offer == y.Offer
        && Nullable.Equals(x.Value, y.Value) && x.Percent == y.Percent && x.Legal == y.Legal && x.Stop == y.Stop
        && x.Until == y.Until && x.To == y.To && x.Priority == y.Priority && x.DueBy == y.DueBy
        && x.Channel == y.Channel && x.Message == y.Message && x.Advice == y.Advice;

    private int RuleIndex(string ruleId)
    {
        if (_ruleByReference.TryGetValue(ruleId, out int index))
        {
            return index;
        }

        if (!_ruleById.TryGetValue(ruleId, out index))
        {
            index = _ruleIds.Count;
            _ruleIds.Add(ruleId);
            _ruleById.Add(ruleId, index);
            if (index == _rules.Length)
            {
                Array.Resize(ref _rules, _rules.Length * 2);
            }
        }

        _ruleByReference[ruleId] = index;
        return index;
    }

    /// <summary>Orders the most expensive changes: larger absolute goodwill difference first, then case id, then now.</summary>
    private static int Compare(string? caseId, Instant now, BacktestAmount goodwill, BacktestCase other)
    {
        int byCost = Math.Abs(other.Goodwill.Difference).CompareTo(Math.Abs(goodwill.Difference));
        if (byCost != 0)
        {
            return byCost;
        }

        int byId = string.CompareOrdinal(caseId, other.CaseId);
        return byId != 0 ? byId : now.CompareTo(other.Now);
    }

    private void Offer(BacktestCase c)
    {
        int at = _top.Count;
        while (at > 0 && Compare(c.CaseId, c.Now, c.Goodwill, _top[at - 1]) < 0)
        {
            at--;
        }

        if (at >= MostExpensiveCount)
        {
            return;
        }

        _top.Insert(at, c);
        if (_top.Count > MostExpensiveCount)
        {
            _top.RemoveAt(MostExpensiveCount);
        }
    }

    /// <summary>The figures of one pack.</summary>
    private sealed class Side
    {
        public decimal Goodwill;
        public readonly decimal[] GoodwillByOffer = new decimal[OfferKinds];
        public readonly long[] ByType = new long[DecisionTypes];
        public readonly long[] Escalations = new long[Targets];
        public readonly long[] Stops = new long[StopKinds];
        public long Notifications;
        public long LegalCount;
        public decimal LegalValue;

        public void Add(Side other)
        {
            Goodwill += other.Goodwill;
            Notifications += other.Notifications;
            LegalCount += other.LegalCount;
            LegalValue += other.LegalValue;
            for (int i = 0; i < GoodwillByOffer.Length; i++)
            {
                GoodwillByOffer[i] += other.GoodwillByOffer[i];
            }

            for (int i = 0; i < ByType.Length; i++)
            {
                ByType[i] += other.ByType[i];
            }

            for (int i = 0; i < Escalations.Length; i++)
            {
                Escalations[i] += other.Escalations[i];
            }

            for (int i = 0; i < Stops.Length; i++)
            {
                Stops[i] += other.Stops[i];
            }
        }
    }

    private struct RuleTotals
    {
        public long DecisionsBaseline;
        public long DecisionsCandidate;
        public decimal GoodwillBaseline;
        public decimal GoodwillCandidate;

        public void Add(in RuleTotals other)
        {
            DecisionsBaseline += other.DecisionsBaseline;
            DecisionsCandidate += other.DecisionsCandidate;
            GoodwillBaseline += other.GoodwillBaseline;
            GoodwillCandidate += other.GoodwillCandidate;
        }
    }

    private struct PeriodTotals
    {
        public long Cases;
        public long Changed;
        public decimal GoodwillBaseline;
        public decimal GoodwillCandidate;

        public void Count(bool changed, decimal goodwillBaseline, decimal goodwillCandidate)
        {
            Cases++;
            Changed += changed ? 1 : 0;
            AddTo(ref GoodwillBaseline, goodwillBaseline);
            AddTo(ref GoodwillCandidate, goodwillCandidate);
        }

        public void Add(in PeriodTotals other)
        {
            Cases += other.Cases;
            Changed += other.Changed;
            GoodwillBaseline += other.GoodwillBaseline;
            GoodwillCandidate += other.GoodwillCandidate;
        }
    }
}
