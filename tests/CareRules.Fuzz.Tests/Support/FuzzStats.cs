using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace CareRules.Fuzz.Tests.Support;

/// <summary>
/// Counters of one fuzz category: inputs tried, inputs or cases accepted and rejected, and the longest load (reading a
/// case batch, loading a pack) and evaluation. Thread-safe.
/// </summary>
internal sealed class FuzzCounter(string category)
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, long> _notes = new(StringComparer.Ordinal);

    public string Category { get; } = category;

    public long Tried { get; private set; }

    public long Accepted { get; private set; }

    public long Rejected { get; private set; }

    public TimeSpan LongestLoad { get; private set; }

    public TimeSpan LongestEvaluation { get; private set; }

    public void Input()
    {
        lock (_gate)
        {
            Tried++;
        }
    }

    public void Outcome(bool accepted, int count = 1)
    {
        lock (_gate)
        {
            if (accepted)
            {
                Accepted += count;
            }
            else
            {
                Rejected += count;
            }
        }
    }

    public void Load(TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (elapsed > LongestLoad)
            {
                LongestLoad = elapsed;
            }
        }
    }

    public void Evaluation(TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (elapsed > LongestEvaluation)
            {
                LongestEvaluation = elapsed;
            }
        }
    }

    /// <summary>Counts something worth quoting (a mutation kind, a known issue).</summary>
    public void Note(string what, int count = 1)
    {
        lock (_gate)
        {
            _notes[what] = _notes.GetValueOrDefault(what) + count;
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{Category,-22} tried {Tried,6}  accepted {Accepted,6}  rejected {Rejected,6}  longest load {Ms(LongestLoad),9}  longest evaluation {Ms(LongestEvaluation),9}");
            if (_notes.Count > 0)
            {
                text.Append('\n').Append(' ', 24).Append(string.Join(", ", _notes.Select(n => $"{n.Key} {n.Value}")));
            }

            return text.ToString();
        }
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}

/// <summary>
/// Every category's counters, written to the test output and to <c>fuzz-summary.txt</c> in the test's output
/// directory (rewritten after each category, so the file holds every category run so far).
/// </summary>
internal static class FuzzStats
{
    private static readonly Lock Gate = new();
    private static readonly SortedDictionary<string, FuzzCounter> Counters = new(StringComparer.Ordinal);
    private static readonly DateTime Started = DateTime.UtcNow; // test timing only; library code never reads the clock

    public static string SummaryPath => Path.Combine(AppContext.BaseDirectory, "fuzz-summary.txt");

    /// <summary>A fresh counter for a category (a category runs once per test run).</summary>
    public static FuzzCounter Start(string category)
    {
        lock (Gate)
        {
            var counter = new FuzzCounter(category);
            Counters[category] = counter;
            return counter;
        }
    }

    /// <summary>Writes the category's line to the test output and rewrites the summary file.</summary>
    public static void Report(FuzzCounter counter, ITestOutputHelper output)
    {
        output.WriteLine(counter.ToString());
        lock (Gate)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"CareRules fuzz summary: mode {(FuzzRun.IsLong ? $"long (x{FuzzRun.LongFactor})" : "normal")}, {Environment.ProcessorCount} cores, {(DateTime.UtcNow - Started).TotalSeconds:0.0} s since the first category started\n");
            foreach (var c in Counters.Values)
            {
                text.Append(c).Append('\n');
            }

            File.WriteAllText(SummaryPath, text.ToString());
        }
    }
}
