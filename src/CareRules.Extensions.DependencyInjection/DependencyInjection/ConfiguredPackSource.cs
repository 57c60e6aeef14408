using System.Text;
using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CareRules.DependencyInjection;

/// <summary>
/// The pack source <c>AddCareRules</c> registers by default: builds what <see cref="CareRulesOptions"/> describe
/// (the Standard pack with parameter overrides, or a pack file through its loader) and reports a change when the
/// options' configuration reloads with different CareRules settings or when a watched pack file changes. Options are
/// created afresh for each load through <see cref="IOptionsFactory{TOptions}"/>, so a bad reload never poisons a
/// cached options value. Thread-safe.
/// </summary>
/// <remarks>
/// <para>One state gives one pack: every load reads the configuration as it is now, whatever woke it up (a
/// configuration reload or a file event), so the order of events never matters. What is remembered is only what the
/// pack in force was built from (its settings, its description, its pack file).</para>
/// <para>Watched files: the pack file of the pack in force, and the pack file the current configuration names when
/// that configuration was refused only because of the file's content (missing, half-written, not a valid pack), so
/// that fixing the file brings it in. A configuration refused for its settings leaves nothing behind.</para>
/// <para>A CareRules section without any setting (missing, <c>{}</c>, or emptied because the configuration file could
/// not be read) is taken as a configuration caught mid-write once a pack is in force: that pack is kept and a warning
/// logged once. At start it means the Standard pack's defaults.</para>
/// </remarks>
internal sealed partial class ConfiguredPackSource : IPackSource, IDisposable
{
    private readonly IOptionsFactory<CareRulesOptions> _factory;
    private readonly ILogger _logger;
    private readonly TimeSpan _reloadDelay;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Lock _gate = new();
    private readonly Lock _loadGate = new();
    private readonly Dictionary<string, FileChangeWatcher> _watchers = new(StringComparer.Ordinal);
    private InForce? _inForce;
    private Snapshot? _attempted; // the state of the last load, accepted or refused: the same state is not loaded twice
    private bool _warnedEmpty;
    private bool _disposed;

    public ConfiguredPackSource(
        IOptionsFactory<CareRulesOptions> factory,
        IEnumerable<IOptionsChangeTokenSource<CareRulesOptions>> changeSources,
        ILogger logger,
        TimeSpan? reloadDelay = null)
    {
        _factory = factory;
        _logger = logger;
        _reloadDelay = reloadDelay ?? FilePackSource.DefaultReloadDelay;
        foreach (var source in changeSources)
        {
            if (string.Equals(source.Name ?? Options.DefaultName, Options.DefaultName, StringComparison.Ordinal))
            {
                _subscriptions.Add(ChangeToken.OnChange(source.GetChangeToken, OnTrigger));
            }
        }
    }

    /// <summary>Where the pack in force came from, e.g. <c>pack file '/etc/shop/pack.json' (CareRules options)</c>.</summary>
    public string Description
    {
        get
        {
            lock (_gate)
            {
                return _inForce?.Description ?? "CareRules options";
            }
        }
    }

    public event EventHandler? Changed;

    /// <summary>The full paths of the files watched now (for tests).</summary>
    internal IReadOnlyList<string> WatchedFiles
    {
        get
        {
            lock (_gate)
            {
                return [.. _watchers.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    public CompiledPack Load()
    {
        lock (_loadGate)
        {
            var (options, snapshot) = Read();
            lock (_gate)
            {
                if (_inForce is { } same && snapshot.Equals(same.Snapshot))
                {
                    _attempted = snapshot;
                    return same.Pack; // the same state: the same pack
                }

                if (_inForce is { } kept && options?.ConfigurationEmpty == true)
                {
                    WarnEmptyOnce(options, kept);
                    return kept.Pack;
                }

                _attempted = snapshot;
                _warnedEmpty = false;
            }

            if (options is null)
            {
                throw snapshot.Failure!;
            }

            if (options.PackFile is not null && snapshot.FilePath is null)
            {
                throw Invalid([.. options.ConfigurationErrors, new ValidationError(Key(options, "PackFile"), $"'{options.PackFile}' is not a valid path.")]);
            }

            string? keepWatching = null;
            try
            {
                var (pack, description) = options.PackFile is null ? BuildStandard(options) : LoadFile(options, snapshot.FilePath!, out keepWatching);
                lock (_gate)
                {
                    _inForce = new InForce(snapshot, pack, description, snapshot.FilePath);
                    KeepOnly(snapshot.FilePath);
                }

                return pack;
            }
            catch
            {
                lock (_gate)
                {
                    KeepOnly(_inForce?.File, keepWatching);
                }

                throw;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            KeepOnly();
        }

        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private static string Key(CareRulesOptions options, string setting) => options.SectionPath + ":" + setting;

    private static CareRulesValidationException Invalid(List<ValidationError> errors) => new("CareRules configuration", errors);

    private static (CompiledPack Pack, string Description) BuildStandard(CareRulesOptions options)
    {
        var builder = StandardPack.CreateBuilder();
        string description = options.Customize is null
            ? "the Standard pack (CareRules options)"
            : "the Standard pack, customized in code (CareRules options)";
        return (Build(options, builder, [.. options.ConfigurationErrors]), description);
    }

    /// <summary>Applies the configured parameters and <c>Customize</c> to a builder and builds it, every problem listed.</summary>
    private static CompiledPack Build(CareRulesOptions options, PackBuilder builder, List<ValidationError> errors)
    {
        foreach (var (name, value) in options.Parameters)
        {
            builder.Set(name, value);
        }

        options.Customize?.Invoke(builder);
        CompiledPack? pack = null;
        try
        {
            pack = builder.Build();
        }
        catch (CareRulesValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                errors.Add(ToConfigurationPath(options, error));
            }

            if (ex.Errors.Count == 0)
            {
                errors.Add(new ValidationError(options.SectionPath, ex.Message));
            }
        }

        return errors.Count == 0 && pack is not null ? pack : throw Invalid(errors);
    }

    /// <summary>
    /// <c>parameters['smallGift']</c> → <c>CareRules:Parameters:smallGift</c>, where a shop sets it — only for a
    /// parameter the configuration sets (a bad value from a pack file or from code keeps the pack's path).
    /// </summary>
    private static ValidationError ToConfigurationPath(CareRulesOptions options, ValidationError error)
    {
        const string Prefix = "parameters['";
        const string Suffix = "']";
        if (error.Path.StartsWith(Prefix, StringComparison.Ordinal) && error.Path.EndsWith(Suffix, StringComparison.Ordinal))
        {
            string name = error.Path[Prefix.Length..^Suffix.Length];
            if (options.Parameters.ContainsKey(name))
            {
                return error with { Path = Key(options, "Parameters:" + name) };
            }
        }

        return error;
    }

    /// <summary>The options as they are now and the state they describe (with the pack file's size and time).</summary>
    private (CareRulesOptions? Options, Snapshot Snapshot) Read()
    {
        try
        {
            var options = _factory.Create(Options.DefaultName);
            return (options, Snapshot.Of(options));
        }
        catch (OptionsValidationException ex)
        {
            return Failed(Invalid([.. ex.Failures.Select(f => new ValidationError(CareRulesOptions.SectionName, f))]));
        }
#pragma warning disable CA1031 // a configure action of the application failed: reported by the load, never thrown on a watcher's thread
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Failed(new CareRulesValidationException($"The CareRules options could not be created: {ex.Message}", ex));
        }

        static (CareRulesOptions?, Snapshot) Failed(CareRulesValidationException failure) =>
            (null, new Snapshot(failure.Message, null, null, null, null) { Failure = failure });
    }

    private (CompiledPack Pack, string Description) LoadFile(CareRulesOptions options, string path, out string? keepWatching)
    {
        keepWatching = null;
        string key = Key(options, "PackFile");
        var errors = new List<ValidationError>(options.ConfigurationErrors);
        if (options.PackLoader is null && options.PackBuilderLoader is null)
        {
            errors.Add(new ValidationError(key, "is set, but no pack loader is registered: set CareRulesOptions.PackBuilderLoader (or PackLoader) to a function that reads a pack from the file's text."));
        }
        else if (options.PackLoader is not null && options.PackBuilderLoader is not null)
        {
            errors.Add(new ValidationError(key, "has two loaders: set CareRulesOptions.PackBuilderLoader or PackLoader, not both."));
        }
        else if (options.PackLoader is not null)
        {
            if (options.Parameters.Count > 0)
            {
                errors.Add(new ValidationError(Key(options, "Parameters"), "must be empty when CareRulesOptions.PackLoader builds the pack file's pack; set CareRulesOptions.PackBuilderLoader instead to apply these parameters over the file's values."));
            }

            if (options.Customize is not null)
            {
                errors.Add(new ValidationError(key, "cannot be combined with CareRulesOptions.Customize when CareRulesOptions.PackLoader builds the pack; set CareRulesOptions.PackBuilderLoader instead."));
            }
        }

        if (!Directory.Exists(Path.GetDirectoryName(path)))
        {
            errors.Add(new ValidationError(key, $"the directory of '{path}' does not exist."));
        }

        if (errors.Count > 0)
        {
            throw Invalid(errors);
        }

        // Watched before it is read, so that a write between the two is not missed; kept only if the pack comes into
        // force, or if only the file's content was at fault (then fixing the file brings it in).
        Watch(path);
        keepWatching = path;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Invalid([new ValidationError(key, $"'{path}' could not be read: {ex.Message}")]);
        }

        string description = $"pack file '{path}' (CareRules options)";
        try
        {
            if (options.PackLoader is { } loader)
            {
                return (loader(text) ?? throw new InvalidOperationException("The pack loader returned no pack."), description);
            }

            var builder = options.PackBuilderLoader!(text) ?? throw new InvalidOperationException("The pack loader returned no pack builder.");
            keepWatching = null; // from here on, a problem is the configuration's (its parameters, Customize), not the file's
            var pack = Build(options, builder, []);
            return (pack, options.Parameters.Count > 0 ? $"pack file '{path}' with CareRules:Parameters (CareRules options)" : description);
        }
        catch (CareRulesValidationException)
        {
            throw;
        }
#pragma warning disable CA1031 // any failure of a user-supplied loader means "not a valid pack"; it is reported, with its message
        catch (Exception ex)
#pragma warning restore CA1031
        {
            throw Invalid([new ValidationError(key, $"'{path}' is not a valid pack: {ex.Message}")]);
        }
    }

    private void Watch(string path)
    {
        lock (_gate)
        {
            if (!_disposed && !_watchers.ContainsKey(path))
            {
                _watchers[path] = new FileChangeWatcher(path, _reloadDelay, OnTrigger);
            }
        }
    }

    /// <summary>Stops watching every file but those given. Called under <see cref="_gate"/>.</summary>
    private void KeepOnly(string? keep = null, string? alsoKeep = null)
    {
        foreach (var path in _watchers.Keys.ToList())
        {
            if (_disposed || (!string.Equals(path, keep, StringComparison.Ordinal) && !string.Equals(path, alsoKeep, StringComparison.Ordinal)))
            {
                _watchers.Remove(path, out var watcher);
                watcher!.Dispose();
            }
        }
    }

    /// <summary>Called under <see cref="_gate"/>.</summary>
    private void WarnEmptyOnce(CareRulesOptions options, InForce kept)
    {
        if (!_warnedEmpty)
        {
            _warnedEmpty = true;
            LogEmpty(_logger, options.SectionPath, kept.Pack.Id, kept.Description);
        }
    }

    /// <summary>
    /// A configuration reload or a watched file's change: raises <see cref="Changed"/> unless the state is the one last
    /// loaded (file watchers may report one edit twice, and a reload fires for any key of the configuration) or the
    /// CareRules section is empty.
    /// </summary>
    private void OnTrigger()
    {
        var (options, snapshot) = Read();
        lock (_gate)
        {
            if (options?.ConfigurationEmpty != true)
            {
                _warnedEmpty = false; // an empty configuration seen again is a new episode, worth a warning of its own
            }

            if (_disposed || snapshot.Equals(_attempted))
            {
                return;
            }

            if (_inForce is { } kept && options?.ConfigurationEmpty == true)
            {
                WarnEmptyOnce(options, kept);
                return;
            }
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    [LoggerMessage(4, LogLevel.Warning, "CareRules configuration section '{Section}' has no settings (its file may be missing, empty, half-written or unreadable); CareRules keeps {Pack} from {Source}. To ask for the Standard pack's defaults, write \"Parameters\": {{}} in the section.")]
    private static partial void LogEmpty(ILogger logger, string section, string pack, string source);

    /// <summary>What the pack in force was built from.</summary>
    private sealed record InForce(Snapshot Snapshot, CompiledPack Pack, string Description, string? File);

    /// <summary>
    /// The state a set of options describes — settings, loaders, and the pack file's size and time — compared to skip
    /// loading the same state twice.
    /// </summary>
    private sealed record Snapshot(string Settings, string? FilePath, Delegate? Loader, Delegate? BuilderLoader, Delegate? Customize)
    {
        public CareRulesValidationException? Failure { get; init; }

        public static Snapshot Of(CareRulesOptions options)
        {
            var text = new StringBuilder();
            text.Append(options.SectionPath).Append('\n').Append(options.ConfigurationEmpty).Append('\n').Append(options.PackFile).Append('\n');
            string? path = null;
            if (options.PackFile is not null)
            {
                try
                {
                    path = Path.GetFullPath(options.PackFile);
                    var file = new FileInfo(path);
                    text.Append(file.Exists ? $"{file.Length} bytes, {file.LastWriteTimeUtc.Ticks}" : "missing").Append('\n');
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    text.Append(ex.Message).Append('\n');
                }
            }

            foreach (var (name, value) in options.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                text.Append(name).Append('=').Append(value).Append('\n');
            }

            foreach (var error in options.ConfigurationErrors)
            {
                text.Append(error).Append('\n');
            }

            return new Snapshot(text.ToString(), path, options.PackLoader, options.PackBuilderLoader, options.Customize);
        }

        public bool Equals(Snapshot? other) =>
            other is not null
            && string.Equals(Settings, other.Settings, StringComparison.Ordinal)
            && Equals(Loader, other.Loader) && Equals(BuilderLoader, other.BuilderLoader) && Equals(Customize, other.Customize);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Settings);
    }
}
