namespace CareRules.Diagnostics;

/// <summary>
/// The names under which CareRules reports what it decides, through <c>System.Diagnostics.Metrics</c> and
/// <c>System.Diagnostics.ActivitySource</c> (no dependency beyond the BCL). Subscribe with OpenTelemetry
/// (<c>AddMeter(CareRulesTelemetry.MeterName)</c>, <c>AddSource(CareRulesTelemetry.ActivitySourceName)</c>),
/// <c>dotnet-counters</c> or a <c>MeterListener</c>. Evaluations through the injected evaluator are measured;
/// <see cref="Evaluation.CompiledPack.Evaluate(Model.CareContext)"/> called directly is not, and stays allocation-free.
/// </summary>
public static class CareRulesTelemetry
{
    /// <summary>The meter's name: <c>CareRules</c>.</summary>
    public const string MeterName = "CareRules";

    /// <summary>The activity source's name: <c>CareRules</c>.</summary>
    public const string ActivitySourceName = "CareRules";

    /// <summary>Counter of evaluations (unit <c>{evaluation}</c>), tagged <see cref="PackTag"/> and, for a failed
    /// evaluation, <see cref="ErrorTypeTag"/>.</summary>
    public const string Evaluations = "carerules.evaluations";

    /// <summary>Counter of decisions in verdicts (unit <c>{decision}</c>), tagged <see cref="TypeTag"/>,
    /// <see cref="RuleTag"/> and <see cref="PackTag"/>.</summary>
    public const string Decisions = "carerules.decisions";

    /// <summary>
    /// Histogram of evaluation durations in seconds (unit <c>s</c>, as OpenTelemetry's conventions want durations),
    /// tagged <see cref="PackTag"/>; it advises bucket boundaries from 1 µs to 100 ms.
    /// </summary>
    public const string EvaluationDuration = "carerules.evaluation.duration";

    /// <summary>Counter of hot reloads (unit <c>{reload}</c>), tagged <see cref="OutcomeTag"/> (<c>success</c> or
    /// <c>failure</c>) and <see cref="PackTag"/> (the pack in force afterwards).</summary>
    public const string PackReloads = "carerules.pack.reloads";

    /// <summary>The activity of one evaluation: <c>carerules.evaluate</c>, tagged <see cref="PackTag"/>,
    /// <see cref="CaseIdTag"/>, <see cref="DecisionCountTag"/> and <see cref="FiredTag"/>.</summary>
    public const string EvaluateActivity = "carerules.evaluate";

    /// <summary>Tag: the decision type in the catalog's spelling (<c>compensate</c>, <c>stop</c>…).</summary>
    public const string TypeTag = "type";

    /// <summary>Tag: the id of the rule that produced a decision (<c>resolution.*</c> for decisions resolution adds).</summary>
    public const string RuleTag = "rule";

    /// <summary>Tag: the pack that decided, as <c>name@version</c>.</summary>
    public const string PackTag = "pack";

    /// <summary>Tag: <c>success</c> or <c>failure</c> of a reload.</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>Tag: the type of the exception that failed an evaluation (OpenTelemetry's <c>error.type</c>).</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>Activity tag: the case id, when the context has a case.</summary>
    public const string CaseIdTag = "carerules.case_id";

    /// <summary>Activity tag: the number of decisions in the verdict.</summary>
    public const string DecisionCountTag = "carerules.decisions";

    /// <summary>Activity tag: the ids of the rules that fired, comma-separated.</summary>
    public const string FiredTag = "carerules.fired";
}
