using System.Diagnostics.CodeAnalysis;
using System.Text;
using NodaTime;

namespace CareRules.Time;

/// <summary>
/// Working hours per ISO day of the week: on each day the shop is either closed or open for one interval
/// from an opening to a closing local wall-clock time (minute precision, closing strictly after opening, both
/// within the same day: 00:00–23:59). At least one day is open. Immutable and thread-safe; equality is by value.
/// </summary>
/// <remarks>
/// The text form is one or more parts separated by <c>;</c>, each naming days and then hours, e.g.
/// <c>Mon-Fri 08:00-16:00</c>, <c>Mon-Fri 08:00-16:00; Sat 09:00-13:00</c> or <c>Mon,Wed 10:00-18:00</c>.
/// Days are <c>Mon Tue Wed Thu Fri Sat Sun</c> (case-insensitive), listed with <c>,</c> or as forward ranges
/// with <c>-</c>; times are <c>H:mm</c> or <c>HH:mm</c>. A day may appear in only one part. Days not named are
/// closed. Split shifts (two intervals a day), overnight hours and <c>24:00</c> are not supported.
/// </remarks>
public sealed class WeeklyHours : IEquatable<WeeklyHours>
{
    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    // Indexed by (int)IsoDayOfWeek - 1; a default entry means closed.
    private readonly DayHours[] _days;
    private readonly string _text;

    private WeeklyHours(DayHours[] days)
    {
        _days = days;
        if (Array.TrueForAll(days, static d => !d.IsOpen))
        {
            throw new InvalidOperationException("Weekly hours must open on at least one day.");
        }

        _text = Format(days);
    }

    /// <summary>The default helpdesk hours: Monday to Friday, 08:00–16:00.</summary>
    public static WeeklyHours Default { get; } = Parse("Mon-Fri 08:00-16:00");

    /// <summary>Parses the text form described in the remarks of <see cref="WeeklyHours"/>.</summary>
    /// <param name="text">E.g. <c>Mon-Fri 08:00-16:00; Sat 09:00-13:00</c>.</param>
    /// <returns>The weekly hours.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not valid; the message says what is wrong and where.</exception>
    public static WeeklyHours Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var hours, out var error) ? hours : throw new FormatException(error);
    }

    /// <summary>Tries to parse the text form described in the remarks of <see cref="WeeklyHours"/>.</summary>
    /// <param name="text">E.g. <c>Mon-Fri 08:00-16:00; Sat 09:00-13:00</c>.</param>
    /// <param name="hours">The weekly hours when the text is valid, else null.</param>
    /// <param name="error">Null when the text is valid, else a message that says what is wrong and where.</param>
    /// <returns>True when the text is valid.</returns>
    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out WeeklyHours? hours,
        [NotNullWhen(false)] out string? error)
    {
        hours = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Weekly hours are empty; expected days and hours, e.g. 'Mon-Fri 08:00-16:00'.";
            return false;
        }

        var days = new DayHours[7];
        foreach (string rawPart in text.Split(';'))
        {
            string part = rawPart.Trim();
            if (part.Length == 0)
            {
                error = $"Weekly hours '{text}' have an empty part between ';' separators.";
                return false;
            }

            if (!TryParsePart(part, days, out error))
            {
                error = $"Weekly hours '{text}': {error}";
                return false;
            }
        }

        hours = new WeeklyHours(days);
        error = null;
        return true;
    }

    /// <summary>True when the shop has working hours on that day of the week.</summary>
    /// <param name="day">A day of the week.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not Monday–Sunday.</exception>
    public bool IsOpenOn(IsoDayOfWeek day) => _days[Index(day)].IsOpen;

    /// <summary>Gets the working hours of a day of the week.</summary>
    /// <param name="day">A day of the week.</param>
    /// <param name="open">The local opening time, or midnight when closed.</param>
    /// <param name="close">The local closing time (always after <paramref name="open"/>), or midnight when closed.</param>
    /// <returns>False when the shop is closed that day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not Monday–Sunday.</exception>
    public bool TryGetHours(IsoDayOfWeek day, out LocalTime open, out LocalTime close)
    {
        var hours = _days[Index(day)];
        open = hours.Open;
        close = hours.Close;
        return hours.IsOpen;
    }

    /// <summary>
    /// The canonical text form, which <see cref="Parse"/> round-trips: days with the same hours are grouped
    /// (consecutive days as ranges), groups ordered by their first day, e.g. <c>Mon-Fri 08:00-16:00; Sat 09:00-13:00</c>.
    /// </summary>
    public override string ToString() => _text;

    /// <inheritdoc />
    public bool Equals(WeeklyHours? other) =>
        other is not null && (ReferenceEquals(this, other) || _days.AsSpan().SequenceEqual(other._days));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as WeeklyHours);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var day in _days)
        {
            hash.Add(day);
        }

        return hash.ToHashCode();
    }

    /// <summary>Equality by value.</summary>
    public static bool operator ==(WeeklyHours? left, WeeklyHours? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Inequality by value.</summary>
    public static bool operator !=(WeeklyHours? left, WeeklyHours? right) => !(left == right);

    private static int Index(IsoDayOfWeek day) =>
        day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday
            ? (int)day - 1
            : throw new ArgumentOutOfRangeException(nameof(day), day, "Expected a day from Monday to Sunday.");

    private static bool TryParsePart(string part, DayHours[] days, [NotNullWhen(false)] out string? error)
    {
        int firstDigit = part.AsSpan().IndexOfAnyInRange('0', '9');
        if (firstDigit < 0)
        {
            error = $"'{part}' has no hours; expected days then hours, e.g. 'Mon-Fri 08:00-16:00'.";
            return false;
        }

        string dayText = part[..firstDigit].Trim();
        string timeText = part[firstDigit..].Trim();
        if (dayText.Length == 0)
        {
            error = $"'{part}' names no days; expected days then hours, e.g. 'Mon-Fri 08:00-16:00'.";
            return false;
        }

        string[] times = timeText.Split('-');
        if (times.Length != 2)
        {
            error = $"'{timeText}' is not an opening and a closing time; expected e.g. '08:00-16:00'.";
            return false;
        }

        if (!TryParseTime(times[0].Trim(), out var open, out error) || !TryParseTime(times[1].Trim(), out var close, out error))
        {
            return false;
        }

        if (close <= open)
        {
            error = $"closing time {FormatTime(close)} is not after opening time {FormatTime(open)} in '{part}' (overnight hours are not supported).";
            return false;
        }

        var hours = new DayHours(true, open, close);
        foreach (string rawItem in dayText.Split(','))
        {
            string item = rawItem.Trim();
            string[] ends = item.Split('-');
            if (item.Length == 0 || ends.Length > 2)
            {
                error = $"'{item}' in '{part}' is not a day or a day range; expected e.g. 'Mon-Fri' or 'Mon,Wed'.";
                return false;
            }

            if (!TryParseDay(ends[0].Trim(), out int from, out error))
            {
                return false;
            }

            int to = from;
            if (ends.Length == 2)
            {
                if (!TryParseDay(ends[1].Trim(), out to, out error))
                {
                    return false;
                }

                if (to < from)
                {
                    error = $"day range '{item}' runs backwards; ranges run forward from Mon to Sun (write e.g. 'Mon,Sat-Sun').";
                    return false;
                }
            }

            for (int i = from; i <= to; i++)
            {
                if (days[i].IsOpen)
                {
                    error = $"{DayNames[i]} is given hours more than once.";
                    return false;
                }

                days[i] = hours;
            }
        }

        error = null;
        return true;
    }

    private static bool TryParseDay(string text, out int index, [NotNullWhen(false)] out string? error)
    {
        for (index = 0; index < DayNames.Length; index++)
        {
            if (string.Equals(text, DayNames[index], StringComparison.OrdinalIgnoreCase))
            {
                error = null;
                return true;
            }
        }

        error = $"'{text}' is not a day of the week; expected Mon, Tue, Wed, Thu, Fri, Sat or Sun.";
        return false;
    }

    private static bool TryParseTime(string text, out LocalTime time, [NotNullWhen(false)] out string? error)
    {
        time = default;
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon is 1 or 2
            && text.Length == colon + 3
            && TryParseDigits(text.AsSpan(0, colon), out int hour)
            && TryParseDigits(text.AsSpan(colon + 1), out int minute)
            && hour <= 23
            && minute <= 59)
        {
            time = new LocalTime(hour, minute);
            error = null;
            return true;
        }

        error = $"'{text}' is not a time of day; expected HH:mm from 00:00 to 23:59.";
        return false;
    }

    private static bool TryParseDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (char ch in digits)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }

            value = (value * 10) + (ch - '0');
        }

        return true;
    }

    private static string FormatTime(LocalTime time) =>
        string.Create(5, time, static (span, t) =>
        {
            span[0] = (char)('0' + (t.Hour / 10));
            span[1] = (char)('0' + (t.Hour % 10));
            span[2] = ':';
            span[3] = (char)('0' + (t.Minute / 10));
            span[4] = (char)('0' + (t.Minute % 10));
        });

    private static string Format(DayHours[] days)
    {
        var text = new StringBuilder();
        var done = new bool[days.Length];
        for (int first = 0; first < days.Length; first++)
        {
            if (done[first] || !days[first].IsOpen)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("; ");
            }

            // All days with the same hours as `first`, written as runs of consecutive days.
            bool needComma = false;
            int i = first;
            while (i < days.Length)
            {
                if (days[i] != days[first])
                {
                    i++;
                    continue;
                }

                int runEnd = i;
                while (runEnd + 1 < days.Length && days[runEnd + 1] == days[first])
                {
                    runEnd++;
                }

                if (needComma)
                {
                    text.Append(',');
                }

                text.Append(DayNames[i]);
                if (runEnd > i)
                {
                    text.Append('-').Append(DayNames[runEnd]);
                }

                for (int j = i; j <= runEnd; j++)
                {
                    done[j] = true;
                }

                needComma = true;
                i = runEnd + 1;
            }

            text.Append(' ').Append(FormatTime(days[first].Open)).Append('-').Append(FormatTime(days[first].Close));
        }

        return text.ToString();
    }

    private readonly record struct DayHours(bool IsOpen, LocalTime Open, LocalTime Close);
}
