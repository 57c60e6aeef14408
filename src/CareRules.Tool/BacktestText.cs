using System.Globalization;
using CareRules.Model;
using NodaTime.Text;
using static CareRules.Tool.BacktestReport;

namespace CareRules.Tool;

/// <summary>The backtest's default output: a text summary of every figure, as aligned tables.</summary>
internal static class BacktestText
{
    private static readonly InstantPattern Instant = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm'Z'");

    public static void Write(TextWriter o, BacktestReport report)
    {
        var s = report.Summary;
        string currency = s.Currency.Code;
        o.WriteLine($"CareRules backtest · baseline {report.BaselineLabel} · candidate {report.CandidateLabel} · amounts in {currency} · months in {s.TimeZone.Id}");
        o.WriteLine();
        double share = s.Cases == 0 ? 0 : 100.0 * s.Changed / s.Cases;
        o.WriteLine($"cases       {Count(s.Cases)} evaluated, {Count(report.Rejected)} rejected, {Count(s.Changed)} changed ({share.ToString("0.0", CultureInfo.InvariantCulture)} %)");
        o.WriteLine($"goodwill    baseline {Money(s.Goodwill.Baseline)} · candidate {Money(s.Goodwill.Candidate)} · difference {Signed(s.Goodwill.Difference)} {currency}");
        var legal = s.LegalRemedies;
        o.WriteLine($"legal       {Count(legal.Count.Baseline)} remedies worth {Money(legal.Value.Baseline)} → {Count(legal.Count.Candidate)} worth {Money(legal.Value.Candidate)}: "
            + (legal.Changed ? $"CHANGED in {Count(legal.ChangedCases)} cases — a rule with a legal basis behaves differently" : "unchanged"));
        o.WriteLine();

        Table(o, "Goodwill by offer kind", ["offer", "baseline", "candidate", "difference"],
            s.GoodwillByOffer.OrderBy(p => p.Key).Select(p => new[] { Name(p.Key), Money(p.Value.Baseline), Money(p.Value.Candidate), Signed(p.Value.Difference) }));
        Table(o, "Decisions by type", ["type", "baseline", "candidate", "difference"],
            s.Decisions.OrderBy(p => p.Key).Select(p => new[] { Name(p.Key), Count(p.Value.Baseline), Count(p.Value.Candidate), Signed(p.Value.Difference) }));
        Table(o, "Escalations by target", ["target", "baseline", "candidate", "difference"],
            s.Escalations.OrderBy(p => p.Key).Select(p => new[] { Name(p.Key), Count(p.Value.Baseline), Count(p.Value.Candidate), Signed(p.Value.Difference) }));
        Table(o, "Stops by kind", ["stop", "baseline", "candidate", "difference"],
            s.Stops.OrderBy(p => p.Key).Select(p => new[] { Name(p.Key), Count(p.Value.Baseline), Count(p.Value.Candidate), Signed(p.Value.Difference) }));
        Table(o, "Notifications", ["", "baseline", "candidate", "difference"],
            [["notifications", Count(s.Notifications.Baseline), Count(s.Notifications.Candidate), Signed(s.Notifications.Difference)]]);
        Table(o, "By rule", ["rule", "decisions", "→", "goodwill", "→", "difference"],
            s.ByRule.Select(r => new[] { r.RuleId, Count(r.Decisions.Baseline), Count(r.Decisions.Candidate), Money(r.Goodwill.Baseline), Money(r.Goodwill.Candidate), Signed(r.Goodwill.Difference) }));
        Table(o, $"By month of now ({s.TimeZone.Id})", ["month", "cases", "changed", "goodwill", "→", "difference"],
            s.ByMonth.Select(m => new[] { m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), Count(m.Cases), Count(m.Changed), Money(m.Goodwill.Baseline), Money(m.Goodwill.Candidate), Signed(m.Goodwill.Difference) }));

        o.WriteLine($"The {s.MostExpensiveChanges.Count} most expensive changed cases");
        if (s.MostExpensiveChanges.Count == 0)
        {
            o.WriteLine("  none");
        }

        foreach (var c in s.MostExpensiveChanges)
        {
            o.WriteLine($"  {c.CaseId ?? "(no case)"}  {Instant.Format(c.Now)}  goodwill {Money(c.Goodwill.Baseline)} → {Money(c.Goodwill.Candidate)} ({Signed(c.Goodwill.Difference)} {currency})");
            o.WriteLine("    before: " + (c.Baseline.Count == 0 ? "(no decision)" : string.Join("; ", c.Baseline.Select(Describe))));
            o.WriteLine("    after:  " + (c.Candidate.Count == 0 ? "(no decision)" : string.Join("; ", c.Candidate.Select(Describe))));
        }
    }

    private static void Table(TextWriter o, string title, string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        o.WriteLine(title);
        if (all.Count == 1)
        {
            o.WriteLine("  none");
            o.WriteLine();
            return;
        }

        int[] widths = new int[header.Length];
        foreach (var row in all)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in all)
        {
            o.WriteLine(("  " + string.Join("  ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i])))).TrimEnd());
        }

        o.WriteLine();
    }
}
