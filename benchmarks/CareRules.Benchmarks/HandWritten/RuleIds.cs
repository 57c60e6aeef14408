namespace CareRules.Benchmarks.HandWritten;

/// <summary>The Standard pack's rule ids; <see cref="Ordered"/> is in ordinal order, which is the engine's evaluation and <c>Fired</c> order.</summary>
public static class RuleIds
{
    public const string AvailabilityFirmDate = "availability.firm-date";
    public const string AvailabilityInquiryUnanswered = "availability.inquiry-unanswered";
    public const string BoundaryAbusive = "boundary.abusive";
    public const string BoundaryContactFrequency = "boundary.contact-frequency";
    public const string BoundaryOffTopic = "boundary.off-topic";
    public const string BoundaryUnfoundedComplaints = "boundary.unfounded-complaints";
    public const string ComplaintDeadline = "complaint.deadline";
    public const string DamageGoodsRemedy = "damage.goods-remedy";
    public const string DamagePackagingApology = "damage.packaging-apology";
    public const string DelayGift = "delay.gift";
    public const string DelayNotifyImmediately = "delay.notify-immediately";
    public const string DeliveryStatutoryDeadline = "delivery.statutory-deadline";
    public const string EscalateLegalThreat = "escalate.legal-threat";
    public const string EscalatePublicComplaint = "escalate.public-complaint";
    public const string EscalateRepeatIncidents = "escalate.repeat-incidents";
    public const string EscalateVipAtRisk = "escalate.vip-at-risk";
    public const string FaultThirdParty = "fault.third-party";
    public const string LostParcelConfirmed = "lost-parcel.confirmed";
    public const string LostParcelInvestigate = "lost-parcel.investigate";
    public const string LostParcelTrustedCustomer = "lost-parcel.trusted-customer";
    public const string ReplyAnswerFully = "reply.answer-fully";
    public const string ReplySlaBreached = "reply.sla-breached";
    public const string WithdrawalInWindow = "withdrawal.in-window";
    public const string WithdrawalOutOfWindow = "withdrawal.out-of-window";

    /// <summary>The id of the stop that resolution adds when the goodwill budget is exhausted.</summary>
    public const string ResolutionGoodwillBudget = "resolution.goodwill-budget";

    /// <summary>The 24 rule ids in ordinal order: bit <c>i</c> of <see cref="HandWrittenResult.FiredMask"/> is <c>Ordered[i]</c>.</summary>
    public static IReadOnlyList<string> Ordered { get; } =
    [
        AvailabilityFirmDate, AvailabilityInquiryUnanswered, BoundaryAbusive, BoundaryContactFrequency, BoundaryOffTopic,
        BoundaryUnfoundedComplaints, ComplaintDeadline, DamageGoodsRemedy, DamagePackagingApology, DelayGift,
        DelayNotifyImmediately, DeliveryStatutoryDeadline, EscalateLegalThreat, EscalatePublicComplaint, EscalateRepeatIncidents,
        EscalateVipAtRisk, FaultThirdParty, LostParcelConfirmed, LostParcelInvestigate, LostParcelTrustedCustomer,
        ReplyAnswerFully, ReplySlaBreached, WithdrawalInWindow, WithdrawalOutOfWindow,
    ];
}
