using CareRules.Diagnostics;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Sources;
using Microsoft.Extensions.Logging;

namespace CareRules.DependencyInjection;

/// <summary>
/// Holds the pack in force and hot-reloads it from an <see cref="IPackSource"/>: on each change the source is
/// loaded again and, when that succeeds, the new pack replaces the old one with one atomic reference write. Readers
/// never lock: an evaluation reads <see cref="Current"/> once and finishes on that pack. A load that fails is logged
/// and counted, and the pack in force stays. Reloads are serialized. Thread-safe.
/// </summary>
internal sealed partial class PackProvider : IPackProvider, IDisposable
{
    private readonly IPackSource _source;
    private readonly CareRulesInstrumentation _instrumentation;
    private readonly ILogger _logger;
    private readonly Lock _reloadGate = new();
    private CompiledPack _current;
    private bool _disposed;

    /// <exception cref="CareRulesValidationException">The source's first pack is invalid; every problem is listed.</exception>
    public PackProvider(IPackSource source, CareRulesInstrumentation instrumentation, ILogger logger)
    {
        _source = source;
        _instrumentation = instrumentation;
        _logger = logger;
        _source.Changed += OnSourceChanged; // before the first load, so that no change is missed
        try
        {
            lock (_reloadGate)
            {
                _current = source.Load() ?? throw new InvalidOperationException($"The pack source {source.Description} returned no pack.");
            }
        }
        catch
        {
            _source.Changed -= OnSourceChanged;
            throw;
        }

        LogLoaded(_logger, _current.Id, source.Description);
    }

    public CompiledPack Current => Volatile.Read(ref _current);

    public void Dispose()
    {
        _source.Changed -= OnSourceChanged;
        lock (_reloadGate)
        {
            _disposed = true;
        }
    }

    /// <summary>Loads the source again; swaps the pack in when the load succeeds. Never throws.</summary>
    public void Reload()
    {
        lock (_reloadGate)
        {
            if (_disposed)
            {
                return;
            }

            var old = _current;
            CompiledPack? next;
            try
            {
                next = _source.Load();
            }
#pragma warning disable CA1031 // a bad pack, whatever the failure, is rejected and the pack in force kept
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRejected(_logger, ex, old.Id, _source.Description, ex.Message);
                _instrumentation.Reloaded(success: false, old);
                return;
            }

            if (next is null || ReferenceEquals(next, old))
            {
                return;
            }

            Volatile.Write(ref _current, next);
            LogReloaded(_logger, next.Id, _source.Description, old.Id);
            _instrumentation.Reloaded(success: true, next);
        }
    }

    private void OnSourceChanged(object? sender, EventArgs e) => Reload();

    [LoggerMessage(1, LogLevel.Information, "CareRules pack {Pack} loaded from {Source}.")]
    private static partial void LogLoaded(ILogger logger, string pack, string source);

    [LoggerMessage(2, LogLevel.Information, "CareRules pack {Pack} reloaded from {Source}; it replaces {OldPack}.")]
    private static partial void LogReloaded(ILogger logger, string pack, string source, string oldPack);

    [LoggerMessage(3, LogLevel.Error, "CareRules rejected a new pack and keeps {Pack} from {Source}: {Problems}")]
    private static partial void LogRejected(ILogger logger, Exception exception, string pack, string source, string problems);
}
