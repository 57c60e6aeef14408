using System.Globalization;
using System.Text;
using CareRules.Evaluation;
using NodaTime;
using NodaTime.Text;
using CareRules.Model;

namespace CareRules.Testing;

/// <summary>
/// Renders a verdict as readable text for test failures and test output: every decision with all its fields, the rule
/// that produced it and its reason; the goodwill total; the rules that fired; and the trace. Instants are UTC
/// (ISO-8601). Thread-safe.
/// </summary>
/// <example>
/// <code>
/// Verdict of case K-1 by shop@1.0.0
///   decisions (2):
///     escalate supervisor high, due by 2026-11-23T09:00:00Z  [reply.sla-breached] The case has waited …
///     compensate gift-in-parcel 20.00 PLN  [delay.gift] The order is late through no fault of the customer, …
///   goodwill total: 20.00 PLN
///   fired (2): delay.gift, reply.sla-breached
///   trace (2):
///     Rule delay.gift fired.
///     Rule reply.sla-breached fired.
/// </code>
/// </example>
public static class VerdictText
{
    /// <summary>The whole verdict, on several lines indented by two spaces.</summary>
    public static string Format(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var text = new StringBuilder();
        text.Append("Verdict of ").Append(verdict.CaseId is { } id ? "case " + id : "a context without a case").Append(" by ").Append(verdict.Pack);
        text.AppendLine().Append("  decisions (").Append(Count(verdict.Decisions.Count)).Append(')').Append(verdict.Decisions.Count == 0 ? ": none" : ":");
        foreach (var d in verdict.Decisions)
        {
            text.AppendLine().Append("    ").Append(Describe(d)).Append("  [").Append(d.RuleId).Append("] ").Append(d.Reason);
        }

        text.AppendLine().Append("  goodwill total: ").Append(verdict.GoodwillTotal);
        text.AppendLine().Append("  fired (").Append(Count(verdict.Fired.Count)).Append("): ").Append(verdict.Fired.Count == 0 ? "none" : string.Join(", ", verdict.Fired));
        text.AppendLine().Append("  trace (").Append(Count(verdict.Trace.Count)).Append(')').Append(verdict.Trace.Count == 0 ? ": empty" : ":");
        foreach (var t in verdict.Trace)
        {
            text.AppendLine().Append("    ").Append(t.Describe());
        }

        return text.ToString();
    }

    /// <summary>
    /// One decision with every field of its type, in catalog words, e.g. <c>compensate full-refund 349.99 PLN legal,
    /// due by 2026-12-08T23:00:00Z</c> or <c>stop hold-pending-carrier-claim until 2026-12-07T09:00:00Z</c>.
    /// </summary>
    public static string Describe(Decision decision)
    {
        var text = new StringBuilder(decision.Shape.Name);
        foreach (var field in decision.Shape.Fields)
        {
            switch (field.Field)
            {
                case DecisionField.Offer:
                    text.Append(' ').Append(CatalogNames.Of(decision.Offer));
                    break;
                case DecisionField.Value when decision.Value is { } value:
                    text.Append(' ').Append(value);
                    break;
                case DecisionField.Percent when decision.Percent is { } percent:
                    text.Append(' ').Append(percent.ToString(CultureInfo.InvariantCulture)).Append('%');
                    break;
                case DecisionField.Legal when decision.Legal:
                    text.Append(" legal");
                    break;
                case DecisionField.Stop:
                    text.Append(' ').Append(CatalogNames.Of(decision.Stop));
                    break;
                case DecisionField.Until when decision.Until is { } until:
                    text.Append(" until ").Append(FormatInstant(until));
                    break;
                case DecisionField.To:
                    text.Append(' ').Append(CatalogNames.Of(decision.To));
                    break;
                case DecisionField.Priority:
                    text.Append(' ').Append(CatalogNames.Of(decision.Priority));
                    break;
                case DecisionField.Channel:
                    text.Append(' ').Append(CatalogNames.Of(decision.Channel));
                    break;
                case DecisionField.Message:
                    text.Append(' ').Append(CatalogNames.Of(decision.Message));
                    break;
                case DecisionField.Advice:
                    text.Append(' ').Append(CatalogNames.Of(decision.Advice));
                    break;
            }
        }

        if (decision.DueBy is { } due)
        {
            text.Append(", due by ").Append(FormatInstant(due));
        }

        return text.ToString();
    }

    /// <summary>An instant as ISO-8601 UTC, e.g. <c>2026-11-23T09:00:00Z</c>.</summary>
    internal static string FormatInstant(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    /// <summary>An amount with two decimals, invariant culture.</summary>
    internal static string FormatAmount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
