using System.Text;
using System.Text.Json;

namespace CareRules.Serialization;

/// <summary>
/// The fields one JSON object of the case format may hold (<see cref="JsonFields"/>) prepared for the fast reader: their names (as UTF-8, to match property tokens without
/// allocating), which are required, and the precomputed JSON path of each. Immutable and thread-safe.
/// </summary>
internal sealed class ObjectSchema
{
    private readonly string[] _names;
    private readonly byte[][] _utf8;
    private readonly byte[][] _compactUtf8;
    private readonly string[] _paths;

    public ObjectSchema(string path, JsonFields fields)
    {
        if (fields.Names.Count > 31)
        {
            throw new ArgumentException("A schema holds at most 31 fields (one bit each).", nameof(fields));
        }

        Path = path;
        Fields = fields;
        _names = [.. fields.Names];
        _utf8 = [.. _names.Select(Encoding.UTF8.GetBytes)];
        _compactUtf8 = [.. _names.Select(n => Encoding.UTF8.GetBytes($"\"{n}\":"))];
        _paths = [.. _names.Select(n => JsonPath.Property(path, n))];
        foreach (string r in fields.Required)
        {
            RequiredMask |= 1 << Array.IndexOf(_names, r);
        }
    }

    /// <summary>The allowed fields, for messages.</summary>
    public JsonFields Fields { get; }

    /// <summary>The JSON path of the object, e.g. <c>$.order</c>.</summary>
    public string Path { get; }

    /// <summary>One bit per required field.</summary>
    public int RequiredMask { get; }

    /// <summary>The number of fields.</summary>
    public int Count => _names.Length;

    /// <summary>The name of a field.</summary>
    public string Name(int field) => _names[field];

    /// <summary>The JSON path of a field, e.g. <c>$.order.total</c>.</summary>
    public string PathOf(int field) => _paths[field];

    /// <summary>
    /// The index of the field whose compact name and colon (<c>"name":</c>) <paramref name="text"/> starts with, among
    /// fields <paramref name="from"/> and after, or -1.
    /// </summary>
    public int CompactIndexOf(ReadOnlySpan<byte> text, int from)
    {
        for (int i = from; i < _compactUtf8.Length; i++)
        {
            if (text.StartsWith(_compactUtf8[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The length of a field's compact name and colon (<c>"name":</c>) in UTF-8.</summary>
    public int CompactLength(int field) => _compactUtf8[field].Length;

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
}
