using Microsoft.Extensions.Options;

namespace CareRules.DependencyInjection.Tests.Support;

/// <summary>
/// Reads the problems of a failed start: the host's exception carries one failure whose text lists one problem a
/// line (<c>  - path: message</c>) under a heading.
/// </summary>
public static class StartupProblems
{
    public static IReadOnlyList<string> Of(OptionsValidationException exception)
    {
        string failure = Assert.Single(exception.Failures);
        Assert.Equal(failure, exception.Message); // nothing joined on one line
        var lines = failure.Split(Environment.NewLine);
        Assert.Contains(" is invalid (", lines[0], StringComparison.Ordinal); // "CareRules configuration is invalid (2 problems):", or a pack loader's own heading
        Assert.All(lines.Skip(1), l => Assert.StartsWith("  - ", l, StringComparison.Ordinal));
        Assert.DoesNotContain(".;", failure, StringComparison.Ordinal);
        return [.. lines.Skip(1).Select(l => l["  - ".Length..])];
    }
}
