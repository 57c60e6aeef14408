using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Testing;

/// <summary>
/// What-if for a pack: evaluates two packs — the current one and a candidate with other parameters or rules — over
/// the same cases and reports which decisions change, and how the goodwill total and the escalations move.
/// Decisions are paired by type, rule and kind (offer, stop, target, notification, advice); a pair whose value,
/// percent, legal flag, priority, hold or due-by differs is "changed", an unpaired one "added" or "removed" (reason
/// sentences are not compared). The report names the parameters whose values differ and the rules only one pack has,
/// so that a diff of two packs of one <c>name@version</c> still says what was changed. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// var report = PackDiff.Compare(ShopPack.Build(), ShopPack.Build(b => b.Set("vipGift", "80")), table.Rows);
/// output.WriteLine(report.ToString());
/// Assert.Equal(0, report.EscalationDelta(EscalationTarget.Manager));
/// </code>
/// </example>
public static class PackDiff
{
    /// <summary>Compares two packs over contexts; cases are named <c>#index</c> with their case (or order, or customer) id.</summary>
    /// <exception cref="ArgumentException">The packs have different currencies.</exception>
    public static PackDiffReport Compare(CompiledPack before, CompiledPack after, IEnumerable<CareContext> contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        return Compare(before, after, contexts.Select((c, i) => ($"#{i} {c.Case?.Id ?? c.Order?.Id ?? c.Customer.Id}", c)));
    }

    /// <summary>Compares two packs over the cases of table rows (e.g. <see cref="CaseTable.Rows"/>); cases are named by their rows.</summary>
    /// <exception cref="ArgumentException">The packs have different currencies.</exception>
    public static PackDiffReport Compare(CompiledPack before, CompiledPack after, IEnumerable<TableRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Compare(before, after, rows.Select(r => (r.Name, r.Context)));
    }

    private static PackDiffReport Compare(CompiledPack before, CompiledPack after, IEnumerable<(string Name, CareContext Context)> cases)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var currency = before.Parameters.Currency;
        if (after.Parameters.Currency != currency)
        {
            throw new ArgumentException($"Pack '{after.Id}' decides in {after.Parameters.Currency}, but '{before.Id}' in {currency}; compare packs of one currency.", nameof(after));
        }

        var escalationsBefore = Enum.GetValues<EscalationTarget>().ToDictionary(t => t, _ => 0);
        var escalationsAfter = Enum.GetValues<EscalationTarget>().ToDictionary(t => t, _ => 0);
        var goodwillBefore = Money.Zero(currency);
        var goodwillAfter = Money.Zero(currency);
        var changes = new List<CaseChange>();
        int index = 0;
        foreach (var (name, context) in cases)
        {
            ArgumentNullException.ThrowIfNull(context);
            var a = before.Evaluate(context);
            var b = after.Evaluate(context);
            goodwillBefore += a.GoodwillTotal;
            goodwillAfter += b.GoodwillTotal;
            Count(a, escalationsBefore);
            Count(b, escalationsAfter);
            if (Diff(index, name, context, a, b) is { } change)
            {
                changes.Add(change);
            }

            index++;
        }

        return new PackDiffReport(before.Id, after.Id, ParameterChanges(before, after), RulesOnlyIn(after, before), RulesOnlyIn(before, after), index, changes, goodwillBefore, goodwillAfter, escalationsBefore, escalationsAfter);
    }

    private static List<ParameterChange> ParameterChanges(CompiledPack before, CompiledPack after)
    {
        var names = before.Parameters.Definitions.Select(d => d.Name)
            .Concat(after.Parameters.Definitions.Select(d => d.Name))
            .Distinct(StringComparer.Ordinal);
        var changes = new List<ParameterChange>();
        foreach (var name in names)
        {
            string? a = before.Parameters.Find(name) is null ? null : before.Parameters.Format(name);
            string? b = after.Parameters.Find(name) is null ? null : after.Parameters.Format(name);
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes.Add(new ParameterChange(name, a, b));
            }
        }

        return changes;
    }

    private static List<string> RulesOnlyIn(CompiledPack pack, CompiledPack other)
    {
        var ids = other.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return [.. pack.Rules.Select(r => r.Id).Where(id => !ids.Contains(id))];
    }

    private static void Count(Verdict verdict, Dictionary<EscalationTarget, int> counts)
    {
        foreach (var d in verdict.Decisions)
        {
            if (d.Type == DecisionType.Escalate)
            {
                counts[d.To]++;
            }
        }
    }

    private static CaseChange? Diff(int index, string name, CareContext context, Verdict before, Verdict after)
    {
        var unpaired = new List<Decision>(after.Decisions);
        var removed = new List<Decision>();
        var changed = new List<DecisionChange>();
        foreach (var old in before.Decisions)
        {
            int match = unpaired.FindIndex(d => SameSlot(old, d));
            if (match < 0)
            {
                removed.Add(old);
                continue;
            }

            var now = unpaired[match];
            unpaired.RemoveAt(match);
            if (!SameSubstance(old, now))
            {
                changed.Add(new DecisionChange(old, now));
            }
        }

        bool firedSame = before.Fired.SequenceEqual(after.Fired, StringComparer.Ordinal);
        return unpaired.Count + removed.Count + changed.Count == 0 && firedSame
            ? null
            : new CaseChange(index, name, context, before, after, unpaired, removed, changed);
    }

    private static bool SameSlot(Decision a, Decision b) =>
        a.SharesMergeSlotWith(b) && string.Equals(a.RuleId, b.RuleId, StringComparison.Ordinal);

    private static bool SameSubstance(Decision a, Decision b) =>
        Nullable.Equals(a.Value, b.Value) && a.Percent == b.Percent && a.Legal == b.Legal && a.Until == b.Until
        && a.Priority == b.Priority && a.DueBy == b.DueBy;
}
