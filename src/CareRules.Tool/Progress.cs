using System.Diagnostics;
using System.Globalization;

namespace CareRules.Tool;

/// <summary>
/// A progress bar on standard error, drawn only when it is a terminal (the caller decides): a bar and percentage when the
/// input's size is known, cases read and cases per second, redrawn at most five times a second and erased at the end.
/// </summary>
internal sealed class Progress(TextWriter err, long totalBytes) : IDisposable
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private long _bytes;
    private long _cases;
    private long _lastDraw = -1000;
    private bool _drawn;

    public void Advance(long bytes, long count)
    {
        _bytes += bytes;
        _cases += count;
        long now = _watch.ElapsedMilliseconds;
        if (now - _lastDraw < 200)
        {
            return;
        }

        _lastDraw = now;
        double seconds = Math.Max(now / 1000.0, 0.001);
        string rate = (_cases / seconds).ToString("N0", CultureInfo.InvariantCulture);
        string cases = _cases.ToString("N0", CultureInfo.InvariantCulture);
        if (totalBytes > 0)
        {
            double share = Math.Min(1.0, (double)_bytes / totalBytes);
            int filled = (int)(share * 30);
            err.Write($"\r[{new string('#', filled)}{new string('.', 30 - filled)}] {share * 100,3:0}%  {cases} cases  {rate}/s ");
        }
        else
        {
            err.Write($"\r{cases} cases  {rate}/s ");
        }

        err.Flush();
        _drawn = true;
    }

    /// <summary>Erases the bar (before an error line is written, and at the end).</summary>
    public void Clear()
    {
        if (_drawn)
        {
            err.Write("\r\u001b[2K");
            err.Flush();
            _drawn = false;
        }
    }

    public void Dispose() => Clear();
}
