// The enumerations of the catalog (section 1 and 2) live together: they are one vocabulary.
#pragma warning disable CA1720, CA1711 // names mirror the catalog ("flags" is the catalog's word)
namespace CareRules.Model;

/// <summary>How the order is paid (catalog: <c>payment</c>).</summary>
public enum PaymentMethod
{
    /// <summary><c>prepaid</c></summary>
    Prepaid,
    /// <summary><c>cash-on-delivery</c></summary>
    CashOnDelivery,
    /// <summary><c>bank-transfer</c></summary>
    BankTransfer,
}

/// <summary>Where the order is in its life (catalog: <c>status</c>).</summary>
public enum OrderStatus
{
    /// <summary><c>placed</c></summary>
    Placed,
    /// <summary><c>paid</c></summary>
    Paid,
    /// <summary><c>shipped</c></summary>
    Shipped,
    /// <summary><c>delivered</c></summary>
    Delivered,
    /// <summary><c>cancelled</c></summary>
    Cancelled,
    /// <summary><c>returned</c></summary>
    Returned,
}

/// <summary>What the carrier's tracking says (catalog: <c>tracking</c>).</summary>
public enum TrackingStatus
{
    /// <summary><c>none</c>: no tracking yet.</summary>
    None,
    /// <summary><c>in-transit</c></summary>
    InTransit,
    /// <summary><c>delivered</c></summary>
    Delivered,
    /// <summary><c>lost</c></summary>
    Lost,
    /// <summary><c>returned-to-sender</c></summary>
    ReturnedToSender,
}

/// <summary>What the contact or incident is about (catalog: case <c>kind</c>).</summary>
public enum CaseKind
{
    /// <summary><c>delivery-delay</c></summary>
    DeliveryDelay,
    /// <summary><c>damaged-packaging</c>: the box is damaged, the goods are fine.</summary>
    DamagedPackaging,
    /// <summary><c>damaged-goods</c></summary>
    DamagedGoods,
    /// <summary><c>missing-item</c></summary>
    MissingItem,
    /// <summary><c>wrong-item</c></summary>
    WrongItem,
    /// <summary><c>lost-parcel</c></summary>
    LostParcel,
    /// <summary><c>withdrawal</c>: a return within the statutory right of withdrawal.</summary>
    Withdrawal,
    /// <summary><c>statutory-complaint</c>: Polish "reklamacja", goods not in conformity.</summary>
    StatutoryComplaint,
    /// <summary><c>availability-inquiry</c></summary>
    AvailabilityInquiry,
    /// <summary><c>product-question</c></summary>
    ProductQuestion,
    /// <summary><c>refund-demand</c></summary>
    RefundDemand,
    /// <summary><c>off-topic</c>: unrelated to the purchase.</summary>
    OffTopic,
    /// <summary><c>other</c></summary>
    Other,
}

/// <summary>Where the customer reached the shop (catalog: <c>channel</c>).</summary>
public enum ContactChannel
{
    /// <summary><c>email</c></summary>
    Email,
    /// <summary><c>phone</c></summary>
    Phone,
    /// <summary><c>chat</c></summary>
    Chat,
    /// <summary><c>public-social</c>: a post or comment anyone can read.</summary>
    PublicSocial,
}

/// <summary>Who caused the problem (catalog: <c>fault</c>).</summary>
public enum Fault
{
    /// <summary><c>shop</c></summary>
    Shop,
    /// <summary><c>carrier</c></summary>
    Carrier,
    /// <summary><c>bank</c></summary>
    Bank,
    /// <summary><c>customer</c></summary>
    Customer,
    /// <summary><c>unknown</c></summary>
    Unknown,
}

/// <summary>Flags of a case (catalog: <c>flags</c>).</summary>
[Flags]
public enum CaseFlags
{
    /// <summary>No flag.</summary>
    None = 0,
    /// <summary><c>abusive</c></summary>
    Abusive = 1,
    /// <summary><c>legalThreat</c></summary>
    LegalThreat = 2,
    /// <summary><c>answerInProductDescription</c></summary>
    AnswerInProductDescription = 4,
    /// <summary><c>chargeback</c></summary>
    Chargeback = 8,
    /// <summary><c>noNewFacts</c>: the contact repeats what was already asked and answered.</summary>
    NoNewFacts = 16,
}

/// <summary>The state of the shop's claim against the carrier (catalog: <c>carrierClaim</c>).</summary>
public enum CarrierClaimState
{
    /// <summary><c>none</c></summary>
    None,
    /// <summary><c>open</c></summary>
    Open,
    /// <summary><c>accepted</c></summary>
    Accepted,
    /// <summary><c>rejected</c></summary>
    Rejected,
}

/// <summary>
/// The remedies a customer asked for (catalog: case <c>requests</c>). Values are the remedy offers of
/// section 2 a customer can ask for; they drive rules such as "full refund if the customer requested a refund".
/// </summary>
[Flags]
public enum CustomerRequests
{
    /// <summary>Nothing requested.</summary>
    None = 0,
    /// <summary><c>replacement</c></summary>
    Replacement = 1,
    /// <summary><c>full-refund</c></summary>
    FullRefund = 2,
    /// <summary><c>partial-refund</c> (price reduction).</summary>
    PartialRefund = 4,
    /// <summary><c>reship</c></summary>
    Reship = 8,
}
