using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CareRules.Model;
using CareRules.Time;
using NodaTime;
using NodaTime.Text;

namespace CareRules.Authoring;

/// <summary>Factories for the common kinds of pack parameter, with parsing and validation built in.</summary>
public static class Parameter
{
    /// <summary>A whole number within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static ParameterDefinition<int> Integer(string name, int defaultValue, string description, int min = 0, int max = int.MaxValue) =>
        new(name, defaultValue, description,
            (string t, out int v, out string? e) =>
            {
                bool ok = int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out v);
                e = ok ? null : $"expected a whole number, was '{t}'.";
                return ok;
            },
            v => v.ToString(CultureInfo.InvariantCulture),
            v => v < min || v > max ? $"expected a whole number from {min} to {max}, was {v}." : null);

    /// <summary>A decimal number within [<paramref name="min"/>, <paramref name="max"/>] (e.g. a share such as 0.20).</summary>
    public static ParameterDefinition<decimal> Decimal(string name, decimal defaultValue, string description, decimal min = 0m, decimal max = decimal.MaxValue) =>
        new(name, defaultValue, description,
            ParseDecimal,
            v => v.ToString(CultureInfo.InvariantCulture),
            v => v < min || v > max ? $"expected a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, was {v.ToString(CultureInfo.InvariantCulture)}." : null);

    /// <summary>
    /// An amount of money in the pack's currency, given as a number (<c>20</c>, <c>25.50</c>) or with the currency
    /// (<c>20 PLN</c>; when the pack is built, a code other than the pack's currency is an error at
    /// <c>parameters['NAME']</c>, catalog section 3.2). Nothing else may follow the number. Never negative.
    /// </summary>
    public static ParameterDefinition<decimal> Amount(string name, decimal defaultValue, string description) =>
        new(name, defaultValue, description,
            (string t, out decimal v, out string? e) =>
            {
                var parts = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 2 || (parts.Length == 2 && !Currency.TryParse(parts[1], out _)))
                {
                    v = 0;
                    e = $"expected an amount such as '20' or '20 PLN', was '{t}'.";
                    return false;
                }

                return ParseDecimal(parts.Length > 0 ? parts[0] : t, out v, out e);
            },
            v => v.ToString("0.00", CultureInfo.InvariantCulture),
            v => v < 0 ? $"expected an amount of zero or more, was {v.ToString(CultureInfo.InvariantCulture)}." : decimal.Round(v, 2) != v ? $"expected at most two decimals, was {v.ToString(CultureInfo.InvariantCulture)}." : null)
        {
            IsAmount = true,
        };

    /// <summary>The currency code written after the number of an amount's text form (<c>25 EUR</c>), if any.</summary>
    internal static bool TryGetAmountCurrency(string text, out Currency currency)
    {
        currency = default;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && Currency.TryParse(parts[1], out currency);
    }

    /// <summary>A number of calendar days (<c>14</c> or <c>14d</c>), from 0 to 3650.</summary>
    public static ParameterDefinition<int> Days(string name, int defaultValue, string description) =>
        new(name, defaultValue, description,
            (string t, out int v, out string? e) =>
            {
                string digits = t.EndsWith('d') ? t[..^1] : t;
                bool ok = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out v);
                e = ok ? null : $"expected a number of days such as '14' or '14d', was '{t}'.";
                return ok;
            },
            v => v.ToString(CultureInfo.InvariantCulture) + "d",
            v => v is < 0 or > 3650 ? $"expected 0 to 3650 days, was {v}." : null);

    /// <summary>
    /// A span of business time: <c>8h</c>, <c>90m</c>, <c>1.5h</c> or ISO-8601 <c>PT8H</c>. One business day under the
    /// default hours (Mon–Fri 08:00–16:00) is <c>8h</c>. Must be positive and at most 10,000 hours.
    /// </summary>
    public static ParameterDefinition<Duration> BusinessTime(string name, Duration defaultValue, string description) =>
        new(name, defaultValue, description,
            ParseBusinessTime,
            FormatBusinessTime,
            v => v <= Duration.Zero || v > Duration.FromHours(10_000) ? $"expected a positive business time up to 10000h, was {FormatBusinessTime(v)}." : null);

    /// <summary>A choice among the values of an enumeration, written in the catalog's spelling.</summary>
    public static ParameterDefinition<TEnum> Choice<TEnum>(string name, TEnum defaultValue, string description)
        where TEnum : struct, Enum =>
        new(name, defaultValue, description,
            (string t, out TEnum v, out string? e) =>
            {
                bool ok = CatalogNames.TryParse(t, out v);
                e = ok ? null : $"expected {CatalogNames.Expected<TEnum>()}, was '{t}'.";
                return ok;
            },
            v => CatalogNames.Of(v),
            v => Enum.IsDefined(v) ? null : $"expected {CatalogNames.Expected<TEnum>()}, was {v}.");

    /// <summary>An ISO 4217 currency code such as <c>PLN</c>.</summary>
    public static ParameterDefinition<Currency> CurrencyCode(string name, Currency defaultValue, string description) =>
        new(name, defaultValue, description,
            (string t, out Currency v, out string? e) =>
            {
                bool ok = Currency.TryParse(t, out v);
                e = ok ? null : $"expected an ISO 4217 currency code of three upper-case letters such as 'PLN', was '{t}'.";
                return ok;
            },
            v => v.Code,
            v => v.IsEmpty ? "expected a currency code." : null);

    /// <summary>An IANA time zone id from the TZDB (e.g. <c>Europe/Warsaw</c>).</summary>
    public static ParameterDefinition<DateTimeZone> TimeZone(string name, DateTimeZone defaultValue, string description) =>
        new(name, defaultValue, description,
            (string t, [MaybeNullWhen(false)] out DateTimeZone v, out string? e) =>
            {
                var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(t);
                v = zone!;
                e = zone is null ? $"expected an IANA time zone id such as 'Europe/Warsaw', was '{t}'." : null;
                return zone is not null;
            },
            v => v.Id);

    /// <summary>Weekly working hours such as <c>Mon-Fri 08:00-16:00</c> (see <see cref="WeeklyHours"/>).</summary>
    public static ParameterDefinition<WeeklyHours> Hours(string name, WeeklyHours defaultValue, string description) =>
        new(name, defaultValue, description,
            (string t, [MaybeNullWhen(false)] out WeeklyHours v, out string? e) =>
            {
                bool ok = WeeklyHours.TryParse(t, out var hours, out e);
                v = hours!;
                return ok && hours is not null;
            },
            v => v.ToString());

    private static bool ParseDecimal(string t, out decimal v, out string? e)
    {
        bool ok = decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out v);
        e = ok ? null : $"expected a number such as '0.20' (a dot for decimals), was '{t}'.";
        return ok;
    }

    private static bool ParseBusinessTime(string t, out Duration v, out string? e)
    {
        v = Duration.Zero;
        e = $"expected a business time such as '8h', '90m' or 'PT8H', was '{t}'.";
        if (t.Length < 2)
        {
            return false;
        }

        if (t[0] == 'P')
        {
            var period = PeriodPattern.NormalizingIso.Parse(t);
            if (period.Success && !period.Value.HasDateComponent)
            {
                v = period.Value.ToDuration();
                e = null;
                return true;
            }

            return false;
        }

        char unit = t[^1];
        if (unit is not ('h' or 'm') || !decimal.TryParse(t.AsSpan(0, t.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        decimal minutes = unit == 'h' ? n * 60m : n;
        if (minutes != decimal.Truncate(minutes) || minutes > 600_000m)
        {
            e = $"expected whole minutes, was '{t}'.";
            return false;
        }

        v = Duration.FromMinutes((long)minutes);
        e = null;
        return true;
    }

    private static string FormatBusinessTime(Duration d) =>
        d.TotalMinutes % 60 == 0
            ? ((long)d.TotalHours).ToString(CultureInfo.InvariantCulture) + "h"
            : ((long)d.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m";
}
