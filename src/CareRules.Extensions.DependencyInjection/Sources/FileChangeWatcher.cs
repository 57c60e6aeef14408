namespace CareRules.Sources;

/// <summary>
/// Watches one file and calls back once after a burst of changes to it settles (editors and deploy tools write a file
/// in several steps: truncate, write, rename). Creation, deletion, renames to or from the name and content changes
/// all count. The callback runs on a thread-pool thread.
/// </summary>
internal sealed class FileChangeWatcher : IDisposable
{
    private readonly string _path;
    private readonly TimeSpan _delay;
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _timer;
    private volatile bool _disposed;

    /// <exception cref="ArgumentException">The file's directory does not exist.</exception>
    public FileChangeWatcher(string fullPath, TimeSpan delay, Action onChanged)
    {
        _path = fullPath;
        _delay = delay;
        _timer = new Timer(_ =>
        {
            if (!_disposed)
            {
                onChanged();
            }
        });
        string directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{fullPath}' has no directory.", nameof(fullPath));
        _watcher = new FileSystemWatcher(directory, Path.GetFileName(fullPath))
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            IncludeSubdirectories = false,
        };
        _watcher.Changed += OnEvent;
        _watcher.Created += OnEvent;
        _watcher.Deleted += OnEvent;
        _watcher.Renamed += OnRenamed;
        _watcher.Error += (_, _) => Schedule(); // events were lost: look again
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        _disposed = true;
        _watcher.Dispose();
        _timer.Dispose();
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        if (string.Equals(e.FullPath, _path, StringComparison.Ordinal))
        {
            Schedule();
        }
    }

    private void OnRenamed(object sender, RenamedEventArgs e)
    {
        if (string.Equals(e.FullPath, _path, StringComparison.Ordinal) || string.Equals(e.OldFullPath, _path, StringComparison.Ordinal))
        {
            Schedule();
        }
    }

    private void Schedule()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            _timer.Change(_delay, Timeout.InfiniteTimeSpan); // restarts the delay: one callback per burst
        }
        catch (ObjectDisposedException)
        {
            // disposed concurrently: nothing to report any more
        }
    }
}
