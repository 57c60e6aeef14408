using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Sources;

/// <summary>
/// A pack read from a pack file (a JSON workflow pack, a parameter file…) by a loader you supply, with the file
/// watched: <see cref="Changed"/> is raised once a burst of writes to it has settled for <see cref="ReloadDelay"/>,
/// including when the file is replaced by a rename (the safe way to deploy it) or deleted. The loader decides what the
/// file means, so any pack format plugs in here. Thread-safe. Dispose it to stop watching.
/// </summary>
/// <example>
/// <code>
/// using var source = new FilePackSource("/etc/shop/pack.json", text => MyPackFormat.Build(text));
/// </code>
/// </example>
public sealed class FilePackSource : IPackSource, IDisposable
{
    /// <summary>The settling delay used when none is given: 100 ms.</summary>
    public static readonly TimeSpan DefaultReloadDelay = TimeSpan.FromMilliseconds(100);

    private readonly Func<string, CompiledPack> _loader;
    private readonly FileChangeWatcher _watcher;

    /// <summary>Starts watching a pack file.</summary>
    /// <param name="path">The file's path; a relative path is taken from the current directory. The file need not exist
    /// yet (loading then fails), but its directory must.</param>
    /// <param name="loader">Builds a pack from the file's text; throws (preferably a <see cref="CareRulesValidationException"/>
    /// listing every problem) when the text is not a valid pack.</param>
    /// <param name="reloadDelay">How long the file must stay quiet before <see cref="Changed"/> is raised;
    /// <see cref="DefaultReloadDelay"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="loader"/> is null.</exception>
    /// <exception cref="ArgumentException">The path is empty, its directory does not exist, or the delay is negative.</exception>
    public FilePackSource(string path, Func<string, CompiledPack> loader, TimeSpan? reloadDelay = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(loader);
        var delay = reloadDelay ?? DefaultReloadDelay;
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentException($"The reload delay must not be negative, was {delay}.", nameof(reloadDelay));
        }

        Path = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(System.IO.Path.GetDirectoryName(Path)))
        {
            throw new ArgumentException($"The directory of the pack file '{Path}' does not exist.", nameof(path));
        }

        ReloadDelay = delay;
        _loader = loader;
        _watcher = new FileChangeWatcher(Path, delay, () => Changed?.Invoke(this, EventArgs.Empty));
    }

    /// <summary>The full path of the pack file.</summary>
    public string Path { get; }

    /// <summary>How long the file must stay quiet after a change before <see cref="Changed"/> is raised.</summary>
    public TimeSpan ReloadDelay { get; }

    /// <inheritdoc />
    public string Description => $"file '{Path}'";

    /// <summary>
    /// Raised on a thread-pool thread once the file has changed and stayed quiet for <see cref="ReloadDelay"/>.
    /// Handlers must not throw (an exception on that thread ends the process); a pack provider catches load failures.
    /// </summary>
    public event EventHandler? Changed;

    /// <summary>Reads the file (as UTF-8) and builds the pack with the loader.</summary>
    /// <returns>The pack the file describes now.</returns>
    /// <exception cref="IOException">The file cannot be read (missing, locked…).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="CareRulesValidationException">The loader rejected the pack.</exception>
    /// <remarks>Any other exception the loader throws reaches the caller unchanged.</remarks>
    public CompiledPack Load()
    {
        string text = File.ReadAllText(Path);
        return _loader(text) ?? throw new InvalidOperationException($"The pack loader returned no pack for {Description}.");
    }

    /// <summary>Stops watching the file.</summary>
    public void Dispose() => _watcher.Dispose();
}
