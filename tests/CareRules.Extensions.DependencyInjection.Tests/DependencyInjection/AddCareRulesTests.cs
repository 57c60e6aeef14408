using CareRules.DependencyInjection.Tests.Support;
using CareRules.Evaluation;
using CareRules.Packs;
using CareRules.Serialization;
using CareRules.Sources;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CareRules.DependencyInjection.Tests.DependencyInjection;

public sealed class AddCareRulesTests
{
    [Fact]
    public void AddCareRules_NullArguments_Throw()
    {
        var services = new ServiceCollection();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();

        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => CareRulesServiceCollectionExtensions.AddCareRules(null!)).ParamName);
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => CareRulesServiceCollectionExtensions.AddCareRules(null!, _ => { })).ParamName);
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => CareRulesServiceCollectionExtensions.AddCareRules(null!, configuration)).ParamName);
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => CareRulesServiceCollectionExtensions.AddCareRules(null!, configuration, _ => { })).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => services.AddCareRules((Action<CareRulesOptions>)null!)).ParamName);
        Assert.Equal("configuration", Assert.Throws<ArgumentNullException>(() => services.AddCareRules((Microsoft.Extensions.Configuration.IConfiguration)null!)).ParamName);
        Assert.Equal("configuration", Assert.Throws<ArgumentNullException>(() => services.AddCareRules(null!, _ => { })).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => services.AddCareRules(configuration, null!)).ParamName);
        Assert.Empty(services);
    }

    [Fact]
    public void AddCareRules_ReturnsTheSameCollection()
    {
        var services = new ServiceCollection();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();

        Assert.Same(services, services.AddCareRules());
        Assert.Same(services, services.AddCareRules(_ => { }));
        Assert.Same(services, services.AddCareRules(configuration.GetSection("CareRules")));
        Assert.Same(services, services.AddCareRules(configuration.GetSection("CareRules"), _ => { }));
    }

    [Fact]
    public void AddCareRules_CalledTwice_RegistersEverythingOnce()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddCareRules(configuration.GetSection("CareRules"));
        var once = services.Select(d => d.ServiceType).ToList();

        services.AddCareRules(configuration.GetSection("CareRules"));
        services.AddCareRules();

        Assert.Equal(once, services.Select(d => d.ServiceType).ToList());
        Assert.Single(services, d => d.ServiceType == typeof(ICareEvaluator));
        Assert.Single(services, d => d.ServiceType == typeof(IPackProvider));
        Assert.Single(services, d => d.ServiceType == typeof(CompiledPack));
        Assert.Single(services, d => d.ServiceType == typeof(IClock));
    }

    [Fact]
    public void AddCareRules_RegistersSingletonsAndTheSystemClockByDefault()
    {
        using var provider = new ServiceCollection().AddCareRules().BuildServiceProvider(validateScopes: true);

        Assert.Same(provider.GetRequiredService<ICareEvaluator>(), provider.GetRequiredService<ICareEvaluator>());
        Assert.Same(provider.GetRequiredService<IPackProvider>(), provider.GetRequiredService<IPackProvider>());
        Assert.Same(provider.GetRequiredService<IPackProvider>().Current, provider.GetRequiredService<CompiledPack>());
        Assert.Same(provider.GetRequiredService<CompiledPack>(), provider.GetRequiredService<CompiledPack>());
        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
        Assert.Equal(StandardPack.Name + "@" + StandardPack.Version, provider.GetRequiredService<CompiledPack>().Id);
    }

    [Fact]
    public void AddCareRules_KeepsAClockRegisteredBefore_AndEvaluatesAtItsInstant()
    {
        var context = Cases.LateDamagedParcel();
        var clock = new FakeClock(context.Now);
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddCareRules();
        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<IClock>());
        var verdict = provider.GetRequiredService<ICareEvaluator>().Evaluate(context.Customer, context.Order, context.Case);
        Assert.Equal(VerdictJsonWriter.ToJson(StandardPack.Default.Evaluate(context)), VerdictJsonWriter.ToJson(verdict));
    }

    [Fact]
    public void AddCareRules_KeepsAPackSourceRegisteredBefore()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("pack.json"), ParameterPack.Json("7", ("stance", "firm")));
        var services = new ServiceCollection();
        services.AddSingleton<IPackSource>(_ => new FilePackSource(directory.File("pack.json"), ParameterPack.Load));
        services.AddCareRules();
        using var provider = services.BuildServiceProvider();

        Assert.Equal("shop@7", provider.GetRequiredService<CompiledPack>().Id);
        Assert.Equal("firm", provider.GetRequiredService<CompiledPack>().Parameters.Format("stance"));
    }

    [Fact]
    public void Evaluate_GivesTheVerdictOfThePackInForce()
    {
        using var provider = new ServiceCollection().AddCareRules(o => o.Parameters["smallGift"] = "30").BuildServiceProvider();
        var context = Cases.LateDamagedParcel();

        var verdict = provider.GetRequiredService<ICareEvaluator>().Evaluate(context);

        Assert.Equal(VerdictJsonWriter.ToJson(StandardPack.Build(b => b.Set("smallGift", "30")).Evaluate(context)), VerdictJsonWriter.ToJson(verdict));
        Assert.Contains(verdict.Decisions, d => d.RuleId == "delay.gift" && d.Value == Model.Money.Pln(30));
        Assert.Throws<ArgumentNullException>(() => provider.GetRequiredService<ICareEvaluator>().Evaluate(null!));
    }

    [Fact]
    public void Customize_ChangesTheStandardPackInCode()
    {
        using var provider = new ServiceCollection()
            .AddCareRules(o => o.Customize = b => b.DisableRule("delay.gift"))
            .BuildServiceProvider();

        Assert.DoesNotContain(provider.GetRequiredService<CompiledPack>().Rules, r => r.Id == "delay.gift");
        Assert.False(provider.GetRequiredService<ICareEvaluator>().Evaluate(Cases.LateDamagedParcel()).HasFired("delay.gift"));
    }
}
