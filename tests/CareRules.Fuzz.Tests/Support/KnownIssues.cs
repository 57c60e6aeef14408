using CareRules.Model;
using CareRules.Serialization;

namespace CareRules.Fuzz.Tests.Support;

/// <summary>
/// What the fuzz suite counts instead of failing on, and the wording of its failures. The problems it found are fixed
/// and kept as regression tests in <c>Regressions/</c>.
/// </summary>
internal static class KnownIssues
{
    /// <summary>The failure message of an overlong error: its length, where, and how it starts.</summary>
    public static string Explain(ValidationError error) =>
        $"Error message of {error.Message.Length:N0} characters (path of {error.Path.Length:N0}) at {Start(error.Path)}, over the 1,000 allowed: " +
        $"errors quote at most 60 characters of the input (catalog section 5.5). It starts: {Start(error.Message)}";

    private static string Start(string text) => text.Length > 200 ? text[..200] + "…" : text;

    /// <summary>
    /// Errors that only <c>PackBuilder.Build()</c> finds (a rule id that is not lower-case words, a parameter override
    /// that does not parse) carry builder paths (<c>rules['x!'].id</c>, <c>parameters['smallGift']</c>) without the
    /// document's name; the length limits are checked by the workflow reader too, naming the document. Counted, not
    /// failed; every error thrown while reading the document must name it.
    /// </summary>
    public static void BuildErrorWithoutDocumentName(ValidationError error, FuzzCounter counter)
    {
        Assert.True(error.Path.StartsWith("rules[", StringComparison.Ordinal) || error.Path.StartsWith("parameters[", StringComparison.Ordinal) || error.Path.StartsWith("disabled[", StringComparison.Ordinal),
            $"A build error at an unexpected path: {Start(error.Path)}: {Start(error.Message)}");
        counter.Note("build errors at builder paths");
    }
}
