using System.Runtime.CompilerServices;
using CareRules.Model;
using CareRules.Authoring;
using NodaTime;

namespace CareRules.Evaluation;

/// <summary>
/// A caller-owned, reusable result area for <see cref="CompiledPack.Evaluate(CareContext, EvaluationBuffer)"/>:
/// sized once for its pack, it is overwritten by each evaluation, so steady-state evaluation allocates nothing.
/// Read the result through <see cref="Decisions"/>, <see cref="Fired"/>, <see cref="Trace"/> and
/// <see cref="GoodwillTotal"/>, or copy it with <see cref="ToVerdict"/>. Not thread-safe: use one buffer per thread.
/// </summary>
public sealed class EvaluationBuffer
{
    private readonly Money _zero;
    private bool _loaded;
    private bool _firedWritten;
    private bool _firedTraced;
    private readonly TakenAway[] _takenAway; // the decisions resolution took away, traced when the trace is read
    private int _takenAwayCount;

    // Buffers are written on every evaluation, each by its own thread. Buffers created one after the other on one
    // thread sit next to each other in memory, so without a cold gap the last array of one and the first objects of the
    // next share cache lines, and two threads evaluating in parallel invalidate each other's lines on every write
    // (false sharing: a 2-core batch then ran slower than one core). These guards, allocated first and last, keep
    // two cache lines of cold memory between the hot objects of different buffers.
    private const int GuardBytes = 128;
    private readonly byte[] _leadingGuard;
    private readonly byte[] _trailingGuard;

    internal EvaluationBuffer(CompiledPack pack, int maxDecisions, int maxFired, int maxTrace, int rankCount)
    {
        _leadingGuard = new byte[GuardBytes];
        Pack = pack;
        RuleContext = new RuleContext(pack.Calendar);
        ByRank = new Decision[rankCount];
        for (int rank = 0; rank < rankCount; rank++)
        {
            ByRank[rank] = new Decision(pack.OutcomesByRank[rank], null, null); // the outcome of a rank never changes
        }

        OutputArray = new Decision[maxDecisions];
        KeptBits = new ulong[(rankCount + 63) / 64];
        ProducedBits = new ulong[(rankCount + 63) / 64];
        FiredBits = new ulong[(maxFired + 63) / 64];
        FiredArray = new string[maxFired];
        TraceArray = new TraceEntry[maxTrace];
        _takenAway = new TakenAway[rankCount];
        _zero = Money.Zero(pack.Parameters.Currency);
        GoodwillTotal = _zero;
        _trailingGuard = new byte[GuardBytes];
    }

    /// <summary>The pack this buffer belongs to.</summary>
    public CompiledPack Pack { get; }

    /// <summary>The case id of the last evaluated context, or null.</summary>
    public string? CaseId => _loaded ? RuleContext.Context.Case?.Id : null;

    /// <summary>The decisions of the last evaluation, in canonical order.</summary>
    public ReadOnlySpan<Decision> Decisions => OutputArray.AsSpan(0, OutputCount);

    /// <summary>The ids of the rules that fired in the last evaluation, in rule id order.</summary>
    /// <remarks>Evaluation records fired rules as bits; the ids are written out when first read, so an evaluation whose fired list is never read does not pay for them.</remarks>
    public ReadOnlySpan<string> Fired
    {
        get
        {
            if (!_firedWritten)
            {
                WriteFired();
            }

            return FiredArray.AsSpan(0, FiredCount);
        }
    }

    /// <summary>The trace of the last evaluation: a <see cref="TraceKind.RuleFired"/> entry per fired rule, then what resolution did.</summary>
    /// <remarks>The rule-fired entries, and those of decisions suppressed or merged away, are written when the trace is first read, so an evaluation whose trace is never read does not pay for them.</remarks>
    public ReadOnlySpan<TraceEntry> Trace
    {
        get
        {
            if (!_firedTraced)
            {
                var fired = Fired;
                for (int i = 0; i < fired.Length; i++)
                {
                    TraceArray[i] = new TraceEntry(TraceKind.RuleFired, fired[i]);
                }

                _firedTraced = true;
            }

            WriteTakenAway();
            return TraceArray.AsSpan(0, TraceCount);
        }
    }

    /// <summary>The goodwill total of the last evaluation.</summary>
    public Money GoodwillTotal { get; internal set; }

    internal RuleContext RuleContext { get; }

    /// <summary>
    /// The decisions produced in this evaluation, each at its outcome's <see cref="CompiledOutcome.Rank"/> (an outcome
    /// produces at most one decision per evaluation). Valid where <see cref="ProducedBits"/> has its position set;
    /// resolution rewrites a value or due-by in place when it caps or merges. Each holds its rank's outcome from the
    /// start, so producing a decision writes only its value and instant.
    /// </summary>
    internal Decision[] ByRank { get; }

    /// <summary>A bit per rank, set for every decision produced and not removed: resolution reads them back in canonical order and clears them.</summary>
    internal ulong[] KeptBits { get; }

    /// <summary>A bit per production position (<see cref="CompiledOutcome.Position"/>), set for every decision produced, removed or not.</summary>
    internal ulong[] ProducedBits { get; }

    /// <summary>How many decisions were produced (before resolution).</summary>
    internal int DecisionCount => BitCount(ProducedBits);

    /// <summary>The resolved decisions, in canonical order.</summary>
    internal Decision[] OutputArray { get; }

    internal int OutputCount { get; set; }

    /// <summary>The merge slots (<see cref="CompiledOutcome.SlotBit"/>) of the decisions produced so far.</summary>
    internal ulong SlotsSeen { get; private set; }

    /// <summary>The merge slots produced more than once: resolution merges only when this is not zero.</summary>
    internal ulong SlotsRepeated { get; private set; }

    /// <summary>A bit per rule (its index in the pack's rules, id order), set for every rule that fired.</summary>
    internal ulong[] FiredBits { get; }

    /// <summary>The ids of the fired rules, written from <see cref="FiredBits"/> when first read (<see cref="Fired"/>).</summary>
    private string[] FiredArray { get; }

    /// <summary>How many rules fired: set by resolution (<see cref="CountFired"/>), which writes its trace after their entries.</summary>
    internal int FiredCount { get; private set; }

    internal TraceEntry[] TraceArray { get; }

    internal int TraceCount { get; set; }

    /// <summary>Copies the last result into an immutable <see cref="Verdict"/>.</summary>
    public Verdict ToVerdict()
    {
        // The rule-fired entries (the first FiredCount of the trace) are not copied: the verdict's trace makes them
        // from its fired list when read.
        var fired = Fired.ToArray();
        WriteTakenAway();
        var resolution = TraceCount > FiredCount ? TraceArray.AsSpan(FiredCount, TraceCount - FiredCount).ToArray() : [];
        return new Verdict(CaseId, Pack.Id, Decisions.ToArray(), GoodwillTotal, fired, new VerdictTrace(fired, resolution), Pack.Language);
    }

    internal void Reset(CareContext context)
    {
        _loaded = true; // the case id is read from the loaded context: no reference stored here
        OutputCount = 0;
        var kept = KeptBits;
        var produced = ProducedBits;
        for (int word = 0; word < kept.Length; word++)
        {
            kept[word] = 0; // resolution clears them; not when the last evaluation threw before it got there
            produced[word] = 0;
        }

        var fired = FiredBits;
        for (int word = 0; word < fired.Length; word++)
        {
            fired[word] = 0;
        }

        SlotsSeen = 0;
        SlotsRepeated = 0;
        FiredCount = 0;
        TraceCount = 0;
        _takenAwayCount = 0;
        _firedWritten = false;
        _firedTraced = false;
        GoodwillTotal = _zero;
        RuleContext.Load(context);
    }

    /// <summary>The decisions produced in this evaluation, in production order (for explanations and analysis).</summary>
    internal ProducedDecisions Produced => new(this);

    /// <summary>Records a rule whose condition holds (the general engine; the fused methods keep the bits of their rules in a local).</summary>
    internal void AddFired(CompiledRule rule) => FiredBits[rule.Index >> 6] |= 1UL << rule.Index;

    /// <summary>
    /// Counts the fired rules and makes room for their trace entries, before resolution writes its own: the first
    /// <see cref="FiredCount"/> entries of the trace are the rule-fired ones (written when the trace is read).
    /// </summary>
    internal void CountFired()
    {
        FiredCount = BitCount(FiredBits);
        TraceCount = FiredCount;
    }

    private static int BitCount(ulong[] words)
    {
        int n = 0;
        foreach (ulong word in words)
        {
            n += System.Numerics.BitOperations.PopCount(word);
        }

        return n;
    }

    private void WriteFired()
    {
        var rules = Pack.CompiledRules;
        var bits = FiredBits;
        int n = 0;
        for (int word = 0; word < bits.Length; word++)
        {
            for (ulong set = bits[word]; set != 0; set &= set - 1)
            {
                FiredArray[n++] = rules[(word << 6) + System.Numerics.BitOperations.TrailingZeroCount(set)].Id;
            }
        }

        FiredCount = n;
        _firedWritten = true;
    }

    internal void AddDecision(CompiledOutcome outcome, in Money? value, in Instant? instant)
    {
        int rank = outcome.Rank;
        System.Diagnostics.Debug.Assert(ReferenceEquals(ByRank[rank].Outcome, outcome), "the buffer's decision of a rank holds that rank's outcome");
        Decision.WriteValues(ref ByRank[rank], value, instant);

        // A produced decision is a bit of its rank and of its production position, and its merge slot (0 for an outcome that cannot merge).
        int position = outcome.Position;
        ulong slot = outcome.SlotBit;
        KeptBits[rank >> 6] |= 1UL << rank;
        ProducedBits[position >> 6] |= 1UL << position;
        SlotsRepeated |= SlotsSeen & slot;
        SlotsSeen |= slot;
    }

    /// <summary>
    /// Adds the merge slots one fused method produced (its <paramref name="seen"/> slots, and those it produced more
    /// than once) to the evaluation's: a slot is repeated when repeated in one method or seen by two.
    /// </summary>
    internal void AddSlots(ulong seen, ulong repeated)
    {
        SlotsRepeated |= repeated | (SlotsSeen & seen);
        SlotsSeen |= seen;
    }

    /// <summary>Writes a decision's value and instant at its rank (for the fused methods, which mark it in their locals).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Put(Decision[] byRank, int rank, Money? value, Instant? instant) => Decision.WriteValues(ref byRank[rank], value, instant);

    /// <summary>Marks the decision at a rank as having neither value nor instant (for the fused methods).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void PutPlain(Decision[] byRank, int rank) => Decision.ClearValues(ref byRank[rank]);

    /// <summary>ORs a fused method's bits of one word into a bit array.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Or(ulong[] words, int word, ulong bits) => words[word] |= bits;

    /// <summary>Removes a produced decision from the result (resolution: suppressed, merged away or cut by the cap).</summary>
    internal void Remove(int rank) => KeptBits[rank >> 6] &= ~(1UL << rank);

    /// <summary>True while the decision of this rank is produced and not removed.</summary>
    internal bool IsKept(int rank) => (KeptBits[rank >> 6] & (1UL << rank)) != 0;

    internal void AddTrace(in TraceEntry entry) => TraceArray[TraceCount++] = entry;

    /// <summary>
    /// Traces a decision resolution took away — suppressed by the rule of index <paramref name="cause"/>, or merged into
    /// the decision of rank <paramref name="cause"/> (<paramref name="kind"/> says which) — at the next place of the
    /// trace. Recorded as three numbers; the entry is written when the trace is read (<see cref="WriteTakenAway()"/>):
    /// a decision taken away keeps its value to the end of the evaluation, and the rule ids are the pack's.
    /// </summary>
    internal void TakeAway(TraceKind kind, int rank, int cause) => _takenAway[_takenAwayCount++] = new TakenAway(TraceCount++, kind, rank, cause);

    /// <summary>Writes the trace entries of the decisions taken away (<see cref="TakeAway"/>) into their places.</summary>
    private void WriteTakenAway()
    {
        for (int i = 0; i < _takenAwayCount; i++)
        {
            var t = _takenAway[i];
            string cause = t.Kind == TraceKind.GoodwillSuppressed ? Pack.CompiledRules[t.Cause].Id : ByRank[t.Cause].RuleId;
            ref readonly var d = ref ByRank[t.Rank];
            TraceArray[t.At] = new TraceEntry(t.Kind, d.RuleId, cause, d.Type, d.Offer, before: d.Value);
        }

        _takenAwayCount = 0;
    }

    /// <summary>A decision taken away, waiting to be written into the trace at <see cref="At"/>.</summary>
    private readonly record struct TakenAway(int At, TraceKind Kind, int Rank, int Cause);

    /// <summary>The produced decisions of a buffer in production order; <c>foreach</c> over it allocates nothing.</summary>
    internal readonly ref struct ProducedDecisions(EvaluationBuffer buffer)
    {
        public Enumerator GetEnumerator() => new(buffer);

        /// <summary>Walks the set bits of <see cref="ProducedBits"/>.</summary>
        public ref struct Enumerator(EvaluationBuffer buffer)
        {
            private readonly ulong[] _words = buffer.ProducedBits;
            private readonly int[] _rankByPosition = buffer.Pack.RankByPosition;
            private int _word = -1;
            private ulong _rest;
            private int _rank;

            public readonly ref readonly Decision Current => ref buffer.ByRank[_rank];

            public bool MoveNext()
            {
                while (_rest == 0)
                {
                    if (++_word >= _words.Length)
                    {
                        return false;
                    }

                    _rest = _words[_word];
                }

                int position = (_word << 6) + System.Numerics.BitOperations.TrailingZeroCount(_rest);
                _rest &= _rest - 1;
                _rank = _rankByPosition[position];
                return true;
            }
        }
    }
}
