using System.Linq.Expressions;
using CareRules.Evaluation;
using NodaTime;

namespace CareRules.Explanations;

/// <summary>Words the nearest flip of a false comparison in the reader's terms.</summary>
internal static class Flips
{
    public static NearestFlip? Describe(PackExplainer.OperandPlan fact, object? factValue, ExpressionType op, PackExplainer.OperandPlan threshold, object? thresholdValue, bool clock, CompiledPack pack)
    {
        var calendar = pack.Calendar;
        string was = PackExplainer.FormatOperand(fact, factValue, pack);
        string at = PackExplainer.FormatOperand(threshold, thresholdValue, pack);
        string symbol = Symbol(op);
        var parameters = threshold.Parameters;
        string from = threshold.Parameter is { } p ? $" ({p})" : parameters.Count > 0 ? $" (from {string.Join(", ", parameters)})" : string.Empty;

        if (clock && thresholdValue is LocalDate date)
        {
            string when = When(op);
            return when.Length == 0 ? null
                : new NearestFlip(fact.Text, symbol, ExplanationText.FormatValue(date, calendar), parameters, was, $"fires {when} {ExplanationText.FormatValue(date, calendar)} local ({calendar.Zone.Id}{Source(threshold)})");
        }

        if (clock && thresholdValue is Instant instant)
        {
            string when = When(op);
            string local = instant.InZone(calendar.Zone).ToString("uuuu-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            string now = factValue is Instant n ? n.InZone(calendar.Zone).ToString("uuuu-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : was;
            return when.Length == 0 ? null
                : new NearestFlip(fact.Text, symbol, local, parameters, now, $"fires {when} {local} local ({calendar.Zone.Id}{Source(threshold)})");
        }

        if (thresholdValue is null)
        {
            return op switch
            {
                ExpressionType.Equal => new NearestFlip(fact.Text, symbol, "null", parameters, was, $"fires when {fact.Text} is not set"),
                ExpressionType.NotEqual => new NearestFlip(fact.Text, symbol, "null", parameters, was, $"fires when {fact.Text} is set"),
                _ => null,
            };
        }

        if (LocalDaysSince(fact.Text) is { } since && IsIntegral(thresholdValue) && factValue is not null && op is ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual)
        {
            // Period.DaysBetween(calendar.LocalDate(case.OpenedAt), today) >= 10 reads "from local day 10 after case.OpenedAt".
            long day = Convert.ToInt64(thresholdValue, System.Globalization.CultureInfo.InvariantCulture) + op switch { ExpressionType.GreaterThan => 1, ExpressionType.LessThan => -1, _ => 0 };
            bool upward = op is ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual;
            string dayText = day.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new NearestFlip(fact.Text, upward ? ">=" : "<=", dayText, parameters, was,
                $"fires {(upward ? "from" : "up to")} local day {dayText} after {since} ({calendar.Zone.Id}{Source(threshold)}); today is day {was}");
        }

        switch (op)
        {
            case ExpressionType.Equal:
                return new NearestFlip(fact.Text, symbol, at, parameters, was, $"fires when {fact.Text} is {at}{from}");
            case ExpressionType.NotEqual:
                return new NearestFlip(fact.Text, symbol, at, parameters, was, $"fires when {fact.Text} is not {at}{from}");
            case ExpressionType.GreaterThan when IsIntegral(thresholdValue):
                string next = (Convert.ToInt64(thresholdValue, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new NearestFlip(fact.Text, ">=", next, parameters, was, $"fires from {fact.Text} ≥ {next}{from}; was {was}");
            case ExpressionType.LessThan when IsIntegral(thresholdValue):
                string previous = (Convert.ToInt64(thresholdValue, System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new NearestFlip(fact.Text, "<=", previous, parameters, was, $"fires up to {fact.Text} ≤ {previous}{from}; was {was}");
            case ExpressionType.GreaterThanOrEqual:
                return new NearestFlip(fact.Text, symbol, at, parameters, was, $"fires from {fact.Text} ≥ {at}{from}; was {was}");
            case ExpressionType.LessThanOrEqual:
                return new NearestFlip(fact.Text, symbol, at, parameters, was, $"fires up to {fact.Text} ≤ {at}{from}; was {was}");
            default:
                return new NearestFlip(fact.Text, symbol, at, parameters, was, $"fires when {fact.Text} {symbol} {at}{from}; was {was}");
        }
    }

    /// <summary>Where a clock threshold comes from, inside the bracket of the time zone: "; contactBoundary" or "; from carrierClaimMaxHold".</summary>
    private static string Source(PackExplainer.OperandPlan threshold) =>
        threshold.Parameter is { } p ? "; " + p : threshold.Parameters.Count > 0 ? "; from " + string.Join(", ", threshold.Parameters) : string.Empty;

    /// <summary>The instant a count of local days starts from, when the fact is <c>Period.DaysBetween(calendar.LocalDate(X), today)</c>; else null.</summary>
    private static string? LocalDaysSince(string fact)
    {
        const string Start = "Period.DaysBetween(calendar.LocalDate(", End = "), today)";
        return fact.StartsWith(Start, StringComparison.Ordinal) && fact.EndsWith(End, StringComparison.Ordinal) && fact.Length > Start.Length + End.Length
            ? fact[Start.Length..^End.Length]
            : null;
    }

    private static bool IsIntegral(object value) => value is int or long or short or byte or sbyte or uint or ulong or ushort;

    private static string When(ExpressionType op) => op switch
    {
        ExpressionType.GreaterThan => "after",
        ExpressionType.GreaterThanOrEqual => "from",
        ExpressionType.LessThan => "before",
        ExpressionType.LessThanOrEqual => "until",
        ExpressionType.Equal => "on",
        _ => string.Empty,
    };

    private static string Symbol(ExpressionType op) => op switch
    {
        ExpressionType.Equal => "==",
        ExpressionType.NotEqual => "!=",
        ExpressionType.LessThan => "<",
        ExpressionType.LessThanOrEqual => "<=",
        ExpressionType.GreaterThan => ">",
        ExpressionType.GreaterThanOrEqual => ">=",
        _ => op.ToString(),
    };
}
