using CareRules.DependencyInjection.Tests.Support;
using CareRules.Evaluation;
using CareRules.Packs;
using CareRules.RulesEngine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareRules.DependencyInjection.Tests.DependencyInjection;

/// <summary>Issue 20, point 8: a pack file with configuration parameters over its values, the loader recipe, the start-up log.</summary>
public sealed class PackFileOptionsTests : IDisposable
{
    private const string AcmeWorkflow = """
        {
          "WorkflowName": "acme",
          "Pack": "acme-shop@2.1.0",
          "Parameters": { "stance": "firm", "smallGift": 25 },
          "Rules": []
        }
        """;

    private readonly TempDirectory _directory = new();
    private readonly TestLoggerFactory _logs = new();

    public void Dispose() => _directory.Dispose();

    private ServiceProvider Start(Dictionary<string, string?> settings, Action<CareRulesOptions> configure)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(_logs);
        services.AddCareRules(configuration.GetSection(CareRulesOptions.SectionName), configure);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void WorkflowPackFile_WithConfigurationParameters_TheFilesValuesFirst_ConfigurationOverThem()
    {
        string path = _directory.File("acme.json");
        File.WriteAllText(path, AcmeWorkflow);
        using var provider = Start(
            new() { ["CareRules:PackFile"] = path, ["CareRules:Parameters:smallGift"] = "40" },
            o => o.PackBuilderLoader = text => WorkflowPack.Extend(StandardPack.CreateBuilder(), WorkflowSource.FromJson(text, "acme.json"))); // the recipe of docs/hosting.md
        provider.GetRequiredService<IStartupValidator>().Validate();

        var pack = provider.GetRequiredService<CompiledPack>();
        Assert.Equal("acme-shop@2.1.0", pack.Id);
        Assert.Equal(Stance.Firm, pack.Parameters.Get(StandardParameters.Stance)); // the file's value
        Assert.Equal(40m, pack.Parameters.Get(StandardParameters.SmallGift));      // configuration over the file's 25
        Assert.Equal("10", pack.Parameters.Format("nextOrderDiscountPercent"));    // neither: the Standard default
    }

    [Fact]
    public void StartupLog_NamesThePackFile_ForAPackNamedAcmeShop()
    {
        string path = _directory.File("acme.json");
        File.WriteAllText(path, AcmeWorkflow);
        using var provider = Start(
            new() { ["CareRules:PackFile"] = path },
            o => o.PackBuilderLoader = text => WorkflowPack.Extend(StandardPack.CreateBuilder(), WorkflowSource.FromJson(text, "acme.json")));
        provider.GetRequiredService<IStartupValidator>().Validate();

        var loaded = Assert.Single(_logs.Entries);
        Assert.Equal($"CareRules pack acme-shop@2.1.0 loaded from pack file '{path}' (CareRules options).", loaded.Message);
    }

    [Fact]
    public void StartupLog_SaysCustomized_WhenCodeRenamesTheStandardPack()
    {
        using var provider = Start([], o => o.Customize = b => b.Named("acme-shop", "1"));
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("CareRules pack acme-shop@1 loaded from the Standard pack, customized in code (CareRules options).", Assert.Single(_logs.Entries).Message);
    }

    [Fact]
    public void PackLoader_WithParameters_FailsTheStart_PointingToPackBuilderLoader()
    {
        string path = _directory.File("pack.json");
        File.WriteAllText(path, ParameterPack.Json("a", ("stance", "firm")));
        using var provider = Start(
            new() { ["CareRules:PackFile"] = path, ["CareRules:Parameters:smallGift"] = "40" },
            o => o.PackLoader = ParameterPack.Load);

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith("CareRules:Parameters: must be empty when CareRulesOptions.PackLoader builds", Assert.Single(StartupProblems.Of(ex)), StringComparison.Ordinal);
        Assert.Contains("PackBuilderLoader", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BothLoaders_FailTheStart()
    {
        string path = _directory.File("pack.json");
        File.WriteAllText(path, ParameterPack.Json("a", ("stance", "firm")));
        using var provider = Start(new() { ["CareRules:PackFile"] = path }, o =>
        {
            o.PackLoader = ParameterPack.Load;
            o.PackBuilderLoader = ParameterPack.LoadBuilder;
        });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith("CareRules:PackFile: has two loaders", Assert.Single(StartupProblems.Of(ex)), StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralProblems_OneALine()
    {
        using var provider = Start(new() { ["CareRules:Parameters:stance"] = "rude", ["CareRules:Parameters:smallGift"] = "lots", ["CareRules:Extra"] = "1" }, _ => { });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var lines = ex.Message.Split(Environment.NewLine);
        Assert.Equal("CareRules configuration is invalid (3 problems):", lines[0]);
        Assert.Equal(3, StartupProblems.Of(ex).Count);
    }
}
