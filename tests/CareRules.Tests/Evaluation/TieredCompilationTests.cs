using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Serialization;
using CareRules.Testing;

namespace CareRules.Tests.Evaluation;

/// <summary>
/// A built pack answers interpreted, asks to be compiled after its first 32 evaluations, and is compiled in the
/// background with an atomic swap (docs/architecture.md, "Tiered compilation"): the verdicts are the same in both tiers
/// and during the swap.
/// </summary>
public sealed class TieredCompilationTests
{
    private static readonly IReadOnlyList<CareContext> Contexts = CareGenerators.Sample(1_500, 2026);

    [Fact]
    public void FreshPack_IsInterpreted_Through31Evaluations_AndCompiledInTheBackgroundAfterThe32nd()
    {
        var pack = StandardPack.Build();
        Assert.False(pack.IsOptimized);
        var buffer = pack.CreateBuffer();
        for (int i = 0; i < CompiledPack.OptimizeAfterEvaluations - 1; i++)
        {
            pack.Evaluate(Contexts[i], buffer);
        }

        Thread.Sleep(50);
        Assert.False(pack.IsOptimized); // 31 evaluations: nothing asked yet

        pack.Evaluate(Contexts[31], buffer); // the 32nd asks for compilation
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!pack.IsOptimized && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        Assert.True(pack.IsOptimized, "the background compiler compiled the pack within 30 s of its 32nd evaluation");
    }

    [Theory]
    [InlineData(Stance.Generous)]
    [InlineData(Stance.Balanced)]
    [InlineData(Stance.Firm)]
    public void InterpretedAndCompiled_GiveTheSameVerdicts(Stance stance)
    {
        var interpreted = StandardPack.Build(b => b.Set(StandardParameters.Stance, stance)).KeepInterpreted();
        var compiled = StandardPack.Build(b => b.Set(StandardParameters.Stance, stance)).Optimize();
        Assert.True(compiled.IsOptimized);

        int fired = 0;
        foreach (var context in Contexts)
        {
            var expected = compiled.Evaluate(context);
            fired += expected.Fired.Count;
            Assert.Equal(VerdictJsonWriter.ToJson(expected), VerdictJsonWriter.ToJson(interpreted.Evaluate(context)));
        }

        Assert.False(interpreted.IsOptimized);
        Assert.True(fired > Contexts.Count, "the sample fires rules");
    }

    [Fact]
    public async Task Optimize_WhileOtherThreadsEvaluate_EveryVerdictIsTheSame()
    {
        var reference = StandardPack.Build().Optimize();
        string[] expected = [.. Contexts.Select(c => VerdictJsonWriter.ToJson(reference.Evaluate(c)))];
        var pack = StandardPack.Build().KeepInterpreted();
        using var go = new ManualResetEventSlim();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var workers = Enumerable.Range(0, 3).Select(w => Task.Run(() =>
        {
            var buffer = pack.CreateBuffer();
            go.Wait();
            for (int round = 0; round < 3; round++)
            {
                for (int i = w; i < Contexts.Count; i += 3)
                {
                    pack.Evaluate(Contexts[i], buffer);
                    if (VerdictJsonWriter.ToJson(buffer.ToVerdict()) != expected[i])
                    {
                        failures.Enqueue($"context {i} in round {round}");
                    }
                }
            }
        })).ToArray();

        go.Set();
        Assert.Same(pack, pack.Optimize());
        await Task.WhenAll(workers);
        Assert.Empty(failures);
        Assert.True(pack.IsOptimized);
    }

    [Fact]
    public void Optimize_Twice_IsHarmless()
    {
        var pack = StandardPack.Build();
        Assert.Same(pack, pack.Optimize());
        Assert.Same(pack, pack.Optimize());
        Assert.True(pack.IsOptimized);
    }

    [Fact]
    public void PackOfDelegateConditionsOnly_HasNothingToCompile()
    {
        var builder = new PackBuilder("delegates");
        builder.Rule("d.apology", r => r
            .When(c => c.Case?.Kind == CaseKind.DamagedGoods)
            .Compensate(OfferKind.Apology, "We are sorry."));
        var pack = builder.Build();
        Assert.True(pack.IsOptimized);
        Assert.Same(pack, pack.Optimize());
    }
}
