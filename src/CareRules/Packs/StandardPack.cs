using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Authoring;
using NodaTime;
using static CareRules.Packs.StandardFacts;
using P = CareRules.Packs.StandardParameters;

namespace CareRules.Packs;

/// <summary>
/// The Standard care pack (catalog section 4): the practice of five Polish customer-service essays and the EU and
/// Polish consumer law every shop selling to consumers must respect. Get it with <see cref="Build"/>, or start from
/// <see cref="CreateBuilder"/> to override parameters, disable rules by id or add rules of your own.
/// </summary>
public static class StandardPack
{
    /// <summary>The pack's name.</summary>
    public const string Name = "standard";

    /// <summary>The pack's version.</summary>
    public const string Version = "1.0.0";

    private static readonly Lazy<CompiledPack> LazyDefault = new(() => Build());

    /// <summary>The Standard pack with every default, built once.</summary>
    public static CompiledPack Default => LazyDefault.Value;

    /// <summary>The ids of the pack's rules, in catalog order.</summary>
    public static IReadOnlyList<string> RuleIds { get; } = CreateBuilder().RuleIds;

    /// <summary>Builds the pack, letting <paramref name="customize"/> override parameters, disable rules or add rules first.</summary>
    /// <exception cref="CareRulesValidationException">A customisation is invalid; every problem is listed.</exception>
    public static CompiledPack Build(Action<PackBuilder>? customize = null)
    {
        var builder = CreateBuilder();
        customize?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>A builder holding the whole pack: its parameters with their defaults and its rules.</summary>
    public static PackBuilder CreateBuilder()
    {
        var b = new PackBuilder(Name, Version);
        foreach (var p in P.All)
        {
            b.Define(p);
        }

        AddProactive(b);
        AddReplyTime(b);
        AddDamageLossWrongGoods(b);
        AddBoundaries(b);
        AddEscalation(b);
        return b;
    }

    private static void AddProactive(PackBuilder b)
    {
        b.Rule("delay.notify-immediately", r =>
        {
            // One function for both outcomes: the engine computes a due-by shared by outcomes of a rule once.
            Func<Authoring.RuleContext, Instant?> withinTwoBusinessHours = c => c.Calendar.AddBusinessTime(c.Now, Duration.FromHours(2));
            r.Description("A late order whose customer was not told: call and write at once with an apology (seed 002).")
                .Priority(150)
                .When(c => IsLate(c.Order, c.Today) && !c.Order!.DelayNotified)
                .Notify(NotifyChannel.Phone, NotifyMessage.DelayApology, "The order is past its promised date and the customer has not been told, so call them with an apology within 2 business hours.", withinTwoBusinessHours)
                .Notify(NotifyChannel.Email, NotifyMessage.DelayApology, "The order is past its promised date and the customer has not been told, so write to them with an apology within 2 business hours.", withinTwoBusinessHours);
        });

        b.Rule("delay.gift", (r, p) =>
        {
            var gift = Money.Max(p.Money(P.SmallGift), p.Money(CoreParameters.MinMeaningfulGift));
            r.Description("A late order not caused by the customer gets a small gift in the parcel, never a trinket (seeds 002, 001).")
                .Priority(100)
                .When(c => IsLate(c.Order, c.Today) && c.Case?.Fault != Fault.Customer)
                .Compensate(OfferKind.GiftInParcel, $"The order is late through no fault of the customer, so a small gift worth {gift} goes into the parcel.", gift);
        });

        b.Rule("availability.firm-date", (r, p) =>
        {
            int wait = p.Get(P.AvailabilityWait);
            var sla = p.Get(P.ReplySla);
            r.Description("A long backorder gets a firm date and the option to cancel for a full refund; never push a substitute (seed 001).")
                .Priority(110)
                .When(c => c.Order is { BackorderUntil: { } until } o && IsUndelivered(o) && until > c.Today.PlusDays(wait))
                .Notify(NotifyChannel.Email, NotifyMessage.AvailabilityDate, $"An item waits for stock more than {wait} days, so give the customer a firm date and the option to cancel for a full refund, without pushing a substitute.", c => c.Calendar.AddBusinessTime(c.Now, sla));
        });

        b.Rule("delivery.statutory-deadline", r => r
            .Description("Not delivered 30 days after placing, or after a later promised date: the consumer may end the contract (Directive 2011/83/EU art. 18).")
            .Priority(300)
            .When(c => c.Order is { } o && c.Now - o.PlacedAt > MinAgePast30LocalDays && IsPastStatutoryDelivery(c.Calendar, o, c.Today))
            .Escalate(EscalationTarget.Manager, EscalationPriority.High, "The order is undelivered past the statutory delivery deadline, so a manager must take it over.")
            .Compensate(OfferKind.FullRefund, "The order is undelivered past the statutory delivery deadline, so the consumer may end the contract and must be offered a full refund.", c => c.Order!.Total, legal: true));
    }

    /// <summary>
    /// A cheap bound checked before local dates are computed: today is more than 30 days after the local date an order
    /// was placed only when more than 30 days less the difference of two UTC offsets (at most 36 hours) have elapsed,
    /// so never within 27 days.
    /// </summary>
    private static readonly Duration MinAgePast30LocalDays = Duration.FromDays(27);

    private static void AddReplyTime(PackBuilder b)
    {
        b.Rule("reply.sla-breached", (r, p) =>
        {
            var sla = p.Get(P.ReplySla);
            r.Description("A case without a first reply after the reply SLA of business time goes to a supervisor (seed 002).")
                .Priority(200)
                .When(c => c.Case is { FirstReplyAt: null } k && c.Calendar.HasElapsed(k.OpenedAt, c.Now, sla))
                .Escalate(EscalationTarget.Supervisor, EscalationPriority.High, $"The case has waited {p.Format(P.ReplySla.Name)} of business time without a first reply, so a supervisor must answer it now.", c => c.Now);
        });

        b.Rule("reply.answer-fully", r => r
            .Description("A product question whose answer is in the product description is answered fully, not redirected (seed 002).")
            .Priority(50)
            .When(c => c.Case is { Kind: CaseKind.ProductQuestion } k && k.Has(CaseFlags.AnswerInProductDescription))
            .Advise(AdviceKind.AnswerFullyNoRedirect, "The answer is in the product description, so give it fully in the reply instead of sending the customer to read it."));

        b.Rule("availability.inquiry-unanswered", (r, p) =>
        {
            var sla = p.Get(P.ReplySla);
            r.Description("An unanswered availability inquiry past the reply SLA goes to a supervisor: the customer is about to buy elsewhere (seed 001).")
                .Priority(200)
                .When(c => c.Case is { Kind: CaseKind.AvailabilityInquiry, FirstReplyAt: null } k && c.Calendar.HasElapsed(k.OpenedAt, c.Now, sla))
                .Escalate(EscalationTarget.Supervisor, EscalationPriority.High, "An availability inquiry is unanswered past the reply SLA and the customer is about to buy elsewhere, so a supervisor must answer it now.", c => c.Now);
        });
    }

    private static void AddDamageLossWrongGoods(PackBuilder b)
    {
        b.Rule("damage.packaging-apology", (r, p) =>
        {
            var stance = p.Get(P.Stance);
            int percent = p.Get(P.NextOrderDiscountPercent);
            var shipping = p.Money(P.FreeShippingValue);
            r.Description("A damaged box with sound goods: apologise without blaming anyone, even when the carrier is at fault; goodwill by stance (seed 002).")
                .Priority(90)
                .When(c => c.Case is { Kind: CaseKind.DamagedPackaging })
                .Compensate(OfferKind.Apology, "The parcel arrived in a damaged box, so apologise for the experience even though the goods are fine.")
                .Advise(AdviceKind.ApologiseNoBlame, "Apologise for the damaged box without blaming the carrier or anyone else.");
            // The discount comes before free shipping, so that the cap fills it first: generous then never keeps less
            // goodwill than balanced (catalog 7.15).
            if (stance != Stance.Firm)
            {
                decimal share = percent / 100m;
                r.Compensate(OfferKind.DiscountNextOrder, $"Under the balanced and generous stances a damaged box earns a {percent}% discount on the next order.", c => c.Order?.Total.Multiply(share), percent: percent);
            }

            if (stance == Stance.Generous)
            {
                r.Compensate(OfferKind.FreeShippingNextOrder, "Under the generous stance a damaged box also earns free shipping on the next order.", shipping);
            }
        });

        b.Rule("damage.goods-remedy", r => r
            .Description("Damaged, missing or wrong goods are not in conformity with the contract: replace them, or refund on request, and apologise (seed 004; conformity law).")
            .Priority(300)
            .When(c => c.Case is { Kind: CaseKind.DamagedGoods or CaseKind.MissingItem or CaseKind.WrongItem })
            .Compensate(OfferKind.Replacement, "The goods delivered are not in conformity with the contract, so the consumer is entitled to a replacement.", legal: true, when: c => !c.Case!.Requested(CustomerRequests.FullRefund))
            .Compensate(OfferKind.FullRefund, "The goods delivered are not in conformity with the contract and the customer asked for a refund, so refund in full.", c => c.Order?.Total, legal: true, when: c => c.Case!.Requested(CustomerRequests.FullRefund))
            .Compensate(OfferKind.Apology, "The customer received damaged, incomplete or wrong goods, so apologise."));

        b.Rule("lost-parcel.confirmed", r => r
            .Description("The carrier reports the parcel lost or accepted the claim: the seller carries the transit risk until delivery, so reship or refund at once (Civil Code art. 548 §3).")
            .Priority(300)
            .When(c => c.Case is { Kind: CaseKind.LostParcel } k && c.Order is { } o && (o.Tracking == TrackingStatus.Lost || IsCarrierClaimAccepted(k)))
            .Compensate(OfferKind.Reship, "The carrier reports the parcel lost or accepted the claim, and the shop carries the transit risk, so reship at once.", legal: true, when: c => !c.Case!.Requested(CustomerRequests.FullRefund))
            .Compensate(OfferKind.FullRefund, "The carrier reports the parcel lost or accepted the claim, and the customer asked for a refund, so refund in full at once.", c => c.Order!.Total, legal: true, when: c => c.Case!.Requested(CustomerRequests.FullRefund)));

        b.Rule("lost-parcel.investigate", (r, p) =>
        {
            int hold = p.Get(P.CarrierClaimMaxHold);
            var isVip = VipOf(p);
            r.Description("Tracking says delivered but the customer says not: hold while the carrier investigates, at most the maximum hold, and explain calmly (seed 003).")
                .Priority(250)
                .When(c => c.Case is { Kind: CaseKind.LostParcel } k && c.Order is { Tracking: TrackingStatus.Delivered }
                    && !IsCarrierClaimAccepted(k) && !isVip(c.Customer) && c.Now < CarrierClaimHoldEnd(c.Calendar, k, hold))
                .Stop(StopKind.HoldPendingCarrierClaim, $"Tracking says the parcel was delivered, so the claim is held while the carrier investigates, for at most {hold} days.", c => CarrierClaimHoldEnd(c.Calendar, c.Case!, hold))
                .Advise(AdviceKind.ExplainThirdPartyCalmly, "Explain calmly that the carrier is investigating a parcel it reports delivered, and when the customer will hear back.");
        });

        b.Rule("lost-parcel.trusted-customer", (r, p) =>
        {
            int hold = p.Get(P.CarrierClaimMaxHold);
            var isVip = VipOf(p);
            r.Description("Tracking says delivered, but the customer is a VIP or the hold expired without the carrier's answer: reship at once (retention beats the risk; seed 004).")
                .Priority(300)
                .When(c => c.Case is { Kind: CaseKind.LostParcel } k && c.Order is { Tracking: TrackingStatus.Delivered } && !IsCarrierClaimAccepted(k)
                    && (isVip(c.Customer)
                        || (k.CarrierClaim is CarrierClaimState.None or CarrierClaimState.Open && c.Now >= CarrierClaimHoldEnd(c.Calendar, k, hold))))
                .Compensate(OfferKind.Reship, "The parcel is reported delivered but missing, and the customer is a VIP or the carrier did not answer in time, so reship at once.", legal: true, when: c => !c.Case!.Requested(CustomerRequests.FullRefund))
                .Compensate(OfferKind.FullRefund, "The parcel is reported delivered but missing, the customer is a VIP or the carrier did not answer in time, and a refund was asked for, so refund in full.", c => c.Order!.Total, legal: true, when: c => c.Case!.Requested(CustomerRequests.FullRefund));
        });

        b.Rule("fault.third-party", (r, p) =>
        {
            bool firm = p.Get(P.Stance) == Stance.Firm;
            r.Description("A carrier or bank is at fault: explain the third party's part calmly; the firm stance gives no goodwill for it (seed 003 comments).")
                .Priority(120)
                .When(c => c.Case is { Fault: Fault.Carrier or Fault.Bank })
                .Advise(AdviceKind.ExplainThirdPartyCalmly, "A carrier or bank caused the problem, so explain their part calmly and what the shop is doing about it.");
            if (firm)
            {
                r.SuppressGoodwill().Stop(StopKind.NoGoodwill, "Under the firm stance the shop gives no goodwill for a problem a carrier or bank caused.");
            }
        });
    }

    private static void AddBoundaries(PackBuilder b)
    {
        b.Rule("boundary.contact-frequency", (r, p) =>
        {
            int limit = p.Get(P.ContactBoundary);
            r.Description("An intrusive customer repeating what was answered: one channel, one agent, a scheduled update (seed 000 point 2).")
                .Priority(350)
                .When(c => c.Customer.ContactsLast7Days >= limit && c.Case is { } k && k.Has(CaseFlags.NoNewFacts))
                .Stop(StopKind.ContactBoundary, $"The customer has contacted the shop {limit} or more times in 7 days with no new facts, so offer one channel, one agent and a scheduled update.");
        });

        b.Rule("boundary.off-topic", r => r
            .Description("A request unrelated to the purchase is declined politely (seed 000 point 2).")
            .Priority(340)
            .When(c => c.Case is { Kind: CaseKind.OffTopic })
            .Stop(StopKind.PoliteDecline, "The request is unrelated to the purchase, so decline it politely."));

        b.Rule("boundary.abusive", r => r
            .Description("An abusive customer gets a polite boundary, no goodwill, and a supervisor (seed 000 point 4, seed 003 comments).")
            .Priority(400)
            .When(c => c.Case is { } k && k.Has(CaseFlags.Abusive))
            .SuppressGoodwill()
            .Stop(StopKind.PoliteDecline, "The customer is abusive, so set a polite boundary and give no goodwill.")
            .Escalate(EscalationTarget.Supervisor, EscalationPriority.Normal, "The customer is abusive, so a supervisor takes the conversation over."));

        b.Rule("boundary.unfounded-complaints", (r, p) =>
        {
            int limit = p.Get(P.UnfoundedComplaintLimit);
            r.Description("Repeated unfounded complaints: the customer is not always right; no goodwill, legal remedies stay (seed 000 points 3 and 5).")
                .Priority(330)
                .When(c => c.Customer.UnfoundedComplaintsLast90Days >= limit)
                .SuppressGoodwill()
                .Stop(StopKind.NoGoodwill, $"The customer made {limit} or more unfounded complaints in 90 days, so no goodwill is given; legal remedies still apply.");
        });

        b.Rule("withdrawal.in-window", (r, p) =>
        {
            int period = p.Get(P.WithdrawalPeriod);
            int refundDays = p.Get(P.RefundDeadline);
            r.Description("A withdrawal within the statutory period, goods not exempt: refund in full within the refund deadline (Directive art. 9, 13; Consumer Rights Act art. 27, 32).")
                .Priority(300)
                .When(c => WithdrawalInWindow(c.Calendar, c.Case, c.Order, period))
                .Compensate(OfferKind.FullRefund, $"The consumer withdrew within the statutory period, so refund the full price within {refundDays} days.", c => c.Order!.Total, legal: true,
                    dueBy: c => RefundDueBy(c.Calendar, c.Case!, refundDays));
        });

        b.Rule("withdrawal.out-of-window", (r, p) =>
        {
            int period = p.Get(P.WithdrawalPeriod);
            bool generous = p.Get(P.Stance) == Stance.Generous;
            int percent = p.Get(P.NextOrderDiscountPercent);
            var isVip = VipOf(p);
            decimal share = percent / 100m;
            r.Description("A withdrawal after the statutory period, or of exempt goods, is declined with the legal reason; a VIP under the generous stance gets a discount.")
                .Priority(280)
                .When(c => c.Case is { Kind: CaseKind.Withdrawal } && c.Order is not null && !WithdrawalInWindow(c.Calendar, c.Case, c.Order, period))
                .Stop(StopKind.OutsideWithdrawalWindow, "The goods are made to order or personalised, so the statutory right of withdrawal does not apply (Consumer Rights Act art. 38).", when: c => c.Order!.WithdrawalExempt)
                .Stop(StopKind.OutsideWithdrawalWindow, $"The statutory withdrawal period ({period} days from delivery) has ended, so the return cannot be accepted as a withdrawal (Consumer Rights Act art. 27).", when: c => !c.Order!.WithdrawalExempt);
            if (generous)
            {
                r.Compensate(OfferKind.DiscountNextOrder, $"The customer is a VIP and the shop is generous, so a {percent}% discount on the next order softens the refusal.", c => c.Order!.Total.Multiply(share), percent: percent,
                    when: c => isVip(c.Customer));
            }
        });
    }

    private static void AddEscalation(PackBuilder b)
    {
        b.Rule("escalate.public-complaint", r => r
            .Description("A complaint anyone can read goes to public relations at once; resolve it privately and never publish correspondence (seed 003).")
            .Priority(260)
            .When(c => c.Case is { Channel: ContactChannel.PublicSocial })
            .Escalate(EscalationTarget.PublicRelations, EscalationPriority.Urgent, "The complaint is public, so public relations must handle it urgently.")
            .Advise(AdviceKind.ResolvePrivately, "Answer publicly once, politely, and move the conversation to a private channel.")
            .Advise(AdviceKind.NeverPublishCorrespondence, "Never publish the customer's correspondence or personal data, whatever they post."));

        b.Rule("escalate.vip-at-risk", (r, p) =>
        {
            var isVip = VipOf(p);
            r.Description("A VIP with an incident is at risk: a manager takes it and the goodwill caps of the case double (seed 004).")
                .Priority(220)
                .When(c => c.Case is { IsIncident: true } && isVip(c.Customer))
                .MultiplyGoodwillCap(2m)
                .Escalate(EscalationTarget.Manager, EscalationPriority.High, "A valuable customer had an incident and keeping them is far cheaper than winning a new one, so a manager takes the case.");
        });

        b.Rule("escalate.repeat-incidents", (r, p) =>
        {
            int limit = p.Get(P.RepeatIncidentLimit);
            r.Description("Repeated incidents in 90 days go to a supervisor: one bad experience needs twelve good ones (seed 004).")
                .Priority(210)
                .When(c => c.Case is not null && c.Customer.IncidentsLast90Days >= limit)
                .Escalate(EscalationTarget.Supervisor, EscalationPriority.High, $"The customer had {limit} or more incidents in 90 days, so a supervisor must look at the whole relationship.");
        });

        b.Rule("escalate.legal-threat", r => r
            .Description("A legal threat or a chargeback goes to the legal team at once.")
            .Priority(380)
            .When(c => c.Case is { } k && (k.Has(CaseFlags.LegalThreat) || k.Has(CaseFlags.Chargeback)))
            .Escalate(EscalationTarget.Legal, EscalationPriority.Urgent, "The customer threatens legal action or started a chargeback, so the legal team must handle it urgently."));

        b.Rule("complaint.deadline", (r, p) =>
        {
            int days = p.Get(P.ComplaintResponseDeadline);
            int warnAt = Math.Max(0, days - 4);
            r.Description("A statutory complaint unanswered near its deadline goes to a supervisor; unanswered past it, it is deemed accepted (Consumer Rights Act art. 7a).")
                .Priority(300)
                .When(c => IsComplaintEscalationDue(c.Calendar, c.Case, c.Today, days) || IsComplaintDeemedAccepted(c.Calendar, c.Case, c.Today, days))
                .Escalate(EscalationTarget.Supervisor, EscalationPriority.Urgent, $"A statutory complaint is unanswered {warnAt} or more days after it was made, so a supervisor must answer it before it is deemed accepted.",
                    c => c.Calendar.EndOfDay(ComplaintResponseEnd(c.Calendar, c.Case!, days)), when: c => c.Case!.FirstReplyAt is null)
                .Compensate(OfferKind.Replacement, "The statutory complaint was not answered in time, so it is deemed accepted and the requested replacement is owed.", legal: true,
                    when: c => IsComplaintDeemedAccepted(c.Calendar, c.Case, c.Today, days) && (c.Case!.Requested(CustomerRequests.Replacement) || c.Case.Requests == CustomerRequests.None))
                .Compensate(OfferKind.FullRefund, "The statutory complaint was not answered in time, so it is deemed accepted and the requested refund is owed.", c => c.Order?.Total, legal: true,
                    when: c => IsComplaintDeemedAccepted(c.Calendar, c.Case, c.Today, days) && c.Case!.Requested(CustomerRequests.FullRefund))
                .Compensate(OfferKind.PartialRefund, "The statutory complaint was not answered in time, so it is deemed accepted and the requested price reduction is owed.", legal: true,
                    when: c => IsComplaintDeemedAccepted(c.Calendar, c.Case, c.Today, days) && c.Case!.Requested(CustomerRequests.PartialRefund))
                .Compensate(OfferKind.Reship, "The statutory complaint was not answered in time, so it is deemed accepted and the requested reshipment is owed.", legal: true,
                    when: c => IsComplaintDeemedAccepted(c.Calendar, c.Case, c.Today, days) && c.Case!.Requested(CustomerRequests.Reship));
        });
    }

    /// <summary>"VIP": lifetime value at least <c>vipLifetimeValue</c> or orders at least <c>vipOrders</c>.</summary>
    private static Func<Customer, bool> VipOf(ParameterValues p)
    {
        decimal lifetimeValue = p.Get(P.VipLifetimeValue);
        int orders = p.Get(P.VipOrders);
        return c => IsVip(c, lifetimeValue, orders);
    }
}
