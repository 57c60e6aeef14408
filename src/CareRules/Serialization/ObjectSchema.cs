using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CareRules.Serialization;

/// <summary>
/// The fields one JSON object of the case format may hold: their names (as UTF-8, to match property tokens without
/// allocating), which are required, and the precomputed JSON path of each. Immutable and thread-safe.
/// </summary>
internal sealed class ObjectSchema
{
    private readonly string[] _names;
    private readonly byte[][] _utf8;
    private readonly string[] _paths;

    public ObjectSchema(string path, string[] names, params string[] required)
    {
        if (names.Length > 31)
        {
            throw new ArgumentException("A schema holds at most 31 fields (one bit each).", nameof(names));
        }

        Path = path;
        _names = names;
        _utf8 = [.. names.Select(Encoding.UTF8.GetBytes)];
        _paths = [.. names.Select(n => path + "." + n)];
        foreach (string r in required)
        {
            int i = Array.IndexOf(names, r);
            if (i < 0)
            {
                throw new ArgumentException($"Required field '{r}' is not a field of {path}.", nameof(required));
            }

            RequiredMask |= 1 << i;
        }

        Allowed = Quote(names);
    }

    /// <summary>The JSON path of the object, e.g. <c>$.order</c>.</summary>
    public string Path { get; }

    /// <summary>One bit per required field.</summary>
    public int RequiredMask { get; }

    /// <summary>Every field name quoted for an error message: <c>'a', 'b' or 'c'</c>.</summary>
    public string Allowed { get; }

    /// <summary>The number of fields.</summary>
    public int Count => _names.Length;

    /// <summary>The name of a field.</summary>
    public string Name(int field) => _names[field];

    /// <summary>The JSON path of a field, e.g. <c>$.order.total</c>.</summary>
    public string PathOf(int field) => _paths[field];

    /// <summary>
    /// The index of the field the current property-name token names, or -1. The search starts at
    /// <paramref name="hint"/> (the field after the previous one), so that fields in the documented order match at
    /// the first comparison.
    /// </summary>
    public int Match(ref Utf8JsonReader reader, int hint)
    {
        int count = _utf8.Length;
        if (!reader.ValueIsEscaped)
        {
            var name = reader.ValueSpan;
            for (int n = 0, i = hint; n < count; n++, i = i + 1 == count ? 0 : i + 1)
            {
                if (name.SequenceEqual(_utf8[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        for (int i = 0; i < count; i++)
        {
            if (reader.ValueTextEquals(_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The JSON path of a child named <paramref name="name"/>: <c>$.a.b</c>, or <c>$.a['odd name']</c> when needed.</summary>
    public static string Child(string parent, string name)
    {
        bool simple = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_');
        for (int i = 1; simple && i < name.Length; i++)
        {
            simple = char.IsAsciiLetterOrDigit(name[i]) || name[i] == '_';
        }

        return simple
            ? parent + "." + name
            : parent + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    /// <summary>The JSON path of an array element: <c>$.case.flags[1]</c>.</summary>
    public static string Element(string array, int index) => array + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static string Quote(string[] names) => names.Length == 1
        ? "'" + names[0] + "'"
        : string.Join(", ", names.Take(names.Length - 1).Select(n => "'" + n + "'")) + " or '" + names[^1] + "'";
}
