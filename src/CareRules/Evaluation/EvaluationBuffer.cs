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
    private bool _firedTraced;

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
        FiredArray = new string[maxFired];
        TraceArray = new TraceEntry[maxTrace];
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
    public ReadOnlySpan<string> Fired => FiredArray.AsSpan(0, FiredCount);

    /// <summary>The trace of the last evaluation: a <see cref="TraceKind.RuleFired"/> entry per fired rule, then what resolution did.</summary>
    /// <remarks>The rule-fired entries are written when the trace is first read, so an evaluation whose trace is never read does not pay for them.</remarks>
    public ReadOnlySpan<TraceEntry> Trace
    {
        get
        {
            if (!_firedTraced)
            {
                for (int i = 0; i < FiredCount; i++)
                {
                    TraceArray[i] = new TraceEntry(TraceKind.RuleFired, FiredArray[i]);
                }

                _firedTraced = true;
            }

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
    internal int DecisionCount { get; private set; }

    /// <summary>The resolved decisions, in canonical order.</summary>
    internal Decision[] OutputArray { get; }

    internal int OutputCount { get; set; }

    /// <summary>The merge slots (<see cref="CompiledOutcome.SlotBit"/>) of the decisions produced so far.</summary>
    internal ulong SlotsSeen { get; private set; }

    /// <summary>The merge slots produced more than once: resolution merges only when this is not zero.</summary>
    internal ulong SlotsRepeated { get; private set; }

    internal string[] FiredArray { get; }

    internal int FiredCount { get; set; }

    internal TraceEntry[] TraceArray { get; }

    internal int TraceCount { get; set; }

    /// <summary>The highest-priority fired rule that suppresses goodwill, if any.</summary>
    internal CompiledRule? SuppressedBy { get; set; }

    /// <summary>The fired rule with the largest goodwill cap multiplier, if any raised it.</summary>
    internal CompiledRule? CapRaisedBy { get; set; }

    /// <summary>Copies the last result into an immutable <see cref="Verdict"/>.</summary>
    public Verdict ToVerdict()
    {
        // The rule-fired entries (the first FiredCount of the trace) are not copied: the verdict's trace makes them
        // from its fired list when read.
        var fired = Fired.ToArray();
        var resolution = TraceCount > FiredCount ? TraceArray.AsSpan(FiredCount, TraceCount - FiredCount).ToArray() : [];
        return new Verdict(CaseId, Pack.Id, Decisions.ToArray(), GoodwillTotal, fired, new VerdictTrace(fired, resolution), Pack.Language);
    }

    internal void Reset(CareContext context)
    {
        _loaded = true; // the case id is read from the loaded context: no reference stored here
        DecisionCount = 0;
        OutputCount = 0;
        var kept = KeptBits;
        var produced = ProducedBits;
        for (int word = 0; word < kept.Length; word++)
        {
            kept[word] = 0; // resolution clears them; not when the last evaluation threw before it got there
            produced[word] = 0;
        }

        SlotsSeen = 0;
        SlotsRepeated = 0;
        FiredCount = 0;
        TraceCount = 0;
        _firedTraced = false;
        SuppressedBy = null;
        CapRaisedBy = null;
        GoodwillTotal = _zero;
        RuleContext.Load(context);
    }

    /// <summary>The decisions produced in this evaluation, in production order (for explanations and analysis).</summary>
    internal ProducedDecisions Produced => new(this);

    internal void AddFired(CompiledRule rule)
    {
        // Its rule-fired trace entry takes its place now and is written when the trace is read (see Trace): rules fire
        // before resolution writes any entry, so the first FiredCount entries are always the rule-fired ones.
        FiredArray[FiredCount++] = rule.Id;
        TraceCount++;
        if (rule.SuppressesGoodwill && (SuppressedBy is null || rule.Priority > SuppressedBy.Priority))
        {
            SuppressedBy = rule;
        }

        if (rule.RaisesCap && (CapRaisedBy is null || rule.CapMultiplier > CapRaisedBy.CapMultiplier))
        {
            CapRaisedBy = rule;
        }
    }

    internal void AddDecision(CompiledOutcome outcome, in Money? value, in Instant? instant)
    {
        int rank = outcome.Rank;
        System.Diagnostics.Debug.Assert(ReferenceEquals(ByRank[rank].Outcome, outcome), "the buffer's decision of a rank holds that rank's outcome");
        Decision.WriteValues(ref ByRank[rank], value, instant);
        Mark(rank, outcome.Position, outcome.SlotBit);
    }

    /// <summary>
    /// <see cref="AddDecision"/> for a decision without a value or instant, for the fused rules, which pass the
    /// outcome's rank, position and merge slot as constants: inlined, it is a few stores and no call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddPlain(int rank, int position, ulong slot)
    {
        Decision.ClearValues(ref ByRank[rank]);
        Mark(rank, position, slot);
    }

    /// <summary>Records a produced decision by its rank and position, and its merge slot (0 for an outcome that cannot merge).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Mark(int rank, int position, ulong slot)
    {
        KeptBits[rank >> 6] |= 1UL << rank;
        ProducedBits[position >> 6] |= 1UL << position;
        DecisionCount++;
        SlotsRepeated |= SlotsSeen & slot;
        SlotsSeen |= slot;
    }

    /// <summary><see cref="AddDecision"/> with its arguments by value, for the fused rules' expression trees.</summary>
    internal void AddDecisionOf(CompiledOutcome outcome, Money? value, Instant? instant) => AddDecision(outcome, value, instant);

    /// <summary>
    /// <see cref="AddFired"/> for a rule that neither suppresses goodwill nor raises the cap, for the fused rules: its
    /// id is a constant of the fused method.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddFiredId(string ruleId)
    {
        FiredArray[FiredCount++] = ruleId;
        TraceCount++;
    }

    /// <summary>Removes a produced decision from the result (resolution: suppressed, merged away or cut by the cap).</summary>
    internal void Remove(int rank) => KeptBits[rank >> 6] &= ~(1UL << rank);

    /// <summary>True while the decision of this rank is produced and not removed.</summary>
    internal bool IsKept(int rank) => (KeptBits[rank >> 6] & (1UL << rank)) != 0;

    internal void AddTrace(in TraceEntry entry) => TraceArray[TraceCount++] = entry;

    /// <summary>The next trace entry, to be written in place (<see cref="TraceEntry.WriteTakenAway"/>).</summary>
    internal ref TraceEntry NextTrace() => ref TraceArray[TraceCount++];

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
