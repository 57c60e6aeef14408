using System.Text.Json;
using CareRules.DependencyInjection.Tests.Support;
using CareRules.Evaluation;
using CareRules.Packs;
using CareRules.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareRules.DependencyInjection.Tests.DependencyInjection;

/// <summary>
/// Issue 19: what a hot reload remembers, watches and logs. The configuration is a <see cref="FakeJsonConfiguration"/>
/// (what the JSON file provider does, without its timing); pack files are real temporary files, really watched.
/// </summary>
public sealed class ReloadStateTests : IDisposable
{
    /// <summary>Longer than a pack-file watcher's settling delay (100 ms), for the checks that nothing happens.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    private readonly TempDirectory _directory = new();
    private readonly TestLoggerFactory _logs = new();
    private readonly FakeJsonConfiguration _appSettings = new();
    private ServiceProvider? _provider;

    public void Dispose()
    {
        _provider?.Dispose();
        _directory.Dispose();
    }

    private static string Settings(string careRulesSection) => "{ \"CareRules\": " + careRulesSection + " }";

    private static string PackFileSettings(string path) => Settings($"{{ \"PackFile\": {JsonSerializer.Serialize(path)} }}");

    private IPackProvider Start(string appSettings, Action<CareRulesOptions>? configure = null)
    {
        Assert.True(_appSettings.Write(appSettings));
        var configuration = new ConfigurationBuilder().Add(_appSettings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(_logs);
        services.AddCareRules(configuration.GetSection(CareRulesOptions.SectionName), configure ?? (_ => { }));
        _provider = services.BuildServiceProvider();
        _provider.GetRequiredService<IStartupValidator>().Validate();
        return _provider.GetRequiredService<IPackProvider>();
    }

    private ConfiguredPackSource Source => Assert.IsType<ConfiguredPackSource>(_provider!.GetRequiredService<IPackSource>());

    private IEnumerable<TestLoggerFactory.LogEntry> Warnings => _logs.Entries.Where(e => e.Level == LogLevel.Warning);

    [Fact]
    public void RejectedPackFileSetting_LeavesNoWatcher_NoState_AndNoWording()
    {
        var packs = Start(Settings("{ \"Parameters\": { \"stance\": \"firm\" } }"));
        var firm = packs.Current;

        _appSettings.Write(PackFileSettings(_directory.File("pack.json")));

        Assert.Same(firm, packs.Current);
        Assert.Contains("CareRules:PackFile: is set, but no pack loader is registered", Assert.Single(_logs.Errors).Message, StringComparison.Ordinal);
        Assert.Empty(Source.WatchedFiles);
        Assert.Equal("the Standard pack (CareRules options)", Source.Description);

        _appSettings.Write(Settings("{ \"Parameters\": { \"stance\": \"generous\" } }"));

        Assert.Equal(Stance.Generous, packs.Current.Parameters.Get(StandardParameters.Stance));
        var reloaded = Assert.Single(_logs.Entries, e => e.Message.Contains("reloaded", StringComparison.Ordinal));
        Assert.Contains("reloaded from the Standard pack (CareRules options)", reloaded.Message, StringComparison.Ordinal);
        Assert.Empty(Source.WatchedFiles);
    }

    [Fact]
    public async Task TouchingAPackFileNothingUses_RebuildsNothing()
    {
        var packs = Start(Settings("{ \"Parameters\": { \"stance\": \"firm\" } }"));
        _appSettings.Write(PackFileSettings(_directory.File("pack.json"))); // rejected: no loader
        _appSettings.Write(Settings("{ \"Parameters\": { \"stance\": \"generous\" } }"));
        var generous = packs.Current;
        int entries = _logs.Entries.Count;

        File.WriteAllText(_directory.File("pack.json"), "{}");
        File.SetLastWriteTimeUtc(_directory.File("pack.json"), DateTime.UtcNow.AddMinutes(1));
        await Task.Delay(Quiet);

        Assert.Same(generous, packs.Current);
        Assert.Equal(entries, _logs.Entries.Count);
    }

    [Fact]
    public async Task UnreadableConfiguration_ThenTouchingThePackFileInForce_KeepsThePack_AndWarnsOnce()
    {
        string packFile = _directory.File("pack.json");
        File.WriteAllText(packFile, ParameterPack.Json("a", ("stance", "firm")));
        var packs = Start(PackFileSettings(packFile), o => o.PackLoader = ParameterPack.Load);
        var first = packs.Current;
        Assert.Equal([packFile], Source.WatchedFiles);

        Assert.False(_appSettings.Write(string.Empty)); // an editor mid-save: emptied, not announced
        File.SetLastWriteTimeUtc(packFile, DateTime.UtcNow.AddMinutes(1));
        await Eventually.TrueAsync(() => Warnings.Any(), "the empty configuration is noticed");
        File.SetLastWriteTimeUtc(packFile, DateTime.UtcNow.AddMinutes(2));
        await Task.Delay(Quiet);

        Assert.Same(first, packs.Current); // never the Standard defaults
        var warning = Assert.Single(Warnings);
        Assert.Equal("CareRules", warning.Category);
        Assert.Contains("'CareRules' has no settings", warning.Message, StringComparison.Ordinal);
        Assert.Contains($"keeps shop@a from pack file '{packFile}'", warning.Message, StringComparison.Ordinal);
        Assert.Empty(_logs.Errors);

        // The file restored: the pack file's pack again, the same one (its file is unchanged since it was read).
        _appSettings.Write(PackFileSettings(packFile));
        await Eventually.TrueAsync(() => packs.Current.Id == "shop@a", "shop@a stays");
        Assert.Single(Warnings);
    }

    [Fact]
    public void UnreadableConfiguration_SeenWhenAnotherSourceReloads_KeepsThePack_AndWarnsOncePerEpisode()
    {
        var packs = Start(Settings("{ \"Parameters\": { \"stance\": \"firm\" } }"));
        var firm = packs.Current;

        Assert.False(_appSettings.Write("{ \"CareRules\": { \"Parame")); // half-written
        _appSettings.Announce();
        _appSettings.Announce();
        Assert.Same(firm, packs.Current);
        Assert.Single(Warnings);

        _appSettings.Write(Settings("{ \"Parameters\": { \"stance\": \"firm\" } }")); // restored: the same state, nothing to do
        Assert.Same(firm, packs.Current);
        _appSettings.Write(string.Empty);
        _appSettings.Announce();
        Assert.Same(firm, packs.Current);
        Assert.Equal(2, Warnings.Count());
        Assert.Empty(_logs.Errors);
    }

    [Fact]
    public void DeletedOrEmptyConfiguration_KeepsThePack_AndWarnsOnce()
    {
        var packs = Start(Settings("{ \"Parameters\": { \"stance\": \"firm\" } }"));
        var firm = packs.Current;

        Assert.True(_appSettings.Write("{}")); // announced, with no CareRules section
        _appSettings.Delete();
        Assert.True(_appSettings.Write(Settings("{}")));

        Assert.Same(firm, packs.Current);
        Assert.Single(Warnings);
    }

    [Fact]
    public void EmptyParameters_AskForTheStandardDefaults()
    {
        var packs = Start(Settings("{ \"Parameters\": { \"stance\": \"firm\" } }"));

        _appSettings.Write(Settings("{ \"Parameters\": {} }"));

        Assert.Equal(StandardPack.Default.Parameters.Format("stance"), packs.Current.Parameters.Format("stance"));
        Assert.Equal("balanced", packs.Current.Parameters.Format("stance"));
        Assert.Empty(Warnings);
    }

    [Fact]
    public void NoSectionAtStart_MeansTheStandardDefaults()
    {
        var packs = Start("{ \"Other\": 1 }");

        Assert.Equal("balanced", packs.Current.Parameters.Format("stance"));
        _appSettings.Write("{ \"Other\": 2 }"); // the same (empty) CareRules state: nothing to do, nothing to warn about
        Assert.Empty(Warnings);
    }

    [Fact]
    public async Task OneState_OnePack_WhateverTheOrderOfFileEvents()
    {
        string a = _directory.File("a.json");
        File.WriteAllText(a, ParameterPack.Json("a1", ("stance", "firm")));

        // Order 1: the pack file is rewritten, then the configuration names it.
        var packs = Start(Settings("{ \"Parameters\": { \"stance\": \"generous\" } }"), o => o.PackBuilderLoader = ParameterPack.LoadBuilder);
        File.WriteAllText(a, ParameterPack.Json("a2", ("stance", "firm")));
        await Task.Delay(Quiet);
        _appSettings.Write(PackFileSettings(a));
        Assert.Equal("shop@a2", packs.Current.Id);

        // Order 2: the configuration names it first, then it is rewritten.
        _appSettings.Write(Settings("{ \"Parameters\": { \"stance\": \"generous\" } }"));
        File.WriteAllText(a, ParameterPack.Json("a1", ("stance", "firm")));
        await Task.Delay(Quiet); // not watched now: nothing happens
        Assert.Equal("standard@1.0.0", packs.Current.Id);
        _appSettings.Write(PackFileSettings(a));
        Assert.Equal("shop@a1", packs.Current.Id);
        File.WriteAllText(a, ParameterPack.Json("a2", ("stance", "firm")));
        await Eventually.TrueAsync(() => packs.Current.Id == "shop@a2", "the rewritten file is in force");
        Assert.Empty(_logs.Errors);
    }

    [Fact]
    public async Task PackFileRefusedForItsContent_IsWatched_AndFixingItBringsItIn()
    {
        string b = _directory.File("b.json");
        var packs = Start(Settings("{ \"Parameters\": { \"stance\": \"firm\" } }"), o => o.PackBuilderLoader = ParameterPack.LoadBuilder);
        var firm = packs.Current;

        _appSettings.Write(PackFileSettings(b)); // the configuration is right; the file is not there yet
        Assert.Same(firm, packs.Current);
        Assert.Contains("could not be read", Assert.Single(_logs.Errors).Message, StringComparison.Ordinal);
        Assert.Equal([b], Source.WatchedFiles);

        _directory.Replace("b.json", ParameterPack.Json("b", ("stance", "generous")));
        await Eventually.TrueAsync(() => packs.Current.Id == "shop@b", "the fixed file comes into force");
        Assert.Equal($"pack file '{b}' (CareRules options)", Source.Description);

        _appSettings.Write(Settings("{ \"Parameters\": { \"stance\": \"firm\" } }"));
        Assert.Equal("standard@1.0.0", packs.Current.Id);
        Assert.Empty(Source.WatchedFiles);
    }

    [Fact]
    public void RefusedSettings_AreNotRetriedOrLoggedTwice_ForTheSameState()
    {
        var packs = Start(Settings("{ \"Parameters\": { \"stance\": \"firm\" } }"));

        _appSettings.Write(Settings("{ \"Parameters\": { \"stance\": \"rude\" } }"));
        _appSettings.Write(Settings("{ \"Parameters\": { \"stance\": \"rude\" } }")); // a watcher reporting one edit twice
        _appSettings.Announce();

        Assert.Single(_logs.Errors);
        Assert.Equal(Stance.Firm, packs.Current.Parameters.Get(StandardParameters.Stance));
    }
}
