using System.Globalization;
using System.Text;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Time;
using NodaTime;

namespace CareRules.Explanations;

/// <summary>Words explanations: values for readers, decisions, and a whole explanation as sentences.</summary>
internal static class ExplanationText
{
    public static string Of(ClauseValue value) => value switch
    {
        ClauseValue.True => "true",
        ClauseValue.False => "false",
        ClauseValue.NotEvaluated => "not evaluated",
        _ => "failed",
    };

    /// <summary>A value as a reader sees it: dates ISO, instants in the calendar's time zone, enums in catalog spelling, parts of the context as set.</summary>
    public static string FormatValue(object? value, BusinessCalendar? calendar) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => "\"" + s + "\"",
        LocalDate d => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
        Instant i when calendar is not null => i.InZone(calendar.Zone).ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture) + " local",
        Instant i => i.ToString("uuuu-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        Duration d => FormatDuration(d),
        Money m => m.ToString(),
        Enum e => CatalogName(e),
        BusinessCalendar c => "calendar (" + c.Zone.Id + ")",
        IFormattable f when value.GetType().IsPrimitive || value is decimal => f.ToString(null, CultureInfo.InvariantCulture),
        Customer or Order or CareCase or CareContext => "set",
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A decision as a short phrase: its type and what it says, e.g. <c>compensate gift-in-parcel 20.00 PLN</c>.</summary>
    public static string Describe(Decision d)
    {
        string what = d.Type switch
        {
            DecisionType.Compensate => CatalogNames.Of(d.Offer) + (d.Value is { } v ? " " + v : string.Empty) + (d.Legal ? " (legal)" : string.Empty),
            DecisionType.Stop => CatalogNames.Of(d.Stop),
            DecisionType.Escalate => "to " + CatalogNames.Of(d.To) + ", " + CatalogNames.Of(d.Priority),
            DecisionType.Notify => CatalogNames.Of(d.Message) + " by " + CatalogNames.Of(d.Channel),
            _ => CatalogNames.Of(d.Advice),
        };
        return CatalogNames.Of(d.Type) + " " + what;
    }

    public static string Render(RuleExplanation e)
    {
        var text = new StringBuilder();
        text.Append(e.CaseId is { } id ? $"Case {id}: rule " : "Rule ").Append(e.RuleId)
            .Append(e.Fired ? " fired" : " did not fire");
        if (e.Condition is null)
        {
            text.Append(". Its condition is a compiled function, so its clauses cannot be shown.").AppendLine();
        }
        else
        {
            text.Append(e.Fired ? ": its condition holds." : ": its condition does not hold.").AppendLine();
            Clause(text, e.Condition, 1);
        }

        if (e.Decisions.Count > 0)
        {
            text.AppendLine("Its decisions:");
            foreach (var fate in e.Decisions)
            {
                text.Append("  - ").AppendLine(fate.Text);
            }
        }

        return text.ToString();
    }

    private static void Clause(StringBuilder text, Clause c, int depth)
    {
        text.Append(' ', depth * 2).Append(Of(c.Value)).Append(": ").Append(Inline(c));
        if (c.Flip is { } flip)
        {
            text.Append("; ").Append(flip.Text);
        }

        if (c.Error is { } error)
        {
            text.Append(" (").Append(error).Append(')');
        }

        // A called fact's definition is one && or || of clauses: list them under the call instead of repeating it whole.
        var nested = c.Clauses;
        if (c.Kind == ClauseKind.Call && nested is [{ Kind: ClauseKind.All or ClauseKind.Any } body] && body.Value != ClauseValue.NotEvaluated)
        {
            text.Append(body.Kind == ClauseKind.All ? ", which needs all of:" : ", which needs any of:");
            nested = body.Clauses;
        }

        text.AppendLine();
        foreach (var clause in nested)
        {
            Clause(text, clause, depth + 1);
        }
    }

    /// <summary>The clause's text with each operand's value after its first mention, e.g. <c>today (2026-11-23) &gt; order.PromisedBy (2026-11-25)</c>.</summary>
    private static string Inline(Clause c)
    {
        string expression = c.Expression;
        var result = new StringBuilder();
        int cursor = 0;
        foreach (var operand in c.Operands)
        {
            int at = expression.IndexOf(operand.Expression, cursor, StringComparison.Ordinal);
            if (at < 0 || operand.Expression == operand.Value)
            {
                continue;
            }

            int end = at + operand.Expression.Length;
            result.Append(expression, cursor, end - cursor).Append(" (").Append(operand.Value).Append(')');
            cursor = end;
        }

        return result.Append(expression, cursor, expression.Length - cursor).ToString();
    }

    /// <summary>
    /// A duration in days, hours and minutes, zero parts left out: <c>8h</c>, <c>30 min</c>, <c>2h 30 min</c>,
    /// <c>27 days</c>, <c>6 days 23h 48 min</c>; seconds only when there are any; <c>0 min</c>; negative with a leading
    /// minus sign.
    /// </summary>
    internal static string FormatDuration(Duration d)
    {
        if (d == Duration.Zero)
        {
            return "0 min";
        }

        var parts = new List<string>(4);
        var left = d < Duration.Zero ? -d : d;
        long days = (long)Math.Floor(left.TotalDays);
        left -= Duration.FromDays(days);
        long hours = (long)Math.Floor(left.TotalHours);
        left -= Duration.FromHours(hours);
        long minutes = (long)Math.Floor(left.TotalMinutes);
        left -= Duration.FromMinutes(minutes);
        if (days > 0)
        {
            parts.Add(days.ToString(CultureInfo.InvariantCulture) + (days == 1 ? " day" : " days"));
        }

        if (hours > 0)
        {
            parts.Add(hours.ToString(CultureInfo.InvariantCulture) + "h");
        }

        if (minutes > 0)
        {
            parts.Add(minutes.ToString(CultureInfo.InvariantCulture) + " min");
        }

        if (left > Duration.Zero)
        {
            parts.Add(left.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s");
        }

        return (d < Duration.Zero ? "-" : string.Empty) + string.Join(' ', parts);
    }

    private static string CatalogName(Enum e) =>
        (string)typeof(CatalogNames).GetMethod(nameof(CatalogNames.Of))!.MakeGenericMethod(e.GetType()).Invoke(null, [e])!;
}
