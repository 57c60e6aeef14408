using CareRules.DependencyInjection.Tests.Support;
using CareRules.Samples.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace CareRules.DependencyInjection.Tests.Samples;

/// <summary>
/// The web sample started in process, for real: Kestrel on a free loopback port, its content root a temporary
/// directory holding the test's appsettings.json (reloaded on change, as in production), called over HTTP.
/// </summary>
public sealed class WebApiHost : IAsyncDisposable
{
    private readonly TempDirectory _contentRoot;

    private WebApiHost(TempDirectory contentRoot, WebApplication app, HttpClient client, TestLoggerFactory logs)
    {
        Logs = logs;
        _contentRoot = contentRoot;
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public TestLoggerFactory Logs { get; }

    public string AppSettingsPath => _contentRoot.File("appsettings.json");

    public static string AppSettings(string careRulesSection) =>
        "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } }, \"CareRules\": " + careRulesSection + " }";

    public static WebApplication Create(TempDirectory contentRoot, string appSettings, Action<WebApplicationBuilder>? configure = null, TestLoggerFactory? logs = null)
    {
        File.WriteAllText(contentRoot.File("appsettings.json"), appSettings);
        return CareApi.Create(
            ["--urls=http://127.0.0.1:0", $"--contentRoot={contentRoot.Path}", "--environment=Production"],
            builder =>
            {
                builder.Logging.ClearProviders();
                if (logs is not null)
                {
                    builder.Logging.AddProvider(logs);
                }

                configure?.Invoke(builder);
            });
    }

    public static async Task<WebApiHost> StartAsync(string appSettings, Action<WebApplicationBuilder>? configure = null)
    {
        var contentRoot = new TempDirectory();
        var logs = new TestLoggerFactory();
        var app = Create(contentRoot, appSettings, configure, logs);
        await app.StartAsync();
        var address = new Uri(Assert.Single(app.Urls));
        Assert.Equal("127.0.0.1", address.Host); // loopback only
        Assert.NotEqual(0, address.Port);
        return new WebApiHost(contentRoot, app, new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) }, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _contentRoot.Dispose();
    }
}
