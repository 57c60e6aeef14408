using System.Text;
using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Benchmarks.HandWritten;

/// <summary>Compares a hand-written result with the engine's, field by field, so a benchmark never compares unequal work.</summary>
public static class Equivalence
{
    /// <summary>
    /// Null when both give the same decisions (type, rule, reason, offer, value, percent, legal, stop, until, to,
    /// priority, due-by, channel, message, advice, in order), the same fired rules and the same goodwill total;
    /// else a description of every difference. The engine's trace has no hand-written counterpart and is not compared.
    /// </summary>
    public static string? Difference(EvaluationBuffer engine, HandWrittenResult hand)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(hand);
        var problems = new StringBuilder();
        var e = engine.Decisions;
        var h = hand.Decisions;
        if (e.Length != h.Length)
        {
            problems.Append("decision count: engine ").Append(e.Length).Append(", hand-written ").Append(h.Length).AppendLine();
        }

        for (int i = 0; i < Math.Min(e.Length, h.Length); i++)
        {
            var a = e[i];
            var b = h[i];
            void Check<T>(string field, T x, T y)
            {
                if (!EqualityComparer<T>.Default.Equals(x, y))
                {
                    problems.Append('[').Append(i).Append("] ").Append(field).Append(": engine ").Append(x?.ToString() ?? "null")
                        .Append(", hand-written ").Append(y?.ToString() ?? "null").AppendLine();
                }
            }

            Check("type", a.Type, b.Type);
            Check("rule", a.RuleId, b.RuleId);
            Check("reason", a.Reason, b.Reason);
            Check("offer", a.Offer, b.Offer);
            Check("value", a.Value is { } v ? v.Amount : (decimal?)null, b.Value);
            Check("value currency", a.Value is { } vc ? vc.Currency : Currency.Pln, Currency.Pln);
            Check("percent", a.Percent, b.Percent);
            Check("legal", a.Legal, b.Legal);
            Check("stop", a.Stop, b.Stop);
            Check("until", a.Until, b.Until);
            Check("to", a.To, b.To);
            Check("priority", a.Priority, b.Priority);
            Check("dueBy", a.DueBy, b.DueBy);
            Check("channel", a.Channel, b.Channel);
            Check("message", a.Message, b.Message);
            Check("advice", a.Advice, b.Advice);
        }

        string engineFired = string.Join(",", engine.Fired.ToArray());
        string handFired = string.Join(",", hand.Fired);
        if (engineFired != handFired)
        {
            problems.Append("fired: engine ").Append(engineFired).Append(", hand-written ").Append(handFired).AppendLine();
        }

        if (engine.GoodwillTotal.Amount != hand.GoodwillTotal || engine.GoodwillTotal.Currency != Currency.Pln)
        {
            problems.Append("goodwill total: engine ").Append(engine.GoodwillTotal).Append(", hand-written ").Append(hand.GoodwillTotal).AppendLine();
        }

        if (problems.Length == 0)
        {
            return null;
        }

        problems.AppendLine("engine decisions:");
        foreach (var d in e)
        {
            problems.Append("  ").Append(d).Append(d.DueBy is { } due ? " dueBy=" + due : "").Append(d.Until is { } until ? " until=" + until : "").AppendLine();
        }

        problems.AppendLine("hand-written decisions:");
        foreach (var d in h)
        {
            problems.Append("  ").Append(d).AppendLine();
        }

        return problems.ToString();
    }
}
