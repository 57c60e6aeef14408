using System.Reflection;

namespace CareRules.RulesEngine.Tests.Samples;

/// <summary>The JSON sample's checker run in process: a missing file is a message and exit code 1, never a crash.</summary>
[Collection(nameof(ShopPolicyJsonProgramTests))]
[CollectionDefinition(nameof(ShopPolicyJsonProgramTests), DisableParallelization = true)]
public sealed class ShopPolicyJsonProgramTests
{
    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var entry = Assembly.Load("ShopPolicy.Json").EntryPoint!;
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            return ((int)entry.Invoke(null, [args])!, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    [Fact]
    public void AMissingFile_IsReported_WithExitCode1()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"carerules-missing-{Guid.NewGuid():N}.json");

        var (exitCode, output) = Run(missing);

        Assert.Equal(1, exitCode);
        Assert.Contains("The pack file cannot be read:", output, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(missing), output, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidFile_ListsItsProblems_WithExitCode1()
    {
        string path = Path.Combine(Path.GetTempPath(), $"carerules-bad-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, [(byte)'{', 0xC3, 0x28, (byte)'}']);
        try
        {
            var (exitCode, output) = Run(path);

            Assert.Equal(1, exitCode);
            Assert.Contains("is not valid UTF-8", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
