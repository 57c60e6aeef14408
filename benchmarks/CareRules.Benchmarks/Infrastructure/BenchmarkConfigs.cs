using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CareRules.Benchmarks.Infrastructure;

/// <summary>The two ways to run the benchmarks: a measurement (<see cref="Full"/>) and a smoke run for CI (<see cref="Quick"/>).</summary>
public static class BenchmarkConfigs
{
    /// <summary>
    /// The measurement: each benchmark in its own process (BenchmarkDotNet's default toolchain), 5 warm-up and 20
    /// measured iterations of about 0.5 s — bounded, so a full run takes minutes even on a busy 2-core machine.
    /// </summary>
    public static IConfig Full() => Common(DefaultConfig.Instance)
        .AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(20).WithId("Full"));

    /// <summary>
    /// The smoke run CI does so the benchmarks never rot: every benchmark once (<see cref="Job.Dry"/>), in this process
    /// (no generated project to build). It checks that every benchmark sets up (the context mix covers every rule,
    /// the hand-written pack agrees with the engine) and runs; its timings mean nothing.
    /// </summary>
    public static IConfig Quick() => Common(DefaultConfig.Instance)
        .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick"))
        .WithOptions(ConfigOptions.DisableLogFile);

    private static ManualConfig Common(IConfig baseConfig) => ManualConfig.Create(baseConfig)
        .AddColumn(CasesPerSecondColumn.Instance, MegabytesPerSecondColumn.Instance, CategoriesColumn.Default)
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value))
        .WithOptions(ConfigOptions.StopOnFirstError);
}
