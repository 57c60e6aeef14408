using System.Diagnostics;
using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Fuzz.Tests.Support;
using CareRules.Model;
using CareRules.Packs;
using CareRules.RulesEngine;
using CareRules.Serialization;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CareRules.Fuzz.Tests.Packs;

/// <summary>
/// The contract every workflow document is held to (docs/fuzzing.md): loading it over the Standard pack either succeeds
/// or throws <see cref="CareRulesValidationException"/> whose every error path starts with the document's name, within
/// a time bound; a pack that loads evaluates generated contexts within a time bound and without exception.
/// </summary>
internal static class PackContract
{
    public const string DocumentName = "fuzz.json";

    /// <summary>Hang detectors, not benchmarks.</summary>
    public static readonly TimeSpan LoadBound = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan EvaluationBound = TimeSpan.FromSeconds(1);

    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "seeds", "packs");

    /// <summary>The seed documents by file name: the ShopPolicy.Json sample and the RulesEngine tests' workflows.</summary>
    public static IReadOnlyDictionary<string, string> Seeds { get; } = Directory.GetFiles(SeedDirectory, "*.json")
        .Order(StringComparer.Ordinal)
        .ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);

    /// <summary>Reads the document (through a stream, strict UTF-8, or as text) and extends the Standard pack with it.</summary>
    public static PackBuilder Extend(PackInput input)
    {
        var source = input.ViaStream
            ? WorkflowSource.FromStream(new MemoryStream(input.Utf8), DocumentName)
            : WorkflowSource.FromJson(System.Text.Encoding.UTF8.GetString(input.Utf8), DocumentName);
        return WorkflowPack.Extend(StandardPack.CreateBuilder(), source);
    }

    public static void Check(PackInput input, FuzzCounter counter)
    {
        counter.Input();
        counter.Note(input.Mutation.ToString());
        CompiledPack? pack = null;
        bool building = false;
        var clock = Stopwatch.StartNew();
        try
        {
            var builder = Extend(input);
            building = true;
            pack = builder.Build();
        }
        catch (CareRulesValidationException ex)
        {
            Assert.True(ex.Errors.Count > 0, $"A CareRulesValidationException without errors: {ex.Message}");
            foreach (var error in ex.Errors)
            {
                if (building && !error.Path.StartsWith(DocumentName, StringComparison.Ordinal))
                {
                    KnownIssues.BuildErrorWithoutDocumentName(error, counter);
                    continue;
                }

                Assert.True(error.Path.StartsWith(DocumentName, StringComparison.Ordinal), $"Error path '{Short(error.Path)}' does not start with the document name '{DocumentName}': {Short(error.Message)}");
                Assert.False(string.IsNullOrWhiteSpace(error.Message), $"Error at {Short(error.Path)} has no message.");
                Assert.True(error.Path.Length + error.Message.Length <= 1000, $"An error echoes the input: path {error.Path.Length:N0} and message {error.Message.Length:N0} characters at {Short(error.Path)}");
            }
        }
#pragma warning disable CA1031 // any other exception is the finding
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Assert.Fail($"Loading threw {ex.GetType().Name}, not CareRulesValidationException: {ex}");
        }

        var loadTime = clock.Elapsed;
        counter.Load(loadTime);
        Assert.True(loadTime <= LoadBound, $"Loading took {loadTime.TotalMilliseconds:0} ms, more than the {LoadBound.TotalSeconds} s bound.");
        counter.Outcome(pack is not null);
        if (pack is null)
        {
            return;
        }

        foreach (var context in Contexts(pack.Parameters.Currency, input.ContextSeed))
        {
            var evaluation = Stopwatch.StartNew();
            try
            {
                var verdict = pack.Evaluate(context);
                _ = VerdictJsonWriter.ToUtf8Bytes(verdict);
            }
#pragma warning disable CA1031 // any exception is the finding
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Assert.Fail($"Evaluating threw {ex}\ncase: {CaseJsonWriter.ToJson(context)}");
            }

            counter.Evaluation(evaluation.Elapsed);
            Assert.True(evaluation.Elapsed <= EvaluationBound, $"Evaluating took {evaluation.Elapsed.TotalMilliseconds:0} ms, more than the {EvaluationBound.TotalSeconds} s bound; case: {CaseJsonWriter.ToJson(context)}");
        }
    }

    /// <summary>Three realistic contexts and one of edge values, in the pack's currency, drawn from a fixed seed.</summary>
    private static IEnumerable<CareContext> Contexts(Currency currency, int seed)
    {
        var rnd = new Rnd((ulong)seed, 0x9E3779B97F4A7C15UL);
        return [.. Gen.Sample(CareGenerators.Contexts(currency), 20, rnd, 3), .. Gen.Sample(CareEdgeGenerators.Contexts(currency), 20, rnd, 1)];
    }

    private static string Short(string text, int max = 300) => text.Length > max ? text[..max] + $"… ({text.Length} chars)" : text;
}
