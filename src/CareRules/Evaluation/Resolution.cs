using System.Numerics;
using System.Runtime.CompilerServices;
using CareRules.Model;
using NodaTime;

namespace CareRules.Evaluation;

/// <summary>
/// Resolution of the raw decisions of one evaluation (catalog section 2), in place in the buffer, allocation-free:
/// <list type="number">
/// <item>Suppression: when a fired rule suppresses goodwill, every goodwill offer goes (legal remedies and apologies stay).</item>
/// <item>Merging: duplicates of the same offer kind keep the larger (a legal one beats a goodwill one); identical
/// stops, notifications and advice keep one; one escalation per target with the highest priority and the earliest
/// due-by. Offers are merged before the cap so that a duplicate never uses up goodwill room.</item>
/// <item>Goodwill cap: <c>min(maxGoodwillShareOfOrder × order.total, goodwillBudget90Days − customer.goodwillLast90Days)</c>,
/// never below zero, both limits multiplied by the largest cap multiplier of a fired rule. Offers are kept from the
/// highest priority down; the first that does not fit is reduced to the room left (a reduced discount keeps its
/// percent, its value becomes the most it may be worth) or dropped when that room is below
/// <c>minMeaningfulGift</c>; every offer after it is dropped. When the budget room is below the minimum meaningful
/// gift and goodwill was cut away entirely, a <c>stop no-goodwill</c> decision (rule <c>resolution.goodwill-budget</c>) is added.</item>
/// <item>Order: by type (stop, escalate, compensate, notify, advise); escalations by urgency first; then rule priority
/// (higher first), rule id (ordinal), and the outcome's position in its rule.</item>
/// </list>
/// </summary>
internal static class Resolution
{
    /// <summary>The rule id of the decision resolution adds when the goodwill budget is exhausted.</summary>
    public const string GoodwillBudgetRuleId = "resolution.goodwill-budget";

    /// <summary>The reason of the <c>stop no-goodwill</c> decision resolution adds, in every language.</summary>
    internal static readonly Authoring.Text BudgetExhaustedReason = Authoring.Text.Of(
        "The customer's goodwill budget for the last 90 days is used up, so no goodwill is offered this time.",
        "Budżet gestów dobrej woli dla tego klienta na ostatnie 90 dni jest już wykorzystany, więc tym razem nie proponujemy rekompensaty z dobrej woli.");

    /// <summary>
    /// The outcome of the <c>stop no-goodwill</c> decision added when the budget is exhausted (one per pack, ranked with
    /// the rest), its reason in the pack's language.
    /// </summary>
    public static CompiledOutcome CreateBudgetExhaustedStop(Model.Language language) => new(
        GoodwillBudgetRuleId,
        int.MinValue,
        0,
        new Authoring.OutcomeDefinition { Type = DecisionType.Stop, Reason = BudgetExhaustedReason.In(language) ?? BudgetExhaustedReason.ToString(), Stop = StopKind.NoGoodwill });

    public static void Resolve(CompiledPack pack, EvaluationBuffer b)
    {
        var kept = b.KeptBits;
        b.CountFired(); // the trace goes on after the rule-fired entries

        // 1. Suppression: every goodwill offer goes, traced in production order. Most evaluations produce no goodwill
        // and need not look for the suppressor.
        var goodwillRanks = pack.GoodwillRanks;
        bool anyGoodwill = Any(kept, goodwillRanks);
        if (anyGoodwill && FirstFired(pack.Suppressors, pack.SuppressorBits, b.FiredBits) is { } suppressor)
        {
            Suppress(pack, b, suppressor);
            anyGoodwill = false;
        }

        // 2. Merging of duplicates, among the decisions whose outcome shares its slot with another outcome of the
        // pack (the others cannot meet a duplicate), in production order. Only slots produced more than once can hold
        // a duplicate; most evaluations have none.
        if (b.SlotsRepeated is var repeated and not 0)
        {
            Merge(pack, b, repeated);
        }

        // 3. Goodwill cap, when goodwill is left (else the goodwill total stays the zero the buffer's reset set).
        if (anyGoodwill && Any(kept, goodwillRanks))
        {
            CapGoodwill(pack, b);
        }

        // 4. Canonical order. Every outcome got a unique rank in that order when the pack was built, and each kept
        // decision has the bit of its rank set (set when produced, cleared when removed), so reading the bits back
        // gives the order: no comparisons, each decision copied once.
        var output = b.OutputArray;
        var byRank = b.ByRank;
        int n = 0;
        for (int word = 0; word < kept.Length; word++)
        {
            ulong set = kept[word];
            kept[word] = 0;
            while (set != 0)
            {
                int rank = (word << 6) + BitOperations.TrailingZeroCount(set);
                set &= set - 1;
                Decision.Copy(ref output[n++], byRank[rank]);
            }
        }

        b.OutputCount = n;
    }

    /// <summary>
    /// Merges duplicates, slot by slot, among the slots produced more than once: of a slot's kept decisions the one
    /// to keep is the first in canonical order, or for offers the <see cref="Larger"/> one; every other is merged into
    /// it, in canonical order. Masks, not comparisons in production order: the kept decision is known before any is
    /// taken away, so each removed one names the decision that stays in the verdict.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Merge(CompiledPack pack, EvaluationBuffer b, ulong repeated)
    {
        var kept = b.KeptBits;
        var slotRanks = pack.SlotRanks;
        var slots = pack.MergeSlots;
        var d = b.ByRank;
        int words = kept.Length;
        for (; repeated != 0; repeated &= repeated - 1)
        {
            int k = BitOperations.TrailingZeroCount(repeated);
            int at = k * words;
            int count = 0;
            int winner = -1;
            ref readonly var slot = ref slots[k];
            for (int w = 0; w < words; w++)
            {
                ulong members = kept[w] & slotRanks[at + w];
                count += BitOperations.PopCount(members);
                if (winner < 0 && members != 0)
                {
                    winner = (w << 6) + BitOperations.TrailingZeroCount(members);
                }
            }

            if (count < 2)
            {
                continue;
            }

            if (slot.KeepLarger)
            {
                for (int w = 0; w < words; w++)
                {
                    for (ulong members = kept[w] & slotRanks[at + w]; members != 0; members &= members - 1)
                    {
                        int i = (w << 6) + BitOperations.TrailingZeroCount(members);
                        if (Larger(d, i, winner))
                        {
                            winner = i;
                        }
                    }
                }
            }

            for (int w = 0; w < words; w++)
            {
                for (ulong members = kept[w] & slotRanks[at + w]; members != 0; members &= members - 1)
                {
                    int i = (w << 6) + BitOperations.TrailingZeroCount(members);
                    if (i != winner)
                    {
                        MergeInto(b, winner, i, slot);
                        b.Remove(i);
                    }
                }
            }
        }
    }

    /// <summary>The cap proper, when goodwill is left: apart from <see cref="Resolve"/> so that its money and trace temporaries do not weigh on every evaluation.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CapGoodwill(CompiledPack pack, EvaluationBuffer b)
    {
        var d = b.ByRank;
        var kept = b.KeptBits;
        var goodwillRanks = pack.GoodwillRanks;
        var currency = pack.Currency;
        var rc = b.RuleContext;
        decimal multiplier = 1m;
        if (FirstFired(pack.CapRaisers, pack.CapRaiserBits, b.FiredBits) is { } raiser)
        {
            multiplier = raiser.CapMultiplier;
            b.AddTrace(new TraceEntry(TraceKind.CapRaised, raiser.Id, raiser.Id, factor: multiplier));
        }

        decimal budgetRoom = (pack.GoodwillBudget90Days * multiplier) - rc.Customer.GoodwillLast90Days.Amount;
        decimal cap = budgetRoom;
        if (rc.Order is { } order)
        {
            decimal shareCap = decimal.Round(order.Total.Amount * pack.MaxGoodwillShareOfOrder * multiplier, 2, MidpointRounding.AwayFromZero);
            cap = Math.Min(cap, shareCap);
        }

        cap = Math.Max(cap, 0m);
        var capMoney = new Money(cap, currency);
        decimal minGift = pack.MinMeaningfulGift.Amount;

        // Keep order: highest rule priority first, then rule id, then outcome position — the canonical rank among offers.
        decimal remaining = cap;
        decimal total = 0m;
        bool overflowed = false;
        for (int word = 0; word < kept.Length; word++)
        {
            for (ulong set = kept[word] & goodwillRanks[word]; set != 0; set &= set - 1)
            {
                int i = (word << 6) + BitOperations.TrailingZeroCount(set);
                decimal v = d[i].AmountOr(0m);

                // An offer without a value is kept only while the room left is at least minMeaningfulGift (catalog 7.16).
                if (!overflowed && (d[i].Value is null ? remaining >= minGift : v <= remaining))
                {
                    remaining -= v;
                    total += v;
                    continue;
                }

                if (!overflowed)
                {
                    overflowed = true;
                    if (remaining > 0m && remaining >= minGift)
                    {
                        var reduced = new Money(remaining, currency);
                        b.AddTrace(new TraceEntry(TraceKind.CapReduced, d[i].RuleId, null, DecisionType.Compensate, d[i].Offer, before: d[i].Value, after: reduced, limit: capMoney));
                        d[i] = d[i].WithValue(reduced);
                        total += remaining;
                        remaining = 0m;
                        continue;
                    }

                    b.Remove(i);
                    b.AddTrace(remaining > 0m
                        ? new TraceEntry(TraceKind.BelowMinimumDropped, d[i].RuleId, null, DecisionType.Compensate, d[i].Offer, before: d[i].Value, after: new Money(remaining, currency), limit: pack.MinMeaningfulGift)
                        : new TraceEntry(TraceKind.CapDropped, d[i].RuleId, null, DecisionType.Compensate, d[i].Offer, before: d[i].Value, limit: capMoney));
                    continue;
                }

                b.Remove(i);
                b.AddTrace(new TraceEntry(TraceKind.CapDropped, d[i].RuleId, null, DecisionType.Compensate, d[i].Offer, before: d[i].Value, limit: capMoney));
            }
        }

        b.GoodwillTotal = new Money(total, currency);
        if (total == 0m && budgetRoom < minGift && !Any(b.KeptBits, pack.NoGoodwillStopRanks))
        {
            b.AddTrace(new TraceEntry(TraceKind.BudgetExhausted, GoodwillBudgetRuleId, limit: new Money(Math.Max(budgetRoom, 0m), currency)));
            b.AddDecision(pack.BudgetExhaustedStop, null, null);
        }
    }

    /// <summary>True when a word of <paramref name="bits"/> shares a bit with the same word of <paramref name="mask"/>.</summary>
    private static bool Any(ulong[] bits, ulong[] mask)
    {
        bool any = false;
        for (int word = 0; word < bits.Length; word++)
        {
            any |= (bits[word] & mask[word]) != 0;
        }

        return any;
    }

    /// <summary>The first of <paramref name="rules"/> (whose bits are <paramref name="bits"/>) that fired, or null.</summary>
    private static CompiledRule? FirstFired(CompiledRule[] rules, ulong[] bits, ulong[] fired)
    {
        if (!Any(fired, bits))
        {
            return null;
        }

        foreach (var rule in rules)
        {
            int index = rule.Index;
            if ((fired[index >> 6] & (1UL << index)) != 0)
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>Removes every goodwill decision, traced in production order: apart from <see cref="Resolve"/>, which most evaluations leave without it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Suppress(CompiledPack pack, EvaluationBuffer b, CompiledRule suppressor)
    {
        var produced = b.ProducedBits;
        var goodwill = pack.GoodwillPositions;
        var rankByPosition = pack.RankByPosition;
        for (int word = 0; word < produced.Length; word++)
        {
            for (ulong set = produced[word] & goodwill[word]; set != 0; set &= set - 1)
            {
                int rank = rankByPosition[(word << 6) + BitOperations.TrailingZeroCount(set)];
                b.Remove(rank);
                b.TakeAway(TraceKind.GoodwillSuppressed, rank, suppressor.Index);
            }
        }
    }

    /// <summary>Merges the loser into the winner (the winner keeps the earlier due-by of the two where its slot says so) and traces it.</summary>
    private static void MergeInto(EvaluationBuffer b, int winner, int loser, in MergeSlot slot)
    {
        var d = b.ByRank;
        ref var kept = ref d[winner];
        ref readonly var gone = ref d[loser];
        if (slot.EarliestDueBy && gone.At is { } theirs && (kept.At is not { } ours || theirs < ours))
        {
            Decision.WriteInstant(ref kept, theirs);
        }

        b.TakeAway(slot.TraceKind, loser, winner);
    }

    /// <summary>
    /// For offers of one kind (<see cref="DecisionMerge.KeepLarger"/>): true when the decision of rank <paramref name="a"/>
    /// should be kept rather than that of rank <paramref name="b"/> — a legal one, then the larger value (none loses),
    /// then the earlier canonical rank.
    /// </summary>
    private static bool Larger(Decision[] d, int a, int b)
    {
        ref readonly var da = ref d[a];
        ref readonly var db = ref d[b];
        if (da.Legal != db.Legal)
        {
            return da.Legal;
        }

        decimal av = da.AmountOr(-1m);
        decimal bv = db.AmountOr(-1m);
        return av != bv ? av > bv : a < b;
    }
}
