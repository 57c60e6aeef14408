using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CareRules.Benchmarks.Infrastructure;
using CareRules.Model;
using CareRules.Serialization;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CareRules.Benchmarks.Reading;

/// <summary>
/// Reading cases: <see cref="Count"/> generated cases (<see cref="CareGenerators.Contexts"/>, fixed seed), written in
/// the case format with <see cref="CaseJsonWriter"/> into one UTF-8 buffer, read back with <see cref="CaseJsonReader"/>
/// as a JSON array and as JSON Lines, from the buffer and streamed from a stream. One operation is one case; <see cref="BytesPerOperation"/> feeds the MB/s column.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.Read)]
public class CaseReadBenchmarks
{
    /// <summary>How many cases one invocation reads.</summary>
    public const int Count = 10_000;

    /// <summary>The FsCheck seed of the generated cases.</summary>
    public const ulong Seed = 20_261_123;

    private static readonly Lazy<Inputs> LazyInputs = new(CreateInputs);

    private byte[] _array = [];
    private byte[] _lines = [];

    /// <summary>Average UTF-8 bytes of one case of the input (the same for both shapes, within a byte), for MB/s.</summary>
    public static double BytesPerOperation => (double)LazyInputs.Value.Lines.Length / Count;

    /// <summary>Builds the two buffers once.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        _array = LazyInputs.Value.Array;
        _lines = LazyInputs.Value.Lines;
        int read = ReadArray();
        if (read != Count || ReadLines() != Count || EnumerateArray() != Count || EnumerateLines() != Count)
        {
            throw new InvalidOperationException($"Expected {Count} valid cases in each shape; read {read} valid in the array.");
        }
    }

    /// <summary>A JSON array of <see cref="Count"/> cases.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int ReadArray() => CountValid(CaseJsonReader.Read(_array));

    /// <summary>The same cases as JSON Lines.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int ReadLines() => CountValid(CaseJsonReader.Read(_lines));

    /// <summary>The array streamed from a stream element by element (<see cref="CaseJsonReader.Enumerate"/>).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int EnumerateArray() => CountValid(CaseJsonReader.Enumerate(new MemoryStream(_array, writable: false)));

    /// <summary>The JSON Lines streamed from a stream line by line.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int EnumerateLines() => CountValid(CaseJsonReader.Enumerate(new MemoryStream(_lines, writable: false)));

    private static int CountValid(IEnumerable<CaseReadResult> results)
    {
        int valid = 0;
        foreach (var result in results)
        {
            if (result.IsValid)
            {
                valid++;
            }
        }

        return valid;
    }

    private static Inputs CreateInputs()
    {
        // FsCheck 3.6: Sample(numberOfSamples, seed, size).
        CareContext[] contexts = [.. CareGenerators.Contexts().Sample(Count, new Rnd(Seed), 50)];
        using var array = new MemoryStream();
        using (var writer = new Utf8JsonWriter(array))
        {
            writer.WriteStartArray();
            foreach (var context in contexts)
            {
                CaseJsonWriter.Write(writer, context);
            }

            writer.WriteEndArray();
        }

        using var lines = new MemoryStream();
        foreach (var context in contexts)
        {
            using (var writer = new Utf8JsonWriter(lines))
            {
                CaseJsonWriter.Write(writer, context);
            }

            lines.WriteByte((byte)'\n');
        }

        return new Inputs(array.ToArray(), lines.ToArray());
    }

    private sealed record Inputs(byte[] Array, byte[] Lines);
}
