using CareRules.Evaluation;
using CareRules.Explanations;
using CareRules.Model;

namespace CareRules.Testing;

/// <summary>
/// The checks behind <see cref="VerdictExpectation"/> and <see cref="TableRow"/>: each returns null when the verdict
/// passes, else one sentence saying what was expected and what was found.
/// </summary>
internal static class VerdictChecks
{
    /// <summary>Rule ids that resolution, not a rule, puts on decisions.</summary>
    private const string ResolutionPrefix = "resolution.";

    public static string? UnknownRule(CompiledPack? pack, string ruleId, bool allowResolution = false)
    {
        if (pack is null || (allowResolution && ruleId.StartsWith(ResolutionPrefix, StringComparison.Ordinal)))
        {
            return null;
        }

        foreach (var rule in pack.Rules)
        {
            if (string.Equals(rule.Id, ruleId, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return $"'{ruleId}' is not a rule of pack {pack.Id}, so the expectation could never be met as written; its rules are: {string.Join(", ", pack.Rules.Select(r => r.Id))}.";
    }

    /// <summary>The rule fired; when it did not and the pack and context are known, the message explains why (catalog 2.6).</summary>
    public static string? Fires(Verdict v, string ruleId, CompiledPack? pack = null, CareContext? context = null) =>
        v.HasFired(ruleId) ? null : $"Expected rule '{ruleId}' to fire, but it did not." + Why(pack, context, ruleId);

    /// <summary>The rule did not fire; when it did and the pack and context are known, the message explains why.</summary>
    public static string? DoesNotFire(Verdict v, string ruleId, CompiledPack? pack = null, CareContext? context = null) =>
        v.HasFired(ruleId) ? $"Expected rule '{ruleId}' not to fire, but it fired." + Why(pack, context, ruleId) : null;

    /// <summary>The explanation of the rule for the context, indented under a failure message; empty when it cannot be made.</summary>
    private static string Why(CompiledPack? pack, CareContext? context, string ruleId)
    {
        if (pack is null || context is null)
        {
            return string.Empty;
        }

        string text = pack.Explain(context, ruleId).ToString().TrimEnd();
        return Environment.NewLine + "    " + text.ReplaceLineEndings(Environment.NewLine + "    ");
    }

    public static string? FiresExactly(Verdict v, IReadOnlyCollection<string> ruleIds)
    {
        var missing = ruleIds.Where(id => !v.HasFired(id)).ToList();
        var unexpected = v.Fired.Where(id => !ruleIds.Contains(id, StringComparer.Ordinal)).ToList();
        if (missing.Count == 0 && unexpected.Count == 0)
        {
            return null;
        }

        string expected = ruleIds.Count == 0 ? "no rule" : string.Join(", ", ruleIds);
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add("did not fire: " + string.Join(", ", missing));
        }

        if (unexpected.Count > 0)
        {
            parts.Add("fired too: " + string.Join(", ", unexpected));
        }

        return $"Expected exactly these rules to fire: {expected}; but {string.Join("; ", parts)}.";
    }

    public static string? Has(Verdict v, DecisionMatcher expected)
    {
        foreach (var d in v.Decisions)
        {
            if (expected.Matches(d))
            {
                return null;
            }
        }

        var sameType = v.Decisions.Where(d => d.Type == expected.Type).Select(d => $"{VerdictText.Describe(d)} [{d.RuleId}]").ToList();
        return $"Expected a decision: {expected}; but none matches"
            + (sameType.Count == 0 ? $", and there is no {CatalogNames.Of(expected.Type)} decision at all." : $" — the {CatalogNames.Of(expected.Type)} decisions are: {string.Join("; ", sameType)}.");
    }

    public static string? DoesNotHave(Verdict v, DecisionMatcher unexpected)
    {
        var found = v.Decisions.Where(unexpected.Matches).Select(d => $"{VerdictText.Describe(d)} [{d.RuleId}]").ToList();
        return found.Count == 0 ? null : $"Expected no decision: {unexpected}; but found: {string.Join("; ", found)}.";
    }

    public static string? GoodwillTotal(Verdict v, decimal amount) =>
        v.GoodwillTotal.Amount == amount ? null : $"Expected a goodwill total of {VerdictText.FormatAmount(amount)}, but it is {v.GoodwillTotal}.";

    public static string? GoodwillTotalAtMost(Verdict v, decimal amount) =>
        v.GoodwillTotal.Amount <= amount ? null : $"Expected a goodwill total of at most {VerdictText.FormatAmount(amount)}, but it is {v.GoodwillTotal}.";

    public static string? DecisionCount(Verdict v, int count) =>
        v.Decisions.Count == count ? null : $"Expected {Plural(count, "decision")}, but the verdict has {v.Decisions.Count}.";

    public static string Plural(int n, string noun) => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}
