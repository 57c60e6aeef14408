using System.Numerics;
using System.Runtime.CompilerServices;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Time;
using NodaTime;

namespace CareRules.Benchmarks.HandWritten;

/// <summary>
/// The Standard pack (catalog section 4, default parameters, any stance) written by hand as plain C# if/else: the
/// practical limit the engine is measured against. It gives the same decisions as
/// <c>StandardPack.Build(b => b.Set(StandardParameters.Stance, stance))</c> — type, rule, reason, every field, merges,
/// suppression, the goodwill cap and the canonical order — and the same fired rules and goodwill total, but no trace.
/// </summary>
/// <remarks>
/// What it exploits that a general engine cannot: the parameters are literals; each derived fact (today, the hold
/// end, "reply SLA elapsed", the withdrawal window) is computed at most once and only on the branch that needs it;
/// the rules are nested under the case kind; the few duplicate decisions the pack can produce are known, so merging
/// is a handful of mask operations; and every decision's sort key is fixed, so decisions are collected as bits of a
/// <see cref="Slot"/> mask and written out in bit order instead of sorted. Business-time and calendar arithmetic use
/// CareRules' public <see cref="BusinessCalendar"/>, as a hand-written shop would use some calendar: the comparison
/// measures the rules engine, not the calendar. Immutable and thread-safe; <see cref="HandWrittenResult"/> is not.
/// </remarks>
public sealed class HandWrittenStandardPack
{
    private const decimal SmallGift = 20m;
    private const decimal MinMeaningfulGift = 10m;
    private const decimal DiscountShare = 0.10m;
    private const decimal DiscountPercent = 10m;
    private const decimal FreeShippingValue = 15m;
    private const decimal VipLifetimeValue = 2000m;
    private const int VipOrders = 10;
    private const int ContactBoundary = 5;
    private const int UnfoundedComplaintLimit = 3;
    private const int RepeatIncidentLimit = 3;
    private const int WithdrawalPeriod = 14;
    private const int RefundDeadline = 14;
    private const int ComplaintDeadline = 14;
    private const int ComplaintWarnAt = 10;
    private const int CarrierClaimMaxHold = 14;
    private const int AvailabilityWait = 14;
    private const decimal MaxGoodwillShareOfOrder = 0.20m;
    private const decimal GoodwillBudget90Days = 300m;

    private static readonly Duration ReplySla = Duration.FromHours(8);
    private static readonly Duration NotifyWithin = Duration.FromHours(2);

    // Below these ages no local-date comparison can be true, whatever the offsets (Warsaw's differ by one hour).
    private static readonly Duration StatutoryDeliveryMinAge = Duration.FromDays(29);
    private static readonly Duration ComplaintWarnMinAge = Duration.FromDays(ComplaintWarnAt - 1);

    private const ulong GoodwillSlots = (1UL << (int)Slot.WithdrawalDiscount) | (1UL << (int)Slot.DelayGift)
        | (1UL << (int)Slot.PackagingFreeShipping) | (1UL << (int)Slot.PackagingDiscount);

    private const ulong PoliteDeclineSlots = (1UL << (int)Slot.AbusiveStop) | (1UL << (int)Slot.OffTopicStop);
    private const ulong NoGoodwillSlots = (1UL << (int)Slot.UnfoundedStop) | (1UL << (int)Slot.ThirdPartyStop);
    private const ulong ExplainSlots = (1UL << (int)Slot.InvestigateExplain) | (1UL << (int)Slot.ThirdPartyExplain);
    private const ulong ManagerSlots = (1UL << (int)Slot.StatutoryEscalation) | (1UL << (int)Slot.VipEscalation);

    private const ulong SupervisorSlots = (1UL << (int)Slot.ComplaintEscalation) | (1UL << (int)Slot.RepeatEscalation)
        | (1UL << (int)Slot.InquiryEscalation) | (1UL << (int)Slot.SlaEscalation) | (1UL << (int)Slot.AbusiveEscalation);

    private const ulong FullRefundSlots = (1UL << (int)Slot.ComplaintFullRefund) | (1UL << (int)Slot.GoodsFullRefund)
        | (1UL << (int)Slot.StatutoryFullRefund) | (1UL << (int)Slot.LostFullRefund) | (1UL << (int)Slot.TrustedFullRefund)
        | (1UL << (int)Slot.WithdrawalFullRefund);

    private readonly BusinessCalendar _calendar;
    private readonly DateTimeZone _zone;
    private readonly bool _generous;
    private readonly bool _firm;

    public HandWrittenStandardPack(Stance stance = Stance.Balanced)
    {
        _calendar = BusinessCalendar.Poland;
        _zone = _calendar.Zone;
        Stance = stance;
        _generous = stance == Stance.Generous;
        _firm = stance == Stance.Firm;
    }

    public Stance Stance { get; }

    /// <summary>Evaluates a context into <paramref name="result"/>; allocation-free.</summary>
    /// <exception cref="ArgumentException">The context's amounts are not in PLN.</exception>
    public void Evaluate(CareContext context, HandWrittenResult result)
    {
        if (context.Currency != Currency.Pln)
        {
            ThrowWrongCurrency();
        }

        var values = result.Values;
        var instants = result.Instants;
        ulong present = 0;     // decisions produced, by slot
        ulong hasValue = 0;    // slots whose value is set
        ulong hasAt = 0;       // slots whose due-by / until is set
        uint fired = 0;        // rules fired, by ordinal rule index
        bool suppress = false;
        bool capDoubled = false;

        var now = context.Now;
        var customer = context.Customer;
        var order = context.Order;
        var kase = context.Case;
        bool vip = customer.LifetimeValue.Amount >= VipLifetimeValue || customer.Orders >= VipOrders;
        LocalDate today = default;
        bool haveToday = false;

        if (customer.UnfoundedComplaintsLast90Days >= UnfoundedComplaintLimit)
        {
            fired |= 1u << 5; // boundary.unfounded-complaints
            suppress = true;
            present |= Bit(Slot.UnfoundedStop);
        }

        // Proactive rules: an order still on its way.
        if (order is not null && !order.IsDelivered && order.Tracking != TrackingStatus.Delivered && order.Status != OrderStatus.Cancelled)
        {
            today = now.InZone(_zone).Date;
            haveToday = true;
            if (order.PromisedBy is { } promised && today > promised)
            {
                if (kase is null || kase.Fault != Fault.Customer)
                {
                    fired |= 1u << 9; // delay.gift
                    present |= Bit(Slot.DelayGift);
                    hasValue |= Bit(Slot.DelayGift);
                    values[(int)Slot.DelayGift] = SmallGift;
                }

                if (!order.DelayNotified)
                {
                    fired |= 1u << 10; // delay.notify-immediately
                    var due = _calendar.AddBusinessTime(now, NotifyWithin);
                    present |= Bit(Slot.DelayPhone) | Bit(Slot.DelayEmail);
                    hasAt |= Bit(Slot.DelayPhone) | Bit(Slot.DelayEmail);
                    instants[(int)Slot.DelayPhone] = due;
                    instants[(int)Slot.DelayEmail] = due;
                }
            }

            if (order.BackorderUntil is { } until && DayNumber(until) - DayNumber(today) > AvailabilityWait)
            {
                fired |= 1u << 0; // availability.firm-date
                present |= Bit(Slot.AvailabilityEmail);
                hasAt |= Bit(Slot.AvailabilityEmail);
                instants[(int)Slot.AvailabilityEmail] = _calendar.AddBusinessTime(now, ReplySla);
            }

            if (now - order.PlacedAt >= StatutoryDeliveryMinAge)
            {
                var thirtyDays = order.PlacedAt.InZone(_zone).Date.PlusDays(30);
                var deadline = order.PromisedBy is { } p && p > thirtyDays ? p : thirtyDays;
                if (today > deadline)
                {
                    fired |= 1u << 11; // delivery.statutory-deadline
                    present |= Bit(Slot.StatutoryEscalation) | Bit(Slot.StatutoryFullRefund);
                    hasValue |= Bit(Slot.StatutoryFullRefund);
                    values[(int)Slot.StatutoryFullRefund] = order.Total.Amount;
                }
            }
        }

        if (kase is not null)
        {
            var flags = kase.Flags;
            var kind = kase.Kind;
            if ((flags & CaseFlags.Abusive) != 0)
            {
                fired |= 1u << 2; // boundary.abusive
                suppress = true;
                present |= Bit(Slot.AbusiveStop) | Bit(Slot.AbusiveEscalation);
            }

            if (customer.ContactsLast7Days >= ContactBoundary && (flags & CaseFlags.NoNewFacts) != 0)
            {
                fired |= 1u << 3; // boundary.contact-frequency
                present |= Bit(Slot.ContactBoundaryStop);
            }

            if ((flags & (CaseFlags.LegalThreat | CaseFlags.Chargeback)) != 0)
            {
                fired |= 1u << 12; // escalate.legal-threat
                present |= Bit(Slot.LegalThreatEscalation);
            }

            if (kase.Channel == ContactChannel.PublicSocial)
            {
                fired |= 1u << 13; // escalate.public-complaint
                present |= Bit(Slot.PublicEscalation) | Bit(Slot.PublicResolvePrivately) | Bit(Slot.PublicNeverPublish);
            }

            if (customer.IncidentsLast90Days >= RepeatIncidentLimit)
            {
                fired |= 1u << 14; // escalate.repeat-incidents
                present |= Bit(Slot.RepeatEscalation);
            }

            if (vip && kase.IsIncident)
            {
                fired |= 1u << 15; // escalate.vip-at-risk
                capDoubled = true;
                present |= Bit(Slot.VipEscalation);
            }

            if (kase.Fault is Fault.Carrier or Fault.Bank)
            {
                fired |= 1u << 16; // fault.third-party
                present |= Bit(Slot.ThirdPartyExplain);
                if (_firm)
                {
                    suppress = true;
                    present |= Bit(Slot.ThirdPartyStop);
                }
            }

            if (kase.FirstReplyAt is null && _calendar.HasElapsed(kase.OpenedAt, now, ReplySla))
            {
                fired |= 1u << 21; // reply.sla-breached
                present |= Bit(Slot.SlaEscalation);
                hasAt |= Bit(Slot.SlaEscalation);
                instants[(int)Slot.SlaEscalation] = now;
                if (kind == CaseKind.AvailabilityInquiry)
                {
                    fired |= 1u << 1; // availability.inquiry-unanswered
                    present |= Bit(Slot.InquiryEscalation);
                    hasAt |= Bit(Slot.InquiryEscalation);
                    instants[(int)Slot.InquiryEscalation] = now;
                }
            }

            switch (kind)
            {
                case CaseKind.OffTopic:
                    fired |= 1u << 4; // boundary.off-topic
                    present |= Bit(Slot.OffTopicStop);
                    break;

                case CaseKind.ProductQuestion:
                    if ((flags & CaseFlags.AnswerInProductDescription) != 0)
                    {
                        fired |= 1u << 20; // reply.answer-fully
                        present |= Bit(Slot.AnswerFully);
                    }

                    break;

                case CaseKind.DamagedPackaging:
                    fired |= 1u << 8; // damage.packaging-apology
                    present |= Bit(Slot.PackagingApology) | Bit(Slot.PackagingNoBlame);
                    if (!_firm)
                    {
                        present |= Bit(Slot.PackagingDiscount);
                        if (order is not null)
                        {
                            hasValue |= Bit(Slot.PackagingDiscount);
                            values[(int)Slot.PackagingDiscount] = Share(order.Total.Amount, DiscountShare);
                        }
                    }

                    if (_generous)
                    {
                        present |= Bit(Slot.PackagingFreeShipping);
                        hasValue |= Bit(Slot.PackagingFreeShipping);
                        values[(int)Slot.PackagingFreeShipping] = FreeShippingValue;
                    }

                    break;

                case CaseKind.DamagedGoods or CaseKind.MissingItem or CaseKind.WrongItem:
                    fired |= 1u << 7; // damage.goods-remedy
                    present |= Bit(Slot.GoodsApology);
                    if ((kase.Requests & CustomerRequests.FullRefund) != 0)
                    {
                        present |= Bit(Slot.GoodsFullRefund);
                        if (order is not null)
                        {
                            hasValue |= Bit(Slot.GoodsFullRefund);
                            values[(int)Slot.GoodsFullRefund] = order.Total.Amount;
                        }
                    }
                    else
                    {
                        present |= Bit(Slot.GoodsReplacement);
                    }

                    break;

                case CaseKind.LostParcel when order is not null:
                    bool refund = (kase.Requests & CustomerRequests.FullRefund) != 0;
                    if (order.Tracking == TrackingStatus.Lost || kase.CarrierClaim == CarrierClaimState.Accepted)
                    {
                        fired |= 1u << 17; // lost-parcel.confirmed
                        Remedy(ref present, ref hasValue, values, refund, Slot.LostReship, Slot.LostFullRefund, order.Total.Amount);
                    }
                    else if (order.Tracking == TrackingStatus.Delivered)
                    {
                        if (vip)
                        {
                            fired |= 1u << 19; // lost-parcel.trusted-customer
                            Remedy(ref present, ref hasValue, values, refund, Slot.TrustedReship, Slot.TrustedFullRefund, order.Total.Amount);
                        }
                        else
                        {
                            var holdEnd = _calendar.PlusLocalDays(kase.OpenedAt, CarrierClaimMaxHold);
                            if (now < holdEnd)
                            {
                                fired |= 1u << 18; // lost-parcel.investigate
                                present |= Bit(Slot.InvestigateHold) | Bit(Slot.InvestigateExplain);
                                hasAt |= Bit(Slot.InvestigateHold);
                                instants[(int)Slot.InvestigateHold] = holdEnd;
                            }
                            else if (kase.CarrierClaim is CarrierClaimState.None or CarrierClaimState.Open)
                            {
                                fired |= 1u << 19; // lost-parcel.trusted-customer
                                Remedy(ref present, ref hasValue, values, refund, Slot.TrustedReship, Slot.TrustedFullRefund, order.Total.Amount);
                            }
                        }
                    }

                    break;

                case CaseKind.Withdrawal when order is not null:
                    bool inWindow = false;
                    LocalDate opened = default;
                    if (!order.WithdrawalExempt)
                    {
                        opened = kase.OpenedAt.InZone(_zone).Date;
                        inWindow = true;
                        if (order.DeliveredAt is { } delivered)
                        {
                            var start = delivered.InZone(_zone).Date;
                            var end = _calendar.LegalPeriodEnd(start, WithdrawalPeriod);
                            if (!order.WithdrawalInformed)
                            {
                                end = _calendar.LegalPeriodEnd(end.PlusMonths(12), 0);
                            }

                            inWindow = opened <= end;
                        }
                    }

                    if (inWindow)
                    {
                        fired |= 1u << 22; // withdrawal.in-window
                        present |= Bit(Slot.WithdrawalFullRefund);
                        hasValue |= Bit(Slot.WithdrawalFullRefund);
                        hasAt |= Bit(Slot.WithdrawalFullRefund);
                        values[(int)Slot.WithdrawalFullRefund] = order.Total.Amount;
                        instants[(int)Slot.WithdrawalFullRefund] = _calendar.EndOfDay(_calendar.LegalPeriodEnd(opened, RefundDeadline));
                    }
                    else
                    {
                        fired |= 1u << 23; // withdrawal.out-of-window
                        present |= order.WithdrawalExempt ? Bit(Slot.WithdrawalExemptStop) : Bit(Slot.WithdrawalPeriodStop);
                        if (_generous && vip)
                        {
                            present |= Bit(Slot.WithdrawalDiscount);
                            hasValue |= Bit(Slot.WithdrawalDiscount);
                            values[(int)Slot.WithdrawalDiscount] = Share(order.Total.Amount, DiscountShare);
                        }
                    }

                    break;

                case CaseKind.StatutoryComplaint:
                    if (now - kase.OpenedAt >= ComplaintWarnMinAge)
                    {
                        if (!haveToday)
                        {
                            today = now.InZone(_zone).Date;
                        }

                        var openedOn = kase.OpenedAt.InZone(_zone).Date;
                        var lastDay = _calendar.LegalPeriodEnd(openedOn, ComplaintDeadline);
                        bool unanswered = kase.FirstReplyAt is null;
                        bool escalate = unanswered && DayNumber(today) - DayNumber(openedOn) >= ComplaintWarnAt;
                        bool deemedAccepted = today > lastDay && (unanswered || kase.FirstReplyAt!.Value.InZone(_zone).Date > lastDay);
                        if (escalate || deemedAccepted)
                        {
                            fired |= 1u << 6; // complaint.deadline
                        }

                        if (escalate)
                        {
                            present |= Bit(Slot.ComplaintEscalation);
                            hasAt |= Bit(Slot.ComplaintEscalation);
                            instants[(int)Slot.ComplaintEscalation] = _calendar.EndOfDay(lastDay);
                        }

                        if (deemedAccepted)
                        {
                            var requests = kase.Requests;
                            if (requests == CustomerRequests.None || (requests & CustomerRequests.Replacement) != 0)
                            {
                                present |= Bit(Slot.ComplaintReplacement);
                            }

                            if ((requests & CustomerRequests.FullRefund) != 0)
                            {
                                present |= Bit(Slot.ComplaintFullRefund);
                                if (order is not null)
                                {
                                    hasValue |= Bit(Slot.ComplaintFullRefund);
                                    values[(int)Slot.ComplaintFullRefund] = order.Total.Amount;
                                }
                            }

                            if ((requests & CustomerRequests.PartialRefund) != 0)
                            {
                                present |= Bit(Slot.ComplaintPartialRefund);
                            }

                            if ((requests & CustomerRequests.Reship) != 0)
                            {
                                present |= Bit(Slot.ComplaintReship);
                            }
                        }
                    }

                    break;
            }
        }

        // Resolution 1: suppression.
        if (suppress)
        {
            present &= ~GoodwillSlots;
        }

        // Resolution 2: merging. Only these slots can meet a duplicate in this pack; the lowest slot is the winner
        // (its order is the engine's "beats" order), except among full refunds, where the larger value wins first.
        present = KeepFirst(present, PoliteDeclineSlots);
        present = KeepFirst(present, NoGoodwillSlots);
        present = KeepFirst(present, ExplainSlots);
        present = KeepFirst(present, ManagerSlots);
        present = KeepFirstWithEarliest(present, ref hasAt, instants, SupervisorSlots);
        if (BitOperations.PopCount(present & FullRefundSlots) > 1)
        {
            present = MergeFullRefunds(present, hasValue, ref hasAt, values, instants);
        }

        // Resolution 3: goodwill cap (drop lowest priority first, reduce the last kept, drop below the minimum gift).
        decimal goodwillTotal = 0m;
        ulong goodwill = present & GoodwillSlots;
        if (goodwill != 0)
        {
            decimal multiplier = capDoubled ? 2m : 1m;
            decimal budgetRoom = (GoodwillBudget90Days * multiplier) - customer.GoodwillLast90Days.Amount;
            decimal cap = budgetRoom;
            if (order is not null)
            {
                cap = Math.Min(cap, decimal.Round(order.Total.Amount * MaxGoodwillShareOfOrder * multiplier, 2, MidpointRounding.AwayFromZero));
            }

            decimal remaining = Math.Max(cap, 0m);
            bool overflowed = false;
            while (goodwill != 0)
            {
                int slot = BitOperations.TrailingZeroCount(goodwill);
                goodwill &= goodwill - 1;
                bool valued = (hasValue & (1UL << slot)) != 0;
                decimal v = valued ? values[slot] : 0m;

                // An offer without a value is kept only while the room left is at least the minimum gift (7.16).
                if (!overflowed && (valued ? v <= remaining : remaining >= MinMeaningfulGift))
                {
                    remaining -= v;
                    goodwillTotal += v;
                    continue;
                }

                if (!overflowed)
                {
                    overflowed = true;
                    if (remaining > 0m && remaining >= MinMeaningfulGift)
                    {
                        values[slot] = remaining;
                        goodwillTotal += remaining;
                        remaining = 0m;
                        continue;
                    }
                }

                present &= ~(1UL << slot);
            }

            if (goodwillTotal == 0m && budgetRoom < MinMeaningfulGift && (present & NoGoodwillSlots) == 0)
            {
                present |= Bit(Slot.BudgetStop);
            }
        }

        // Resolution 4: canonical order is slot order.
        var decisions = result.DecisionArray;
        int n = 0;
        while (present != 0)
        {
            int slot = BitOperations.TrailingZeroCount(present);
            present &= present - 1;
            ulong bit = 1UL << slot;
            decisions[n++] = new HandDecision((Slot)slot, values[slot], (hasValue & bit) != 0, instants[slot], (hasAt & bit) != 0);
        }

        result.Count = n;
        result.FiredMask = fired;
        result.GoodwillTotal = goodwillTotal;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bit(Slot slot) => 1UL << (int)slot;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    private static decimal Share(decimal amount, decimal share) => decimal.Round(amount * share, 2, MidpointRounding.AwayFromZero);

    private static void Remedy(ref ulong present, ref ulong hasValue, decimal[] values, bool refund, Slot reship, Slot fullRefund, decimal total)
    {
        if (refund)
        {
            present |= Bit(fullRefund);
            hasValue |= Bit(fullRefund);
            values[(int)fullRefund] = total;
        }
        else
        {
            present |= Bit(reship);
        }
    }

    /// <summary>Of the present slots in <paramref name="group"/>, keeps the first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong KeepFirst(ulong present, ulong group)
    {
        ulong here = present & group;
        return present & ~(here & (here - 1)); // clears every bit but the lowest
    }

    /// <summary>Of the present slots in <paramref name="group"/>, keeps the first, with the earliest instant of them all.</summary>
    private static ulong KeepFirstWithEarliest(ulong present, ref ulong hasAt, Instant[] instants, ulong group)
    {
        ulong here = present & group;
        if ((here & (here - 1)) == 0)
        {
            return present;
        }

        int winner = BitOperations.TrailingZeroCount(here);
        EarliestInto(winner, here, ref hasAt, instants);
        return present & ~(here & (here - 1));
    }

    /// <summary>Full refunds: legal all, so the larger value wins, then the first slot; due-by is the earliest.</summary>
    private static ulong MergeFullRefunds(ulong present, ulong hasValue, ref ulong hasAt, decimal[] values, Instant[] instants)
    {
        ulong here = present & FullRefundSlots;
        int winner = -1;
        decimal best = 0m;
        for (ulong rest = here; rest != 0; rest &= rest - 1)
        {
            int slot = BitOperations.TrailingZeroCount(rest);
            decimal v = (hasValue & (1UL << slot)) != 0 ? values[slot] : -1m;
            if (winner < 0 || v > best)
            {
                winner = slot;
                best = v;
            }
        }

        EarliestInto(winner, here, ref hasAt, instants);
        return (present & ~here) | (1UL << winner);
    }

    private static void EarliestInto(int winner, ulong group, ref ulong hasAt, Instant[] instants)
    {
        bool found = false;
        Instant earliest = default;
        for (ulong rest = group & hasAt; rest != 0; rest &= rest - 1)
        {
            int slot = BitOperations.TrailingZeroCount(rest);
            if (!found || instants[slot] < earliest)
            {
                earliest = instants[slot];
                found = true;
            }
        }

        if (found)
        {
            instants[winner] = earliest;
            hasAt |= 1UL << winner;
        }
    }

    private static void ThrowWrongCurrency() =>
        throw new ArgumentException("Every amount of the context must be in PLN, the pack's currency.", "context");
}
