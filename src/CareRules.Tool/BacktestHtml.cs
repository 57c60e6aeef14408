using System.Globalization;
using System.Net;
using System.Text;
using NodaTime.Text;
using static CareRules.Tool.BacktestReport;

namespace CareRules.Tool;

/// <summary>
/// <c>backtest --html</c>: one self-contained page — inline CSS and SVG, no script, no external file or font, so it
/// works offline and can be mailed — with two charts (goodwill per ISO week, baseline against candidate; decisions by
/// rule) and the tables of the text summary. Well-formed XML as well as HTML, so that tests can parse it.
/// </summary>
internal static class BacktestHtml
{
    private const string BaselineColour = "#4e79a7";
    private const string CandidateColour = "#f28e2b";
    private static readonly InstantPattern Instant = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm'Z'");

    public static string Render(BacktestReport report)
    {
        var s = report.Summary;
        string currency = s.Currency.Code;
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        h.Append("<title>CareRules backtest: ").Append(E(report.CandidateLabel)).Append(" against ").Append(E(report.BaselineLabel)).Append("</title>\n");
        h.Append("<style>\nbody{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:72em}\ntable{border-collapse:collapse;margin:0.5em 0 1.5em}\n")
            .Append("th,td{padding:0.2em 0.8em;border-bottom:1px solid #ddd;text-align:right}\nth:first-child,td:first-child{text-align:left}\n")
            .Append(".up{color:#b03a2e}.down{color:#1e8449}.flag{background:#fdebd0;padding:0.3em 0.6em;font-weight:bold}\n")
            .Append("svg text{font-size:11px;font-family:system-ui,sans-serif}\ncode{font-size:0.9em}\n</style>\n</head>\n<body>\n");
        h.Append("<h1>Backtest</h1>\n<p>Baseline <b>").Append(E(report.BaselineLabel)).Append("</b>, candidate <b>").Append(E(report.CandidateLabel))
            .Append("</b>. Amounts in ").Append(E(currency)).Append("; months and weeks of each case's <code>now</code> in ").Append(E(s.TimeZone.Id)).Append(".</p>\n");

        h.Append("<table id=\"overview\">\n<tr><th></th><th>baseline</th><th>candidate</th><th>difference</th></tr>\n");
        h.Append("<tr><td>cases evaluated</td><td colspan=\"3\">").Append(Count(s.Cases)).Append(" (").Append(Count(report.Rejected)).Append(" rejected)</td></tr>\n");
        h.Append("<tr><td>cases changed</td><td colspan=\"3\">").Append(Count(s.Changed)).Append("</td></tr>\n");
        AmountRow(h, "goodwill", s.Goodwill.Baseline, s.Goodwill.Candidate);
        CountRow(h, "notifications", s.Notifications.Baseline, s.Notifications.Candidate);
        CountRow(h, "legal remedies", s.LegalRemedies.Count.Baseline, s.LegalRemedies.Count.Candidate);
        AmountRow(h, "legal remedies, value", s.LegalRemedies.Value.Baseline, s.LegalRemedies.Value.Candidate);
        h.Append("</table>\n");
        h.Append(s.LegalRemedies.Changed
            ? $"<p class=\"flag\" id=\"legal-flag\">Legal remedies changed in {Count(s.LegalRemedies.ChangedCases)} cases: a rule with a legal basis behaves differently in the candidate.</p>\n"
            : "<p id=\"legal-flag\">Legal remedies are unchanged.</p>\n");

        h.Append("<h2>Goodwill per week</h2>\n");
        WeekChart(h, report);
        h.Append("<h2>Decisions by rule</h2>\n");
        RuleChart(h, report);

        Table(h, "Goodwill by offer kind", "goodwill-by-offer", ["offer", "baseline", "candidate", "difference"],
            s.GoodwillByOffer.OrderBy(p => p.Key).Select(p => Row(Name(p.Key), p.Value.Baseline, p.Value.Candidate)));
        Table(h, "Decisions by type", "decisions", ["type", "baseline", "candidate", "difference"],
            s.Decisions.OrderBy(p => p.Key).Select(p => Row(Name(p.Key), p.Value.Baseline, p.Value.Candidate)));
        Table(h, "Escalations by target", "escalations", ["target", "baseline", "candidate", "difference"],
            s.Escalations.OrderBy(p => p.Key).Select(p => Row(Name(p.Key), p.Value.Baseline, p.Value.Candidate)));
        Table(h, "Stops by kind", "stops", ["stop", "baseline", "candidate", "difference"],
            s.Stops.OrderBy(p => p.Key).Select(p => Row(Name(p.Key), p.Value.Baseline, p.Value.Candidate)));
        Table(h, "By rule", "by-rule", ["rule", "decisions, baseline", "decisions, candidate", "goodwill, baseline", "goodwill, candidate", "goodwill, difference"],
            s.ByRule.Select(r => new[] { E(r.RuleId), Count(r.Decisions.Baseline), Count(r.Decisions.Candidate), Money(r.Goodwill.Baseline), Money(r.Goodwill.Candidate), Diff(r.Goodwill.Difference) }));
        Table(h, "By month of now", "by-month", ["month", "cases", "changed", "goodwill, baseline", "goodwill, candidate", "goodwill, difference"],
            s.ByMonth.Select(m => new[] { m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), Count(m.Cases), Count(m.Changed), Money(m.Goodwill.Baseline), Money(m.Goodwill.Candidate), Diff(m.Goodwill.Difference) }));

        h.Append("<h2>The most expensive changed cases</h2>\n<table id=\"most-expensive\">\n<tr><th>case</th><th>now</th><th>goodwill, baseline</th><th>goodwill, candidate</th><th>difference</th></tr>\n");
        foreach (var c in s.MostExpensiveChanges)
        {
            h.Append("<tr><td>").Append(E(c.CaseId ?? "(no case)")).Append("</td><td>").Append(E(Instant.Format(c.Now))).Append("</td><td>")
                .Append(Money(c.Goodwill.Baseline)).Append("</td><td>").Append(Money(c.Goodwill.Candidate)).Append("</td><td>").Append(Diff(c.Goodwill.Difference)).Append("</td></tr>\n");
            h.Append("<tr><td colspan=\"5\" style=\"text-align:left\">before: ").Append(E(c.Baseline.Count == 0 ? "(no decision)" : string.Join("; ", c.Baseline.Select(Describe))))
                .Append("<br/>after: ").Append(E(c.Candidate.Count == 0 ? "(no decision)" : string.Join("; ", c.Candidate.Select(Describe)))).Append("</td></tr>\n");
        }

        h.Append("</table>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void WeekChart(StringBuilder h, BacktestReport report)
    {
        var weeks = report.Summary.ByWeek;
        const int width = 900, height = 300, left = 70, right = 20, top = 20, bottom = 40;
        h.Append(CultureInfo.InvariantCulture, $"<svg id=\"chart-goodwill-per-week\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Goodwill per ISO week, baseline against candidate\">\n");
        decimal max = weeks.Count == 0 ? 0m : weeks.Max(w => Math.Max(w.Goodwill.Baseline, w.Goodwill.Candidate));
        max = max <= 0m ? 1m : max;
        double plotW = width - left - right, plotH = height - top - bottom;
        double X(int i) => left + (weeks.Count <= 1 ? plotW / 2 : plotW * i / (weeks.Count - 1));
        double Y(decimal v) => top + plotH - (plotH * (double)(v / max));
        h.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + plotH}\" x2=\"{left + plotW}\" y2=\"{top + plotH}\" stroke=\"#888\"/>\n");
        h.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{top + plotH}\" stroke=\"#888\"/>\n");
        for (int t = 0; t <= 4; t++)
        {
            decimal v = max * t / 4;
            h.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">{Money(v)}</text>\n");
        }

        int step = Math.Max(1, weeks.Count / 8);
        for (int i = 0; i < weeks.Count; i += step)
        {
            h.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{top + plotH + 16}\" text-anchor=\"middle\">{BacktestJson.WeekKey(weeks[i])}</text>\n");
        }

        foreach (var (colour, name, candidate) in new[] { (BaselineColour, "baseline", false), (CandidateColour, "candidate", true) })
        {
            var points = string.Join(" ", weeks.Select((w, i) => string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(candidate ? w.Goodwill.Candidate : w.Goodwill.Baseline):0.#}")));
            h.Append(CultureInfo.InvariantCulture, $"<polyline class=\"series-{name}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{points}\"><title>{name}</title></polyline>\n");
        }

        Legend(h, left + 10, top + 4);
        h.Append("</svg>\n");
    }

    private static void RuleChart(StringBuilder h, BacktestReport report)
    {
        var rules = report.Summary.ByRule;
        const int left = 230, barH = 9, gap = 8, width = 900, right = 70;
        int height = 40 + (rules.Count * ((2 * barH) + gap));
        long max = Math.Max(1, rules.Count == 0 ? 1 : rules.Max(r => Math.Max(r.Decisions.Baseline, r.Decisions.Candidate)));
        double plotW = width - left - right;
        h.Append(CultureInfo.InvariantCulture, $"<svg id=\"chart-decisions-by-rule\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Decisions by rule, baseline against candidate\">\n");
        Legend(h, left, 4);
        int y = 30;
        foreach (var rule in rules)
        {
            h.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{y + barH + 3}\" text-anchor=\"end\">{E(rule.RuleId)}</text>\n");
            foreach (var (colour, name, value) in new[] { (BaselineColour, "baseline", rule.Decisions.Baseline), (CandidateColour, "candidate", rule.Decisions.Candidate) })
            {
                double w = plotW * value / max;
                h.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar-{name}\" x=\"{left}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{barH}\" fill=\"{colour}\"><title>{E(rule.RuleId)}, {name}: {Count(value)}</title></rect>\n");
                h.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + w + 4:0.#}\" y=\"{y + barH - 1}\">{Count(value)}</text>\n");
                y += barH;
            }

            y += gap;
        }

        h.Append("</svg>\n");
    }

    private static void Legend(StringBuilder h, int x, int y)
    {
        h.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"{BaselineColour}\"/><text x=\"{x + 16}\" y=\"{y + 10}\">baseline</text>\n");
        h.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + 90}\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"{CandidateColour}\"/><text x=\"{x + 106}\" y=\"{y + 10}\">candidate</text>\n");
    }

    private static void Table(StringBuilder h, string title, string id, string[] header, IEnumerable<string[]> rows)
    {
        h.Append("<h2>").Append(E(title)).Append("</h2>\n<table id=\"").Append(id).Append("\">\n<tr>");
        foreach (var cell in header)
        {
            h.Append("<th>").Append(E(cell)).Append("</th>");
        }

        h.Append("</tr>\n");
        foreach (var row in rows)
        {
            h.Append("<tr>");
            foreach (var cell in row)
            {
                h.Append("<td>").Append(cell).Append("</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</table>\n");
    }

    private static string[] Row(string name, decimal baseline, decimal candidate) => [E(name), Money(baseline), Money(candidate), Diff(candidate - baseline)];

    private static string[] Row(string name, long baseline, long candidate) => [E(name), Count(baseline), Count(candidate), Diff(candidate - baseline)];

    private static void AmountRow(StringBuilder h, string name, decimal baseline, decimal candidate) =>
        h.Append("<tr><td>").Append(E(name)).Append("</td><td>").Append(Money(baseline)).Append("</td><td>").Append(Money(candidate)).Append("</td><td>").Append(Diff(candidate - baseline)).Append("</td></tr>\n");

    private static void CountRow(StringBuilder h, string name, long baseline, long candidate) =>
        h.Append("<tr><td>").Append(E(name)).Append("</td><td>").Append(Count(baseline)).Append("</td><td>").Append(Count(candidate)).Append("</td><td>").Append(Diff(candidate - baseline)).Append("</td></tr>\n");

    private static string Diff(decimal d) => d == 0m ? Money(0m) : $"<span class=\"{(d > 0 ? "up" : "down")}\">{Signed(d)}</span>";

    private static string Diff(long d) => d == 0 ? "0" : $"<span class=\"{(d > 0 ? "up" : "down")}\">{Signed(d)}</span>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
