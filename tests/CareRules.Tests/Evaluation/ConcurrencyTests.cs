using CareRules.Model;
using CareRules.Packs;
using CareRules.Serialization;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CareRules.Tests.Evaluation;

/// <summary>A compiled pack is shared: evaluations from many threads at once equal evaluations one at a time.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void Evaluate_FromManyThreads_GivesTheSequentialVerdicts()
    {
        var pack = StandardPack.Default;
        CareContext[] contexts = [.. CareGenerators.Contexts().Sample(3_000, new Rnd(7), 50)];
        string[] expected = [.. contexts.Select(c => VerdictJsonWriter.ToJson(pack.Evaluate(c)))];

        var actual = new string[contexts.Length];
        var buffered = new string[contexts.Length];
        Parallel.For(0, contexts.Length * 2, new ParallelOptions { MaxDegreeOfParallelism = 8 }, () => pack.CreateBuffer(), (i, _, buffer) =>
        {
            int k = i % contexts.Length;
            if (i < contexts.Length)
            {
                actual[k] = VerdictJsonWriter.ToJson(pack.Evaluate(contexts[k]));
            }
            else
            {
                pack.Evaluate(contexts[k], buffer);
                buffered[k] = VerdictJsonWriter.ToJson(buffer.ToVerdict());
            }

            return buffer;
        }, _ => { });

        Assert.Equal(expected, actual);
        Assert.Equal(expected, buffered);
    }
}
