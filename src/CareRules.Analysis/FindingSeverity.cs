namespace CareRules.Analysis;

/// <summary>How bad a finding is: an error fails <c>carerules check --analyze</c> (exit 1) and <see cref="AnalysisAssertions.AssertAnalysisClean"/>.</summary>
public enum FindingSeverity
{
    /// <summary>A defect: the pack does not do what its author meant.</summary>
    Error,

    /// <summary>Worth a look; may be accepted (docs/analysis.md lists the Standard pack's accepted warnings).</summary>
    Warning,
}
