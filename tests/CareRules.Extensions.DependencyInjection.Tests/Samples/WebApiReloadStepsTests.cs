using CareRules.DependencyInjection.Tests.Support;
using CareRules.Evaluation;
using CareRules.Packs;
using CareRules.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareRules.DependencyInjection.Tests.Samples;

/// <summary>
/// Issue 19, step by step, on the web sample as an operator runs it: appsettings.json rewritten on disk and reloaded
/// by the JSON configuration provider, a pack.json beside it that the sample has no loader for. Each test runs the
/// steps up to its own and asserts every one on the way.
/// </summary>
public sealed class WebApiReloadStepsTests
{
    /// <summary>Longer than a pack-file watcher's settling delay and the JSON provider's reload delay (250 ms).</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(800);

    [Fact]
    public Task Step1_StartsWithTheFirmPack() => RunAsync(1);

    [Fact]
    public Task Step2_PackFileWithoutLoader_IsRejected_KeepsFirm_AndLeavesNoWatcher() => RunAsync(2);

    [Fact]
    public Task Step3_ValidParametersAgain_ComeIntoForce_LoggedAsTheStandardPack() => RunAsync(3);

    [Fact]
    public Task Step4_TouchingTheUnusedPackFile_RebuildsNothing() => RunAsync(4);

    [Fact]
    public Task Step5_EmptyAppSettings_ThenTouchingThePackFile_KeepsTheGenerousPack() => RunAsync(5);

    /// <summary>The sample's appsettings.json with CareRules' own log entries kept (Information and up).</summary>
    private static string Settings(string careRulesSection) =>
        "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\", \"CareRules\": \"Information\" } }, \"CareRules\": " + careRulesSection + " }";

    private static List<TestLoggerFactory.LogEntry> CareRulesEntries(WebApiHost host) => [.. host.Logs.Entries.Where(e => e.Category == "CareRules")];

    private static async Task RunAsync(int lastStep)
    {
        // 1. Start with "stance": "firm".
        await using var host = await WebApiHost.StartAsync(Settings("{ \"Parameters\": { \"stance\": \"firm\", \"smallGift\": \"25\" } }"));
        var packs = host.App.Services.GetRequiredService<IPackProvider>();
        var source = Assert.IsType<ConfiguredPackSource>(host.App.Services.GetRequiredService<IPackSource>());
        string packFile = Path.Combine(Path.GetDirectoryName(host.AppSettingsPath)!, "pack.json");
        Assert.Equal(Stance.Firm, packs.Current.Parameters.Get(StandardParameters.Stance));
        Assert.Empty(source.WatchedFiles);
        if (lastStep == 1)
        {
            return;
        }

        // 2. "PackFile": "…/pack.json" without a loader: rejected and logged, firm stays, nothing watched or remembered.
        var firm = packs.Current;
        File.WriteAllText(host.AppSettingsPath, Settings($"{{ \"PackFile\": {System.Text.Json.JsonSerializer.Serialize(packFile)} }}"));
        await Eventually.TrueAsync(() => host.Logs.Errors.Any(), "the pack-file setting is rejected and logged");
        Assert.Contains("CareRules:PackFile: is set, but no pack loader is registered", Assert.Single(host.Logs.Errors).Message, StringComparison.Ordinal);
        Assert.Same(firm, packs.Current);
        Assert.Empty(source.WatchedFiles);
        Assert.Equal("the Standard pack (CareRules options)", source.Description);
        if (lastStep == 2)
        {
            return;
        }

        // 3. Valid parameters again: in force, and logged as the Standard pack — no pack file in any later wording.
        File.WriteAllText(host.AppSettingsPath, Settings("{ \"Parameters\": { \"stance\": \"generous\", \"smallGift\": \"25\" } }"));
        await Eventually.TrueAsync(() => packs.Current.Parameters.Get(StandardParameters.Stance) == Stance.Generous, "the generous pack is in force");
        var generous = packs.Current;
        await Eventually.TrueAsync(() => CareRulesEntries(host).Any(e => e.Message.Contains("reloaded", StringComparison.Ordinal)), "the reload is logged");
        var reloaded = Assert.Single(CareRulesEntries(host), e => e.Level == LogLevel.Information && e.Message.Contains("reloaded", StringComparison.Ordinal));
        Assert.Contains("reloaded from the Standard pack (CareRules options)", reloaded.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(CareRulesEntries(host), e => e.Level < LogLevel.Error && e.Message.Contains("pack file", StringComparison.Ordinal));
        Assert.Empty(source.WatchedFiles);
        if (lastStep == 3)
        {
            return;
        }

        // 4. Create, then touch, pack.json, which nothing uses: nothing is rebuilt or logged.
        int entries = CareRulesEntries(host).Count;
        File.WriteAllText(packFile, "{}");
        await Task.Delay(Quiet);
        File.SetLastWriteTimeUtc(packFile, DateTime.UtcNow);
        await Task.Delay(Quiet);
        Assert.Same(generous, packs.Current);
        Assert.Equal(entries, CareRulesEntries(host).Count);
        if (lastStep == 4)
        {
            return;
        }

        // 5. Empty appsettings.json (an editor mid-save), then touch pack.json: the generous pack stays. The JSON provider
        // empties the configuration without announcing it; nothing CareRules watches changes, so nothing happens.
        File.WriteAllText(host.AppSettingsPath, string.Empty);
        await Task.Delay(Quiet);
        File.SetLastWriteTimeUtc(packFile, DateTime.UtcNow);
        await Task.Delay(Quiet);
        Assert.Same(generous, packs.Current);
        Assert.Empty(source.WatchedFiles);
        Assert.Equal(entries, CareRulesEntries(host).Count);

        // Restoring the file changes nothing either: the same configuration, the same pack.
        File.WriteAllText(host.AppSettingsPath, Settings("{ \"Parameters\": { \"stance\": \"generous\", \"smallGift\": \"25\" } }"));
        await Task.Delay(Quiet);
        Assert.Same(generous, packs.Current);
        Assert.Single(host.Logs.Errors); // only step 2's rejection
        Assert.Equal(entries, CareRulesEntries(host).Count);
    }
}
