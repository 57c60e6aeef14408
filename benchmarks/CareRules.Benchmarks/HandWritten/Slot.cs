namespace CareRules.Benchmarks.HandWritten;

/// <summary>
/// Every decision the Standard pack (defaults, any stance) can produce, numbered in the engine's canonical order:
/// by type (stop, escalate, compensate, notify, advise); escalations by urgency first; then rule priority (higher
/// first), rule id (ordinal) and the outcome's position in its rule. Because every field that order reads is fixed
/// per outcome, the hand-written evaluator collects decisions as bits of a <see cref="ulong"/> and emits them in
/// bit order: no sort. A merge keeps the winner's slot, so the order stays right.
/// </summary>
public enum Slot : byte
{
    // stop
    AbusiveStop,                // boundary.abusive, 400
    ContactBoundaryStop,        // boundary.contact-frequency, 350
    OffTopicStop,               // boundary.off-topic, 340
    UnfoundedStop,              // boundary.unfounded-complaints, 330
    WithdrawalExemptStop,       // withdrawal.out-of-window #0, 280
    WithdrawalPeriodStop,       // withdrawal.out-of-window #1, 280
    InvestigateHold,            // lost-parcel.investigate #0, 250
    ThirdPartyStop,             // fault.third-party #1 (firm), 120
    BudgetStop,                 // resolution.goodwill-budget, int.MinValue

    // escalate: urgent
    LegalThreatEscalation,      // escalate.legal-threat, 380
    ComplaintEscalation,        // complaint.deadline #0, 300
    PublicEscalation,           // escalate.public-complaint #0, 260

    // escalate: high
    StatutoryEscalation,        // delivery.statutory-deadline #0, 300
    VipEscalation,              // escalate.vip-at-risk, 220
    RepeatEscalation,           // escalate.repeat-incidents, 210
    InquiryEscalation,          // availability.inquiry-unanswered, 200
    SlaEscalation,              // reply.sla-breached, 200

    // escalate: normal
    AbusiveEscalation,          // boundary.abusive #1, 400

    // compensate, priority 300 by id
    ComplaintReplacement,       // complaint.deadline #1
    ComplaintFullRefund,        // complaint.deadline #2
    ComplaintPartialRefund,     // complaint.deadline #3
    ComplaintReship,            // complaint.deadline #4
    GoodsReplacement,           // damage.goods-remedy #0
    GoodsFullRefund,            // damage.goods-remedy #1
    GoodsApology,               // damage.goods-remedy #2
    StatutoryFullRefund,        // delivery.statutory-deadline #1
    LostReship,                 // lost-parcel.confirmed #0
    LostFullRefund,             // lost-parcel.confirmed #1
    TrustedReship,              // lost-parcel.trusted-customer #0
    TrustedFullRefund,          // lost-parcel.trusted-customer #1
    WithdrawalFullRefund,       // withdrawal.in-window #0

    // compensate, lower priorities
    DelayGift,                  // delay.gift, 100
    PackagingApology,           // damage.packaging-apology #0, 90
    PackagingDiscount,          // damage.packaging-apology #2 (balanced, generous), 90
    PackagingFreeShipping,      // damage.packaging-apology #3 (generous), 90
    WithdrawalDiscount,         // withdrawal.out-of-window #2 (generous), offerPriority 80

    // notify
    DelayPhone,                 // delay.notify-immediately #0, 150
    DelayEmail,                 // delay.notify-immediately #1, 150
    AvailabilityEmail,          // availability.firm-date, 110

    // advise
    PublicResolvePrivately,     // escalate.public-complaint #1, 260
    PublicNeverPublish,         // escalate.public-complaint #2, 260
    InvestigateExplain,         // lost-parcel.investigate #1, 250
    ThirdPartyExplain,          // fault.third-party #0, 120
    PackagingNoBlame,           // damage.packaging-apology #1, 90
    AnswerFully,                // reply.answer-fully, 50
}
