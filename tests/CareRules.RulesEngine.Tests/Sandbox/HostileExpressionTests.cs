using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.RulesEngine.Tests.Support;
using CareRules.Testing;
using RulesEngine.ExpressionBuilders;

namespace CareRules.RulesEngine.Tests.Sandbox;

/// <summary>
/// A corpus of hostile expressions — reflection, files, processes, the environment, the wall clock, static members
/// and constructors of arbitrary types, dynamic access, resource exhaustion — each rejected at load with an error that
/// names the document, workflow, rule and field and quotes the expression. Some never parse in RulesEngine's
/// language; the rest parse there, and only CareRules' sandbox stops them.
/// </summary>
public sealed class HostileExpressionTests
{
    /// <summary>Expressions RulesEngine's own parser accepts: the sandbox is what rejects them.</summary>
    private static readonly string[] Sandboxed =
    [
        "\"\".GetType().Assembly != null",
        "customer.GetType().Name == \"Customer\"",
        "np(customer).GetType() != null",
        "Object.ReferenceEquals(customer.GetType(), null)",
        "Convert.ChangeType(customer.Orders, \"\".GetType()) != null",
        "Convert.ToInt32(\"1\") == 1",
        "DateTime.Now.Year > 2000",
        "DateTimeOffset.UtcNow.Year > 2000",
        "Guid.NewGuid() != Guid.Empty",
        "Enumerable.Range(0, 2147483647).Count() > 0",
        "Enumerable.Repeat(customer, 5).Count() > 0",
        "customer.Id.PadLeft(2000000000).Length > 0",
        "customer.Id + customer.Id != \"\"",
        "params.timeZone.Id == \"Europe/Warsaw\"",
        "calendar.Zone.Id == \"Europe/Warsaw\"",
        "calendar.Holidays.Name != \"\"",
        "now.ToDateTimeUtc().Year > 2000",
        "params.notAParameter != null",
        "params.GetDynamicMemberNames().Count() > 0",
        "Uri.UnescapeDataString(\"%41\") == \"A\"",
    ];

    /// <summary>Expressions that are not even RulesEngine's language: rejected by its parser, at load.</summary>
    private static readonly string[] Unparsable =
    [
        "System.IO.File.ReadAllText(\"/etc/passwd\") != \"\"",
        "System.IO.File.Exists(\"/etc/passwd\")",
        "System.Diagnostics.Process.Start(\"sh\") != null",
        "Environment.Exit(1) == null",
        "Environment.GetEnvironmentVariable(\"HOME\") != null",
        "new System.Net.WebClient() != null",
        "Type.GetType(\"System.IO.File\") != null",
        "AppDomain.CurrentDomain != null",
        "Activator.CreateInstance(\"System.IO.File\") != null",
        "typeof(string) != null",
        "System.Reflection.Assembly.Load(\"System.IO\") != null",
        "it.GetType() != null",
        "customer.Id.GetType().Assembly.GetType(\"System.IO.File\") != null",
        "case.GetType().GetProperty(\"Id\").GetValue(case) != null",
        "@0 != null",
    ];

    public static TheoryData<string> ParsedButSandboxed => [.. Sandboxed];

    public static TheoryData<string> NotParsed => [.. Unparsable];

    public static TheoryData<string> All => [.. Sandboxed, .. Unparsable];

    [Theory]
    [MemberData(nameof(All))]
    public void HostileCondition_IsRejectedAtLoad_NamingWorkflowRuleAndExpression(string expression)
    {
        var errors = Json.Errors(Json.Workflow("hostile", Json.Rule("hostile.rule", expression)), "hostile.json");

        var error = Assert.Single(errors);
        Assert.Equal("hostile.json:workflows['hostile'].Rules['hostile.rule'].Expression", error.Path);
        Assert.Contains(expression, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ParsedButSandboxed))]
    public void SandboxedExpression_ParsesInRulesEngine_SoOnlyTheSandboxStopsIt(string expression)
    {
        var pack = WorkflowPack.Standard;
        var inputs = WorkflowInputs.Create(pack, Scenario.AtLocal(2026, 11, 23).Build()).Select(p => p.ParameterExpression).ToArray();
        var parser = new RuleExpressionParser(WorkflowInputs.CreateSettings(pack));

        var parsed = parser.Parse(expression, inputs, typeof(bool));

        Assert.Equal(typeof(bool), parsed.Type);
    }

    [Fact]
    public void SandboxMessages_SayWhatIsNotAllowed()
    {
        var errors = Json.Errors(Json.Workflow("hostile",
            Json.Rule("reflection", "\"\".GetType().Assembly != null"),
            Json.Rule("clock", "DateTime.Now.Year > 2000"),
            Json.Rule("unknown-param", "params.smallGiftt > 0"),
            Json.Rule("text", "customer.Id + customer.Id != \"\"")));

        Assert.Contains("it calls Object.GetType(…): reflection is not allowed", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("it reads System.DateTime.Now, which is not allowed", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("params has no parameter 'smallGiftt'; the pack's parameters are: timeZone, businessHours, currency", errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("building text", errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WholeCorpusInOneFile_EveryExpressionReportedAtOnce()
    {
        string[] expressions = [.. Sandboxed, .. Unparsable];
        var rules = expressions.Select((e, i) => (object)Json.Rule($"hostile.r{i}", e)).ToArray();

        var errors = Json.Errors(Json.Workflow("hostile", rules), "hostile.json");

        Assert.Equal(expressions.Length, errors.Count);
        for (int i = 0; i < expressions.Length; i++)
        {
            Assert.Equal($"hostile.json:workflows['hostile'].Rules['hostile.r{i}'].Expression", errors[i].Path);
        }
    }

    [Fact]
    public void HostileExpressions_InEveryOtherPlace_AreRejectedToo()
    {
        const string Evil = "\"\".GetType().Assembly";
        var workflow = new Dictionary<string, object?>
        {
            ["WorkflowName"] = "hostile",
            ["GlobalParams"] = new[] { new { Name = "asm", Expression = Evil } },
            ["Rules"] = new object[]
            {
                new Dictionary<string, object?>
                {
                    ["RuleName"] = "everywhere",
                    ["LocalParams"] = new[] { new { Name = "t", Expression = "customer.GetType()" }, new { Name = "anon", Expression = "new (customer.Id as Id)" } },
                    ["Expression"] = "true",
                    ["Properties"] = new Dictionary<string, object?>
                    {
                        ["suppressesGoodwill"] = "params.GetType() == null",
                        ["decisions"] = new object[]
                        {
                            new Dictionary<string, object?> { ["type"] = "compensate", ["offer"] = "gift-in-parcel", ["value"] = Evil + ".GetName().Version.Major", ["when"] = "case.GetType() != null", ["dueBy"] = "Instant.FromDateTimeUtc(DateTime.UtcNow)", ["reason"] = "Worth {\"\".GetType().Name}." },
                        },
                    },
                },
            },
        };

        var errors = Json.Errors(Json.Serialize(workflow), "hostile.json");

        string rule = "hostile.json:workflows['hostile'].Rules['everywhere']";
        string[] expected =
        [
            "hostile.json:workflows['hostile'].GlobalParams['asm'].Expression",
            rule + ".LocalParams['t'].Expression",
            rule + ".LocalParams['anon'].Expression",
            rule + ".Properties.suppressesGoodwill",
            rule + ".Properties.decisions[0].when",
            rule + ".Properties.decisions[0].value",
            rule + ".Properties.decisions[0].dueBy",
            rule + ".Properties.decisions[0].reason{\"\".GetType().Name}",
        ];
        Assert.All(expected, path => Assert.Contains(errors, e => e.Path == path));
        Assert.Equal(expected.Length, errors.Count);
        Assert.Contains("it creates a", errors.Single(e => e.Path.EndsWith("['anon'].Expression", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
        Assert.Contains("System.DateTime.UtcNow", errors.Single(e => e.Path.EndsWith(".dueBy", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverlongAndOverNestedExpressions_AreRejectedBeforeParsing()
    {
        string longOne = string.Join(" && ", Enumerable.Repeat("customer.Orders > 1", 250));
        string deep = new string('(', 200) + "true" + new string(')', 200);

        var errors = Json.Errors(Json.Workflow("hostile", Json.Rule("too.long", longOne), Json.Rule("too.deep", deep)));

        Assert.Contains("at most 4000", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("nests brackets more than 48 deep", errors[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Math.Max(customer.Orders, 2) > 3 && Math.Round(1.5m) == 2")]
    [InlineData("Care.Date(2026, 1, 1) < today && Money.Pln(20).Amount == 20 && Instant.FromUtc(2025, 1, 1, 0, 0) < now")]
    [InlineData("case != null && case.Id.ToUpperInvariant().StartsWith(\"K-\") && case.Id.Length > 2")]
    [InlineData("customer.Id.Any(it == '1') && new[] { 1, 2, 3 }.Contains(customer.Orders)")]
    [InlineData("calendar.LocalDate(now) == today && Duration.FromHours(2) < params.replySla && now.Plus(Duration.FromDays(1)) > now")]
    [InlineData("customer.LifetimeValue.Currency == Currency.Pln && customer.Since.DayOfWeek != IsoDayOfWeek.Sunday")]
    public void OrdinaryExpressions_AreAllowed(string expression)
    {
        var pack = WorkflowPack.Extend(StandardPack.CreateBuilder(), WorkflowSource.FromJson(Json.Workflow("fine", Json.Rule("fine.rule", expression)))).Build();

        Assert.Contains(pack.Rules, r => r.Id == "fine.rule");
    }
}
