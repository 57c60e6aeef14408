using CareRules.DependencyInjection.Tests.Support;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareRules.DependencyInjection.Tests.DependencyInjection;

public sealed class ConfigurationTests
{
    private static (ServiceProvider Provider, IConfigurationRoot Configuration, TestLoggerFactory Logs) Start(
        Dictionary<string, string?> settings, Action<CareRulesOptions>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new TestLoggerFactory();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(logs);
        if (configure is null)
        {
            services.AddCareRules(configuration.GetSection(CareRulesOptions.SectionName));
        }
        else
        {
            services.AddCareRules(configuration.GetSection(CareRulesOptions.SectionName), configure);
        }

        return (services.BuildServiceProvider(), configuration, logs);
    }

    private static OptionsValidationException StartFails(Dictionary<string, string?> settings, Action<CareRulesOptions>? configure = null)
    {
        var (provider, _, _) = Start(settings, configure);
        using (provider)
        {
            // What a host does when it starts (Host.StartAsync): run every ValidateOnStart check.
            return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        }
    }

    [Fact]
    public void Parameters_AreReadFromTheCareRulesSection()
    {
        var (provider, _, _) = Start(new()
        {
            ["CareRules:Parameters:stance"] = "firm",
            ["CareRules:Parameters:smallGift"] = "25",
            ["CareRules:Parameters:replySla"] = "4h",
        });
        using (provider)
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            var pack = provider.GetRequiredService<CompiledPack>();

            Assert.Equal(Stance.Firm, pack.Parameters.Get(StandardParameters.Stance));
            Assert.Equal(25m, pack.Parameters.Get(StandardParameters.SmallGift));
            Assert.Equal("4h", pack.Parameters.Format("replySla"));
            Assert.Equal("10", pack.Parameters.Format("nextOrderDiscountPercent")); // untouched default
        }
    }

    [Fact]
    public void CodeConfiguration_RunsAfterTheSection_AndWins()
    {
        var (provider, _, _) = Start(new() { ["CareRules:Parameters:stance"] = "firm" }, o => o.Parameters["stance"] = "generous");
        using (provider)
        {
            Assert.Equal(Stance.Generous, provider.GetRequiredService<CompiledPack>().Parameters.Get(StandardParameters.Stance));
        }
    }

    [Fact]
    public void Start_ListsEveryProblem_WithItsConfigurationPath()
    {
        var ex = StartFails(new()
        {
            ["CareRules:Parameters:stance"] = "rude",
            ["CareRules:Parameters:smallGift"] = "-5",
            ["CareRules:Parameters:replySla"] = "soon",
            ["CareRules:Parameters:smallGfit"] = "25",
            ["CareRules:Parameters:vipOrders:min"] = "3",
            ["CareRules:Stance"] = "firm",
        });

        Assert.Collection(
            StartupProblems.Of(ex).Order(StringComparer.Ordinal),
            f => Assert.StartsWith("CareRules:Parameters:replySla: expected a business time", f, StringComparison.Ordinal),
            f => Assert.StartsWith("CareRules:Parameters:smallGfit: is not a parameter of this pack", f, StringComparison.Ordinal),
            f => Assert.StartsWith("CareRules:Parameters:smallGift: expected an amount of zero or more", f, StringComparison.Ordinal),
            f => Assert.StartsWith("CareRules:Parameters:stance: expected 'generous', 'balanced' or 'firm'", f, StringComparison.Ordinal),
            f => Assert.StartsWith("CareRules:Parameters:vipOrders: expected a value", f, StringComparison.Ordinal),
            f => Assert.StartsWith("CareRules:Stance: is not a CareRules setting", f, StringComparison.Ordinal));
        Assert.Contains("(6 problems)", ex.Message, StringComparison.Ordinal); // the host's message lists them all, one a line
        Assert.Equal(7, ex.Message.Split(Environment.NewLine).Length);
    }

    [Fact]
    public void UnknownParameter_IsAnError_NotIgnored()
    {
        var ex = StartFails(new() { ["CareRules:Parameters:giftValue"] = "25" });

        var failure = Assert.Single(StartupProblems.Of(ex));
        Assert.StartsWith("CareRules:Parameters:giftValue: is not a parameter of this pack; known parameters: timeZone, businessHours, currency", failure, StringComparison.Ordinal);
        Assert.Contains("smallGift", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ParameterNames_AreCaseSensitive()
    {
        var ex = StartFails(new() { ["CareRules:Parameters:Stance"] = "firm" });

        Assert.StartsWith("CareRules:Parameters:Stance: is not a parameter", Assert.Single(StartupProblems.Of(ex)), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAHost_TheFirstResolveThrows_ListingEveryProblem()
    {
        var (provider, _, _) = Start(new() { ["CareRules:Parameters:stance"] = "rude", ["CareRules:Parameters:vipOrders"] = "0" });
        using (provider)
        {
            var ex = Assert.Throws<CareRulesValidationException>(() => provider.GetRequiredService<ICareEvaluator>());

            Assert.Equal(["CareRules:Parameters:stance", "CareRules:Parameters:vipOrders"], ex.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void PackFileWithoutLoader_FailsTheStart()
    {
        var ex = StartFails(new() { ["CareRules:PackFile"] = "pack.json", ["CareRules:Parameters:stance"] = "firm" });

        // Without a loader there is nothing to apply the parameters to: the one problem is the missing loader.
        Assert.StartsWith("CareRules:PackFile: is set, but no pack loader is registered", Assert.Single(StartupProblems.Of(ex)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigurationReload_BuildsTheNewPack_AndSwapsItIn()
    {
        var (provider, configuration, logs) = Start(new() { ["CareRules:Parameters:stance"] = "balanced" });
        using (provider)
        {
            var packs = provider.GetRequiredService<IPackProvider>();
            var first = packs.Current;

            configuration["CareRules:Parameters:stance"] = "firm";
            configuration.Reload();

            await Eventually.TrueAsync(() => !ReferenceEquals(first, packs.Current), "the pack is replaced");
            Assert.Equal(Stance.Firm, packs.Current.Parameters.Get(StandardParameters.Stance));
            Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("reloaded", StringComparison.Ordinal));
            Assert.Same(packs.Current, provider.GetRequiredService<CompiledPack>());
        }
    }

    [Fact]
    public void ConfigurationReload_WithoutCareRulesChanges_KeepsTheSamePack()
    {
        var (provider, configuration, _) = Start(new() { ["CareRules:Parameters:stance"] = "firm", ["Other:Setting"] = "1" });
        using (provider)
        {
            var packs = provider.GetRequiredService<IPackProvider>();
            var first = packs.Current;

            configuration["Other:Setting"] = "2";
            configuration.Reload(); // the reload callback runs synchronously for an in-memory configuration

            Assert.Same(first, packs.Current);
        }
    }

    [Fact]
    public void ConfigurationReload_WithABadPack_KeepsTheOldPack_AndLogsEveryProblem()
    {
        var (provider, configuration, logs) = Start(new() { ["CareRules:Parameters:stance"] = "firm" });
        using (provider)
        {
            var packs = provider.GetRequiredService<IPackProvider>();
            var first = packs.Current;

            configuration["CareRules:Parameters:stance"] = "rude";
            configuration["CareRules:Parameters:smallGift"] = "lots";
            configuration.Reload();

            Assert.Same(first, packs.Current);
            var error = Assert.Single(logs.Errors);
            Assert.Contains("keeps standard@1.0.0", error.Message, StringComparison.Ordinal);
            Assert.Contains("CareRules:Parameters:stance", error.Message, StringComparison.Ordinal);
            Assert.Contains("CareRules:Parameters:smallGift", error.Message, StringComparison.Ordinal);
            Assert.IsType<CareRulesValidationException>(error.Exception);

            // Fixing the configuration brings the new pack in.
            configuration["CareRules:Parameters:stance"] = "generous";
            configuration["CareRules:Parameters:smallGift"] = "30";
            configuration.Reload();
            Assert.Equal(Stance.Generous, packs.Current.Parameters.Get(StandardParameters.Stance));
        }
    }
}
