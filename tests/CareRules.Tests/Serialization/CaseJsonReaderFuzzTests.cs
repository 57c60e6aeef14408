using System.Text;
using CareRules.Serialization;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CareRules.Tests.Serialization;

/// <summary>Whatever the bytes, the reader answers with results, never with an exception.</summary>
public sealed class CaseJsonReaderFuzzTests
{
    private static readonly Gen<string> Mutated =
        from context in CareEdgeGenerators.Contexts()
        let json = CaseJsonWriter.ToJson(context)
        from edits in Gen.Choose(1, 4)
        from positions in Gen.ArrayOf(Gen.Choose(0, json.Length - 1), edits)
        from chars in Gen.ArrayOf(Gen.Elements("{}[],:\"\\ 0123456789-.eEZTtruefalsn\n\u00ff".ToCharArray()), edits)
        from kinds in Gen.ArrayOf(Gen.Choose(0, 2), edits)
        select Mutate(json, positions, chars, kinds);

    [Property(MaxTest = 1000)]
    public Property Read_MutatedCase_NeverThrowsAndEveryResultIsValidOrExplained() => Prop.ForAll(Mutated.ToArbitrary(), json =>
    {
        foreach (var input in new[] { json, json + "\n" + json, "[" + json + "," + json + "]" })
        {
            var results = CaseJsonReader.Read(Encoding.UTF8.GetBytes(input));
            Assert.All(results, r =>
            {
                Assert.Equal(r.IsValid, r.Errors.Count == 0);
                Assert.All(r.Errors, e => Assert.StartsWith("$", e.Path, StringComparison.Ordinal));
            });
        }
    });

    internal static string Mutate(string json, int[] positions, char[] chars, int[] kinds)
    {
        var text = new StringBuilder(json);
        for (int i = 0; i < positions.Length; i++)
        {
            int at = Math.Min(positions[i], text.Length - 1);
            switch (kinds[i])
            {
                case 0:
                    text[at] = chars[i];
                    break;
                case 1:
                    text.Insert(at, chars[i]);
                    break;
                default:
                    text.Remove(at, 1);
                    break;
            }
        }

        return text.ToString();
    }
}
