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

    /// <summary>
    /// The one wording of a text over its limit, for every reader of packs: <c>is 501 characters long; a reason may
    /// have at most 500.</c>; null when the text is within the limit.
    /// </summary>
    /// <param name="text">The text (null is within any limit).</param>
    /// <param name="maxLength">The limit, e.g. <see cref="MaxReasonLength"/>.</param>
    /// <param name="noun">What the text is, with its article: <c>a reason</c>, <c>a rule id</c>.</param>
    /// <returns>The problem, or null.</returns>
    public static string? LengthProblem(string? text, int maxLength, string noun) =>
        text is not null && text.Length > maxLength ? $"is {text.Length} characters long; {noun} may have at most {maxLength}." : null;

    /// <summary>A text cut to <see cref="MaxQuotedLength"/> characters for an error message, with "…" when cut.</summary>
    /// <param name="text">The text to quote.</param>
    /// <returns>The text, or its first characters and "…".</returns>
    public static string Quote(string text) => text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength - 1), "…");
}
