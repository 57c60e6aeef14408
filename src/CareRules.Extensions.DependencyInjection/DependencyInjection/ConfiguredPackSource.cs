using System.Text;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Sources;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CareRules.DependencyInjection;

/// <summary>
/// The pack source <c>AddCareRules</c> registers by default: builds what <see cref="CareRulesOptions"/> describe
/// (the Standard pack with parameter overrides, or a pack file through its loader), and reports a change when the
/// options' configuration reloads with different CareRules settings or when the pack file changes. Options are
/// created afresh for each load through <see cref="IOptionsFactory{TOptions}"/>, so a bad reload never poisons a
/// cached options value. Thread-safe.
/// </summary>
internal sealed class ConfiguredPackSource : IPackSource, IDisposable
{
    private readonly IOptionsFactory<CareRulesOptions> _factory;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Lock _gate = new();
    private FileChangeWatcher? _watcher;
    private string? _watchedPath;
    private Snapshot? _loaded; // the settings of the last load, accepted or rejected
    private bool _disposed;

    public ConfiguredPackSource(IOptionsFactory<CareRulesOptions> factory, IEnumerable<IOptionsChangeTokenSource<CareRulesOptions>> changeSources)
    {
        _factory = factory;
        foreach (var source in changeSources)
        {
            if (string.Equals(source.Name ?? Options.DefaultName, Options.DefaultName, StringComparison.Ordinal))
            {
                _subscriptions.Add(ChangeToken.OnChange(source.GetChangeToken, OnOptionsChanged));
            }
        }
    }

    public string Description
    {
        get
        {
            lock (_gate)
            {
                return _watchedPath is { } path ? $"pack file '{path}' (CareRules options)" : "Standard pack (CareRules options)";
            }
        }
    }

    public event EventHandler? Changed;

    public CompiledPack Load()
    {
        var options = CreateOptions();
        var snapshot = Snapshot.Of(options);
        lock (_gate)
        {
            // Remembered whether the build succeeds or not: the same settings are neither rebuilt nor reported again
            // when a file watcher raises one edit twice.
            _loaded = snapshot;
        }

        return options.PackFile is null ? BuildStandard(options) : LoadFile(options);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _watcher?.Dispose();
            _watcher = null;
        }

        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private static string Key(CareRulesOptions options, string setting) => options.SectionPath + ":" + setting;

    private static CareRulesValidationException Invalid(List<ValidationError> errors) => new("CareRules configuration", errors);

    private static CompiledPack BuildStandard(CareRulesOptions options)
    {
        var errors = new List<ValidationError>(options.ConfigurationErrors);
        var builder = StandardPack.CreateBuilder();
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

    /// <summary><c>parameters['smallGift']</c> → <c>CareRules:Parameters:smallGift</c>, where a shop sets it.</summary>
    private static ValidationError ToConfigurationPath(CareRulesOptions options, ValidationError error)
    {
        const string Prefix = "parameters['";
        const string Suffix = "']";
        return error.Path.StartsWith(Prefix, StringComparison.Ordinal) && error.Path.EndsWith(Suffix, StringComparison.Ordinal)
            ? error with { Path = Key(options, "Parameters:" + error.Path[Prefix.Length..^Suffix.Length]) }
            : error;
    }

    private CareRulesOptions CreateOptions()
    {
        try
        {
            return _factory.Create(Options.DefaultName);
        }
        catch (OptionsValidationException ex)
        {
            throw Invalid([.. ex.Failures.Select(f => new ValidationError(CareRulesOptions.SectionName, f))]);
        }
    }

    private CompiledPack LoadFile(CareRulesOptions options)
    {
        string key = Key(options, "PackFile");
        var errors = new List<ValidationError>(options.ConfigurationErrors);
        if (options.PackLoader is null)
        {
            errors.Add(new ValidationError(key, "is set, but no pack loader is registered: set CareRulesOptions.PackLoader to a function that builds a pack from the file's text."));
        }

        if (options.Parameters.Count > 0)
        {
            errors.Add(new ValidationError(Key(options, "Parameters"), "must be empty when a pack file is used: the pack file sets its own parameters."));
        }

        if (options.Customize is not null)
        {
            errors.Add(new ValidationError(key, "cannot be combined with CareRulesOptions.Customize, which changes the Standard pack."));
        }

        string path = Path.GetFullPath(options.PackFile!);
        if (Watch(path) is { } problem)
        {
            errors.Add(new ValidationError(key, problem));
        }

        if (errors.Count > 0)
        {
            throw Invalid(errors);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Invalid([new ValidationError(key, $"'{path}' could not be read: {ex.Message}")]);
        }

        try
        {
            return options.PackLoader!(text) ?? throw new InvalidOperationException("The pack loader returned no pack.");
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

    /// <summary>Watches the pack file (and stops watching a previous one); returns a problem, or null.</summary>
    private string? Watch(string path)
    {
        lock (_gate)
        {
            if (_disposed || string.Equals(path, _watchedPath, StringComparison.Ordinal))
            {
                return null;
            }

            _watcher?.Dispose();
            _watcher = null;
            _watchedPath = null;
            if (!Directory.Exists(Path.GetDirectoryName(path)))
            {
                return $"the directory of '{path}' does not exist.";
            }

            _watcher = new FileChangeWatcher(path, FilePackSource.DefaultReloadDelay, RaiseChanged);
            _watchedPath = path;
            return null;
        }
    }

    private void RaiseChanged() => Changed?.Invoke(this, EventArgs.Empty);

    private void OnOptionsChanged()
    {
        // A configuration reload fires for any key of the configuration, and file watchers may raise one edit twice:
        // rebuild only when CareRules' settings differ from those last loaded (accepted or rejected). Options that cannot even be created are left for Load to report.
        try
        {
            var snapshot = Snapshot.Of(_factory.Create(Options.DefaultName));
            lock (_gate)
            {
                if (snapshot.Equals(_loaded))
                {
                    return;
                }
            }
        }
#pragma warning disable CA1031 // reported by the reload that follows
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        RaiseChanged();
    }

    /// <summary>What a set of options would build, compared to skip rebuilding an unchanged pack.</summary>
    private sealed record Snapshot(string Settings, Delegate? Loader, Delegate? Customize)
    {
        public static Snapshot Of(CareRulesOptions options)
        {
            var text = new StringBuilder();
            text.Append(options.SectionPath).Append('\n').Append(options.PackFile).Append('\n');
            foreach (var (name, value) in options.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                text.Append(name).Append('=').Append(value).Append('\n');
            }

            foreach (var error in options.ConfigurationErrors)
            {
                text.Append(error).Append('\n');
            }

            return new Snapshot(text.ToString(), options.PackLoader, options.Customize);
        }
    }
}
