namespace CareRules.Model;

/// <summary>
/// The language of a pack's texts: reasons, rule descriptions and display names (catalog section 3, parameter
/// <c>language</c>). Chosen when the pack is built; messages for developers (validation errors, exceptions) stay English.
/// </summary>
public enum Language
{
    /// <summary>English, <c>en</c> (the default).</summary>
    En,

    /// <summary>Polish, <c>pl</c>.</summary>
    Pl,
}
