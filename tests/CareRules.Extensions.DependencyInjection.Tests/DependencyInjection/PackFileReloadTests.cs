using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CareRules.DependencyInjection.Tests.Support;
using CareRules.Diagnostics;
using CareRules.Evaluation;
using CareRules.Serialization;
using CareRules.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CareRules.DependencyInjection.Tests.DependencyInjection;

/// <summary>Hot reload from a pack file: a real file, watched, read by a real loader (the Standard pack with parameters from JSON).</summary>
public sealed class PackFileReloadTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string PackA = ParameterPack.Json("a", ("stance", "generous"), ("smallGift", "20"));
    private static readonly string PackB = ParameterPack.Json("b", ("stance", "firm"), ("smallGift", "35"));

    private readonly TempDirectory _directory = new();
    private readonly TestLoggerFactory _logs = new();
    private readonly TestMeterFactory _meters = new();

    public void Dispose()
    {
        _meters.Dispose();
        _directory.Dispose();
    }

    private ServiceProvider Start(string content)
    {
        File.WriteAllText(_directory.File("pack.json"), content);
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(_logs);
        services.AddSingleton<IMeterFactory>(_meters);
        services.AddCareRules(o =>
        {
            o.PackFile = _directory.File("pack.json");
            o.PackLoader = ParameterPack.Load;
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task FileChange_ReplacesThePack()
    {
        using var provider = Start(PackA);
        var packs = provider.GetRequiredService<IPackProvider>();
        Assert.Equal("shop@a", packs.Current.Id);

        File.WriteAllText(_directory.File("pack.json"), PackB);

        await Eventually.TrueAsync(() => packs.Current.Id == "shop@b", "the new pack is in force");
        Assert.Equal("firm", packs.Current.Parameters.Format("stance"));
        Assert.Empty(_logs.Errors);
    }

    [Fact]
    public async Task BadFile_IsRejected_TheOldPackKept_AndTheErrorLogged()
    {
        using var provider = Start(PackA);
        var packs = provider.GetRequiredService<IPackProvider>();
        var first = packs.Current;

        File.WriteAllText(_directory.File("pack.json"), ParameterPack.Json("c", ("stance", "rude"), ("currency", "EURO")));
        await Eventually.TrueAsync(() => _logs.Errors.Any(), "the rejection is logged");

        Assert.Same(first, packs.Current);
        var error = Assert.Single(_logs.Errors);
        Assert.Contains("keeps shop@a", error.Message, StringComparison.Ordinal);
        Assert.Contains("parameters['stance']", error.Message, StringComparison.Ordinal);
        Assert.Contains("parameters['currency']", error.Message, StringComparison.Ordinal);

        File.WriteAllText(_directory.File("pack.json"), "{ \"name\": \"shop\", \"vers"); // truncated JSON
        await Eventually.TrueAsync(() => _logs.Errors.Count() == 2, "the second rejection is logged");
        Assert.Same(first, packs.Current);
        Assert.Contains("is not a valid pack", _logs.Errors.Last().Message, StringComparison.Ordinal);

        File.Delete(_directory.File("pack.json"));
        await Eventually.TrueAsync(() => _logs.Errors.Count() == 3, "the missing file is logged");
        Assert.Same(first, packs.Current);

        _directory.Replace("pack.json", PackB);
        await Eventually.TrueAsync(() => packs.Current.Id == "shop@b", "a good pack is taken again");
    }

    [Fact]
    public void BadFileAtStart_FailsTheStart()
    {
        using var provider = Start(ParameterPack.Json("c", ("stance", "rude")));

        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());
        Assert.StartsWith("parameters['stance']: expected 'generous', 'balanced' or 'firm'", Assert.Single(StartupProblems.Of(ex)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParallelLoad_WhileReloading_EveryEvaluationGetsAWholeVerdictOfOnePack()
    {
        var context = Cases.LateDamagedParcel();
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["shop@a"] = VerdictJsonWriter.ToJson(ParameterPack.Load(PackA).Evaluate(context)),
            ["shop@b"] = VerdictJsonWriter.ToJson(ParameterPack.Load(PackB).Evaluate(context)),
        };
        Assert.NotEqual(expected["shop@a"], expected["shop@b"]); // the packs really decide differently

        long measured = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == _meters && instrument.Name == CareRulesTelemetry.Evaluations)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref measured, value));
        listener.Start();

        using var provider = Start(PackA);
        var evaluator = provider.GetRequiredService<ICareEvaluator>();
        var packs = provider.GetRequiredService<IPackProvider>();
        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentQueue<string>();
        var seen = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        long calls = 0;

        // Threads of their own: four loops that never yield would hold the thread pool the file watcher's callbacks and
        // the reloads run on (on 2 cores it adds a thread about every half second), which tests the pool, not the reload.
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref calls);
                try
                {
                    var verdict = evaluator.Evaluate(context);
                    string json = VerdictJsonWriter.ToJson(verdict);
                    if (!expected.TryGetValue(verdict.Pack, out var whole) || whole != json)
                    {
                        failures.Enqueue($"torn or unknown verdict of {verdict.Pack}: {json}");
                    }

                    seen.AddOrUpdate(verdict.Pack, 1, (_, n) => n + 1);
                }
#pragma warning disable CA1031 // the test records every exception
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failures.Enqueue(ex.ToString());
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        // Swap between the two packs, with a bad pack in between now and then, while the workers evaluate.
        int badPacks = 0;
        for (int round = 0; round < 8; round++)
        {
            bool toB = round % 2 == 0;
            if (round % 3 == 1)
            {
                int errors = _logs.Errors.Count();
                File.WriteAllText(_directory.File("pack.json"), ParameterPack.Json("bad", ("stance", "rude")));
                await Eventually.TrueAsync(() => _logs.Errors.Count() > errors, "a bad pack is rejected under load");
                badPacks++;
            }

            string target = toB ? "shop@b" : "shop@a";
            if (round % 2 == 0)
            {
                _directory.Replace("pack.json", toB ? PackB : PackA);
            }
            else
            {
                File.WriteAllText(_directory.File("pack.json"), toB ? PackB : PackA);
            }

            await Eventually.TrueAsync(() => packs.Current.Id == target, $"{target} is in force (round {round})");
            await Task.Delay(30); // let the workers evaluate with it
        }

        await stop.CancelAsync();
        await Task.WhenAll(workers);

        output.WriteLine($"{Interlocked.Read(ref calls)} evaluations on 4 threads: {string.Join(", ", seen.Select(p => $"{p.Key} {p.Value}"))}; 8 swaps, {badPacks} bad packs rejected, {_logs.Errors.Count()} rejections logged.");
        Assert.Empty(failures);
        long total = Interlocked.Read(ref calls);
        Assert.True(total > 100, $"only {total} evaluations ran");
        Assert.Equal(total, seen.Values.Sum());                  // every call got a verdict
        Assert.Equal(total, Interlocked.Read(ref measured));     // and every one was measured: none lost
        Assert.True(seen.GetValueOrDefault("shop@a") > 0 && seen.GetValueOrDefault("shop@b") > 0, "both packs decided");
        // Each bad pack was rejected and logged (a write caught half-way could add a rejection of its own).
        Assert.True(_logs.Errors.Count(e => e.Message.Contains("parameters['stance']", StringComparison.Ordinal)) >= badPacks);
    }
}
