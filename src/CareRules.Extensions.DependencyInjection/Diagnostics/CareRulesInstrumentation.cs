using System.Diagnostics;
using System.Diagnostics.Metrics;
using CareRules.Evaluation;
using CareRules.Model;
using static CareRules.Diagnostics.CareRulesTelemetry;

namespace CareRules.Diagnostics;

/// <summary>
/// Measures evaluations around <see cref="CompiledPack.Evaluate(CareContext)"/> (which stays untouched and
/// allocation-free): counts by decision type and rule, durations, and an activity per evaluation. Measurements cost
/// next to nothing while nobody listens. One instance per service provider; its meter comes from the host's
/// <see cref="IMeterFactory"/> when there is one. Thread-safe.
/// </summary>
internal sealed class CareRulesInstrumentation : IDisposable
{
    private static readonly string? s_version = typeof(CareRulesInstrumentation).Assembly.GetName().Version?.ToString();
    private static readonly ActivitySource s_activities = new(ActivitySourceName, s_version);

    /// <summary>
    /// Bucket boundaries for evaluation durations, which take microseconds: OpenTelemetry's default boundaries (0 to
    /// 10,000) are meant for milliseconds and would put every evaluation, measured in seconds, in the first bucket.
    /// </summary>
    private static readonly InstrumentAdvice<double> DurationAdvice = new()
    {
        HistogramBucketBoundaries = [0.000001, 0.0000025, 0.000005, 0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
    };

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _evaluations;
    private readonly Counter<long> _decisions;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _reloads;

    public CareRulesInstrumentation(IMeterFactory? meterFactory)
    {
        var options = new MeterOptions(MeterName) { Version = s_version };
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(options) ?? new Meter(options);
        _evaluations = _meter.CreateCounter<long>(Evaluations, "{evaluation}", "Care contexts evaluated.");
        _decisions = _meter.CreateCounter<long>(Decisions, "{decision}", "Decisions in verdicts, by decision type and rule.");
        _duration = _meter.CreateHistogram(EvaluationDuration, "s", "Time to evaluate one care context.", tags: null, advice: DurationAdvice);
        _reloads = _meter.CreateCounter<long>(PackReloads, "{reload}", "Hot reloads of the pack, successful or rejected.");
    }

    public Verdict Evaluate(CompiledPack pack, CareContext context)
    {
        using var activity = s_activities.StartActivity(EvaluateActivity, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag(PackTag, pack.Id);
            if (context.Case is { } @case)
            {
                activity.SetTag(CaseIdTag, @case.Id);
            }
        }

        long started = Stopwatch.GetTimestamp();
        Verdict verdict;
        try
        {
            verdict = pack.Evaluate(context);
        }
        catch (Exception ex)
        {
            _evaluations.Add(1, new KeyValuePair<string, object?>(PackTag, pack.Id), new KeyValuePair<string, object?>(ErrorTypeTag, ex.GetType().FullName));
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.AddException(ex);
            throw;
        }

        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var packTag = new KeyValuePair<string, object?>(PackTag, pack.Id);
        _evaluations.Add(1, packTag);
        _duration.Record(seconds, packTag);
        if (_decisions.Enabled)
        {
            var decisions = verdict.Decisions;
            for (int i = 0; i < decisions.Count; i++)
            {
                var d = decisions[i];
                _decisions.Add(1, new KeyValuePair<string, object?>(TypeTag, CatalogNames.Of(d.Type)), new KeyValuePair<string, object?>(RuleTag, d.RuleId), packTag);
            }
        }

        if (activity is not null)
        {
            activity.SetTag(DecisionCountTag, verdict.Decisions.Count);
            activity.SetTag(FiredTag, string.Join(',', verdict.Fired));
        }

        return verdict;
    }

    public void Reloaded(bool success, CompiledPack inForce) =>
        _reloads.Add(1, new KeyValuePair<string, object?>(OutcomeTag, success ? "success" : "failure"), new KeyValuePair<string, object?>(PackTag, inForce.Id));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
