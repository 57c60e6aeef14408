using System.Diagnostics.Metrics;

namespace CareRules.DependencyInjection.Tests.Support;

/// <summary>
/// A meter factory of its own, so that a test's <see cref="MeterListener"/> hears only the meters of its own service
/// provider (<c>instrument.Meter.Scope == factory</c>), even while other tests run in parallel.
/// </summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (_meters)
        {
            _meters.ForEach(m => m.Dispose());
            _meters.Clear();
        }
    }
}
