using System.Reflection;
using System.Text;
using CareRules.Fuzz.Tests.Cases;
using CareRules.Fuzz.Tests.Support;
using CareRules.Serialization;
using CareRules.Testing;
using NodaTime;
using Xunit.Abstractions;

namespace CareRules.Fuzz.Tests.Console;

/// <summary>
/// The carerules tool run in process on mutated case files (catalog section 6): exit code 1 when any case is rejected
/// and 0 when none, never an unhandled exception; with <c>--json</c> one verdict line on standard output per good case
/// and one error line on standard error per bad case — the same lines the library gives for the same bytes.
/// </summary>
[Collection(FuzzSequence.Name)]
public sealed class ConsoleFuzzTests(ITestOutputHelper output)
{
    /// <summary><c>ToolApp.Run(args, stdout, stderr, clock)</c>: the tool's class is internal and visible only to CareRules.Tool.Tests, so it is found by name.</summary>
    private static readonly MethodInfo RunMethod =
        Type.GetType("CareRules.Tool.ToolApp, CareRules.Tool", throwOnError: true)!
            .GetMethod("Run", BindingFlags.Public | BindingFlags.Static, [typeof(IReadOnlyList<string>), typeof(TextWriter), typeof(TextWriter), typeof(IClock)])
        ?? throw new InvalidOperationException("ToolApp.Run(IReadOnlyList<string>, TextWriter, TextWriter, IClock) is missing.");

    private static readonly IClock Clock = FixedClock.AtUtc(2026, 11, 23, 9);

    [Fact]
    public void MutatedFiles_ExitCodeAndOneLinePerCase_NeverAnUnhandledException()
    {
        var counter = FuzzStats.Start("console");
        string directory = Directory.CreateTempSubdirectory("carerules-fuzz-").FullName;
        try
        {
            FuzzRun.Check("console", seed: 3301, normal: 20, FsCheck.Fluent.Gen.OneOf(CaseBatches.Lines, CaseBatches.Array), batch => Check(batch, directory, counter));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
            FuzzStats.Report(counter, output);
        }
    }

    private static void Check(CaseBatch batch, string directory, FuzzCounter counter)
    {
        counter.Input();
        string file = Path.Combine(directory, $"batch-{counter.Tried}.json");
        File.WriteAllBytes(file, batch.Utf8);
        var expected = CaseJsonReader.Read(batch.Utf8, CaseContract.Options);

        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int exit;
        try
        {
            exit = (int)RunMethod.Invoke(null, [new[] { "--json", file }, stdout, stderr, Clock])!;
        }
        catch (TargetInvocationException ex)
        {
            Assert.Fail($"The console threw {ex.InnerException}");
            throw;
        }

        counter.Load(clock.Elapsed);
        Assert.True(clock.Elapsed <= CaseContract.BatchBound, $"The console took {clock.Elapsed.TotalMilliseconds:0} ms.");
        string[] verdicts = Lines(stdout.ToString());
        string[] errors = Lines(stderr.ToString());
        int good = expected.Count(r => r.IsValid);
        int bad = expected.Count - good;
        counter.Outcome(true, good);
        counter.Outcome(false, bad);

        Assert.True(exit == (bad > 0 ? 1 : 0), $"Exit code {exit} with {bad} rejected cases; stderr: {Short(stderr.ToString())}");
        Assert.True(verdicts.Length == good, $"{verdicts.Length} verdict lines for {good} good cases.");
        Assert.True(errors.Length == bad, $"{errors.Length} error lines for {bad} bad cases: {Short(stderr.ToString())}");
        var goodResults = expected.Where(r => r.IsValid).ToList();
        for (int i = 0; i < good; i++)
        {
            string verdict = VerdictJsonWriter.ToJson(CareRules.Packs.StandardPack.Default.Evaluate(goodResults[i].Context!));
            Assert.True(verdicts[i] == verdict, $"Verdict line {i} differs from the library's verdict:\n console: {Short(verdicts[i])}\n library: {Short(verdict)}");
        }

        var badResults = expected.Where(r => !r.IsValid).ToList();
        for (int i = 0; i < bad; i++)
        {
            string line = CaseErrorJson.ToJson(badResults[i]);
            Assert.True(errors[i] == line, $"Error line {i} differs from the library's:\n console: {Short(errors[i])}\n library: {Short(line)}");
        }
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Short(string text) => text.Length > 600 ? text[..600] + $"… ({text.Length} chars)" : text;
}
