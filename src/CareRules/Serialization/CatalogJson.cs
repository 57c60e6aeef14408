using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CareRules.Model;

namespace CareRules.Serialization;

/// <summary>
/// The catalog names of one enumeration (from <see cref="CatalogNames"/>, never re-spelled here) prepared for JSON:
/// UTF-8 bytes to match a string token without allocating, and pre-encoded text to write one. Thread-safe.
/// </summary>
internal static class CatalogJson<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] s_values = ParseAll();
    private static readonly byte[][] s_utf8 = [.. CatalogNames.All<TEnum>().Select(Encoding.UTF8.GetBytes)];
    private static readonly int[] s_bits = [.. s_values.Select(v => Convert.ToInt32(v, CultureInfo.InvariantCulture))];
    private static readonly FrozenDictionary<TEnum, JsonEncodedText> s_encoded =
        s_values.ToFrozenDictionary(v => v, v => JsonEncodedText.Encode(CatalogNames.Of(v)));

    /// <summary>The index of the catalog name the current string token holds, or -1.</summary>
    public static int Match(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Match(reader.ValueSpan);
        }

        for (int i = 0; i < s_utf8.Length; i++)
        {
            if (reader.ValueTextEquals(s_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the catalog name <paramref name="utf8"/> spells (unescaped UTF-8), or -1.</summary>
    public static int Match(ReadOnlySpan<byte> utf8)
    {
        for (int i = 0; i < s_utf8.Length; i++)
        {
            if (utf8.SequenceEqual(s_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The value of a matched name.</summary>
    public static TEnum Value(int index) => s_values[index];

    /// <summary>The integer value of a matched name (the bit, for flag sets).</summary>
    public static int Bits(int index) => s_bits[index];

    /// <summary>The catalog name of a matched index.</summary>
    public static string Name(int index) => CatalogNames.All<TEnum>()[index];

    /// <summary>The catalog name of a value, encoded for <see cref="Utf8JsonWriter"/>.</summary>
    public static JsonEncodedText Encoded(TEnum value) =>
        s_encoded.TryGetValue(value, out var text) ? text : JsonEncodedText.Encode(CatalogNames.Of(value));

    private static TEnum[] ParseAll()
    {
        var names = CatalogNames.All<TEnum>();
        var values = new TEnum[names.Count];
        for (int i = 0; i < values.Length; i++)
        {
            if (!CatalogNames.TryParse(names[i], out values[i]))
            {
                throw new InvalidOperationException($"CatalogNames cannot parse its own name '{names[i]}' of {typeof(TEnum).Name}.");
            }
        }

        return values;
    }
}
