using System.Diagnostics;
using System.Globalization;
using CareRules.Benchmarks.HandWritten;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;

namespace CareRules.Benchmarks.Infrastructure;

/// <summary>
/// <c>--interleaved [rounds]</c>: the hand-written pack (4), the C# pack (1) and the JSON pack (2) on the context mix,
/// in one process, taking turns for a short slice each, round after round. On a shared host whose speed comes and goes
/// by phases, separate BenchmarkDotNet runs (one process per benchmark) can land in different phases; taking turns
/// puts every variant in every phase, so the ratios are steadier. It is a check of the ratios, not a measurement to
/// publish: no statistics and no memory diagnoser — the tables come from BenchmarkDotNet. With a baseline build
/// (<see cref="BaselineBuild"/>) its C# pack takes turns too. Every variant is called through the same
/// <c>Action&lt;int&gt;</c> (context by index), so they pay the same call overhead.
/// </summary>
public static class InterleavedComparison
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(400);

    public static void Run(int rounds, string? baselineBuild, TextWriter output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        ArgumentNullException.ThrowIfNull(output);
        var contexts = ContextMix.Standard.Contexts.ToArray();

        var csharp = StandardPack.Default.Optimize();
        var json = RulesEngine.WorkflowPack.Standard.Optimize();
        var handWritten = new HandWrittenStandardPack(csharp.Parameters.Get(StandardParameters.Stance));
        var result = new HandWrittenResult();
        var csharpBuffer = csharp.CreateBuffer();
        var jsonBuffer = json.CreateBuffer();
        var variants = new List<(string Name, Action<int> Evaluate)>
        {
            ("HandWritten (4)", i => handWritten.Evaluate(contexts[i], result)),
            ("CSharpPack_IntoBuffer (1)", i => csharp.Evaluate(contexts[i], csharpBuffer)),
        };
        if (baselineBuild is null)
        {
            variants.Add(("JsonPack_IntoBuffer (2)", i => json.Evaluate(contexts[i], jsonBuffer)));
        }

        if (baselineBuild is not null)
        {
            // This build's pack loaded the same way beside it: the two rows then differ by the code alone (a pack set up
            // in this process from the start measured 7–9 % slower than the same build loaded late, whatever the cause).
            variants.Add(("(1), baseline build, loaded", BaselineBuild.StandardPackEvaluator(baselineBuild, contexts)));
            variants.Add(("(1), this build, loaded", BaselineBuild.StandardPackEvaluator(typeof(CompiledPack).Assembly.Location, contexts)));
        }

        var samples = new List<double>[variants.Count];
        for (int v = 0; v < variants.Count; v++)
        {
            samples[v] = [];
            Time(variants[v].Evaluate, contexts, Slice); // warm up
        }

        for (int round = 0; round < rounds; round++)
        {
            // Each round starts one variant later, so that no variant always runs in the same place of the round
            // (the last place measured 5–10 % faster than the others for the same code).
            for (int k = 0; k < variants.Count; k++)
            {
                int v = (round + k) % variants.Count;
                samples[v].Add(Time(variants[v].Evaluate, contexts, Slice));
            }
        }

        var inv = CultureInfo.InvariantCulture;
        double handWrittenMedian = Median(samples[0]);
        output.WriteLine($"Interleaved: {rounds} rounds of {Slice.TotalMilliseconds:0} ms per variant over the {contexts.Length} contexts of the mix (median ns per context, ratio to (4), min–max)");
        for (int v = 0; v < variants.Count; v++)
        {
            double median = Median(samples[v]);
            output.WriteLine(string.Format(inv, "  {0,-28} {1,8:0.0} ns  {2,5:0.00} ×  ({3:0.0}–{4:0.0})", variants[v].Name, median, median / handWrittenMedian, samples[v].Min(), samples[v].Max()));
        }

        if (baselineBuild is null)
        {
            output.WriteLine(string.Format(inv, "  (2) / (1) = {0:0.00}", Median(samples[2]) / Median(samples[1])));
        }
    }

    private static double Time(Action<int> evaluate, CareContext[] contexts, TimeSpan slice)
    {
        long evaluated = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < slice)
        {
            for (int i = 0; i < contexts.Length; i++)
            {
                evaluate(i);
            }

            evaluated += contexts.Length;
        }

        return watch.Elapsed.TotalNanoseconds / evaluated;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
