using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CareRules.Benchmarks.Infrastructure;

/// <summary>
/// The one realistic mix of contexts every evaluation benchmark runs over: <see cref="Size"/> contexts drawn from
/// <see cref="CareGenerators.Contexts"/> with a fixed seed (the same contexts on every machine and every run), checked
/// when built to make every rule of the Standard pack fire at least once.
/// </summary>
public sealed class ContextMix
{
    /// <summary>How many contexts the mix holds.</summary>
    public const int Size = 2048;

    /// <summary>The FsCheck seed of the mix.</summary>
    public const ulong Seed = 20_261_123;

    private static readonly Lazy<ContextMix> LazyStandard = new(() => Create(Size, Seed, StandardPack.Default));

    private ContextMix(CareContext[] contexts, IReadOnlyDictionary<string, int> firedCounts)
    {
        Contexts = contexts;
        FiredCounts = firedCounts;
    }

    /// <summary>The benchmark mix, built once per process.</summary>
    public static ContextMix Standard => LazyStandard.Value;

    /// <summary>The contexts, in generation order.</summary>
    public IReadOnlyList<CareContext> Contexts { get; }

    /// <summary>How many contexts of the mix make each rule of the pack fire.</summary>
    public IReadOnlyDictionary<string, int> FiredCounts { get; }

    /// <summary>
    /// Draws <paramref name="size"/> contexts with <paramref name="seed"/> and checks that each rule of
    /// <paramref name="pack"/> fires for at least one of them.
    /// </summary>
    /// <exception cref="InvalidOperationException">A rule never fires; the message lists every such rule.</exception>
    public static ContextMix Create(int size, ulong seed, CompiledPack pack)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentNullException.ThrowIfNull(pack);

        // FsCheck 3.6: Sample(numberOfSamples, seed, size). The two-int overload Sample(n, size) draws a new seed each call.
        CareContext[] contexts = [.. CareGenerators.Contexts().Sample(size, new Rnd(seed), 50)];
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in pack.Rules)
        {
            counts[rule.Id] = 0;
        }

        var buffer = pack.CreateBuffer();
        foreach (var context in contexts)
        {
            pack.Evaluate(context, buffer);
            foreach (var id in buffer.Fired)
            {
                counts[id]++;
            }
        }

        var missing = counts.Where(c => c.Value == 0).Select(c => c.Key).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The context mix ({size} contexts, seed {seed}) does not cover pack '{pack.Id}': no context fires {string.Join(", ", missing)}. "
                + "Change the seed or the size so that every rule fires.");
        }

        return new ContextMix(contexts, counts);
    }

    /// <summary>An array of <paramref name="count"/> contexts that cycles through the mix.</summary>
    public CareContext[] Cycle(int count)
    {
        var all = new CareContext[count];
        for (int i = 0; i < count; i++)
        {
            all[i] = Contexts[i % Contexts.Count];
        }

        return all;
    }
}
