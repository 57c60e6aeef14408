using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Analysis;

/// <summary>One search thread's observations: per rule, how often it fired, kept a decision, or produced decisions none of which survived (and what removed them); the conflicts seen, each with its first example.</summary>
internal sealed class Worker
{
    private readonly CompiledPack _pack;
    private readonly Dictionary<string, int> _index;
    private readonly IReadOnlyList<ConflictRow> _rows;
    private readonly EvaluationBuffer _buffer;
    private readonly long[] _keptStamp;
    private readonly long[] _producedStamp;
    private readonly List<string>[] _sides;
    private readonly List<(string, string)> _pairs = [];
    private long _stamp;

    public Worker(CompiledPack pack, Dictionary<string, int> index, IReadOnlyList<ConflictRow> rows)
    {
        _pack = pack;
        _index = index;
        _rows = rows;
        _buffer = pack.CreateBuffer();
        int n = index.Count;
        Fired = new long[n];
        KeptAny = new long[n];
        ProducedNoneKept = new long[n];
        FirstProducedNoneKept = new CareContext?[n];
        Removers = [.. Enumerable.Range(0, n).Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
        _keptStamp = new long[n];
        _producedStamp = new long[n];
        _sides = [[], []];
    }

    public long Evaluated { get; private set; }

    public long Failed { get; private set; }

    public long[] Fired { get; }

    public long[] KeptAny { get; }

    public long[] ProducedNoneKept { get; }

    public CareContext?[] FirstProducedNoneKept { get; }

    public Dictionary<string, long>[] Removers { get; }

    public Dictionary<(int Row, string A, string B), (long Count, CareContext First)> Conflicts { get; } = [];

    public void Observe(CareContext context)
    {
        try
        {
            _pack.Evaluate(context, _buffer);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Failed++;
            return;
        }

        Evaluated++;
        long stamp = ++_stamp;
        var b = _buffer;
        foreach (var decision in b.Decisions)
        {
            if (_index.TryGetValue(decision.RuleId, out int r))
            {
                _keptStamp[r] = stamp;
            }
        }

        foreach (ref readonly var decision in b.Produced)
        {
            if (_index.TryGetValue(decision.RuleId, out int r))
            {
                _producedStamp[r] = stamp;
            }
        }

        foreach (var id in b.Fired)
        {
            int r = _index[id];
            Fired[r]++;
            if (_keptStamp[r] == stamp)
            {
                KeptAny[r]++;
            }
            else if (_producedStamp[r] == stamp)
            {
                if (ProducedNoneKept[r]++ == 0)
                {
                    FirstProducedNoneKept[r] = context;
                }

                if (KeptAny[r] == 0)
                {
                    TallyRemovers(b, id, Removers[r]);
                }
            }
        }

        for (int row = 0; row < _rows.Count; row++)
        {
            _pairs.Clear();
            FindConflicts(b, _rows[row], _sides, _pairs);
            foreach (var (a, c) in _pairs)
            {
                var key = (row, a, c);
                Conflicts[key] = Conflicts.TryGetValue(key, out var seen) ? (seen.Count + 1, seen.First) : (1, context);
            }
        }
    }

    public void Merge(Worker other)
    {
        Evaluated += other.Evaluated;
        Failed += other.Failed;
        for (int r = 0; r < Fired.Length; r++)
        {
            Fired[r] += other.Fired[r];
            KeptAny[r] += other.KeptAny[r];
            if (ProducedNoneKept[r] == 0)
            {
                FirstProducedNoneKept[r] = other.FirstProducedNoneKept[r];
            }

            ProducedNoneKept[r] += other.ProducedNoneKept[r];
            foreach (var (k, v) in other.Removers[r])
            {
                Removers[r][k] = Removers[r].GetValueOrDefault(k) + v;
            }
        }

        foreach (var (k, v) in other.Conflicts)
        {
            Conflicts[k] = Conflicts.TryGetValue(k, out var seen) ? (seen.Count + v.Count, seen.First) : v;
        }
    }

    private static void TallyRemovers(EvaluationBuffer b, string id, Dictionary<string, long> removers)
    {
        foreach (var t in b.Trace)
        {
            if (t.RuleId != id)
            {
                continue;
            }

            string? what = t.Kind switch
            {
                TraceKind.GoodwillSuppressed => "suppressed by " + t.CauseRuleId,
                TraceKind.DuplicateMerged or TraceKind.EscalationMerged or TraceKind.DecisionMerged => "merged into the decision of " + t.CauseRuleId,
                TraceKind.CapDropped or TraceKind.BelowMinimumDropped => "capped away by the goodwill cap",
                _ => null,
            };
            if (what is not null)
            {
                removers[what] = removers.GetValueOrDefault(what) + 1;
            }
        }
    }

    /// <summary>Adds to <paramref name="found"/> each pair of different rules whose kept decisions (or firing) match the row's two sides.</summary>
    private static void FindConflicts(EvaluationBuffer b, ConflictRow row, List<string>[] sides, List<(string, string)> found)
    {
        Match(b, row.First, sides[0]);
        if (sides[0].Count == 0)
        {
            return;
        }

        Match(b, row.Second, sides[1]);
        foreach (var a in sides[0])
        {
            foreach (var c in sides[1])
            {
                if (!string.Equals(a, c, StringComparison.Ordinal))
                {
                    found.Add((a, c));
                }
            }
        }
    }

    private static void Match(EvaluationBuffer b, DecisionPattern pattern, List<string> into)
    {
        into.Clear();
        if (pattern.RuleId is { } rule)
        {
            foreach (var id in b.Fired)
            {
                if (string.Equals(id, rule, StringComparison.Ordinal))
                {
                    into.Add(id);
                }
            }

            return;
        }

        foreach (var d in b.Decisions)
        {
            if (pattern.Matches(d) && !into.Contains(d.RuleId))
            {
                into.Add(d.RuleId);
            }
        }
    }

    /// <summary>True when <paramref name="id"/> fires for <paramref name="context"/>, produces decisions, and none survives.</summary>
    public static bool FiresWithNoneKept(CompiledPack pack, CareContext context, string id)
    {
        var b = pack.CreateBuffer();
        pack.Evaluate(context, b);
        if (!b.Fired.Contains(id))
        {
            return false;
        }

        bool produced = false;
        foreach (ref readonly var decision in b.Produced)
        {
            produced |= decision.RuleId == id;
        }

        foreach (var d in b.Decisions)
        {
            if (d.RuleId == id)
            {
                return false;
            }
        }

        return produced;
    }

    /// <summary>True when the verdict for <paramref name="context"/> has the row's conflict between <paramref name="a"/> and <paramref name="c"/>.</summary>
    public static bool HasConflict(CompiledPack pack, CareContext context, ConflictRow row, string a, string c)
    {
        var b = pack.CreateBuffer();
        pack.Evaluate(context, b);
        var pairs = new List<(string, string)>();
        FindConflicts(b, row, [[], []], pairs);
        return pairs.Contains((a, c));
    }
}
