using CareRules.Model;

namespace CareRules.Authoring;

/// <summary>
/// A text of a pack — a decision's reason or a rule's description — in one or more languages. A plain string converts
/// to a text that is the same in every language; <see cref="Of(string, string)"/> gives English and Polish. The pack
/// picks the text of its <c>language</c> parameter when it is built, so evaluation never looks a text up; a pack built
/// in a language one of its texts lacks fails to build, naming the rule and the decision. Immutable.
/// </summary>
public sealed class Text
{
    private readonly string? _invariant;
    private readonly string? _english;
    private readonly string? _polish;

    private Text(string? invariant, string? english, string? polish)
    {
        _invariant = invariant;
        _english = english;
        _polish = polish;
    }

    /// <summary>
    /// A text in English and Polish. One of them may be null (as a workflow JSON pack may give only some languages):
    /// building the pack in that language then fails, naming the rule and the decision.
    /// </summary>
    /// <param name="english">The English text.</param>
    /// <param name="polish">The Polish text.</param>
    /// <exception cref="ArgumentException">Both are null.</exception>
    public static Text Of(string? english, string? polish)
    {
        if (english is null && polish is null)
        {
            throw new ArgumentException("A text needs at least one language.", nameof(english));
        }

        return new Text(null, english, polish);
    }

    /// <summary>A text that is the same in every language.</summary>
    /// <param name="text">The text.</param>
    public static Text Invariant(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Text(text, null, null);
    }

    /// <summary>A text that is the same in every language.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator Text(string text) => Invariant(text);

    /// <summary>The text in <paramref name="language"/>, or null when it is not given in that language.</summary>
    public string? In(Language language) => _invariant ?? (language == Language.Pl ? _polish : _english);

    /// <summary>The text in English, or the Polish one when only that is given (for messages and display).</summary>
    public override string ToString() => _invariant ?? _english ?? _polish ?? string.Empty;
}
