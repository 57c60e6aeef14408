using System.Globalization;

namespace CareRules.Serialization;

/// <summary>
/// Builds the paths of validation errors in JSON documents, one way for every CareRules reader: a property as
/// <c>$.order.placedAt</c> (or <c>$.order['odd name']</c> when the name is not a plain identifier), an array element
/// as <c>[3]</c> (<c>$.case.flags[1]</c>), and a named item as <c>['x']</c> (<c>rules['delay.gift']</c>). Thread-safe.
/// </summary>
public static class JsonPath
{
    /// <summary>The path of the document (or case object) itself: <c>$</c>.</summary>
    public const string Root = "$";

    /// <summary>The path of the property <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
    /// <param name="parent">The object's path.</param>
    /// <param name="name">The property name, as written in the JSON.</param>
    /// <returns><c>parent.name</c>, or <c>parent['name']</c> when the name is not letters, digits and <c>_</c>
    /// starting with a letter or <c>_</c>.</returns>
    public static string Property(string parent, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        bool simple = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_');
        for (int i = 1; simple && i < name.Length; i++)
        {
            simple = char.IsAsciiLetterOrDigit(name[i]) || name[i] == '_';
        }

        return simple && name.Length <= MaxKeyLength ? parent + "." + name : Key(parent, name);
    }

    /// <summary>The longest name or key a path quotes whole; a longer one is cut to its first 57 characters and <c>...</c>.</summary>
    public const int MaxKeyLength = 60;

    /// <summary>
    /// The path of an item known by its name or key: <c>parent['key']</c> (quotes and backslashes escaped; a key over
    /// <see cref="MaxKeyLength"/> characters cut, so that an error never echoes unbounded input).
    /// </summary>
    /// <param name="parent">The path of the array or object holding the item.</param>
    /// <param name="key">The item's name.</param>
    /// <returns><c>parent['key']</c>.</returns>
    public static string Key(string parent, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        string quoted = key.Length <= MaxKeyLength ? key : string.Concat(key.AsSpan(0, MaxKeyLength - 3), "...");
        return parent + "['" + quoted.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    /// <summary>The path of an array element: <c>parent[index]</c>.</summary>
    /// <param name="parent">The array's path.</param>
    /// <param name="index">The 0-based index.</param>
    /// <returns><c>parent[index]</c>.</returns>
    public static string Element(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>
    /// A path relative to a case object or document (<c>$.order.total</c>, <c>$</c>) re-rooted under
    /// <paramref name="parent"/> (<c>$.rows[1].case</c> gives <c>$.rows[1].case.order.total</c>).
    /// </summary>
    /// <param name="parent">The path of the object the relative path starts at.</param>
    /// <param name="relative">A path starting with <c>$</c>.</param>
    /// <returns>The combined path.</returns>
    public static string Under(string parent, string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        return relative.StartsWith(Root, StringComparison.Ordinal) ? parent + relative[1..] : parent + "." + relative;
    }
}
