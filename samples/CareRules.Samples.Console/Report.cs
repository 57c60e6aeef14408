using System.Globalization;
using CareRules.Evaluation;
using CareRules.Serialization;
using NodaTime;
using NodaTime.Text;
using CareRules.Model;

namespace CareRules.Samples.Console;

/// <summary>The readable table and summary of the console's default output.</summary>
internal static class Report
{
    private static readonly LocalDateTimePattern Time = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    public static void Write(TextWriter o, CompiledPack pack, IReadOnlyList<(CaseReadResult Case, Verdict Verdict)> rows, int rejected)
    {
        var zone = pack.Calendar.Zone;
        o.WriteLine($"CareRules · pack {pack.Id} · stance {pack.Parameters.Format("stance")} · times in {zone.Id}");
        o.WriteLine();
        var table = new List<string[]> { new[] { "CASE", "TYPE", "DECISION", "RULE" } };
        foreach (var (c, v) in rows)
        {
            string label = c.CaseId ?? c.Context!.Order?.Id ?? "#" + c.Index.ToString(CultureInfo.InvariantCulture);
            if (v.Decisions.Count == 0)
            {
                table.Add([label, "-", "(no decision)", ""]);
                continue;
            }

            for (int i = 0; i < v.Decisions.Count; i++)
            {
                var d = v.Decisions[i];
                table.Add([i == 0 ? label : "", CatalogNames.Of(d.Type), Describe(d, zone), d.RuleId]);
            }
        }

        int[] widths = new int[4];
        foreach (var row in table)
        {
            for (int i = 0; i < 4; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        for (int r = 0; r < table.Count; r++)
        {
            o.WriteLine(string.Join("  ", table[r].Select((cell, i) => i == 3 ? cell : cell.PadRight(widths[i]))).TrimEnd());
            if (r == 0)
            {
                o.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }

        var decisions = rows.SelectMany(r => r.Verdict.Decisions).ToList();
        var currency = pack.Parameters.Currency;
        decimal goodwill = rows.Sum(r => r.Verdict.GoodwillTotal.Amount);
        o.WriteLine();
        o.WriteLine("Summary");
        o.WriteLine($"  cases        {rows.Count} evaluated, {rejected} rejected");
        o.WriteLine($"  decisions    {decisions.Count}: " + string.Join(", ", Enum.GetValues<DecisionType>().Select(t => $"{CatalogNames.Of(t)} {decisions.Count(d => d.Type == t)}")));
        o.WriteLine($"  goodwill     {new Model.Money(goodwill, currency)} in total");
        var escalations = decisions.Where(d => d.Type == DecisionType.Escalate).GroupBy(d => d.To).OrderBy(g => g.Key).ToList();
        o.WriteLine("  escalations  " + (escalations.Count == 0 ? "none" : string.Join(", ", escalations.Select(g => $"{CatalogNames.Of(g.Key)} {g.Count()}"))));
    }

    private static string Describe(Decision d, DateTimeZone zone)
    {
        string due = d.DueBy is { } by ? ", due " + Time.Format(by.InZone(zone).LocalDateTime) : "";
        return d.Type switch
        {
            DecisionType.Compensate => CatalogNames.Of(d.Offer) + (d.Value is { } v ? " " + v : "") + (d.Percent is { } p ? $" ({p.ToString(CultureInfo.InvariantCulture)}%)" : "") + (d.Legal ? " [legal]" : "") + due,
            DecisionType.Stop => CatalogNames.Of(d.Stop) + (d.Until is { } u ? ", until " + Time.Format(u.InZone(zone).LocalDateTime) : ""),
            DecisionType.Escalate => $"{CatalogNames.Of(d.To)} ({CatalogNames.Of(d.Priority)}){due}",
            DecisionType.Notify => $"{CatalogNames.Of(d.Channel)}: {CatalogNames.Of(d.Message)}{due}",
            _ => CatalogNames.Of(d.Advice),
        };
    }
}
