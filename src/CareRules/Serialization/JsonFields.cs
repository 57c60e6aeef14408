using System.Text.Json;
using CareRules.Model;

namespace CareRules.Serialization;

/// <summary>
/// The fields one kind of JSON object may hold, for strict reading: their names (case-sensitive), which are
/// required, optionally a prefix for the reader's own notes (<c>x-</c>) and a subject naming the object in messages.
/// <see cref="Read"/> walks an object and reports unknown fields (with the allowed list), repeated fields and missing
/// required ones through <see cref="JsonProblems"/>. Immutable and thread-safe; create once and share.
/// </summary>
public sealed class JsonFields
{
    private readonly string[] _names;
    private readonly string[] _required;

    /// <summary>Describes the fields of one kind of object.</summary>
    /// <param name="names">Every allowed field name, in the documented order (used in the allowed list).</param>
    /// <param name="required">The names that must be present; each must be one of <paramref name="names"/>.</param>
    /// <param name="extensionPrefix">Names starting with this prefix are accepted and skipped (e.g. <c>x-</c>); null for none.</param>
    /// <param name="subject">What the object is, for the unknown-field message (<c>a decision of type 'stop'</c>); null for none.</param>
    /// <exception cref="ArgumentException">No names, or a required name that is not among them.</exception>
    public JsonFields(IEnumerable<string> names, IEnumerable<string>? required = null, string? extensionPrefix = null, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = [.. names];
        _required = required is null ? [] : [.. required];
        if (_names.Length == 0)
        {
            throw new ArgumentException("An object has at least one allowed field.", nameof(names));
        }

        foreach (string r in _required)
        {
            if (Array.IndexOf(_names, r) < 0)
            {
                throw new ArgumentException($"Required field '{r}' is not one of the allowed fields.", nameof(required));
            }
        }

        ExtensionPrefix = string.IsNullOrEmpty(extensionPrefix) ? null : extensionPrefix;
        Subject = subject;
        string list = Quote(_names);
        Allowed = ExtensionPrefix is null ? list : $"{list}, or a name starting with '{ExtensionPrefix}' for your own notes";
    }

    /// <summary>The allowed names, in order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The required names.</summary>
    public IReadOnlyList<string> Required => _required;

    /// <summary>The prefix of accepted and ignored names, or null.</summary>
    public string? ExtensionPrefix { get; }

    /// <summary>What the object is, in the unknown-field message, or null.</summary>
    public string? Subject { get; }

    /// <summary>The allowed names quoted for a message: <c>'a', 'b' or 'c'</c>.</summary>
    public string Allowed { get; }

    /// <summary>The index of an allowed name, or -1.</summary>
    /// <param name="name">A property name.</param>
    /// <returns>Its index in <see cref="Names"/>, or -1.</returns>
    public int IndexOf(string name) => Array.IndexOf(_names, name);

    /// <summary>
    /// The allowed fields of an object, each once, in document order. Reports every unknown field and every field
    /// given more than once (the first is kept) as the enumeration passes them, so that problems come in document
    /// order among those the caller finds in the values, and every missing required field at the end; skips names
    /// with the extension prefix. Lazy: enumerate the result once.
    /// </summary>
    /// <param name="value">The object (a value of another kind gives no fields and no problem: check the kind first).</param>
    /// <param name="path">The object's path.</param>
    /// <param name="problems">Where problems go.</param>
    /// <returns>The fields to read.</returns>
    public IEnumerable<JsonField> Read(JsonElement value, string path, JsonProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return value.ValueKind == JsonValueKind.Object ? ReadObject(value, path, problems) : [];
    }

    private IEnumerable<JsonField> ReadObject(JsonElement value, string path, JsonProblems problems)
    {
        var seen = new bool[_names.Length];
        var seenExtensions = (HashSet<string>?)null;
        foreach (var property in value.EnumerateObject())
        {
            string name = property.Name;
            int index = IndexOf(name);
            if (index < 0)
            {
                if (ExtensionPrefix is not null && name.StartsWith(ExtensionPrefix, StringComparison.Ordinal))
                {
                    if (!(seenExtensions ??= new(StringComparer.Ordinal)).Add(name))
                    {
                        problems.DuplicateField(JsonPath.Property(path, name));
                    }

                    continue;
                }

                problems.UnknownField(path, name, this);
                continue;
            }

            if (seen[index])
            {
                problems.DuplicateField(JsonPath.Property(path, name));
                continue;
            }

            seen[index] = true;
            yield return new JsonField(name, JsonPath.Property(path, name), property.Value);
        }

        foreach (string r in _required)
        {
            if (!seen[IndexOf(r)])
            {
                problems.Required(JsonPath.Property(path, r));
            }
        }
    }

    /// <summary>The name a wrongly cased field most likely meant, or null.</summary>
    internal string? NearMiss(string name) => Array.Find(_names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Names quoted for a message: <c>'a'</c>, <c>'a' or 'b'</c>, <c>'a', 'b' or 'c'</c>.</summary>
    internal static string Quote(IReadOnlyList<string> names) => names.Count == 1
        ? "'" + names[0] + "'"
        : string.Join(", ", names.Take(names.Count - 1).Select(n => "'" + n + "'")) + " or '" + names[^1] + "'";
}

/// <summary>One field of a JSON object read by <see cref="JsonFields.Read"/>.</summary>
public readonly struct JsonField
{
    /// <summary>Creates a field.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="path">The field's path.</param>
    /// <param name="value">The field's value.</param>
    public JsonField(string name, string path, JsonElement value)
    {
        Name = name;
        Path = path;
        Value = value;
    }

    /// <summary>The field name.</summary>
    public string Name { get; }

    /// <summary>The field's path (<c>$.order.placedAt</c>).</summary>
    public string Path { get; }

    /// <summary>The field's value.</summary>
    public JsonElement Value { get; }
}

/// <summary>One element of a JSON array read by <see cref="JsonProblems.Items"/>.</summary>
public readonly struct JsonItem
{
    /// <summary>Creates an element.</summary>
    /// <param name="index">Its 0-based index.</param>
    /// <param name="path">Its path (<c>$.rows[3]</c>).</param>
    /// <param name="value">Its value.</param>
    public JsonItem(int index, string path, JsonElement value)
    {
        Index = index;
        Path = path;
        Value = value;
    }

    /// <summary>The 0-based index.</summary>
    public int Index { get; }

    /// <summary>The element's path (<c>$.rows[3]</c>).</summary>
    public string Path { get; }

    /// <summary>The element's value.</summary>
    public JsonElement Value { get; }
}
