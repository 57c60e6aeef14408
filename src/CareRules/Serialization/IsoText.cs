using NodaTime;
using NodaTime.Text;

namespace CareRules.Serialization;

/// <summary>
/// The one grammar of the case format's instants and dates (catalog section 5.4), parsed without allocation straight
/// from UTF-8: instants exactly <c>yyyy-MM-ddTHH:mm:ss[.f…]Z</c> (1–9 fraction digits, hours 00–23, UTC only) and
/// dates exactly <c>yyyy-MM-dd</c>, years 0001–9999 (the model then requires the supported range, 1900–9000). Anything
/// else is refused — there is no lenient fallback, so <c>24:00:00</c>, year <c>0000</c>, <c>-2026</c>, an offset
/// or a trailing character are errors. Thread-safe.
/// </summary>
internal static class IsoText
{
    /// <summary>Parses <c>2026-11-23T10:00:00Z</c> or <c>2026-11-23T10:00:00.5Z</c> (1–9 fraction digits, years 1–9999).</summary>
    public static bool TryParseInstant(ReadOnlySpan<byte> text, out Instant value)
    {
        value = default;
        if (text.Length is < 20 or 21 or > 30 || text[^1] != (byte)'Z' || text[10] != (byte)'T' || text[13] != (byte)':' || text[16] != (byte)':'
            || !TryDate(text[..10], out int year, out int month, out int day)
            || !TwoDigits(text, 11, 23, out int hour) || !TwoDigits(text, 14, 59, out int minute) || !TwoDigits(text, 17, 59, out int second))
        {
            return false;
        }

        long nanos = 0;
        if (text.Length > 20)
        {
            if (text[19] != (byte)'.')
            {
                return false;
            }

            var fraction = text[20..^1];
            for (int i = 0; i < 9; i++)
            {
                int digit = 0;
                if (i < fraction.Length)
                {
                    digit = fraction[i] - '0';
                    if ((uint)digit > 9)
                    {
                        return false;
                    }
                }

                nanos = (nanos * 10) + digit;
            }
        }

        value = Instant.FromUtc(year, month, day, hour, minute, second) + Duration.FromNanoseconds(nanos);
        return true;
    }

    /// <summary>Parses <c>2026-11-14</c> (years 1–9999).</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> text, out LocalDate value)
    {
        value = default;
        if (text.Length != 10 || !TryDate(text, out int year, out int month, out int day))
        {
            return false;
        }

        value = new LocalDate(year, month, day);
        return true;
    }

    private static bool TryDate(ReadOnlySpan<byte> text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (text[4] != (byte)'-' || text[7] != (byte)'-' || !TwoDigits(text, 0, 99, out int century) || !TwoDigits(text, 2, 99, out int yy)
            || !TwoDigits(text, 5, 12, out month) || !TwoDigits(text, 8, 31, out day))
        {
            return false;
        }

        year = (century * 100) + yy;
        return year >= 1 && month >= 1 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month);
    }

    private static bool TwoDigits(ReadOnlySpan<byte> text, int at, int max, out int value)
    {
        int tens = text[at] - '0', units = text[at + 1] - '0';
        value = (tens * 10) + units;
        return (uint)tens <= 9 && (uint)units <= 9 && value <= max;
    }
}
