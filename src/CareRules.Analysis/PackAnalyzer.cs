using System.Diagnostics;
using System.Globalization;
using CareRules.Evaluation;
using CareRules.Explanations;
using CareRules.Model;
using CareRules.Testing;

namespace CareRules.Analysis;

/// <summary>
/// Pack analysis (docs/analysis.md): searches the case space — the testing kit's generators, then a fast sampler aimed at
/// every clause's boundaries — evaluating each context with the pack and observing which rules fire, which decisions
/// survive resolution and which contradict; then reports dead rules (proven by an <see cref="IRuleProver"/> when one is
/// given), shadowed decisions, conflicts and contradicting parameters, each with a shrunk example. Thread-safe; uses
/// <see cref="AnalysisOptions.MaxDegreeOfParallelism"/> threads.
/// </summary>
public static class PackAnalyzer
{
    private const int KitSamples = 20_000;
    private const int EdgeSamples = 2_000;
    private const int MissSamples = 2_000;

    /// <summary>Analyses <paramref name="pack"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The options ask for fewer than one context or thread.</exception>
    public static AnalysisReport Analyze(CompiledPack pack, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        options ??= new AnalysisOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Contexts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDegreeOfParallelism, 1);
        var clock = Stopwatch.StartNew();
        var boundaries = Boundaries.Of(pack);
        var ids = pack.CompiledRules.Select(r => r.Id).ToArray();
        var index = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var rows = options.Conflicts.Rows;

        // The testing kit's generators first (realistic and edge contexts), then the boundary sampler for the rest.
        var kit = new List<CareContext>(KitSamples + EdgeSamples);
        kit.AddRange(CareGenerators.Sample(Math.Min(KitSamples, options.Contexts), options.Seed, pack.Currency));
        kit.AddRange(CareGenerators.Sample(CareEdgeGenerators.Contexts(pack.Currency), Math.Min(EdgeSamples, Math.Max(0, options.Contexts - kit.Count)), options.Seed));
        int threads = options.MaxDegreeOfParallelism;
        long sampled = Math.Max(0, options.Contexts - kit.Count);
        var workers = new Worker[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, w =>
        {
            var worker = workers[w] = new Worker(pack, index, rows);
            for (int i = w; i < kit.Count; i += threads)
            {
                worker.Observe(kit[i]);
            }

            var sampler = new ContextSampler(boundaries, pack.Calendar, pack.Currency, unchecked((options.Seed * 7919) + w + 1));
            long share = (sampled / threads) + (w < sampled % threads ? 1 : 0);
            for (long i = 0; i < share; i++)
            {
                worker.Observe(sampler.Next());
            }
        });
        var all = workers[0];
        for (int w = 1; w < threads; w++)
        {
            all.Merge(workers[w]);
        }

        var searchTime = clock.Elapsed;
        var findings = new List<AnalysisFinding>();
        var missSampler = new ContextSampler(boundaries, pack.Calendar, pack.Currency, options.Seed ^ 0x5EED);
        List<CareContext>? missContexts = null;
        for (int r = 0; r < ids.Length; r++)
        {
            string id = ids[r];
            if (all.Fired[r] == 0)
            {
                missContexts ??= [.. kit.Take(MissSamples / 2), .. Enumerable.Range(0, MissSamples / 2).Select(_ => missSampler.Next())];
                if (Dead(pack, id, all.Evaluated, missContexts, options.Prover) is { } dead)
                {
                    findings.Add(dead);
                }
            }
            else if (all.ProducedNoneKept[r] > 0 && all.KeptAny[r] == 0)
            {
                findings.Add(Shadowed(pack, id, all, r));
            }
        }

        foreach (var ((row, a, b), (count, example)) in all.Conflicts.OrderBy(c => c.Key.Row).ThenBy(c => c.Key.A, StringComparer.Ordinal).ThenBy(c => c.Key.B, StringComparer.Ordinal))
        {
            var conflict = rows[row];
            var shrunk = Shrinker.Shrink(example, c => Worker.HasConflict(pack, c, conflict, a, b));
            findings.Add(new AnalysisFinding(FindingKind.Conflict, conflict.Severity, [a, b], true,
                string.Create(CultureInfo.InvariantCulture, $"{a} and {b} fire together and decide {conflict.First} beside {conflict.Second} ({count:N0} of {all.Evaluated:N0} contexts): {conflict.Why}."),
                shrunk));
        }

        return new AnalysisReport(pack.Id, findings, all.Evaluated, all.Failed, boundaries.Count, searchTime, clock.Elapsed);
    }

    private static AnalysisFinding? Dead(CompiledPack pack, string id, long evaluated, List<CareContext> sample, IRuleProver? prover)
    {
        var proof = prover?.Prove(pack, id);
        if (proof?.Outcome == ProofOutcome.Satisfiable && proof.Detail.Length == 0)
        {
            return null;
        }

        // The closest miss: the sampled context whose clause tree has the most true clauses; its deepest false clause.
        CareContext? best = null;
        int bestScore = -1;
        foreach (var context in sample)
        {
            var explanation = pack.Explain(context, id);
            if (explanation.Condition is not { } clause)
            {
                break;
            }

            int score = Score(clause);
            if (score > bestScore)
            {
                (best, bestScore) = (context, score);
            }
        }

        CareContext? example = best is null ? null
            : Shrinker.Shrink(best, c => pack.Explain(c, id) is { Fired: false, Condition: { } cl } && Score(cl) >= bestScore);
        string miss = example is not null && pack.Explain(example, id).Condition is { } tree ? Describe(DeepestFalse(tree)) : "its condition is opaque (a compiled delegate)";
        bool proven = proof?.Outcome == ProofOutcome.Unsatisfiable;
        string message = proven
            ? $"{id} can never fire: proven, its condition is unsatisfiable under the model's invariants ({proof!.Detail}). Closest miss: {miss}."
            : string.Create(CultureInfo.InvariantCulture, $"{id} never fired: not fired in {evaluated:N0} contexts (not proven{(proof is null ? ": no prover" : proof.Outcome == ProofOutcome.Satisfiable ? "; the solver found its clauses satisfiable, " + proof.Detail : "; " + proof.Detail)}). Closest miss: {miss}.");
        return new AnalysisFinding(FindingKind.DeadRule, FindingSeverity.Error, [id], proven, message, example);
    }

    private static AnalysisFinding Shadowed(CompiledPack pack, string id, Worker all, int r)
    {
        var removers = all.Removers[r];
        // Capped away whenever nothing else removed it: the cap parameters leave no room for the rule (a parameter finding).
        bool capOnly = removers.Keys.Any(k => k.StartsWith("capped away", StringComparison.Ordinal));
        string by = string.Join("; ", removers.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} ({p.Value:N0})")));
        var example = Shrinker.Shrink(all.FirstProducedNoneKept[r]!, c => Worker.FiresWithNoneKept(pack, c, id));
        var rules = new List<string> { id };
        rules.AddRange(removers.Keys.Select(k => k.Split(' ')[^1]).Where(k => k != id && pack.Rules.Any(x => x.Id == k)).Distinct().Order(StringComparer.Ordinal));
        if (capOnly)
        {
            var p = pack.Parameters;
            return new AnalysisFinding(FindingKind.Parameter, FindingSeverity.Error, [id], false,
                string.Create(CultureInfo.InvariantCulture, $"{id} fired in {all.Fired[r]:N0} contexts, but the goodwill cap removed every offer it made: maxGoodwillShareOfOrder {p.Format("maxGoodwillShareOfOrder")}, goodwillBudget90Days {p.Format("goodwillBudget90Days")} and minMeaningfulGift {p.Format("minMeaningfulGift")} leave no room for it ({by})."),
                example);
        }

        return new AnalysisFinding(FindingKind.Shadowed, FindingSeverity.Error, rules, false,
            string.Create(CultureInfo.InvariantCulture, $"{id} fired in {all.Fired[r]:N0} contexts, but none of its decisions survived resolution: {by}."),
            example);
    }

    /// <summary>How close a clause tree is to holding: its true clauses, counted through every level.</summary>
    private static int Score(Clause clause) =>
        (clause.Value == ClauseValue.True ? 1 : 0) + clause.Clauses.Sum(Score);

    private static Clause DeepestFalse(Clause clause)
    {
        var falses = clause.Clauses.Where(c => c.Value == ClauseValue.False || c.Value == ClauseValue.Failed).ToList();
        if (falses.Count == 0)
        {
            return clause;
        }

        return DeepestFalse(clause.Kind == ClauseKind.Any ? falses.OrderByDescending(Score).First() : falses[0]);
    }

    private static string Describe(Clause clause) =>
        $"`{clause.Expression}` is {(clause.Value == ClauseValue.Failed ? "failed" : "false")}" + (clause.Flip is { } flip ? "; " + flip.Text : "");
}
