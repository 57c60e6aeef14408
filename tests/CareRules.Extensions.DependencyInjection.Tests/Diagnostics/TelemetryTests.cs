using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CareRules.DependencyInjection.Tests.Support;
using CareRules.Diagnostics;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareRules.DependencyInjection.Tests.Diagnostics;

public sealed class TelemetryTests : IDisposable
{
    private readonly TestMeterFactory _meters = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Instrument> _published = new();

    public TelemetryTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == _meters && instrument.Meter.Name == CareRulesTelemetry.MeterName)
            {
                _published.Enqueue(instrument);
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }

    private ServiceProvider Start(IConfiguration? configuration = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IMeterFactory>(_meters);
        if (configuration is null)
        {
            services.AddCareRules();
        }
        else
        {
            services.AddCareRules(configuration.GetSection("CareRules"));
        }

        return services.BuildServiceProvider();
    }

    private IEnumerable<(string Instrument, double Value, Dictionary<string, object?> Tags)> Of(string instrument) =>
        _measurements.Where(m => m.Instrument == instrument);

    [Fact]
    public void Evaluate_CountsEvaluationsAndDecisionsByTypeAndRule_AndRecordsTheDuration()
    {
        using var provider = Start();
        var evaluator = provider.GetRequiredService<ICareEvaluator>();
        var context = Cases.LateDamagedParcel();

        var first = evaluator.Evaluate(context);
        evaluator.Evaluate(context);

        var evaluations = Of(CareRulesTelemetry.Evaluations).ToList();
        Assert.Equal(2, evaluations.Sum(m => m.Value));
        Assert.All(evaluations, m => Assert.Equal("standard@1.0.0", m.Tags[CareRulesTelemetry.PackTag]));

        var decisions = Of(CareRulesTelemetry.Decisions).ToList();
        Assert.Equal(2 * first.Decisions.Count, decisions.Sum(m => m.Value));
        foreach (var group in first.Decisions.GroupBy(d => (Type: CatalogNames.Of(d.Type), d.RuleId)))
        {
            // e.g. delay.notify-immediately gives two notify decisions (phone and email) per verdict
            Assert.Equal(2 * group.Count(), decisions.Count(m =>
                (string?)m.Tags[CareRulesTelemetry.TypeTag] == group.Key.Type
                && (string?)m.Tags[CareRulesTelemetry.RuleTag] == group.Key.RuleId));
        }

        Assert.Contains(decisions, m => (string?)m.Tags[CareRulesTelemetry.TypeTag] == "compensate" && (string?)m.Tags[CareRulesTelemetry.RuleTag] == "delay.gift");

        var durations = Of(CareRulesTelemetry.EvaluationDuration).ToList();
        Assert.Equal(2, durations.Count);
        Assert.All(durations, m => Assert.InRange(m.Value, 0d, 10d)); // seconds: an evaluation takes microseconds
        var histogram = Assert.Single(_published, i => i.Name == CareRulesTelemetry.EvaluationDuration);
        Assert.Equal("s", histogram.Unit);
        var boundaries = Assert.IsAssignableFrom<Histogram<double>>(histogram).Advice?.HistogramBucketBoundaries;
        Assert.NotNull(boundaries);
        Assert.Equal(0.000001, boundaries[0]);
        Assert.True(boundaries.SequenceEqual(boundaries.Order()));
    }

    [Fact]
    public void Evaluate_AContextInAnotherCurrency_IsCountedWithItsErrorType()
    {
        using var provider = Start();
        var context = Scenario.At(NodaTime.Instant.FromUtc(2026, 11, 23, 9, 0), currency: Currency.Parse("EUR")).Build();

        Assert.Throws<CareRulesValidationException>(() => provider.GetRequiredService<ICareEvaluator>().Evaluate(context));

        var evaluation = Assert.Single(Of(CareRulesTelemetry.Evaluations));
        Assert.Equal(typeof(CareRulesValidationException).FullName, evaluation.Tags[CareRulesTelemetry.ErrorTypeTag]);
        Assert.Empty(Of(CareRulesTelemetry.EvaluationDuration));
    }

    [Fact]
    public void Reloads_AreCountedByOutcome()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CareRules:Parameters:stance"] = "firm" }).Build();
        using var provider = Start(configuration);
        _ = provider.GetRequiredService<IPackProvider>();

        configuration["CareRules:Parameters:stance"] = "generous";
        configuration.Reload();
        configuration["CareRules:Parameters:stance"] = "rude";
        configuration.Reload();

        var reloads = Of(CareRulesTelemetry.PackReloads).ToList();
        Assert.Equal(["success", "failure"], reloads.Select(m => (string?)m.Tags[CareRulesTelemetry.OutcomeTag]));
    }

    [Fact]
    public void Evaluate_StartsAnActivityTaggedWithThePackTheCaseAndTheDecisions()
    {
        string caseId = "K-activity-" + Guid.NewGuid().ToString("N");
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CareRulesTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if ((activity.GetTagItem(CareRulesTelemetry.CaseIdTag) as string) == caseId)
                {
                    stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var provider = Start();

        var verdict = provider.GetRequiredService<ICareEvaluator>().Evaluate(Cases.LateDamagedParcel(caseId));

        var activity = Assert.Single(stopped);
        Assert.Equal(CareRulesTelemetry.EvaluateActivity, activity.OperationName);
        Assert.Equal("standard@1.0.0", activity.GetTagItem(CareRulesTelemetry.PackTag));
        Assert.Equal(verdict.Decisions.Count, activity.GetTagItem(CareRulesTelemetry.DecisionCountTag));
        Assert.Equal(string.Join(',', verdict.Fired), activity.GetTagItem(CareRulesTelemetry.FiredTag));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
    }
}
