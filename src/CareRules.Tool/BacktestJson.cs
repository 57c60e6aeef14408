using System.Globalization;
using System.Text.Json;
using CareRules.Backtesting;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Serialization;
using NodaTime.Text;

namespace CareRules.Tool;

/// <summary>
/// <c>backtest --json</c>: the figures as one JSON object (every key documented in catalog section 6.4). Amounts are
/// numbers with two decimals in the packs' currency; names are catalog spellings; objects keyed by name list every
/// value of the vocabulary where the summary does (decisions, escalations, stops).
/// </summary>
internal static class BacktestJson
{
    public static byte[] ToUtf8Bytes(BacktestReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, VerdictJsonWriter.WriterOptions()))
        {
            Write(w, report);
        }

        return stream.ToArray();
    }

    private static void Write(Utf8JsonWriter w, BacktestReport report)
    {
        var s = report.Summary;
        w.WriteStartObject();
        w.WriteString("baseline", s.BaselinePack);
        w.WriteString("candidate", s.CandidatePack);
        w.WriteString("currency", s.Currency.Code);
        w.WriteString("timeZone", s.TimeZone.Id);
        w.WriteNumber("cases", s.Cases);
        w.WriteNumber("rejected", report.Rejected);
        w.WriteNumber("changed", s.Changed);
        Amount(w, "goodwill", s.Goodwill);
        w.WriteStartObject("goodwillByOffer");
        foreach (var (kind, amount) in s.GoodwillByOffer.OrderBy(p => p.Key))
        {
            Amount(w, CatalogNames.Of(kind), amount);
        }

        w.WriteEndObject();
        Counts(w, "decisions", s.Decisions);
        Counts(w, "escalations", s.Escalations);
        Counts(w, "stops", s.Stops);
        Count(w, "notifications", s.Notifications);
        w.WriteStartObject("legalRemedies");
        Count(w, "count", s.LegalRemedies.Count);
        Amount(w, "value", s.LegalRemedies.Value);
        w.WriteNumber("changedCases", s.LegalRemedies.ChangedCases);
        w.WriteBoolean("changed", s.LegalRemedies.Changed);
        w.WriteEndObject();
        w.WriteStartObject("byRule");
        foreach (var rule in s.ByRule)
        {
            w.WriteStartObject(rule.RuleId);
            Count(w, "decisions", rule.Decisions);
            Amount(w, "goodwill", rule.Goodwill);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("byMonth");
        foreach (var month in s.ByMonth)
        {
            w.WriteStartObject(month.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            w.WriteNumber("cases", month.Cases);
            w.WriteNumber("changed", month.Changed);
            Amount(w, "goodwill", month.Goodwill);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("byWeek");
        foreach (var week in s.ByWeek)
        {
            w.WriteStartObject(WeekKey(week));
            w.WriteString("monday", LocalDatePattern.Iso.Format(week.Monday));
            w.WriteNumber("cases", week.Cases);
            Amount(w, "goodwill", week.Goodwill);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartArray("mostExpensive");
        foreach (var c in s.MostExpensiveChanges)
        {
            w.WriteStartObject();
            if (c.CaseId is null)
            {
                w.WriteNull("caseId");
            }
            else
            {
                w.WriteString("caseId", c.CaseId);
            }

            w.WriteString("now", InstantPattern.ExtendedIso.Format(c.Now));
            Amount(w, "goodwill", c.Goodwill);
            Decisions(w, "before", c.Baseline);
            Decisions(w, "after", c.Candidate);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>An ISO week as <c>2026-W05</c>.</summary>
    public static string WeekKey(BacktestWeek week) =>
        string.Create(CultureInfo.InvariantCulture, $"{week.WeekYear:D4}-W{week.Week:D2}");

    private static void Amount(Utf8JsonWriter w, string name, BacktestAmount amount)
    {
        w.WriteStartObject(name);
        Number(w, "baseline", amount.Baseline);
        Number(w, "candidate", amount.Candidate);
        Number(w, "difference", amount.Difference);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, decimal amount)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(decimal.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture), skipInputValidation: true);
    }

    private static void Count(Utf8JsonWriter w, string name, BacktestCount count)
    {
        w.WriteStartObject(name);
        w.WriteNumber("baseline", count.Baseline);
        w.WriteNumber("candidate", count.Candidate);
        w.WriteNumber("difference", count.Difference);
        w.WriteEndObject();
    }

    private static void Counts<TEnum>(Utf8JsonWriter w, string name, IReadOnlyDictionary<TEnum, BacktestCount> counts)
        where TEnum : struct, Enum
    {
        w.WriteStartObject(name);
        foreach (var (key, count) in counts.OrderBy(p => p.Key))
        {
            Count(w, CatalogNames.Of(key), count);
        }

        w.WriteEndObject();
    }

    /// <summary>Decisions as in a verdict (catalog 5.6), without their reasons.</summary>
    private static void Decisions(Utf8JsonWriter w, string name, IReadOnlyList<Decision> decisions)
    {
        w.WriteStartArray(name);
        foreach (var d in decisions)
        {
            w.WriteStartObject();
            w.WriteString("type", CatalogNames.Of(d.Type));
            w.WriteString("rule", d.RuleId);
            foreach (var field in d.Shape.Fields)
            {
                switch (field.Field)
                {
                    case DecisionField.Offer: w.WriteString(field.Name, CatalogNames.Of(d.Offer)); break;
                    case DecisionField.Value when d.Value is { } v: Number(w, field.Name, v.Amount); break;
                    case DecisionField.Percent when d.Percent is { } p: w.WriteNumber(field.Name, p); break;
                    case DecisionField.Legal: w.WriteBoolean(field.Name, d.Legal); break;
                    case DecisionField.DueBy when d.DueBy is { } due: w.WriteString(field.Name, InstantPattern.ExtendedIso.Format(due)); break;
                    case DecisionField.Stop: w.WriteString(field.Name, CatalogNames.Of(d.Stop)); break;
                    case DecisionField.Until when d.Until is { } until: w.WriteString(field.Name, InstantPattern.ExtendedIso.Format(until)); break;
                    case DecisionField.To: w.WriteString(field.Name, CatalogNames.Of(d.To)); break;
                    case DecisionField.Priority: w.WriteString(field.Name, CatalogNames.Of(d.Priority)); break;
                    case DecisionField.Channel: w.WriteString(field.Name, CatalogNames.Of(d.Channel)); break;
                    case DecisionField.Message: w.WriteString(field.Name, CatalogNames.Of(d.Message)); break;
                    case DecisionField.Advice: w.WriteString(field.Name, CatalogNames.Of(d.Advice)); break;
                }
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
