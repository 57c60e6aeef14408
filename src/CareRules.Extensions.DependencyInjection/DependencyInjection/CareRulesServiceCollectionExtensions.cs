using System.Diagnostics.Metrics;
using CareRules.DependencyInjection;
using CareRules.Diagnostics;
using CareRules.Evaluation;
using CareRules.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

// Extension methods on IServiceCollection live in this namespace by convention, so that they show up without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers CareRules in a service collection: <see cref="ICareEvaluator"/> (what a shop platform injects),
/// <see cref="IPackProvider"/> (the pack in force, hot-reloaded), <see cref="CompiledPack"/>, the
/// <see cref="IPackSource"/> it is built from, and NodaTime's <see cref="IClock"/> (the system clock unless one is
/// registered already). Every registration is a <c>TryAdd</c>: services registered before win, and calling
/// <c>AddCareRules</c> again registers nothing twice. The first pack is built when the host starts, which fails
/// listing every problem of the configuration.
/// </summary>
public static class CareRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers CareRules with the Standard pack and its default parameters (or with the <see cref="IPackSource"/>
    /// already registered).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddCareRules(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        services.TryAddSingleton<IClock>(SystemClockDefault);
        services.TryAddSingleton(sp => new CareRulesInstrumentation(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<IPackSource>(sp => new ConfiguredPackSource(
            sp.GetRequiredService<IOptionsFactory<CareRulesOptions>>(),
            sp.GetServices<IOptionsChangeTokenSource<CareRulesOptions>>(),
            Logger(sp)));
        services.TryAddSingleton<IPackProvider>(sp => new PackProvider(
            sp.GetRequiredService<IPackSource>(),
            sp.GetRequiredService<CareRulesInstrumentation>(),
            Logger(sp)));
        services.TryAddSingleton<ICareEvaluator, CareEvaluator>();

        // The pack in force when resolved: one shared instance per pack, never built per resolve, and after a hot
        // reload the new one. Inject ICareEvaluator or IPackProvider in long-lived services to follow reloads.
        services.TryAddTransient(sp => sp.GetRequiredService<IPackProvider>().Current);

        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<CareRulesStartupCheck>)))
        {
            services.AddSingleton<IValidateOptions<CareRulesStartupCheck>, CareRulesStartupValidator>();
            services.AddOptions<CareRulesStartupCheck>().ValidateOnStart();
        }

        return services;
    }

    /// <summary>Registers CareRules and configures its options in code (after any configuration read).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets parameters, a pack file and its loader, or customizes the Standard pack. Runs again
    /// on every reload; several calls add up, like <c>Configure</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddCareRules(this IServiceCollection services, Action<CareRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddCareRules();
        services.Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers CareRules with its options read from a configuration section — by convention
    /// <c>configuration.GetSection(CareRulesOptions.SectionName)</c> — and rebuilt when that configuration reloads
    /// (a pack that fails to build is then rejected, logged, and the pack in force kept). The section holds
    /// <c>Parameters</c> (name/value pairs) and <c>PackFile</c>; any other key is an error.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The <c>CareRules</c> configuration section.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddCareRules(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCareRules();
        string path = configuration is IConfigurationSection section ? section.Path : string.Empty;
        bool registered = services.Any(d => d.ServiceType == typeof(IConfigureOptions<CareRulesOptions>)
            && d.ImplementationInstance is CareRulesConfiguration existing
            && string.Equals(existing.Path, path, StringComparison.OrdinalIgnoreCase));
        if (!registered)
        {
            var reader = new CareRulesConfiguration(configuration);
            services.AddSingleton<IConfigureOptions<CareRulesOptions>>(reader);
            services.AddSingleton<IOptionsChangeTokenSource<CareRulesOptions>>(reader);
        }

        return services;
    }

    /// <summary>Registers CareRules with options read from a configuration section, then configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The <c>CareRules</c> configuration section.</param>
    /// <param name="configure">Runs after the configuration is read, so what it sets wins.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddCareRules(this IServiceCollection services, IConfiguration configuration, Action<CareRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddCareRules(configuration);
        services.Configure(configure);
        return services;
    }

    private static ILogger Logger(IServiceProvider services) => services.GetService<ILoggerFactory>()?.CreateLogger("CareRules") ?? NullLogger.Instance;

#pragma warning disable RS0030 // the system clock is allowed here, and only here: it is the DI default, replaceable by registering an IClock first
    private static IClock SystemClockDefault => SystemClock.Instance;
#pragma warning restore RS0030
}
