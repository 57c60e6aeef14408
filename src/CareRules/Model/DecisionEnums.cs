#pragma warning disable CA1720 // names mirror the catalog
namespace CareRules.Model;

/// <summary>The five decision types, declared in canonical verdict order (stop, escalate, compensate, notify, advise).</summary>
public enum DecisionType
{
    /// <summary><c>stop</c>: set a boundary — decline, hold or limit, politely and with a reason.</summary>
    Stop = 0,
    /// <summary><c>escalate</c>: hand to a person above the first line.</summary>
    Escalate = 1,
    /// <summary><c>compensate</c>: offer something to the customer.</summary>
    Compensate = 2,
    /// <summary><c>notify</c>: tell the customer something proactively.</summary>
    Notify = 3,
    /// <summary><c>advise</c>: tell the agent how to answer.</summary>
    Advise = 4,
}

/// <summary>What a <see cref="DecisionType.Compensate"/> decision offers.</summary>
public enum OfferKind
{
    /// <summary><c>apology</c>: never suppressed or capped.</summary>
    Apology,
    /// <summary><c>gift-in-parcel</c></summary>
    GiftInParcel,
    /// <summary><c>discount-next-order</c></summary>
    DiscountNextOrder,
    /// <summary><c>free-shipping-next-order</c></summary>
    FreeShippingNextOrder,
    /// <summary><c>partial-refund</c></summary>
    PartialRefund,
    /// <summary><c>full-refund</c></summary>
    FullRefund,
    /// <summary><c>replacement</c></summary>
    Replacement,
    /// <summary><c>reship</c></summary>
    Reship,
}

/// <summary>What a <see cref="DecisionType.Stop"/> decision sets.</summary>
public enum StopKind
{
    /// <summary><c>polite-decline</c></summary>
    PoliteDecline,
    /// <summary><c>contact-boundary</c>: one channel, one agent, a scheduled update.</summary>
    ContactBoundary,
    /// <summary><c>hold-pending-carrier-claim</c> (with <c>until</c>).</summary>
    HoldPendingCarrierClaim,
    /// <summary><c>outside-withdrawal-window</c></summary>
    OutsideWithdrawalWindow,
    /// <summary><c>no-goodwill</c></summary>
    NoGoodwill,
}

/// <summary>Who an <see cref="DecisionType.Escalate"/> decision hands the case to.</summary>
public enum EscalationTarget
{
    /// <summary><c>supervisor</c></summary>
    Supervisor,
    /// <summary><c>manager</c></summary>
    Manager,
    /// <summary><c>legal</c></summary>
    Legal,
    /// <summary><c>public-relations</c></summary>
    PublicRelations,
}

/// <summary>How urgent an escalation is; higher values are more urgent.</summary>
public enum EscalationPriority
{
    /// <summary><c>normal</c></summary>
    Normal = 0,
    /// <summary><c>high</c></summary>
    High = 1,
    /// <summary><c>urgent</c></summary>
    Urgent = 2,
}

/// <summary>How a <see cref="DecisionType.Notify"/> decision reaches the customer.</summary>
public enum NotifyChannel
{
    /// <summary><c>phone</c></summary>
    Phone,
    /// <summary><c>email</c></summary>
    Email,
}

/// <summary>What a <see cref="DecisionType.Notify"/> decision tells the customer.</summary>
public enum NotifyMessage
{
    /// <summary><c>delay-apology</c></summary>
    DelayApology,
    /// <summary><c>availability-date</c></summary>
    AvailabilityDate,
    /// <summary><c>claim-status</c></summary>
    ClaimStatus,
}

/// <summary>What an <see cref="DecisionType.Advise"/> decision tells the agent.</summary>
public enum AdviceKind
{
    /// <summary><c>answer-fully-no-redirect</c></summary>
    AnswerFullyNoRedirect,
    /// <summary><c>apologise-no-blame</c></summary>
    ApologiseNoBlame,
    /// <summary><c>explain-third-party-calmly</c></summary>
    ExplainThirdPartyCalmly,
    /// <summary><c>resolve-privately</c></summary>
    ResolvePrivately,
    /// <summary><c>never-publish-correspondence</c></summary>
    NeverPublishCorrespondence,
}
