namespace CareRules.Authoring;

/// <summary>
/// The lengths a pack's texts may have, checked when the pack is built (C# and workflow JSON packs alike), so that a
/// pack cannot make verdicts, traces or error messages arbitrarily large (docs/catalog.md section 3.4).
/// </summary>
public static class PackLimits
{
    /// <summary>The longest rule id, in characters.</summary>
    public const int MaxRuleIdLength = 100;

    /// <summary>The longest reason of a decision, in characters (one sentence).</summary>
    public const int MaxReasonLength = 500;

    /// <summary>The longest description of a rule, in characters.</summary>
    public const int MaxDescriptionLength = 2_000;

    /// <summary>How much of an offending text an error message quotes, in characters.</summary>
    public const int MaxQuotedLength = 60;

    /// <summary>A text cut to <see cref="MaxQuotedLength"/> characters for an error message, with "…" when cut.</summary>
    internal static string Quote(string text) => text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength - 1), "…");
}
