using System.Text;
using BenchmarkDotNet.Attributes;
using CareRules.Benchmarks.Infrastructure;
using CareRules.Serialization;
using CareRules.Testing;
using CareRules.Tool;
using NodaTime;

namespace CareRules.Benchmarks.EndToEnd;

/// <summary>
/// Item 8 (issue 16): the tool's batch commands end to end over an in-memory file of <see cref="Count"/> generated
/// cases as JSON Lines (<c>carerules generate</c>'s output), through the tool's own entry point with the file as
/// standard input: <c>evaluate --json -</c> (read, evaluate, write every verdict) and <c>backtest -
/// --candidate-param stance=generous --json</c> (read once, evaluate twice, aggregate). One operation is one case, so
/// Cases/s is the command's throughput on this machine's cores. Targets: 200,000 and 400,000 cases/s on 2 cores.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.EndToEnd)]
public class ToolEndToEndBenchmarks
{
    /// <summary>How many cases one invocation reads.</summary>
    public const int Count = 100_000;

    private static readonly Lazy<byte[]> LazyFile = new(CreateFile);
    private static readonly IClock Clock = NodaTime.Testing.FakeClock.FromUtc(2026, 11, 23, 9, 0, 0);

    private byte[] _file = [];

    /// <summary>Average UTF-8 bytes of one case, for MB/s.</summary>
    public static double BytesPerOperation => (double)LazyFile.Value.Length / Count;

    /// <summary>Generates the file once, and checks both commands succeed on it.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        _file = LazyFile.Value;
        if (Evaluate_Json() != 0 || Backtest_Json() != 0)
        {
            throw new InvalidOperationException("A command failed on the generated file.");
        }
    }

    /// <summary><c>carerules evaluate --json -</c>: every verdict written (to a null stream).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Evaluate_Json() => Run("evaluate", "--json", "-");

    /// <summary><c>carerules backtest - --candidate-param stance=generous --json</c>.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Backtest_Json() => Run("backtest", "-", "--candidate-param", "stance=generous", "--json");

    private int Run(params string[] args)
    {
        var io = new ToolIO(TextWriter.Null, TextWriter.Null, Clock, () => new MemoryStream(_file, writable: false)) { OutBytes = Stream.Null };
        return ToolApp.Run(args, io);
    }

    private static byte[] CreateFile()
    {
        using var lines = new MemoryStream();
        foreach (var context in CareGenerators.Sample(Count, 20261123))
        {
            lines.Write(Encoding.UTF8.GetBytes(CaseJsonWriter.ToJson(context)));
            lines.WriteByte((byte)'\n');
        }

        return lines.ToArray();
    }
}
