using CareRules.DependencyInjection;
using CareRules.Serialization;

namespace CareRules.Samples.WebApi;

/// <summary>
/// Builds the web app: CareRules from configuration, the CareRules JSON converters for minimal API results (a
/// <see cref="Evaluation.Verdict"/> returned from an endpoint is written as the catalog's verdict JSON), problem details,
/// and the two endpoints.
/// </summary>
public static class CareApi
{
    /// <summary>Creates the app; <paramref name="configure"/> lets a test add configuration or services before it is built.</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.ConfigureForCareRules());
        builder.Services.AddCareRules(builder.Configuration.GetSection(CareRulesOptions.SectionName));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapPost("/cases/evaluate", CaseEndpoints.EvaluateAsync);
        app.MapPost("/cases/explain", CaseEndpoints.ExplainAsync);
        app.MapGet("/pack", PackEndpoints.Get);
        return app;
    }
}
