using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Benchmarks.HandWritten;

/// <summary>The fixed fields of one <see cref="Slot"/>: what the hand-written code would otherwise write as literals.</summary>
public sealed record SlotInfo(
    DecisionType Type,
    string RuleId,
    string Reason,
    OfferKind Offer = default,
    decimal? Percent = null,
    bool Legal = false,
    StopKind Stop = default,
    EscalationTarget To = default,
    EscalationPriority Priority = default,
    NotifyChannel Channel = default,
    NotifyMessage Message = default,
    AdviceKind Advice = default,
    int? OfferPriority = null)
{
    /// <summary>Indexed by <see cref="Slot"/>; the reasons are the Standard pack's with its default parameters.</summary>
    public static IReadOnlyList<SlotInfo> All { get; } = Create();

    internal static SlotInfo[] Table { get; } = [.. All];

    private static SlotInfo[] Create()
    {
        var t = new SlotInfo[Enum.GetValues<Slot>().Length];

        static SlotInfo Stop(string rule, StopKind stop, string reason) => new(DecisionType.Stop, rule, reason, Stop: stop);
        static SlotInfo Escalate(string rule, EscalationTarget to, EscalationPriority priority, string reason) => new(DecisionType.Escalate, rule, reason, To: to, Priority: priority);
        static SlotInfo Compensate(string rule, OfferKind offer, string reason, bool legal = false, decimal? percent = null, int? offerPriority = null) => new(DecisionType.Compensate, rule, reason, Offer: offer, Legal: legal, Percent: percent, OfferPriority: offerPriority);
        static SlotInfo Notify(string rule, NotifyChannel channel, NotifyMessage message, string reason) => new(DecisionType.Notify, rule, reason, Channel: channel, Message: message);
        static SlotInfo Advise(string rule, AdviceKind advice, string reason) => new(DecisionType.Advise, rule, reason, Advice: advice);

        t[(int)Slot.AbusiveStop] = Stop(RuleIds.BoundaryAbusive, StopKind.PoliteDecline, "The customer is abusive, so set a polite boundary and give no goodwill.");
        t[(int)Slot.ContactBoundaryStop] = Stop(RuleIds.BoundaryContactFrequency, StopKind.ContactBoundary, "The customer has contacted the shop 5 or more times in 7 days with no new facts, so offer one channel, one agent and a scheduled update.");
        t[(int)Slot.OffTopicStop] = Stop(RuleIds.BoundaryOffTopic, StopKind.PoliteDecline, "The request is unrelated to the purchase, so decline it politely.");
        t[(int)Slot.UnfoundedStop] = Stop(RuleIds.BoundaryUnfoundedComplaints, StopKind.NoGoodwill, "The customer made 3 or more unfounded complaints in 90 days, so no goodwill is given; legal remedies still apply.");
        t[(int)Slot.WithdrawalExemptStop] = Stop(RuleIds.WithdrawalOutOfWindow, StopKind.OutsideWithdrawalWindow, "The goods are made to order or personalised, so the statutory right of withdrawal does not apply (Consumer Rights Act art. 38).");
        t[(int)Slot.WithdrawalPeriodStop] = Stop(RuleIds.WithdrawalOutOfWindow, StopKind.OutsideWithdrawalWindow, "The statutory withdrawal period (14 days from delivery) has ended, so the return cannot be accepted as a withdrawal (Consumer Rights Act art. 27).");
        t[(int)Slot.InvestigateHold] = Stop(RuleIds.LostParcelInvestigate, StopKind.HoldPendingCarrierClaim, "Tracking says the parcel was delivered, so the claim is held while the carrier investigates, for at most 14 days.");
        t[(int)Slot.ThirdPartyStop] = Stop(RuleIds.FaultThirdParty, StopKind.NoGoodwill, "Under the firm stance the shop gives no goodwill for a problem a carrier or bank caused.");
        t[(int)Slot.BudgetStop] = Stop(RuleIds.ResolutionGoodwillBudget, StopKind.NoGoodwill, "The customer's goodwill budget for the last 90 days is used up, so no goodwill is offered this time.");

        t[(int)Slot.LegalThreatEscalation] = Escalate(RuleIds.EscalateLegalThreat, EscalationTarget.Legal, EscalationPriority.Urgent, "The customer threatens legal action or started a chargeback, so the legal team must handle it urgently.");
        t[(int)Slot.ComplaintEscalation] = Escalate(RuleIds.ComplaintDeadline, EscalationTarget.Supervisor, EscalationPriority.Urgent, "A statutory complaint is unanswered 10 or more days after it was made, so a supervisor must answer it before it is deemed accepted.");
        t[(int)Slot.PublicEscalation] = Escalate(RuleIds.EscalatePublicComplaint, EscalationTarget.PublicRelations, EscalationPriority.Urgent, "The complaint is public, so public relations must handle it urgently.");
        t[(int)Slot.StatutoryEscalation] = Escalate(RuleIds.DeliveryStatutoryDeadline, EscalationTarget.Manager, EscalationPriority.High, "The order is undelivered past the statutory delivery deadline, so a manager must take it over.");
        t[(int)Slot.VipEscalation] = Escalate(RuleIds.EscalateVipAtRisk, EscalationTarget.Manager, EscalationPriority.High, "A valuable customer had an incident and keeping them is far cheaper than winning a new one, so a manager takes the case.");
        t[(int)Slot.RepeatEscalation] = Escalate(RuleIds.EscalateRepeatIncidents, EscalationTarget.Supervisor, EscalationPriority.High, "The customer had 3 or more incidents in 90 days, so a supervisor must look at the whole relationship.");
        t[(int)Slot.InquiryEscalation] = Escalate(RuleIds.AvailabilityInquiryUnanswered, EscalationTarget.Supervisor, EscalationPriority.High, "An availability inquiry is unanswered past the reply SLA and the customer is about to buy elsewhere, so a supervisor must answer it now.");
        t[(int)Slot.SlaEscalation] = Escalate(RuleIds.ReplySlaBreached, EscalationTarget.Supervisor, EscalationPriority.High, "The case has waited 8h of business time without a first reply, so a supervisor must answer it now.");
        t[(int)Slot.AbusiveEscalation] = Escalate(RuleIds.BoundaryAbusive, EscalationTarget.Supervisor, EscalationPriority.Normal, "The customer is abusive, so a supervisor takes the conversation over.");

        t[(int)Slot.ComplaintReplacement] = Compensate(RuleIds.ComplaintDeadline, OfferKind.Replacement, "The statutory complaint was not answered in time, so it is deemed accepted and the requested replacement is owed.", legal: true);
        t[(int)Slot.ComplaintFullRefund] = Compensate(RuleIds.ComplaintDeadline, OfferKind.FullRefund, "The statutory complaint was not answered in time, so it is deemed accepted and the requested refund is owed.", legal: true);
        t[(int)Slot.ComplaintPartialRefund] = Compensate(RuleIds.ComplaintDeadline, OfferKind.PartialRefund, "The statutory complaint was not answered in time, so it is deemed accepted and the requested price reduction is owed.", legal: true);
        t[(int)Slot.ComplaintReship] = Compensate(RuleIds.ComplaintDeadline, OfferKind.Reship, "The statutory complaint was not answered in time, so it is deemed accepted and the requested reshipment is owed.", legal: true);
        t[(int)Slot.GoodsReplacement] = Compensate(RuleIds.DamageGoodsRemedy, OfferKind.Replacement, "The goods delivered are not in conformity with the contract, so the consumer is entitled to a replacement.", legal: true);
        t[(int)Slot.GoodsFullRefund] = Compensate(RuleIds.DamageGoodsRemedy, OfferKind.FullRefund, "The goods delivered are not in conformity with the contract and the customer asked for a refund, so refund in full.", legal: true);
        t[(int)Slot.GoodsApology] = Compensate(RuleIds.DamageGoodsRemedy, OfferKind.Apology, "The customer received damaged, incomplete or wrong goods, so apologise.");
        t[(int)Slot.StatutoryFullRefund] = Compensate(RuleIds.DeliveryStatutoryDeadline, OfferKind.FullRefund, "The order is undelivered past the statutory delivery deadline, so the consumer may end the contract and must be offered a full refund.", legal: true);
        t[(int)Slot.LostReship] = Compensate(RuleIds.LostParcelConfirmed, OfferKind.Reship, "The carrier reports the parcel lost or accepted the claim, and the shop carries the transit risk, so reship at once.", legal: true);
        t[(int)Slot.LostFullRefund] = Compensate(RuleIds.LostParcelConfirmed, OfferKind.FullRefund, "The carrier reports the parcel lost or accepted the claim, and the customer asked for a refund, so refund in full at once.", legal: true);
        t[(int)Slot.TrustedReship] = Compensate(RuleIds.LostParcelTrustedCustomer, OfferKind.Reship, "The parcel is reported delivered but missing, and the customer is a VIP or the carrier did not answer in time, so reship at once.", legal: true);
        t[(int)Slot.TrustedFullRefund] = Compensate(RuleIds.LostParcelTrustedCustomer, OfferKind.FullRefund, "The parcel is reported delivered but missing, the customer is a VIP or the carrier did not answer in time, and a refund was asked for, so refund in full.", legal: true);
        t[(int)Slot.WithdrawalFullRefund] = Compensate(RuleIds.WithdrawalInWindow, OfferKind.FullRefund, "The consumer withdrew within the statutory period, so refund the full price within 14 days.", legal: true);
        t[(int)Slot.WithdrawalDiscount] = Compensate(RuleIds.WithdrawalOutOfWindow, OfferKind.DiscountNextOrder, "The customer is a VIP and the shop is generous, so a 10% discount on the next order softens the refusal.", percent: 10m, offerPriority: 80);
        t[(int)Slot.DelayGift] = Compensate(RuleIds.DelayGift, OfferKind.GiftInParcel, "The order is late through no fault of the customer, so a small gift worth 20.00 PLN goes into the parcel.");
        t[(int)Slot.PackagingApology] = Compensate(RuleIds.DamagePackagingApology, OfferKind.Apology, "The parcel arrived in a damaged box, so apologise for the experience even though the goods are fine.");
        t[(int)Slot.PackagingFreeShipping] = Compensate(RuleIds.DamagePackagingApology, OfferKind.FreeShippingNextOrder, "Under the generous stance a damaged box also earns free shipping on the next order.");
        t[(int)Slot.PackagingDiscount] = Compensate(RuleIds.DamagePackagingApology, OfferKind.DiscountNextOrder, "Under the balanced and generous stances a damaged box earns a 10% discount on the next order.", percent: 10m);

        t[(int)Slot.DelayPhone] = Notify(RuleIds.DelayNotifyImmediately, NotifyChannel.Phone, NotifyMessage.DelayApology, "The order is past its promised date and the customer has not been told, so call them with an apology within 2 business hours.");
        t[(int)Slot.DelayEmail] = Notify(RuleIds.DelayNotifyImmediately, NotifyChannel.Email, NotifyMessage.DelayApology, "The order is past its promised date and the customer has not been told, so write to them with an apology within 2 business hours.");
        t[(int)Slot.AvailabilityEmail] = Notify(RuleIds.AvailabilityFirmDate, NotifyChannel.Email, NotifyMessage.AvailabilityDate, "An item waits for stock more than 14 days, so give the customer a firm date and the option to cancel for a full refund, without pushing a substitute.");

        t[(int)Slot.PublicResolvePrivately] = Advise(RuleIds.EscalatePublicComplaint, AdviceKind.ResolvePrivately, "Answer publicly once, politely, and move the conversation to a private channel.");
        t[(int)Slot.PublicNeverPublish] = Advise(RuleIds.EscalatePublicComplaint, AdviceKind.NeverPublishCorrespondence, "Never publish the customer's correspondence or personal data, whatever they post.");
        t[(int)Slot.InvestigateExplain] = Advise(RuleIds.LostParcelInvestigate, AdviceKind.ExplainThirdPartyCalmly, "Explain calmly that the carrier is investigating a parcel it reports delivered, and when the customer will hear back.");
        t[(int)Slot.ThirdPartyExplain] = Advise(RuleIds.FaultThirdParty, AdviceKind.ExplainThirdPartyCalmly, "A carrier or bank caused the problem, so explain their part calmly and what the shop is doing about it.");
        t[(int)Slot.PackagingNoBlame] = Advise(RuleIds.DamagePackagingApology, AdviceKind.ApologiseNoBlame, "Apologise for the damaged box without blaming the carrier or anyone else.");
        t[(int)Slot.AnswerFully] = Advise(RuleIds.ReplyAnswerFully, AdviceKind.AnswerFullyNoRedirect, "The answer is in the product description, so give it fully in the reply instead of sending the customer to read it.");
        return t;
    }
}
