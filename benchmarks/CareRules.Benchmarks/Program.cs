using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using CareRules.Benchmarks.Infrastructure;

namespace CareRules.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/CareRules.Benchmarks -- [--quick] [--mix] [--interleaved [rounds] [--baseline CareRules.dll]] [BenchmarkDotNet options]</c>.
/// <c>--quick</c> runs every benchmark once in-process (CI's smoke run); <c>--mix</c> prints how often each rule fires
/// in the context mix; <c>--interleaved</c> checks the per-context ratios with the variants taking turns in one process
/// (with <c>--baseline</c>, another build's C# pack among them).
/// Everything else goes to <see cref="BenchmarkSwitcher"/> (e.g. <c>--filter '*'</c>,
/// <c>--anyCategories Evaluation</c>, <c>--list flat</c>). Exits 1 when a benchmark fails, 0 otherwise.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool quick = args.Contains("--quick");
        if (args.Contains("--mix"))
        {
            PrintMix();
            return 0;
        }

        if (Array.IndexOf(args, "--interleaved") is var at and >= 0)
        {
            int rounds = at + 1 < args.Length && int.TryParse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : 15;
            string? baseline = Array.IndexOf(args, "--baseline") is var b and >= 0 && b + 1 < args.Length ? args[b + 1] : null;
            InterleavedComparison.Run(rounds, baseline, Console.Out);
            return 0;
        }

        var rest = args.Where(a => a != "--quick").ToList();
        if (quick && !rest.Any(a => a is "--filter" or "-f" or "--anyCategories" or "--allCategories"))
        {
            rest.AddRange(["--filter", "*"]); // never the interactive menu in CI
        }

        var config = quick ? BenchmarkConfigs.Quick() : BenchmarkConfigs.Full();
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. rest], config).ToList();
        var failures = Failures(summaries);
        if (quick && summaries.Sum(s => s.BenchmarksCases.Length) == 0)
        {
            failures.Add("no benchmark ran (check the filter)");
        }

        foreach (var failure in failures)
        {
            Console.Error.WriteLine("Benchmark failure: " + failure);
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private static List<string> Failures(IEnumerable<Summary> summaries)
    {
        var failures = new List<string>();
        foreach (var summary in summaries)
        {
            if (summary.HasCriticalValidationErrors)
            {
                failures.Add($"{summary.Title}: {string.Join("; ", summary.ValidationErrors.Select(e => e.Message))}");
            }

            foreach (var benchmark in summary.BenchmarksCases)
            {
                var report = summary[benchmark];
                if (report is null || !report.Success || report.ResultStatistics is null)
                {
                    failures.Add($"{benchmark.DisplayInfo} did not run to completion");
                }
            }
        }

        return failures;
    }

    private static void PrintMix()
    {
        var mix = ContextMix.Standard;
        Console.WriteLine($"Context mix: {mix.Contexts.Count} contexts, FsCheck seed {ContextMix.Seed}; contexts that fire each rule of {Packs.StandardPack.Default.Id}:");
        foreach (var (rule, count) in mix.FiredCounts)
        {
            Console.WriteLine($"  {rule,-34} {count,5}  ({100.0 * count / mix.Contexts.Count:0.0}%)");
        }
    }
}
