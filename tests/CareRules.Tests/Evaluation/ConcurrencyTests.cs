using CareRules.Model;
using CareRules.Packs;
using CareRules.Serialization;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CareRules.Tests.Evaluation;

/// <summary>A compiled policy is shared: evaluations from many threads at once equal evaluations one at a time.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void Evaluate_FromManyThreads_GivesTheSequentialVerdicts()
    {
        var policy = StandardPack.Default;
        CareContext[] contexts = [.. CareGenerators.Contexts().Sample(3_000, new Rnd(7), 50)];
        string[] expected = [.. contexts.Select(c => VerdictJsonWriter.ToJson(policy.Evaluate(c)))];

        var actual = new string[contexts.Length];
        var buffered = new string[contexts.Length];
        Parallel.For(0, contexts.Length * 2, new ParallelOptions { MaxDegreeOfParallelism = 8 }, () => policy.CreateBuffer(), (i, _, buffer) =>
        {
            int k = i % contexts.Length;
            if (i < contexts.Length)
            {
                actual[k] = VerdictJsonWriter.ToJson(policy.Evaluate(contexts[k]));
            }
            else
            {
                policy.Evaluate(contexts[k], buffer);
                buffered[k] = VerdictJsonWriter.ToJson(buffer.ToVerdict());
            }

            return buffer;
        }, _ => { });

        Assert.Equal(expected, actual);
        Assert.Equal(expected, buffered);
    }
}
