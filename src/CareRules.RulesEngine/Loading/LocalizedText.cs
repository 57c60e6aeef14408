using CareRules.Authoring;
using CareRules.Model;
using CareRules.RulesEngine.Expressions;

namespace CareRules.RulesEngine.Loading;

/// <summary>
/// A reason or description as a workflow gives it: a plain string (the same in every language) or an object with a
/// text per language, <c>{ "en": "…", "pl": "…" }</c>.
/// </summary>
internal sealed record LocalizedText(string? Plain, string? En, string? Pl)
{
    public static readonly LocalizedText Empty = new(string.Empty, null, null);

    /// <summary>Every text given, with its path: the plain one at <paramref name="path"/>, the others at <c>path.en</c> and <c>path.pl</c>.</summary>
    public IEnumerable<(string Path, string Text)> Texts(string path)
    {
        if (Plain is not null)
        {
            yield return (path, Plain);
        }

        if (En is not null)
        {
            yield return (path + ".en", En);
        }

        if (Pl is not null)
        {
            yield return (path + ".pl", Pl);
        }
    }
}

/// <summary>A <see cref="LocalizedText"/> parsed: a template per language given, rendered into a <see cref="Text"/> when the pack is built.</summary>
internal sealed class LocalizedTemplate
{
    private LocalizedTemplate(Template? plain, Template? en, Template? pl)
    {
        _plain = plain;
        _en = en;
        _pl = pl;
    }

    private readonly Template? _plain;
    private readonly Template? _en;
    private readonly Template? _pl;

    /// <summary>Parses every text given; null (with errors added) when one of them is invalid.</summary>
    public static LocalizedTemplate? Parse(LocalizedText text, string path, ExpressionEnvironment env, bool allowValue, List<ValidationError> errors)
    {
        int before = errors.Count;
        var plain = text.Plain is null ? null : Template.Parse(text.Plain, path, env, allowValue, errors);
        var en = text.En is null ? null : Template.Parse(text.En, path + ".en", env, allowValue, errors);
        var pl = text.Pl is null ? null : Template.Parse(text.Pl, path + ".pl", env, allowValue, errors);
        return errors.Count > before ? null : new LocalizedTemplate(plain, en, pl);
    }

    /// <summary>Renders the texts with the pack's parameter values: a text the same in every language, or one per language given.</summary>
    public Text Render(Binder binder, Func<object?>? value = null) =>
        _plain is not null
            ? Text.Invariant(_plain.Render(binder, value))
            : Text.Of(_en?.Render(binder, value), _pl?.Render(binder, value));
}
