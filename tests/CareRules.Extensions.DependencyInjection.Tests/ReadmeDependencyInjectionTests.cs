using System.Text;
using CareRules.DependencyInjection.Tests.Support;
using CareRules.Evaluation;
using CareRules.Packs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareRules.DependencyInjection.Tests;

/// <summary>The README's "Dependency injection" section, line for line, so that it cannot rot.</summary>
public sealed class ReadmeDependencyInjectionTests
{
    [Fact]
    public async Task DependencyInjection_RegistersFromConfiguration_AndEvaluatesWithTheInjectedEvaluator()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        const string appsettings = """{ "CareRules": { "Parameters": { "stance": "firm", "smallGift": "25" } } }""";
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(appsettings)));

        // --- README dependency injection begins ---
        builder.Services.AddCareRules(builder.Configuration.GetSection(CareRulesOptions.SectionName));
        // --- README dependency injection ends ---

        using var host = builder.Build();
        await host.StartAsync();
        var evaluator = host.Services.GetRequiredService<ICareEvaluator>();
        var context = Cases.LateDamagedParcel();
        var (customer, order, @case) = (context.Customer, context.Order, context.Case);

        // --- README evaluation begins ---
        Verdict verdict = evaluator.Evaluate(customer, order, @case); // at IClock's now, with the pack in force
        // --- README evaluation ends ---

        Assert.Equal(Stance.Firm, host.Services.GetRequiredService<IPackProvider>().Current.Parameters.Get(StandardParameters.Stance));
        Assert.Equal("standard@1.0.0", verdict.Pack);
        await host.StopAsync();
    }
}
