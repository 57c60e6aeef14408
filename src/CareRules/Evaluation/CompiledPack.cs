using System.Runtime.CompilerServices;
using CareRules.Model;
using CareRules.Authoring;
using CareRules.Time;
using NodaTime;

namespace CareRules.Evaluation;

/// <summary>
/// A built pack: rules frozen into arrays of compiled delegates sorted by id, parameters resolved, reasons fixed.
/// Evaluation is one pass over the rules followed by resolution (catalog section 2). Sealed, immutable and
/// thread-safe: build it once and share it; evaluate from any number of threads.
/// </summary>
/// <remarks>
/// Conditions and decision functions given as expression trees (workflow JSON packs, the C# Standard pack) are
/// interpreted at first, so a build compiles nothing and the first answer is quick; after the pack's first
/// 32 evaluations they are compiled to IL in the background and swapped in
/// atomically. Verdicts are the same before and after. Call <see cref="Optimize"/> to compile at once, e.g. before
/// a latency-sensitive service takes traffic.
/// </remarks>
public sealed class CompiledPack
{
    [ThreadStatic]
    private static EvaluationBuffer? t_buffer;

    private readonly CompiledRule[] _rules;
    private readonly FusedRules? _fused;
    private readonly int _maxDecisions;
    private readonly int _maxTrace;
    private readonly int _rankCount;
    private readonly Lock _optimizing = new();
    private int _evaluations;
    private volatile bool _optimized;

    /// <summary>
    /// How many evaluations a pack answers interpreted before it asks to be compiled in the background (see the
    /// remarks of <see cref="CompiledPack"/>).
    /// </summary>
    internal const int OptimizeAfterEvaluations = 32;

    internal CompiledPack(string name, string version, ParameterValues parameters, BusinessCalendar calendar, CompiledRule[] rules, bool fuse = true)
    {
        Name = name;
        Version = version;
        Id = name + "@" + version;
        Parameters = parameters;
        Calendar = calendar;
        _rules = rules;
        Currency = parameters.Currency;
        MinMeaningfulGift = parameters.Money(CoreParameters.MinMeaningfulGift);
        MaxGoodwillShareOfOrder = parameters.Get(CoreParameters.MaxGoodwillShareOfOrder);
        GoodwillBudget90Days = parameters.Get(CoreParameters.GoodwillBudget90Days);
        Language = parameters.Get(CoreParameters.Language);
        int outcomes = 0;
        var infos = new RuleInfo[rules.Length];
        var all = new List<CompiledOutcome>();
        for (int i = 0; i < rules.Length; i++)
        {
            var r = rules[i];
            r.Index = i;
            outcomes += r.Outcomes.Length;
            all.AddRange(r.Outcomes);
            infos[i] = new RuleInfo(r.Id, r.Description, r.Priority, r.SuppressesGoodwill, r.CapMultiplier, Array.ConvertAll(r.Outcomes, o => o.Type));
        }

        // Every field of the canonical order is fixed per outcome, so order them all once, here, and let resolution
        // compare ranks instead of types, priorities and rule ids.
        BudgetExhaustedStop = Resolution.CreateBudgetExhaustedStop(Language);
        all.Add(BudgetExhaustedStop);
        for (int i = 0; i < all.Count; i++)
        {
            all[i].Position = i;
        }

        all.Sort(CompiledOutcome.CanonicalOrder);
        var slots = new Dictionary<int, int>();
        foreach (var outcome in all)
        {
            slots[outcome.SlotKey] = slots.GetValueOrDefault(outcome.SlotKey) + 1;
        }

        _rankCount = all.Count;
        int words = (all.Count + 63) / 64;
        OutcomesByRank = [.. all];
        RankByPosition = new int[all.Count];
        GoodwillRanks = new ulong[words];
        GoodwillPositions = new ulong[words];
        NoGoodwillStopRanks = new ulong[words];
        var slotIndex = new Dictionary<int, int>();
        var mergeSlots = new List<MergeSlot>();
        for (int i = 0; i < all.Count; i++)
        {
            var outcome = all[i];
            outcome.Rank = i;
            RankByPosition[outcome.Position] = i;
            if (outcome.IsGoodwill)
            {
                GoodwillRanks[i >> 6] |= 1UL << i;
                GoodwillPositions[outcome.Position >> 6] |= 1UL << outcome.Position;
            }

            if (outcome.Type == DecisionType.Stop && outcome.Stop == StopKind.NoGoodwill)
            {
                NoGoodwillStopRanks[i >> 6] |= 1UL << i;
            }

            if (slots[outcome.SlotKey] > 1)
            {
                if (!slotIndex.TryGetValue(outcome.SlotKey, out int index))
                {
                    slotIndex[outcome.SlotKey] = index = mergeSlots.Count;
                    mergeSlots.Add(new MergeSlot(outcome));
                }

                outcome.SlotBit = 1UL << index;
            }
        }

        // The catalog's vocabulary makes at most 28 merge slots (5 stops, 4 targets, 8 offers, 6 notifications, 5 advices).
        if (mergeSlots.Count > 64)
        {
            throw new InvalidOperationException($"A pack has at most 64 merge slots; this one has {mergeSlots.Count}.");
        }

        MergeSlots = [.. mergeSlots];
        SlotRanks = new ulong[mergeSlots.Count * words];
        for (int i = 0; i < all.Count; i++)
        {
            if (all[i].SlotBit != 0)
            {
                SlotRanks[(slotIndex[all[i].SlotKey] * words) + (i >> 6)] |= 1UL << i;
            }
        }

        // Of the fired rules, the suppressor that counts is the one of highest priority, the cap raiser the one with the
        // largest multiplier, the first in id order on a tie: listed in that order, the first one fired is the one.
        Suppressors = [.. rules.Where(r => r.SuppressesGoodwill).OrderByDescending(r => r.Priority)];
        CapRaisers = [.. rules.Where(r => r.RaisesCap).OrderByDescending(r => r.CapMultiplier)];
        SuppressorBits = RuleBits(Suppressors, rules.Length);
        CapRaiserBits = RuleBits(CapRaisers, rules.Length);
        Rules = infos;
        _fused = fuse ? FusedRules.TryCreate(rules) : null;
        _optimized = _fused is null && !all.Exists(o => o.IsTiered);
        _maxDecisions = outcomes + 1; // + the stop no-goodwill resolution may add
        _maxTrace = rules.Length + (2 * _maxDecisions) + 4;
    }

    /// <summary>The pack's name.</summary>
    public string Name { get; }

    /// <summary>The pack's version.</summary>
    public string Version { get; }

    /// <summary><c>name@version</c>, as verdicts name their pack.</summary>
    public string Id { get; }

    /// <summary>The resolved parameter values.</summary>
    public ParameterValues Parameters { get; }

    /// <summary>The language of the pack's reasons and descriptions (parameter <c>language</c>), fixed when it was built.</summary>
    public Language Language { get; }

    /// <summary>The business calendar (time zone, working hours, holidays).</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>The enabled rules, in id order.</summary>
    public IReadOnlyList<RuleInfo> Rules { get; }

    /// <summary>
    /// The pack's currency (the <c>currency</c> parameter, <see cref="ParameterValues.Currency"/>): every amount of a
    /// context evaluated by this pack, and every value it decides, is in it.
    /// </summary>
    public Currency Currency { get; }

    internal Money MinMeaningfulGift { get; }

    internal decimal MaxGoodwillShareOfOrder { get; }

    internal decimal GoodwillBudget90Days { get; }

    /// <summary>Every outcome of the pack (the stop resolution may add included), by <see cref="CompiledOutcome.Rank"/>.</summary>
    internal CompiledOutcome[] OutcomesByRank { get; }

    /// <summary>The rank of the outcome at each production position (<see cref="CompiledOutcome.Position"/>).</summary>
    internal int[] RankByPosition { get; }

    /// <summary>A bit per rank, set for goodwill outcomes (suppressible, capped).</summary>
    internal ulong[] GoodwillRanks { get; }

    /// <summary>A bit per production position, set for goodwill outcomes.</summary>
    internal ulong[] GoodwillPositions { get; }

    /// <summary>
    /// The merge slots that more than one outcome of the pack fill, in the canonical order of their first outcome, with
    /// how their duplicates merge. Slot <c>k</c> has the bit <c>k</c> (<see cref="CompiledOutcome.SlotBit"/>).
    /// </summary>
    internal MergeSlot[] MergeSlots { get; }

    /// <summary>A bit per rank, set for <c>stop no-goodwill</c> outcomes.</summary>
    internal ulong[] NoGoodwillStopRanks { get; }

    /// <summary>For each of the <see cref="MergeSlots"/>, a bit per rank of its outcomes: the words of slot <c>k</c> start at <c>k × words</c>.</summary>
    internal ulong[] SlotRanks { get; }

    /// <summary>A bit per rule (<see cref="CompiledRule.Index"/>), set for the <see cref="Suppressors"/>.</summary>
    internal ulong[] SuppressorBits { get; }

    /// <summary>A bit per rule (<see cref="CompiledRule.Index"/>), set for the <see cref="CapRaisers"/>.</summary>
    internal ulong[] CapRaiserBits { get; }

    /// <summary>The rules that suppress goodwill, highest priority first (id order on a tie).</summary>
    internal CompiledRule[] Suppressors { get; }

    /// <summary>The rules that raise the goodwill cap, largest multiplier first (id order on a tie).</summary>
    internal CompiledRule[] CapRaisers { get; }

    /// <summary>The outcome of the <c>stop no-goodwill</c> decision resolution adds when the goodwill budget is exhausted.</summary>
    internal CompiledOutcome BudgetExhaustedStop { get; }

    /// <summary>The compiled rules, in id order (for tests that walk every text of a pack).</summary>
    internal IReadOnlyList<CompiledRule> CompiledRules => _rules;

    /// <summary>True when the pack runs as fused methods (<see cref="FusedRules"/>) rather than its loop over the rules; for tests.</summary>
    internal bool IsFused => _fused is not null;

    /// <summary>The fused methods, if the pack has them; for tests.</summary>
    internal FusedRules? Fused => _fused;

    /// <summary>True once the pack runs compiled code only (<see cref="Optimize"/>); for tests.</summary>
    internal bool IsOptimized => _optimized;

    /// <summary>Keeps the pack interpreted unless <see cref="Optimize"/> is called (it never asks for background compilation): for tests and benchmarks of the interpreted tier.</summary>
    internal CompiledPack KeepInterpreted()
    {
        _evaluations = int.MinValue;
        return this;
    }

    /// <summary>
    /// Compiles the pack's interpreted conditions and decision functions to IL now, and swaps them in; returns when
    /// done (at once when it already is). Evaluation goes on meanwhile, from any thread, and gives the same verdicts.
    /// Without it a pack compiles itself in the background after its first 32
    /// evaluations. Where dynamic code is only interpreted (NativeAOT) it does nothing. A workflow pack whose conditions
    /// or functions throw on many contexts is compiled again, in the background, with their exception handlers
    /// (docs/architecture.md); calling this then does it at once.
    /// </summary>
    /// <returns>This pack.</returns>
    public CompiledPack Optimize()
    {
        if (_optimized && _fused is not { WantsHandlers: true })
        {
            return this;
        }

        lock (_optimizing)
        {
            if (_fused is { WantsHandlers: true } lean)
            {
                lean.Compile(); // with the exception handlers back
            }

            if (!_optimized)
            {
                if (_fused is { } fused)
                {
                    // The fused methods hold the outcome functions too; their own delegates serve explanations only and stay as they are.
                    fused.Compile();
                }
                else
                {
                    foreach (var rule in _rules)
                    {
                        foreach (var outcome in rule.Outcomes)
                        {
                            outcome.Optimize();
                        }
                    }
                }

                _optimized = true;
            }
        }

        return this;
    }

    private static ulong[] RuleBits(CompiledRule[] rules, int ruleCount)
    {
        var bits = new ulong[(ruleCount + 63) / 64];
        foreach (var rule in rules)
        {
            bits[rule.Index >> 6] |= 1UL << rule.Index;
        }

        return bits;
    }

    /// <summary>Creates a result buffer sized for this pack, for allocation-free evaluation. Use one per thread.</summary>
    public EvaluationBuffer CreateBuffer() => new(this, _maxDecisions, _rules.Length, _maxTrace, _rankCount);

    /// <summary>Evaluates a context and returns an immutable verdict.</summary>
    /// <exception cref="CareRulesValidationException">The context's amounts are not in the pack's currency.</exception>
    public Verdict Evaluate(CareContext context)
    {
        var buffer = t_buffer;
        if (buffer is null || !ReferenceEquals(buffer.Pack, this))
        {
            t_buffer = buffer = CreateBuffer();
        }

        Evaluate(context, buffer);
        return buffer.ToVerdict();
    }

    /// <summary>
    /// Evaluates a context into a caller-provided buffer (from <see cref="CreateBuffer"/>); allocates nothing once the
    /// buffer exists. The result stays in the buffer until its next use.
    /// </summary>
    /// <exception cref="ArgumentException">The buffer belongs to another pack.</exception>
    /// <exception cref="CareRulesValidationException">The context's amounts are not in the pack's currency.</exception>
    public void Evaluate(CareContext context, EvaluationBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(buffer);
        if (!ReferenceEquals(buffer.Pack, this))
        {
            ThrowForeignBuffer(buffer);
        }

        if (context.Currency != Currency)
        {
            ThrowWrongCurrency(context);
        }

        if (!_optimized && ++_evaluations == OptimizeAfterEvaluations)
        {
            // Counted without a lock: a lost increment only delays the request; a second request is harmless.
            PackOptimizer.Enqueue(this);
        }

        buffer.Reset(context);
        var rc = buffer.RuleContext;
        if (_fused is { } fused)
        {
            // One method per 64 rules runs the conditions and produces the decisions of the rules that hold, in id order.
            if (!fused.TryRun(rc, buffer))
            {
                // The compiled fused methods run without their parts' exception handlers (FusedRules.WithoutHandlers):
                // evaluate this context again rule by rule, each condition and function with its handlers; an
                // exception nothing handles propagates. A pack that falls back often gets its handlers compiled back.
                if (fused.RecordFallback())
                {
                    PackOptimizer.Enqueue(this);
                }

                buffer.Reset(context);
                RunRules(rc, buffer);
            }
        }
        else
        {
            RunRules(rc, buffer);
        }

        Resolution.Resolve(this, buffer);
    }

    /// <summary>The general engine: every rule's condition in id order, and the decisions of those that hold.</summary>
    private void RunRules(RuleContext rc, EvaluationBuffer buffer)
    {
        var rules = _rules;
        for (int r = 0; r < rules.Length; r++)
        {
            var rule = rules[r];
            if (rule.Condition(rc))
            {
                Fire(rule, rc, buffer);
            }
        }
    }

    /// <summary>
    /// The decisions <paramref name="rule"/> produces for <paramref name="context"/> before resolution, into
    /// <paramref name="buffer"/> (its decision array), as if its condition held: for explanations, never on the hot path.
    /// </summary>
    internal static void Produce(CompiledRule rule, CareContext context, EvaluationBuffer buffer)
    {
        buffer.Reset(context);
        Fire(rule, buffer.RuleContext, buffer);
    }

    /// <summary>Records a rule whose condition holds and produces its decisions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fire(CompiledRule rule, RuleContext rc, EvaluationBuffer buffer)
    {
        buffer.AddFired(rule);
        var outcomes = rule.Outcomes;

        // Outcomes of one rule that share a value or instant function (e.g. "call and write within 2 business
        // hours") get its result computed once: rule functions are pure functions of the context.
        Func<RuleContext, Instant?>? lastInstantOf = null;
        Instant? lastInstant = null;
        for (int o = 0; o < outcomes.Length; o++)
        {
            var outcome = outcomes[o];
            if (outcome.When is { } when && !when(rc))
            {
                continue;
            }

            var value = outcome.ValueOf is { } valueOf ? valueOf(rc) : outcome.FixedValue;
            Instant? instant = null;
            if (outcome.InstantOf is { } instantOf)
            {
                if (!ReferenceEquals(instantOf, lastInstantOf))
                {
                    lastInstant = instantOf(rc);
                    lastInstantOf = instantOf;
                }

                instant = lastInstant;
            }

            buffer.AddDecision(outcome, value, instant);
        }
    }

    /// <summary>Checks that a context can be evaluated by this pack; returns every problem (empty when fine).</summary>
    public IReadOnlyList<ValidationError> Check(CareContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<ValidationError>();
        void CheckMoney(string path, Money m)
        {
            if (m.Currency != Currency)
            {
                errors.Add(new ValidationError(path + ".currency", $"expected {Currency} (the pack's currency), was {m.Currency}."));
            }
        }

        CheckMoney("customer.lifetimeValue", context.Customer.LifetimeValue);
        CheckMoney("customer.goodwillLast90Days", context.Customer.GoodwillLast90Days);
        if (context.Order is { } order)
        {
            CheckMoney("order.total", order.Total);
        }

        return errors;
    }

    private void ThrowForeignBuffer(EvaluationBuffer buffer) =>
        throw new ArgumentException($"The buffer was created by pack '{buffer.Pack.Id}', not by '{Id}'.", nameof(buffer));

    private void ThrowWrongCurrency(CareContext context) =>
        throw new CareRulesValidationException($"Context for pack '{Id}'", Check(context));
}
