using System.Text;
using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Testing;

/// <summary>
/// How one case's verdict differs between two packs (<see cref="PackDiff"/>): decisions added, removed and changed,
/// rules that fire now or no longer, and the change in goodwill. Immutable.
/// </summary>
public sealed class CaseChange
{
    internal CaseChange(int index, string name, CareContext context, Verdict before, Verdict after, IReadOnlyList<Decision> added, IReadOnlyList<Decision> removed, IReadOnlyList<DecisionChange> changed)
    {
        Index = index;
        Name = name;
        Context = context;
        Before = before;
        After = after;
        Added = added;
        Removed = removed;
        Changed = changed;
        NowFiring = [.. after.Fired.Where(id => !before.HasFired(id))];
        NoLongerFiring = [.. before.Fired.Where(id => !after.HasFired(id))];
        GoodwillDelta = after.GoodwillTotal - before.GoodwillTotal;
    }

    /// <summary>The case's 0-based position in the cases compared.</summary>
    public int Index { get; }

    /// <summary>The case's name: the table row's name, or <c>#index</c> with the case (or order, or customer) id.</summary>
    public string Name { get; }

    /// <summary>The case.</summary>
    public CareContext Context { get; }

    /// <summary>The old pack's verdict.</summary>
    public Verdict Before { get; }

    /// <summary>The new pack's verdict.</summary>
    public Verdict After { get; }

    /// <summary>Decisions only the new pack makes.</summary>
    public IReadOnlyList<Decision> Added { get; }

    /// <summary>Decisions only the old pack makes.</summary>
    public IReadOnlyList<Decision> Removed { get; }

    /// <summary>Decisions both make, with different values, priorities or instants.</summary>
    public IReadOnlyList<DecisionChange> Changed { get; }

    /// <summary>Rules that fire with the new pack but not with the old.</summary>
    public IReadOnlyList<string> NowFiring { get; }

    /// <summary>Rules that fire with the old pack but not with the new.</summary>
    public IReadOnlyList<string> NoLongerFiring { get; }

    /// <summary>The new goodwill total minus the old.</summary>
    public Money GoodwillDelta { get; }

    /// <summary>True when the decisions differ (not only the rules that fired).</summary>
    public bool DecisionsChanged => Added.Count + Removed.Count + Changed.Count > 0;

    /// <summary>The change on several lines: <c>+</c> added, <c>-</c> removed, <c>~</c> changed decisions, then rules.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Name);
        if (!GoodwillDelta.IsZero)
        {
            text.Append(" (goodwill ").Append(PackDiffReport.Signed(GoodwillDelta)).Append(')');
        }

        foreach (var d in Removed)
        {
            text.AppendLine().Append("  - ").Append(VerdictText.Describe(d)).Append("  [").Append(d.RuleId).Append(']');
        }

        foreach (var d in Added)
        {
            text.AppendLine().Append("  + ").Append(VerdictText.Describe(d)).Append("  [").Append(d.RuleId).Append(']');
        }

        foreach (var c in Changed)
        {
            text.AppendLine().Append("  ~ ").Append(c);
        }

        if (!DecisionsChanged)
        {
            text.AppendLine().Append("  (decisions unchanged)");
        }

        if (NowFiring.Count > 0)
        {
            text.AppendLine().Append("  fires now: ").Append(string.Join(", ", NowFiring));
        }

        if (NoLongerFiring.Count > 0)
        {
            text.AppendLine().Append("  no longer fires: ").Append(string.Join(", ", NoLongerFiring));
        }

        return text.ToString();
    }
}
