using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareRules.Serialization;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CareRules.Fuzz.Tests.Cases;

/// <summary>
/// The valid cases mutation starts from, each as one line of compact JSON: contexts drawn from
/// <see cref="CareGenerators"/> (realistic) and <see cref="CareEdgeGenerators"/> (ids needing escapes, extreme counts
/// and amounts) written with <see cref="CaseJsonWriter"/>, and the console sample's cases
/// (<c>src/CareRules.Tool/cases/*.json*</c>, including the bad cases of <c>mixed-batch.jsonl</c>).
/// </summary>
internal static class CaseSeeds
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "seeds", "cases");

    /// <summary>Every case of the sample files, one compact line each.</summary>
    public static IReadOnlyList<string> Samples { get; } = LoadSamples();

    /// <summary>A seed case as one line of compact JSON.</summary>
    public static Gen<string> Any() => Gen.Frequency(
        (4, CareGenerators.Contexts().Select(c => CaseJsonWriter.ToJson(c))),
        (3, CareEdgeGenerators.Contexts().Select(c => CaseJsonWriter.ToJson(c))),
        (3, Gen.Elements(Samples.ToArray())));

    private static List<string> LoadSamples()
    {
        var cases = new List<string>();
        foreach (string file in Directory.GetFiles(SeedDirectory).Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file, Encoding.UTF8);
            if (text.TrimStart().StartsWith('['))
            {
                cases.AddRange(JsonNode.Parse(text)!.AsArray().Select(n => n!.ToJsonString(Compact)));
            }
            else
            {
                cases.AddRange(text.Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => JsonNode.Parse(l)!.ToJsonString(Compact)));
            }
        }

        if (cases.Count < 30)
        {
            throw new InvalidOperationException($"Expected the console's sample cases under {SeedDirectory}, found {cases.Count}.");
        }

        return cases;
    }
}
