using System.Net;
using System.Text;
using System.Text.Json;
using CareRules.DependencyInjection.Tests.Support;
using CareRules.Packs;
using CareRules.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace CareRules.DependencyInjection.Tests.Samples;

/// <summary>The web sample answering real HTTP requests on loopback.</summary>
public sealed class WebApiTests : IAsyncLifetime
{
    /// <summary>The case of the catalog's section 5, verbatim.</summary>
    private const string CatalogCase = """
        {
          "now": "2026-11-23T10:00:00Z",
          "customer": { "id": "C-1", "since": "2023-04-01", "orders": 12,
            "lifetimeValue": { "amount": 4200.00, "currency": "PLN" },
            "contactsLast7Days": 2, "incidentsLast90Days": 1, "unfoundedComplaintsLast90Days": 0,
            "goodwillLast90Days": { "amount": 0, "currency": "PLN" } },
          "order": { "id": "O-1", "placedAt": "2026-11-10T09:12:00Z",
            "total": { "amount": 349.99, "currency": "PLN" }, "payment": "prepaid",
            "status": "shipped", "promisedBy": "2026-11-14", "shippedAt": "2026-11-12T14:00:00Z",
            "deliveredAt": null, "delayNotified": false, "tracking": "in-transit",
            "withdrawalInformed": true, "withdrawalExempt": false },
          "case": { "id": "K-1", "openedAt": "2026-11-20T08:30:00Z", "kind": "delivery-delay",
            "channel": "email", "fault": "shop", "firstReplyAt": null,
            "flags": [], "carrierClaim": "none", "requests": [] }
        }
        """;

    private static readonly Instant ClockNow = Instant.FromUtc(2026, 11, 24, 12, 0);

    private WebApiHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await WebApiHost.StartAsync(
            WebApiHost.AppSettings("{ \"Parameters\": { \"stance\": \"balanced\", \"smallGift\": \"20\" } }"),
            builder => builder.Services.AddSingleton<IClock>(new FakeClock(ClockNow)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<HttpResponseMessage> PostAsync(string body) =>
        _host.Client.PostAsync(new Uri("/cases/evaluate", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = document.RootElement.Clone();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static string[] Paths(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Evaluate_AGoodCase_Answers200WithTheVerdictJson()
    {
        using var response = await PostAsync(CatalogCase);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        string body = await response.Content.ReadAsStringAsync();
        var context = Assert.Single(CaseJsonReader.Read(CatalogCase)).Context!;
        Assert.Equal(VerdictJsonWriter.ToJson(StandardPack.Default.Evaluate(context)), body);

        using var verdict = JsonDocument.Parse(body);
        Assert.Equal("K-1", verdict.RootElement.GetProperty("caseId").GetString());
        Assert.Equal("standard@1.0.0", verdict.RootElement.GetProperty("pack").GetString());
        Assert.Contains(verdict.RootElement.GetProperty("decisions").EnumerateArray(), d => d.GetProperty("rule").GetString() == "delay.gift");
    }

    [Fact]
    public async Task Evaluate_ACaseWithoutNow_IsEvaluatedAtTheInjectedClock()
    {
        string withoutNow = CatalogCase.Replace("\"now\": \"2026-11-23T10:00:00Z\",", string.Empty, StringComparison.Ordinal);

        using var response = await PostAsync(withoutNow);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var context = Assert.Single(CaseJsonReader.Read(withoutNow, CaseReadOptions.Default with { Clock = new FakeClock(ClockNow) })).Context!;
        Assert.Equal(VerdictJsonWriter.ToJson(StandardPack.Default.Evaluate(context)), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Evaluate_ABadCase_Answers400WithProblemDetailsListingEveryPath()
    {
        const string bad = """
            { "now": "2026-11-23T10:00:00Z",
              "customer": { "id": "C-1", "since": "2023-04", "orders": -1, "lifetimeValue": { "amount": 10, "currency": "EUR" } },
              "order": { "id": "O-1", "placedAt": "2026-11-10T09:12:00Z", "total": { "amount": 1.001, "currency": "PLN" }, "status": "lost" },
              "case": { "id": "K-bad", "openedAt": "2026-11-20T08:30:00Z", "kind": "delivery-delay", "colour": "red", "flags": ["abusive", "abusive"] } }
            """;

        using var response = await PostAsync(bad);

        var problem = await ProblemAsync(response);
        Assert.Equal(
            ["$.case.colour", "$.case.flags[1]", "$.customer.lifetimeValue.currency", "$.customer.orders", "$.customer.since", "$.order.status", "$.order.total.amount"],
            Paths(problem));
        Assert.Equal("K-bad", problem.GetProperty("caseId").GetString());
        Assert.Equal("The case is invalid.", problem.GetProperty("title").GetString());
        Assert.Contains("7 problems", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.All(problem.GetProperty("errors").EnumerateObject(), p => Assert.NotEmpty(p.Value.EnumerateArray().First().GetString()!));
    }

    [Fact]
    public async Task Evaluate_MalformedJson_Answers400AtTheRootPath()
    {
        using var response = await PostAsync("{ \"customer\": ");

        var problem = await ProblemAsync(response);
        Assert.Equal(["$"], Paths(problem));
        Assert.Equal(JsonValueKind.Null, problem.GetProperty("caseId").ValueKind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    public async Task Evaluate_NoCase_Answers400(string body)
    {
        using var response = await PostAsync(body);

        var problem = await ProblemAsync(response);
        Assert.Contains("expected one case object", problem.GetProperty("errors").GetProperty("$")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_TwoCasesAsJsonLines_Answers400()
    {
        string oneLine = CatalogCase.ReplaceLineEndings(" ");
        using var response = await PostAsync(oneLine + "\n" + oneLine);

        var problem = await ProblemAsync(response);
        Assert.Contains("found 2 cases", problem.GetProperty("errors").GetProperty("$")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Evaluate_AnArray_Answers400_EvenOfOneCase(int cases)
    {
        using var response = await PostAsync("[" + string.Join(",", Enumerable.Repeat(CatalogCase, cases)) + "]");

        var problem = await ProblemAsync(response);
        Assert.Contains("found an array", problem.GetProperty("errors").GetProperty("$")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Evaluate_NotJson_Answers415(string? mediaType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(CatalogCase));
        if (mediaType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        }

        using var response = await _host.Client.PostAsync(new Uri("/cases/evaluate", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Evaluate_ABodyOverTheLimit_Answers413_WithOrWithoutContentLength(bool chunked)
    {
        // Just over 1 MiB of JSON: with a Content-Length it is refused before reading; chunked, while reading.
        string padding = new(' ', CareRules.Samples.WebApi.CaseEndpoints.MaxBodyBytes);
        using var content = new StringContent(CatalogCase + padding, Encoding.UTF8, "application/json");
        if (chunked)
        {
            await content.LoadIntoBufferAsync();
            content.Headers.ContentLength = null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/cases/evaluate", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task Evaluate_BrokenChunkedEncoding_Answers400()
    {
        var address = Assert.Single(_host.App.Urls);
        var uri = new Uri(address);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        await using var stream = tcp.GetStream();
        string request = "POST /cases/evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "zz\r\n{}\r\n0\r\n\r\n"; // "zz" is not a chunk size
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        string? status = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("HTTP/1.1 400 Bad Request", status);
    }

    [Fact]
    public async Task Evaluate_ADateOutsideTheSupportedRange_Answers400NamingThePath()
    {
        using var response = await PostAsync(CatalogCase.Replace("\"now\": \"2026-11-23T10:00:00Z\"", "\"now\": \"9999-12-31T23:00:00Z\"", StringComparison.Ordinal));

        var problem = await ProblemAsync(response);
        Assert.Contains("supported range", problem.GetProperty("errors").GetProperty("$.now")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPack_AnswersThePackNameVersionParametersAndRules()
    {
        using var response = await _host.Client.GetAsync(new Uri("/pack", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var pack = document.RootElement;
        Assert.Equal("standard@1.0.0", pack.GetProperty("pack").GetString());
        Assert.Equal(StandardPack.Name, pack.GetProperty("name").GetString());
        Assert.Equal(StandardPack.Version, pack.GetProperty("version").GetString());
        var parameters = pack.GetProperty("parameters");
        Assert.Equal("balanced", parameters.GetProperty("stance").GetString());
        Assert.Equal("20.00", parameters.GetProperty("smallGift").GetString());
        Assert.Equal("Europe/Warsaw", parameters.GetProperty("timeZone").GetString());
        Assert.Equal(StandardPack.Default.Parameters.Definitions.Count, parameters.EnumerateObject().Count());
        var rules = pack.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(StandardPack.RuleIds.Order(StringComparer.Ordinal), rules.Select(r => r.GetProperty("id").GetString()));
        var gift = rules.Single(r => r.GetProperty("id").GetString() == "delay.gift");
        Assert.Equal(["compensate"], gift.GetProperty("decisionTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.False(string.IsNullOrEmpty(gift.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task Explain_OneRule_AnswersItsClauseTreeWithTheNearestFlip()
    {
        // 2 contacts in 7 days: boundary.contact-frequency does not fire, and says where it would.
        using var response = await _host.Client.PostAsync(new Uri("/cases/explain?rule=boundary.contact-frequency", UriKind.Relative), new StringContent(CatalogCase, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var explanation = Assert.Single(document.RootElement.EnumerateArray().ToArray());
        Assert.Equal("K-1", explanation.GetProperty("caseId").GetString());
        Assert.Equal("boundary.contact-frequency", explanation.GetProperty("rule").GetString());
        Assert.False(explanation.GetProperty("fired").GetBoolean());
        var first = explanation.GetProperty("clauses")[0].GetProperty("clauses")[0];
        Assert.Equal("customer.ContactsLast7Days >= contactBoundary", first.GetProperty("expression").GetString());
        Assert.False(first.GetProperty("value").GetBoolean());
        Assert.Equal("fires from customer.ContactsLast7Days ≥ 5 (contactBoundary); was 2", first.GetProperty("flip").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Explain_NoRule_ExplainsEveryRuleOfThePack()
    {
        using var response = await _host.Client.PostAsync(new Uri("/cases/explain", UriKind.Relative), new StringContent(CatalogCase, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var rules = document.RootElement.EnumerateArray().Select(e => e.GetProperty("rule").GetString()).ToList();
        Assert.Equal(StandardPack.RuleIds.Order(StringComparer.Ordinal), rules);
        Assert.Contains(document.RootElement.EnumerateArray(), e => e.GetProperty("rule").GetString() == "delay.gift" && e.GetProperty("fired").GetBoolean());
    }

    [Fact]
    public async Task Explain_UnknownRule_Is400NamingTheRules()
    {
        using var response = await _host.Client.PostAsync(new Uri("/cases/explain?rule=delay.gfit", UriKind.Relative), new StringContent(CatalogCase, Encoding.UTF8, "application/json"));
        var problem = await ProblemAsync(response);
        string message = problem.GetProperty("errors").GetProperty("rule")[0].GetString()!;
        Assert.Contains("'delay.gfit' is not a rule of standard@1.0.0", message, StringComparison.Ordinal);
        Assert.Contains("delay.gift", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_BadCase_Is400WithItsPath()
    {
        using var response = await _host.Client.PostAsync(new Uri("/cases/explain?rule=delay.gift", UriKind.Relative), new StringContent(CatalogCase.Replace("\"orders\": 12", "\"orders\": -1", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        var problem = await ProblemAsync(response);
        Assert.Contains("$.customer.orders", Paths(problem));
    }
}

/// <summary>Starting with bad configuration, and reloading it while running.</summary>
public sealed class WebApiConfigurationTests
{
    [Fact]
    public async Task Start_WithBadConfiguration_FailsListingEveryProblem()
    {
        using var contentRoot = new TempDirectory();
        await using var app = WebApiHost.Create(contentRoot, WebApiHost.AppSettings("{ \"Parameters\": { \"stance\": \"rude\", \"smallGfit\": \"25\" }, \"Pack\": \"x\" }"));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        var problems = StartupProblems.Of(ex);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, f => f.StartsWith("CareRules:Parameters:stance:", StringComparison.Ordinal));
        Assert.Contains(problems, f => f.StartsWith("CareRules:Parameters:smallGfit: is not a parameter", StringComparison.Ordinal));
        Assert.Contains(problems, f => f.StartsWith("CareRules:Pack: is not a CareRules setting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AppSettingsChange_ReloadsThePack_AndABadChangeIsRejected()
    {
        await using var host = await WebApiHost.StartAsync(WebApiHost.AppSettings("{ \"Parameters\": { \"stance\": \"balanced\" } }"));

        async Task<string?> StanceAsync()
        {
            using var document = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/pack", UriKind.Relative)));
            return document.RootElement.GetProperty("parameters").GetProperty("stance").GetString();
        }

        Assert.Equal("balanced", await StanceAsync());

        File.WriteAllText(host.AppSettingsPath, WebApiHost.AppSettings("{ \"Parameters\": { \"stance\": \"firm\" } }"));
        string? stance = null;
        await Eventually.TrueAsync(() => (stance = StanceAsync().GetAwaiter().GetResult()) == "firm", "GET /pack shows the new stance");

        File.WriteAllText(host.AppSettingsPath, WebApiHost.AppSettings("{ \"Parameters\": { \"stance\": \"rude\" } }"));
        await Eventually.TrueAsync(() => host.Logs.Errors.Any(), "the bad pack is rejected and logged");
        Assert.Equal("firm", await StanceAsync());
        var error = Assert.Single(host.Logs.Errors);
        Assert.Equal("CareRules", error.Category);
        Assert.Contains("CareRules:Parameters:stance", error.Message, StringComparison.Ordinal);
    }
}
