using System.Globalization;
using CareRules.Evaluation;
using CareRules.Serialization;
using NodaTime;
using NodaTime.Text;
using CareRules.Model;

namespace CareRules.Tool;

/// <summary>
/// The readable table and summary of the console's default output, in the pack's language: headings, display names,
/// money and times as a reader of that language expects (<c>20.00 PLN</c> and <c>2026-11-23 12:00</c> in English,
/// <c>20,00 zł</c> and <c>23.11.2026 12:00</c> in Polish).
/// </summary>
internal static class Report
{
    private static readonly LocalDateTimePattern Time = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");
    private static readonly LocalDateTimePattern PolishTime = LocalDateTimePattern.CreateWithInvariantCulture("dd.MM.yyyy HH:mm");
    private static readonly NumberFormatInfo PolishNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = " ", NegativeSign = "-" };

    /// <summary>The words of the report in one language.</summary>
    private sealed record Words(
        string Header, string Case, string Type, string Decision, string Rule, string NoDecision, string Summary, string Cases,
        string CasesLine, string Decisions, string Goodwill, string GoodwillLine, string Escalations, string None, string Legal,
        string Due, string Until);

    private static readonly Words English = new(
        "CareRules · pack {0} · stance {1} · times in {2}", "CASE", "TYPE", "DECISION", "RULE", "(no decision)", "Summary",
        "cases", "{0} evaluated, {1} rejected", "decisions", "goodwill", "{0} in total", "escalations", "none", "[legal]", "due", "until");

    private static readonly Words Polish = new(
        "CareRules · pakiet {0} · polityka {1} · czas w strefie {2}", "SPRAWA", "RODZAJ", "DECYZJA", "REGUŁA", "(brak decyzji)", "Podsumowanie",
        "sprawy", "ocenione: {0}, odrzucone: {1}", "decyzje", "dobra wola", "łącznie {0}", "eskalacje", "brak", "[ustawowe]", "termin", "do");

    public static void Write(TextWriter o, CompiledPack pack, IReadOnlyList<(CaseReadResult Case, Verdict Verdict)> rows, int rejected)
    {
        var zone = pack.Calendar.Zone;
        var language = pack.Language;
        var w = language == Language.Pl ? Polish : English;
        string stance = pack.Parameters.Format("stance");
        if (language == Language.Pl)
        {
            stance = stance switch { "generous" => "hojna", "balanced" => "wyważona", "firm" => "stanowcza", _ => stance };
        }

        o.WriteLine(string.Format(CultureInfo.InvariantCulture, w.Header, pack.Id, stance, zone.Id));
        o.WriteLine();
        var table = new List<string[]> { new[] { w.Case, w.Type, w.Decision, w.Rule } };
        foreach (var (c, v) in rows)
        {
            string label = c.CaseId ?? c.Context!.Order?.Id ?? "#" + c.Index.ToString(CultureInfo.InvariantCulture);
            if (v.Decisions.Count == 0)
            {
                table.Add([label, "-", w.NoDecision, ""]);
                continue;
            }

            for (int i = 0; i < v.Decisions.Count; i++)
            {
                var d = v.Decisions[i];
                table.Add([i == 0 ? label : "", DisplayNames.Of(d.Type, language), Describe(d, zone, language, w), d.RuleId]);
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
        int width = Math.Max(12, new[] { w.Cases, w.Decisions, w.Goodwill, w.Escalations }.Max(s => s.Length) + 2);
        o.WriteLine();
        o.WriteLine(w.Summary);
        o.WriteLine("  " + w.Cases.PadRight(width) + string.Format(CultureInfo.InvariantCulture, w.CasesLine, rows.Count, rejected));
        o.WriteLine("  " + w.Decisions.PadRight(width) + $"{decisions.Count}: " + string.Join(", ", Enum.GetValues<DecisionType>().Select(t => $"{DisplayNames.Of(t, language)} {decisions.Count(d => d.Type == t)}")));
        o.WriteLine("  " + w.Goodwill.PadRight(width) + string.Format(CultureInfo.InvariantCulture, w.GoodwillLine, FormatMoney(new Money(goodwill, currency), language)));
        var escalations = decisions.Where(d => d.Type == DecisionType.Escalate).GroupBy(d => d.To).OrderBy(g => g.Key).ToList();
        o.WriteLine("  " + w.Escalations.PadRight(width) + (escalations.Count == 0 ? w.None : string.Join(", ", escalations.Select(g => $"{DisplayNames.Of(g.Key, language)} {g.Count()}"))));
    }

    /// <summary>Money as a reader of the language writes it: <c>1234.50 PLN</c> in English, <c>1 234,50 zł</c> in Polish.</summary>
    internal static string FormatMoney(Money money, Language language)
    {
        if (language != Language.Pl)
        {
            return money.ToString();
        }

        string amount = money.Amount.ToString("#,##0.00", PolishNumbers);
        return amount + " " + (money.Currency == Currency.Pln ? "zł" : money.Currency.Code);
    }

    private static string FormatTime(Instant instant, DateTimeZone zone, Language language) =>
        (language == Language.Pl ? PolishTime : Time).Format(instant.InZone(zone).LocalDateTime);

    private static string Describe(Decision d, DateTimeZone zone, Language language, Words w)
    {
        string due = d.DueBy is { } by ? $", {w.Due} " + FormatTime(by, zone, language) : "";
        return d.Type switch
        {
            DecisionType.Compensate => DisplayNames.Of(d.Offer, language) + (d.Value is { } v ? " " + FormatMoney(v, language) : "") + (d.Percent is { } p ? $" ({p.ToString(CultureInfo.InvariantCulture)}%)" : "") + (d.Legal ? " " + w.Legal : "") + due,
            DecisionType.Stop => DisplayNames.Of(d.Stop, language) + (d.Until is { } u ? $", {w.Until} " + FormatTime(u, zone, language) : ""),
            DecisionType.Escalate => $"{DisplayNames.Of(d.To, language)} ({DisplayNames.Of(d.Priority, language)}){due}",
            DecisionType.Notify => $"{DisplayNames.Of(d.Channel, language)}: {DisplayNames.Of(d.Message, language)}{due}",
            _ => DisplayNames.Of(d.Advice, language),
        };
    }
}
