using System.Diagnostics;
using System.Text;
using CareRules.Fuzz.Tests.Support;
using CareRules.Packs;
using CareRules.Serialization;
using CareRules.Testing;

namespace CareRules.Fuzz.Tests.Cases;

/// <summary>
/// The contract every case batch is held to (docs/fuzzing.md): the reader never throws and answers one result per case
/// it can delimit, each a context or errors with a path and a bounded message; a good case gets the same verdict as
/// when read alone; evaluating an accepted context never throws; reading and evaluating stay within a time bound.
/// </summary>
internal static class CaseContract
{
    /// <summary>A hang detector, not a benchmark: reading and evaluating a whole batch.</summary>
    public static readonly TimeSpan BatchBound = TimeSpan.FromSeconds(2);

    /// <summary>The longest error message allowed (the reader must cap what it quotes of the input).</summary>
    public const int MaxMessageLength = 1000;

    public static readonly CaseReadOptions Options = new() { Clock = FixedClock.AtUtc(2026, 11, 23, 9) };

    /// <summary>Reads and evaluates every sample case once, so that the time bounds never measure the JIT's first run.</summary>
    static CaseContract()
    {
        foreach (var result in CaseJsonReader.Read(Encoding.UTF8.GetBytes("[" + string.Join(",", CaseSeeds.Samples) + "]"), Options).Where(r => r.IsValid))
        {
            _ = VerdictJsonWriter.ToUtf8Bytes(StandardPack.Default.Evaluate(result.Context!));
        }
    }

    public static void Check(CaseBatch batch, FuzzCounter counter)
    {
        counter.Input();
        foreach (var entry in batch.Entries.Where(e => !e.Good))
        {
            counter.Note(entry.Description.Split(' ')[0]);
        }

        var clock = Stopwatch.StartNew();
        var results = Read(batch.Utf8, "the batch");
        var readTime = clock.Elapsed;
        counter.Load(readTime);

        switch (batch.Shape)
        {
            case BatchShape.Lines:
                Assert.True(results.Count == batch.Entries.Count, $"JSON Lines of {batch.Entries.Count} non-blank lines gave {results.Count} results: {string.Join(" | ", results)}");
                break;
            case BatchShape.Single:
                Assert.True(results.Count == 1, $"One case gave {results.Count} results.");
                break;
            default:
                // An array that does not parse: the cases before the syntax error then one error for the rest, or — when
                // it breaks before its first case and the lines qualify — JSON Lines (catalog 5.1). Either way some
                // result is a JSON error at '$', and only a mutation that may break the syntax may cause it.
                bool broken = results.Count != batch.Entries.Count;
                Assert.True(
                    !broken || (batch.Entries.Any(e => e.MayBreakSyntax) && results.Any(r => r.Errors.Any(e => e.Path == "$"))),
                    $"An array of {batch.Entries.Count} cases gave {results.Count} results: {string.Join(" | ", results)}");
                if (broken)
                {
                    counter.Note("arrays broken by a syntax error");
                }

                break;
        }

        var evaluationTotal = TimeSpan.Zero;
        bool aligned = results.Count == batch.Entries.Count;
        for (int i = 0; i < results.Count; i++)
        {
            var result = results[i];
            CheckResult(result, counter);
            if (aligned)
            {
                Assert.True(result.Index == i, $"Result {i} has index {result.Index}.");
            }

            byte[]? verdict = null;
            if (result.IsValid)
            {
                var evaluation = Stopwatch.StartNew();
                verdict = Evaluate(result, $"case {i}");
                counter.Evaluation(evaluation.Elapsed);
                evaluationTotal += evaluation.Elapsed;
            }

            if (aligned && batch.Entries[i].Utf8 is [(byte)'{', ..])
            {
                // A case object read alone (an element that is itself an array would read as an array of cases).
                var entry = batch.Entries[i];
                var alone = Read(entry.Utf8, $"case {i} alone");
                Assert.True(alone.Count == 1, $"Case {i} read alone gave {alone.Count} results.");
                Assert.True(
                    alone[0].IsValid == result.IsValid,
                    $"Case {i} is {(result.IsValid ? "accepted" : "rejected")} in the batch but {(alone[0].IsValid ? "accepted" : "rejected")} alone: batch {result}; alone {alone[0]}");
                if (entry.Good)
                {
                    counter.Note("good cases checked");
                }

                if (verdict is not null)
                {
                    byte[] aloneVerdict = Evaluate(alone[0], $"case {i} alone");
                    Assert.True(verdict.AsSpan().SequenceEqual(aloneVerdict), $"Case {i}'s verdict differs from its verdict read alone:\n batch: {Encoding.UTF8.GetString(verdict)}\n alone: {Encoding.UTF8.GetString(aloneVerdict)}");
                }
            }
        }

        var streaming = Stopwatch.StartNew();
        CheckStreamedReadsTheSame(batch, results);
        Assert.True(streaming.Elapsed <= BatchBound, $"Enumerate took {streaming.Elapsed.TotalMilliseconds:0} ms, more than the {BatchBound.TotalSeconds} s bound.");

        var total = clock.Elapsed;
        Assert.True(readTime + evaluationTotal <= BatchBound, $"Reading took {readTime.TotalMilliseconds:0} ms and evaluating {evaluationTotal.TotalMilliseconds:0} ms, more than the {BatchBound.TotalSeconds} s bound.");
        counter.Outcome(true, results.Count(r => r.IsValid));
        counter.Outcome(false, results.Count(r => !r.IsValid));
        _ = total;
    }

    /// <summary>A result is a context or at least one error, each with a path from <c>$</c> and a bounded message.</summary>
    public static void CheckResult(CaseReadResult result, FuzzCounter counter)
    {
        Assert.True(result.IsValid == (result.Errors.Count == 0), $"Result {result.Index} has a context and {result.Errors.Count} errors.");
        foreach (var error in result.Errors)
        {
            Assert.True(error.Path.StartsWith('$'), $"Error path '{error.Path}' does not start with '$': {error}");
            Assert.False(string.IsNullOrWhiteSpace(error.Message), $"Error at {error.Path} has no message.");
            Assert.True(error.Message.Length <= MaxMessageLength && error.Path.Length <= MaxMessageLength, KnownIssues.Explain(error));
        }
    }

    /// <summary>Reads, failing with the input when the reader throws.</summary>
    public static IReadOnlyList<CaseReadResult> Read(byte[] utf8, string what)
    {
        try
        {
            return CaseJsonReader.Read(utf8, Options);
        }
#pragma warning disable CA1031 // any exception is the finding
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Assert.Fail($"CaseJsonReader.Read threw on {what}: {ex}");
            throw;
        }
    }

    /// <summary>Evaluates with the Standard pack and writes the verdict, failing with the case when either throws.</summary>
    public static byte[] Evaluate(CaseReadResult result, string what)
    {
        try
        {
            return VerdictJsonWriter.ToUtf8Bytes(StandardPack.Default.Evaluate(result.Context!));
        }
#pragma warning disable CA1031 // any exception is the finding
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Assert.Fail($"Evaluating {what} threw: {ex}\ncase: {CaseJsonWriter.ToJson(result.Context!)}");
            throw;
        }
    }

    /// <summary>
    /// <see cref="CaseJsonReader.Enumerate"/> and <see cref="CaseJsonReader.EnumerateAsync"/> over a stream that trickles
    /// a few bytes at a time give the same results.
    /// </summary>
    private static void CheckStreamedReadsTheSame(CaseBatch batch, IReadOnlyList<CaseReadResult> expected)
    {
        // A few bytes per read for small inputs; a page per read for large ones (reads of 7 bytes make a 1 MB line slow).
        int chunk = batch.Utf8.Length > 65_536 ? 4096 : 1 + (batch.Utf8.Length % 13);
        Compare("Enumerate", expected, () => [.. CaseJsonReader.Enumerate(new ChunkedStream(batch.Utf8, chunk), Options)]);
        Compare("EnumerateAsync", expected, () => CollectAsync(CaseJsonReader.EnumerateAsync(new ChunkedStream(batch.Utf8, chunk + 2), Options)).GetAwaiter().GetResult());
    }

    private static void Compare(string what, IReadOnlyList<CaseReadResult> expected, Func<List<CaseReadResult>> read)
    {
        List<CaseReadResult> streamed;
        try
        {
            streamed = read();
        }
#pragma warning disable CA1031 // any exception is the finding
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Assert.Fail($"CaseJsonReader.{what} threw: {ex}");
            throw;
        }

        Assert.True(streamed.Count == expected.Count, $"{what} gave {streamed.Count} results, Read {expected.Count}.");
        for (int i = 0; i < expected.Count; i++)
        {
            string a = Describe(expected[i]);
            string b = Describe(streamed[i]);
            Assert.True(a == b, $"Result {i} differs between Read and {what}:\n Read: {a}\n {what}: {b}");
        }
    }

    private static async Task<List<CaseReadResult>> CollectAsync(IAsyncEnumerable<CaseReadResult> results)
    {
        var list = new List<CaseReadResult>();
        await foreach (var result in results)
        {
            list.Add(result);
        }

        return list;
    }

    private static string Describe(CaseReadResult result) => result.IsValid
        ? $"{result.Index} valid {Encoding.UTF8.GetString(VerdictJsonWriter.ToUtf8Bytes(StandardPack.Default.Evaluate(result.Context)))}"
        : CaseErrorJson.ToJson(result);
}
