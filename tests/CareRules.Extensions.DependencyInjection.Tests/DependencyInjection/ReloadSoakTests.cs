using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CareRules.DependencyInjection.Tests.Support;
using CareRules.Evaluation;
using CareRules.Packs;
using CareRules.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace CareRules.DependencyInjection.Tests.DependencyInjection;

/// <summary>
/// Issue 19's soak, bounded for CI: valid, invalid, empty (silent and announced) and pack-file configurations in a
/// seeded random order, pack files touched in the background, two threads evaluating all along. Every verdict must be
/// that of a configuration valid at some point before it, never the Standard defaults (no configuration asks for them),
/// and after each configuration the pack in force must be the one its state gives.
/// </summary>
public sealed class ReloadSoakTests(ITestOutputHelper output) : IDisposable
{
    private const int Steps = 600;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(12);

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private enum Kind
    {
        Valid,
        PackFile,
        Invalid,
        InvalidPackFile,
        EmptySilent,
        HalfWrittenSilent,
        EmptyAnnounced,
        Deleted,
    }

    [Fact]
    public async Task Soak_EveryVerdictIsThatOfAConfigurationValidBefore_NeverTheDefaults()
    {
        string a = _directory.File("a.json"), b = _directory.File("b.json"), bad = _directory.File("bad.json");
        string packA = ParameterPack.Json("a", ("stance", "generous"), ("smallGift", "20"));
        string packB = ParameterPack.Json("b", ("stance", "firm"), ("smallGift", "35"));
        string packBad = ParameterPack.Json("bad", ("stance", "rude"));
        File.WriteAllText(a, packA);
        File.WriteAllText(b, packB);
        File.WriteAllText(bad, packBad);

        static string Section(string inner) => "{ \"CareRules\": " + inner + " }";
        static string Parameters(string stance, string gift) => Section($"{{ \"Parameters\": {{ \"stance\": \"{stance}\", \"smallGift\": \"{gift}\" }} }}");
        static string PackFile(string path, string? gift = null) => Section($"{{ \"PackFile\": {JsonSerializer.Serialize(path)}" + (gift is null ? "" : $", \"Parameters\": {{ \"smallGift\": \"{gift}\" }}") + " }");

        // The valid configurations and the pack each gives (a pack file's values first, configuration over them).
        (string Settings, CompiledPack Pack)[] valid =
        [
            (Parameters("firm", "20"), StandardPack.Build(p => p.Set("stance", "firm").Set("smallGift", "20"))),
            (Parameters("generous", "25"), StandardPack.Build(p => p.Set("stance", "generous").Set("smallGift", "25"))),
            (Parameters("balanced", "30"), StandardPack.Build(p => p.Set("stance", "balanced").Set("smallGift", "30"))),
            (PackFile(a), ParameterPack.Load(packA)),
            (PackFile(b), ParameterPack.Load(packB)),
            (PackFile(b, "45"), ParameterPack.LoadBuilder(packB).Set("smallGift", "45").Build()),
        ];
        string[] invalid =
        [
            Parameters("rude", "20"),
            Section("{ \"Parameters\": { \"smallGfit\": \"25\" } }"),
            Section("{ \"Stance\": \"firm\" }"),
            PackFile(_directory.File("missing-dir/pack.json")),
        ];

        var context = Cases.LateDamagedParcel();
        string defaults = VerdictJsonWriter.ToJson(StandardPack.Default.Evaluate(context));
        var configurationsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < valid.Length; i++)
        {
            string json = VerdictJsonWriter.ToJson(valid[i].Pack.Evaluate(context));
            Assert.NotEqual(defaults, json);
            configurationsOf.TryAdd(json, []);
            configurationsOf[json].Add(i);
        }

        Assert.Equal(valid.Length, configurationsOf.Count); // each valid configuration decides differently

        var appSettings = new FakeJsonConfiguration();
        appSettings.Write(valid[0].Settings);
        var logs = new TestLoggerFactory();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(logs);
        services.AddCareRules(
            new ConfigurationBuilder().Add(appSettings).Build().GetSection(CareRulesOptions.SectionName),
            o => o.PackBuilderLoader = ParameterPack.LoadBuilder);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var evaluator = provider.GetRequiredService<ICareEvaluator>();
        var packs = provider.GetRequiredService<IPackProvider>();

        var applied = new bool[valid.Length]; // written before any verdict of theirs can exist
        Volatile.Write(ref applied[0], true);
        var failures = new ConcurrentQueue<string>();
        long evaluations = 0, checkedVerdicts = 0;
        using var stop = new CancellationTokenSource();

        // Threads of their own, not the pool's: loops that never yield would starve the reloads and the file watcher.
        var evaluating = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref evaluations);
                try
                {
                    string json = VerdictJsonWriter.ToJson(evaluator.Evaluate(context));
                    if (json == defaults)
                    {
                        failures.Enqueue("the Standard defaults decided, which no configuration asked for");
                    }
                    else if (!configurationsOf.TryGetValue(json, out var from))
                    {
                        failures.Enqueue($"a verdict of no valid configuration: {json}");
                    }
                    else if (!from.Any(i => Volatile.Read(ref applied[i])))
                    {
                        failures.Enqueue($"a verdict of configuration {from[0]} before it was written");
                    }

                    Interlocked.Increment(ref checkedVerdicts);
                }
#pragma warning disable CA1031 // the test records every exception
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failures.Enqueue(ex.ToString());
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        // Pack files touched all along — the ones in force, one refused for its content, and ones nothing uses.
        long touches = 0;
        var touching = Task.Run(async () =>
        {
            var random = new Random(19);
            string[] files = [a, b, bad];
            string[] contents = [packA, packB, packBad];
            while (!stop.IsCancellationRequested)
            {
                int f = random.Next(files.Length);
                if (random.Next(2) == 0)
                {
                    _directory.Replace(Path.GetFileName(files[f]), contents[f]);
                }
                else
                {
                    File.SetLastWriteTimeUtc(files[f], DateTime.UtcNow);
                }

                touches++;
                await Task.Delay(random.Next(5, 40));
            }
        });

        var counts = Enum.GetValues<Kind>().ToDictionary(k => k, _ => 0);
        var random = new Random(2019);
        var watch = Stopwatch.StartNew();
        int inForce = 0, steps = 0;
        for (; steps < Steps && watch.Elapsed < Budget && failures.IsEmpty; steps++)
        {
            var kind = (Kind)random.Next(Enum.GetValues<Kind>().Length);
            counts[kind]++;
            switch (kind)
            {
                case Kind.Valid or Kind.PackFile:
                    int i = kind == Kind.Valid ? random.Next(3) : 3 + random.Next(3);
                    Volatile.Write(ref applied[i], true);
                    appSettings.Write(valid[i].Settings);
                    inForce = i;
                    break;
                case Kind.Invalid:
                    appSettings.Write(invalid[random.Next(invalid.Length)]);
                    break;
                case Kind.InvalidPackFile:
                    appSettings.Write(PackFile(bad));
                    break;
                case Kind.EmptySilent:
                    appSettings.Write(string.Empty);
                    appSettings.Announce(); // another source reloading makes it seen, now or never
                    break;
                case Kind.HalfWrittenSilent:
                    appSettings.Write(valid[random.Next(valid.Length)].Settings[..20]);
                    break;
                case Kind.EmptyAnnounced:
                    appSettings.Write("{}");
                    break;
                case Kind.Deleted:
                    appSettings.Delete();
                    break;
            }

            // Reloads run on the writing thread: the pack in force is now the one this state gives.
            string now = VerdictJsonWriter.ToJson(packs.Current.Evaluate(context));
            if (!configurationsOf.TryGetValue(now, out var current) || !current.Contains(inForce))
            {
                failures.Enqueue($"step {steps} ({kind}): expected the pack of configuration {inForce}, found {packs.Current.Id}");
            }

            if (random.Next(4) == 0)
            {
                await Task.Delay(random.Next(1, 8)); // let the evaluating threads run on this pack
            }
        }

        watch.Stop();
        await stop.CancelAsync();
        await Task.WhenAll([.. evaluating, touching]);

        int warnings = logs.Entries.Count(e => e.Level == LogLevel.Warning), errors = logs.Errors.Count();
        output.WriteLine(
            $"{steps} configurations in {watch.Elapsed.TotalSeconds:F1} s: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}; " +
            $"{Interlocked.Read(ref evaluations)} evaluations on 2 threads, {Interlocked.Read(ref checkedVerdicts)} verdicts checked; " +
            $"{touches} pack-file touches; {errors} rejections and {warnings} empty-configuration warnings logged.");
        Assert.Empty(failures);
        Assert.True(steps >= 200, $"only {steps} configurations were applied");
        Assert.All(counts.Values, n => Assert.True(n > 0, "every kind of configuration was applied"));
        Assert.True(Interlocked.Read(ref checkedVerdicts) > 1000, "the evaluating threads ran");
        Assert.True(errors >= counts[Kind.Invalid] / 2, "rejections are logged");
        Assert.True(warnings > 0, "empty configurations are warned about");
    }
}
