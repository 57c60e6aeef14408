using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Testing;

namespace CareRules.Tool.Tests;

/// <summary>The tool's commands beyond the console's contract: --pack, check, generate, stdin, and the process end to end.</summary>
public sealed class ToolTests
{
    private static readonly string Cases = Path.Combine(AppContext.BaseDirectory, "cases");
    private static readonly string ShopPack = Path.Combine(AppContext.BaseDirectory, "packs", "shop-pack.json");
    private static readonly IClock Clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));

    private const string BadPack = """{"WorkflowName":"bad","Rules":[{"RuleName":"bad.rule","Expression":"nonsense ++"}]}""";

    private static (int Exit, string Out, string Err) Run(params string[] args) => RunWithStdin("", args);

    private static (int Exit, string Out, string Err) RunWithStdin(string stdin, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = ToolApp.Run(args, stdout, stderr, Clock, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string TempFile(string text)
    {
        string file = Path.Combine(Path.GetTempPath(), $"carerules-tool-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, text);
        return file;
    }

    [Fact]
    public void EvaluateCommand_IsTheDefault_SameOutput()
    {
        Assert.Equal(Run("--json").Out, Run("evaluate", "--json").Out);
        Assert.Equal(Run().Out, Run("evaluate").Out);
    }

    [Fact]
    public void Dash_ReadsStdin_VerdictsInInputOrder()
    {
        string batch = File.ReadAllText(Path.Combine(Cases, "mixed-batch.jsonl"));

        var (exit, stdout, stderr) = RunWithStdin(batch, "--json", "-");

        Assert.Equal(1, exit);
        Assert.Equal(["K-1-delay", "K-11-box"], Lines(stdout).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("caseId").GetString()));
        Assert.Equal(2, Lines(stderr).Length);
    }

    [Fact]
    public void ParamEqualsForm_And_DoubleDash()
    {
        Assert.Equal(Run("--json", "--param", "stance=firm").Out, Run("--json", "--param=stance=firm").Out);
        var (exit, _, stderr) = Run("--json", "--", "-not-an-option.json");
        Assert.Equal(2, exit);
        Assert.StartsWith("error: no such file '-not-an-option.json'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_OnStdout_ExitZero()
    {
        var (exit, stdout, stderr) = Run("--help");

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Contains("--param", stdout, StringComparison.Ordinal);
        Assert.Contains("generate", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_ExtendsTheStandardPack()
    {
        var (exit, stdout, stderr) = Run("--json", "--pack", ShopPack);

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        var lines = Lines(stdout);
        Assert.Equal(34, lines.Length);
        Assert.All(lines, l => Assert.Contains("\"pack\":\"acme-care@1.0.0\"", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Pack_WithParam_ParameterAppliesOverThePack()
    {
        var (exit, stdout, _) = Run("--json", "--pack", ShopPack, "--param", "language=pl");

        Assert.Equal(0, exit);
        Assert.All(Lines(stdout), l => Assert.Contains("\"language\":\"pl\"", l, StringComparison.Ordinal));
    }

    [Fact]
    public void BadPack_IsAUsageError_ListingEveryProblem()
    {
        string file = TempFile(BadPack);
        try
        {
            var (exit, stdout, stderr) = Run("--json", "--pack", file);

            Assert.Equal(2, exit);
            Assert.Empty(stdout);
            var errors = Lines(stderr).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, errors.Count);
            Assert.Contains(errors, e => e.Contains("Rules['bad.rule'].Expression", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("Rules['bad.rule'].Properties.decisions", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void MissingPack_IsAUsageError() => Assert.Equal(2, Run("--pack", "no-such-pack.json").Exit);

    [Fact]
    public void Check_ValidPack_ExitZero()
    {
        var (exit, stdout, _) = Run("check", ShopPack);

        Assert.Equal(0, exit);
        Assert.StartsWith("ok: acme-care@1.0.0", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_InvalidPack_EveryProblemWithItsPath_ExitOne()
    {
        string file = TempFile(BadPack);
        try
        {
            var (exit, stdout, _) = Run("check", file);

            Assert.Equal(1, exit);
            var lines = Lines(stdout);
            Assert.Contains(lines, l => l.Contains("workflows['bad'].Rules['bad.rule'].Expression: ", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("workflows['bad'].Rules['bad.rule'].Properties.decisions: ", StringComparison.Ordinal));
            Assert.Equal("2 problems", lines[^1]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Check_WithoutPacks_IsAUsageError() => Assert.Equal(2, Run("check").Exit);

    [Fact]
    public void Generate_CountCasesAsJsonLines_SameSeedSameCases()
    {
        var (exit, stdout, stderr) = Run("generate", "--count", "20", "--seed", "7");

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Equal(20, Lines(stdout).Length);
        Assert.Equal(stdout, Run("generate", "--count", "20", "--seed", "7").Out);
        Assert.NotEqual(stdout, Run("generate", "--count", "20", "--seed", "8").Out);
    }

    [Fact]
    public void Generate_ThenEvaluate_EveryCaseEvaluated()
    {
        string cases = Run("generate", "--count", "50", "--seed", "3").Out;

        var (exit, stdout, stderr) = RunWithStdin(cases, "--json", "-");

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Equal(50, Lines(stdout).Length);
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("generate", "--count", "-1")]
    [InlineData("generate", "--count", "many")]
    public void Generate_UsageErrors_ExitTwo(params string[] args)
    {
        var (exit, stdout, stderr) = Run(args);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }

    // ---- the built tool as a process -------------------------------------------------------------------

    [Fact]
    public void Process_Stdin_JsonOnStdout_ErrorsOnStderr_ExitOne()
    {
        var (exit, stdout, stderr) = ToolProcess.Run(File.ReadAllText(Path.Combine(Cases, "mixed-batch.jsonl")), "evaluate", "--json", "-");

        Assert.Equal(1, exit);
        Assert.All(Lines(stdout), l => Assert.True(JsonDocument.Parse(l).RootElement.TryGetProperty("decisions", out _)));
        Assert.Equal(2, Lines(stdout).Length);
        Assert.All(Lines(stderr), l => Assert.True(JsonDocument.Parse(l).RootElement.TryGetProperty("errors", out _)));
        Assert.Equal(2, Lines(stderr).Length);
    }

    [Fact]
    public void Process_UnknownOption_ExitTwo_UsageOnStderr()
    {
        var (exit, stdout, stderr) = ToolProcess.Run(null, "--frobnicate");

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("error: unknown option '--frobnicate'", stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_Check_And_Generate()
    {
        var check = ToolProcess.Run(null, "check", ShopPack);
        Assert.Equal(0, check.Exit);
        Assert.Empty(check.Err);

        var generate = ToolProcess.Run(null, "generate", "--count", "5", "--seed", "1");
        Assert.Equal(0, generate.Exit);
        Assert.Equal(5, Lines(generate.Out).Length);
        Assert.Empty(generate.Err);

        var evaluated = ToolProcess.Run(generate.Out, "--json", "-");
        Assert.Equal(0, evaluated.Exit);
        Assert.Equal(5, Lines(evaluated.Out).Length);
    }
}
