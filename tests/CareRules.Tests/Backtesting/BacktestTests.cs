using CareRules.Backtesting;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;
using NodaTime;

namespace CareRules.Tests.Backtesting;

public sealed class BacktestTests
{
    private static readonly CompiledPack Balanced = StandardPack.Default;
    private static readonly CompiledPack Generous = StandardPack.Build(b => b.Set("stance", "generous"));
    private static readonly IReadOnlyList<CareContext> History = CareGenerators.Sample(3000, 16);

    private static Backtest Run(CompiledPack baseline, CompiledPack candidate, IEnumerable<CareContext> contexts)
    {
        var backtest = new Backtest(baseline, candidate);
        var (before, after) = (baseline.CreateBuffer(), candidate.CreateBuffer());
        foreach (var context in contexts)
        {
            baseline.Evaluate(context, before);
            candidate.Evaluate(context, after);
            backtest.Add(context.Case?.Id, context.Now, before, after);
        }

        return backtest;
    }

    private static CareContext At(Instant now) =>
        new(now, new Customer("C-1", new LocalDate(2024, 1, 1), 1, Money.Pln(10m)));

    [Fact]
    public void Totals_EqualEvaluatingTheHistoryTwice()
    {
        var summary = Run(Balanced, Generous, History).ToSummary();

        var before = History.Select(c => Balanced.Evaluate(c)).ToList();
        var after = History.Select(c => Generous.Evaluate(c)).ToList();
        Assert.Equal(History.Count, summary.Cases);
        Assert.Equal(before.Sum(v => v.GoodwillTotal.Amount), summary.Goodwill.Baseline);
        Assert.Equal(after.Sum(v => v.GoodwillTotal.Amount), summary.Goodwill.Candidate);
        Assert.True(summary.Goodwill.Difference > 0m, "a generous stance gives more goodwill");
        Assert.Equal(summary.Goodwill.Baseline, summary.GoodwillByOffer.Values.Sum(a => a.Baseline));
        Assert.Equal(summary.Goodwill.Candidate, summary.ByRule.Sum(r => r.Goodwill.Candidate));
        Assert.Equal(summary.Goodwill.Candidate, summary.ByMonth.Sum(m => m.Goodwill.Candidate));
        Assert.Equal(summary.Goodwill.Baseline, summary.ByWeek.Sum(w => w.Goodwill.Baseline));
        foreach (var target in Enum.GetValues<EscalationTarget>())
        {
            Assert.Equal(before.Sum(v => v.Decisions.Count(d => d.Type == DecisionType.Escalate && d.To == target)), summary.Escalations[target].Baseline);
            Assert.Equal(after.Sum(v => v.Decisions.Count(d => d.Type == DecisionType.Escalate && d.To == target)), summary.Escalations[target].Candidate);
        }

        foreach (var kind in Enum.GetValues<StopKind>())
        {
            Assert.Equal(after.Sum(v => v.Decisions.Count(d => d.Type == DecisionType.Stop && d.Stop == kind)), summary.Stops[kind].Candidate);
        }

        Assert.Equal(before.Sum(v => v.Decisions.Count(d => d.Type == DecisionType.Notify)), summary.Notifications.Baseline);
        Assert.Equal(before.Sum(v => v.Decisions.Count), summary.ByRule.Sum(r => r.Decisions.Baseline));
        int changed = Enumerable.Range(0, History.Count).Count(i => before[i].GoodwillTotal != after[i].GoodwillTotal
            || before[i].Decisions.Count != after[i].Decisions.Count
            || before[i].Decisions.Zip(after[i].Decisions).Any(p => p.First.ToString() != p.Second.ToString() || p.First.DueBy != p.Second.DueBy || p.First.Until != p.Second.Until));
        Assert.Equal(changed, summary.Changed);
        Assert.Equal(summary.Changed, summary.ByMonth.Sum(m => m.Changed));
    }

    [Fact]
    public void SamePack_NothingChanges()
    {
        var summary = Run(Balanced, Balanced, History.Take(500)).ToSummary();

        Assert.Equal(0, summary.Changed);
        Assert.Equal(0m, summary.Goodwill.Difference);
        Assert.Empty(summary.MostExpensiveChanges);
        Assert.False(summary.LegalRemedies.Changed);
    }

    [Fact]
    public void Stance_DoesNotChangeLegalRemedies_AWithdrawalPeriodDoes()
    {
        var stance = Run(Balanced, Generous, History).ToSummary();
        var longer = Run(Balanced, StandardPack.Build(b => b.Set("withdrawalPeriod", "30d")), History).ToSummary();

        Assert.False(stance.LegalRemedies.Changed);
        Assert.Equal(stance.LegalRemedies.Count.Baseline, stance.LegalRemedies.Count.Candidate);
        Assert.True(longer.LegalRemedies.Changed);
        Assert.True(longer.LegalRemedies.ChangedCases > 0);
    }

    [Fact]
    public void Month_IsTheLocalMonthOfNow_InThePackTimeZone()
    {
        // 23:30 UTC on 31 January is 00:30 on 1 February in Warsaw (UTC+1); 22:30 UTC on 31 July is 00:30 on 1 August (UTC+2).
        var summary = Run(Balanced, Balanced,
        [
            At(Instant.FromUtc(2026, 1, 31, 23, 30)),
            At(Instant.FromUtc(2026, 1, 31, 22, 59)),
            At(Instant.FromUtc(2026, 7, 31, 22, 30)),
            At(Instant.FromUtc(2026, 7, 31, 21, 59)),
        ]).ToSummary();

        Assert.Equal(
            [(new YearMonth(2026, 1), 1L), (new YearMonth(2026, 2), 1L), (new YearMonth(2026, 7), 1L), (new YearMonth(2026, 8), 1L)],
            summary.ByMonth.Select(m => (m.Month, m.Cases)));
        Assert.Equal("Europe/Warsaw", summary.TimeZone.Id);
    }

    [Fact]
    public void Week_IsTheLocalIsoWeekOfNow()
    {
        // Sunday 2026-01-04 23:30 UTC is Monday 5 January in Warsaw: ISO week 2, not week 1.
        var summary = Run(Balanced, Balanced, [At(Instant.FromUtc(2026, 1, 4, 23, 30)), At(Instant.FromUtc(2026, 1, 4, 22, 30)), At(Instant.FromUtc(2020, 12, 31, 12, 0))]).ToSummary();

        Assert.Equal([new LocalDate(2020, 12, 28), new LocalDate(2025, 12, 29), new LocalDate(2026, 1, 5)], summary.ByWeek.Select(w => w.Monday));
        Assert.Equal([(2020, 53), (2026, 1), (2026, 2)], summary.ByWeek.Select(w => (w.WeekYear, w.Week)));
    }

    [Fact]
    public void MostExpensive_TheTenLargestChanges_WithDecisionsBeforeAndAfter()
    {
        var summary = Run(Balanced, Generous, History).ToSummary();

        Assert.Equal(Backtest.MostExpensiveCount, summary.MostExpensiveChanges.Count);
        var differences = summary.MostExpensiveChanges.Select(c => Math.Abs(c.Goodwill.Difference)).ToList();
        Assert.Equal(differences.OrderDescending(), differences);
        var byId = History.Where(c => c.Case is not null).GroupBy(c => c.Case!.Id).ToDictionary(g => g.Key, g => g.First());
        var largest = History.Select(c => Math.Abs(Generous.Evaluate(c).GoodwillTotal.Amount - Balanced.Evaluate(c).GoodwillTotal.Amount)).Max();
        Assert.Equal(largest, differences[0]);
        var top = summary.MostExpensiveChanges[0];
        var context = History.First(c => c.Case?.Id == top.CaseId && c.Now == top.Now);
        Assert.Equal(Balanced.Evaluate(context).Decisions, top.Baseline);
        Assert.Equal(Generous.Evaluate(context).Decisions, top.Candidate);
    }

    [Fact]
    public void Merge_OfParts_EqualsOneBacktestOfTheWhole()
    {
        var whole = Run(Balanced, Generous, History).ToSummary();
        var merged = Run(Balanced, Generous, History.Take(1000));
        merged.Merge(Run(Balanced, Generous, History.Skip(1000).Take(1500)));
        merged.Merge(Run(Balanced, Generous, History.Skip(2500)));
        var parts = merged.ToSummary();

        Assert.Equal(whole.Cases, parts.Cases);
        Assert.Equal(whole.Changed, parts.Changed);
        Assert.Equal(whole.Goodwill, parts.Goodwill);
        Assert.Equal(whole.ByRule, parts.ByRule);
        Assert.Equal(whole.ByMonth, parts.ByMonth);
        Assert.Equal(whole.ByWeek, parts.ByWeek);
        Assert.Equal(whole.Escalations, parts.Escalations);
        Assert.Equal(whole.LegalRemedies, parts.LegalRemedies);
        Assert.Equal(whole.MostExpensiveChanges.Select(c => (c.CaseId, c.Now, c.Goodwill)), parts.MostExpensiveChanges.Select(c => (c.CaseId, c.Now, c.Goodwill)));
    }

    [Fact]
    public void AddVerdicts_EqualsAddBuffers()
    {
        var fromBuffers = Run(Balanced, Generous, History.Take(400)).ToSummary();
        var fromVerdicts = new Backtest(Balanced, Generous);
        foreach (var c in History.Take(400))
        {
            fromVerdicts.Add(c.Case?.Id, c.Now, Balanced.Evaluate(c), Generous.Evaluate(c));
        }

        var summary = fromVerdicts.ToSummary();
        Assert.Equal(fromBuffers.Goodwill, summary.Goodwill);
        Assert.Equal(fromBuffers.Changed, summary.Changed);
        Assert.Equal(fromBuffers.ByRule, summary.ByRule);
    }

    [Fact]
    public void Misuse_IsAClearError()
    {
        var euro = StandardPack.Build(b => b.Set("currency", "EUR"));
        Assert.Contains("one currency", Assert.Throws<ArgumentException>(() => new Backtest(Balanced, euro)).Message, StringComparison.Ordinal);
        var backtest = new Backtest(Balanced, Generous);
        Assert.Throws<ArgumentException>(() => backtest.Add(null, Instant.FromUtc(2026, 1, 1, 0, 0), Generous.CreateBuffer(), Generous.CreateBuffer()));
        Assert.Throws<ArgumentException>(() => backtest.Merge(new Backtest(Generous, Balanced)));
    }
}
