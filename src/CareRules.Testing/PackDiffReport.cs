using System.Globalization;
using System.Text;
using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Testing;

/// <summary>
/// What changes when one pack replaces another over the same cases (<see cref="PackDiff.Compare(CompiledPack, CompiledPack, IEnumerable{CareContext})"/>):
/// the cases whose verdicts differ, with their added, removed and changed decisions, and the totals — goodwill and
/// escalations by target, before and after. <see cref="ToString"/> is a readable report. Immutable.
/// </summary>
public sealed class PackDiffReport
{
    internal PackDiffReport(string before, string after, IReadOnlyList<ParameterChange> parameterChanges, IReadOnlyList<string> rulesAdded, IReadOnlyList<string> rulesRemoved, int cases, IReadOnlyList<CaseChange> changes, Money goodwillBefore, Money goodwillAfter, IReadOnlyDictionary<EscalationTarget, int> escalationsBefore, IReadOnlyDictionary<EscalationTarget, int> escalationsAfter)
    {
        Before = before;
        After = after;
        ParameterChanges = parameterChanges;
        RulesAdded = rulesAdded;
        RulesRemoved = rulesRemoved;
        Cases = cases;
        Changes = changes;
        GoodwillBefore = goodwillBefore;
        GoodwillAfter = goodwillAfter;
        EscalationsBefore = escalationsBefore;
        EscalationsAfter = escalationsAfter;
    }

    /// <summary>The old pack, as <c>name@version</c>.</summary>
    public string Before { get; }

    /// <summary>The new pack, as <c>name@version</c>.</summary>
    public string After { get; }

    /// <summary>The parameters whose values differ between the packs (or that only one defines), in definition order.</summary>
    public IReadOnlyList<ParameterChange> ParameterChanges { get; }

    /// <summary>The ids of the rules only the new pack has (added, or enabled), in id order.</summary>
    public IReadOnlyList<string> RulesAdded { get; }

    /// <summary>The ids of the rules only the old pack has (removed, or disabled), in id order.</summary>
    public IReadOnlyList<string> RulesRemoved { get; }

    /// <summary>How many cases were evaluated by both packs.</summary>
    public int Cases { get; }

    /// <summary>The cases whose decisions or fired rules differ, in input order.</summary>
    public IReadOnlyList<CaseChange> Changes { get; }

    /// <summary>True when some case's verdict differs.</summary>
    public bool HasChanges => Changes.Count > 0;

    /// <summary>The sum of the old pack's goodwill totals over all cases.</summary>
    public Money GoodwillBefore { get; }

    /// <summary>The sum of the new pack's goodwill totals over all cases.</summary>
    public Money GoodwillAfter { get; }

    /// <summary>The change in goodwill over all cases (new minus old).</summary>
    public Money GoodwillDelta => GoodwillAfter - GoodwillBefore;

    /// <summary>The old pack's escalations over all cases, by target (every target, zero included).</summary>
    public IReadOnlyDictionary<EscalationTarget, int> EscalationsBefore { get; }

    /// <summary>The new pack's escalations over all cases, by target (every target, zero included).</summary>
    public IReadOnlyDictionary<EscalationTarget, int> EscalationsAfter { get; }

    /// <summary>The change in escalations to <paramref name="target"/> over all cases (new minus old).</summary>
    public int EscalationDelta(EscalationTarget target) => EscalationsAfter[target] - EscalationsBefore[target];

    /// <summary>The report: a summary, what differs between the packs (parameters, rules), the totals, then every changed case.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Pack diff ").Append(Before).Append(" → ").Append(After).Append(" over ").Append(VerdictChecks.Plural(Cases, "case"))
            .Append(": ").Append(Changes.Count.ToString(CultureInfo.InvariantCulture)).Append(" changed.");
        text.AppendLine().Append("  parameters   ").Append(ParameterChanges.Count == 0 ? "the same" : string.Join(", ", ParameterChanges));
        if (RulesAdded.Count + RulesRemoved.Count == 0)
        {
            text.AppendLine().Append("  rules        the same");
        }
        else
        {
            text.AppendLine().Append("  rules        ").Append(string.Join("; ", new[]
            {
                RulesAdded.Count == 0 ? null : "added " + string.Join(", ", RulesAdded),
                RulesRemoved.Count == 0 ? null : "removed " + string.Join(", ", RulesRemoved),
            }.OfType<string>()));
        }
        text.AppendLine().Append("  goodwill     ").Append(GoodwillBefore).Append(" → ").Append(GoodwillAfter).Append(" (").Append(Signed(GoodwillDelta)).Append(')');
        var targets = Enum.GetValues<EscalationTarget>().Where(t => EscalationsBefore[t] + EscalationsAfter[t] > 0).ToList();
        text.AppendLine().Append("  escalations  ").Append(targets.Count == 0
            ? "none"
            : string.Join(", ", targets.Select(t => string.Create(CultureInfo.InvariantCulture, $"{CatalogNames.Of(t)} {EscalationsBefore[t]} → {EscalationsAfter[t]} ({Signed(EscalationDelta(t))})"))));
        foreach (var change in Changes)
        {
            text.AppendLine().Append("  ").Append(change.ToString().Replace(Environment.NewLine, Environment.NewLine + "  ", StringComparison.Ordinal));
        }

        return text.ToString();
    }

    internal static string Signed(Money m) => (m.Amount > 0m ? "+" : m.Amount == 0m ? "±" : "") + m;

    private static string Signed(int n) => n > 0 ? "+" + n.ToString(CultureInfo.InvariantCulture) : n == 0 ? "±0" : n.ToString(CultureInfo.InvariantCulture);
}
