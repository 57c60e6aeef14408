namespace CareRules.Analysis;

/// <summary>What a pack analysis finding is about (docs/analysis.md).</summary>
public enum FindingKind
{
    /// <summary>A rule that can never fire (<c>dead-rule</c>).</summary>
    DeadRule,

    /// <summary>A rule that fires but none of whose decisions ever survives resolution (<c>shadowed</c>).</summary>
    Shadowed,

    /// <summary>Rules that fire together and decide things that contradict, by the conflict table (<c>conflict</c>).</summary>
    Conflict,

    /// <summary>Parameters that contradict each other or a rule, e.g. a goodwill cap that removes every offer a rule can make (<c>parameter</c>).</summary>
    Parameter,
}
