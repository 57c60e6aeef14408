using System.Collections.Frozen;
using System.Text;
using CareRules.Model;

namespace CareRules.Model;

/// <summary>
/// The catalog's spelling of every enumeration value: kebab-case (<c>public-social</c>, <c>gift-in-parcel</c>) for
/// values and camelCase for case flags (<c>legalThreat</c>), exactly as the JSON case and verdict formats use them.
/// Lookups are precomputed; thread-safe.
/// </summary>
public static class CatalogNames
{
    /// <summary>The catalog name of an enumeration value, e.g. <c>CaseKind.DeliveryDelay</c> → <c>delivery-delay</c>.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Table<TEnum>.Names.TryGetValue(value, out var name) ? name : value.ToString();

    /// <summary>Parses a catalog name (case-sensitive, exact) into an enumeration value.</summary>
    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        if (name is not null && Table<TEnum>.Values.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Every catalog name of an enumeration, in declaration order (for error messages and documentation).</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Table<TEnum>.Ordered;

    /// <summary>Every catalog name joined for an error message: <c>'a', 'b' or 'c'</c>.</summary>
    public static string Expected<TEnum>()
        where TEnum : struct, Enum => Table<TEnum>.ExpectedText;

    private static string Kebab(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];

    private static class Table<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> Names;
        public static readonly FrozenDictionary<string, TEnum> Values;
        public static readonly string[] Ordered;
        public static readonly string ExpectedText;

        static Table()
        {
            bool camel = typeof(TEnum) == typeof(CaseFlags);
            var names = new Dictionary<TEnum, string>();
            var ordered = new List<string>();
            foreach (var v in Enum.GetValues<TEnum>())
            {
                string raw = v.ToString();
                if (raw == "None" && (typeof(TEnum) == typeof(CaseFlags) || typeof(TEnum) == typeof(CustomerRequests)))
                {
                    continue; // flag sets are written as arrays; "none" is the empty array
                }

                string n = camel ? Camel(raw) : Kebab(raw);
                names[v] = n;
                ordered.Add(n);
            }

            Names = names.ToFrozenDictionary();
            Values = names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
            Ordered = [.. ordered];
            ExpectedText = ordered.Count == 1
                ? "'" + ordered[0] + "'"
                : string.Join(", ", ordered.Take(ordered.Count - 1).Select(n => "'" + n + "'")) + " or '" + ordered[^1] + "'";
        }
    }
}
