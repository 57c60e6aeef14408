using System.Runtime.CompilerServices;
using NodaTime;

namespace CareRules.Model;

/// <summary>
/// The contact or incident being handled. Immutable and thread-safe; validated on construction
/// (a <see cref="CareRulesValidationException"/> lists every invalid field).
/// </summary>
public sealed class CareCase
{
    /// <summary>Creates a case snapshot.</summary>
    /// <param name="id">The shop's case id.</param>
    /// <param name="openedAt">When the case was opened (UTC instant).</param>
    /// <param name="kind">What it is about.</param>
    /// <param name="channel">Where the customer reached the shop.</param>
    /// <param name="fault">Who caused the problem.</param>
    /// <param name="firstReplyAt">When the shop first replied; never before <paramref name="openedAt"/>.</param>
    /// <param name="flags">Flags of the case.</param>
    /// <param name="carrierClaim">The state of the claim against the carrier.</param>
    /// <param name="requests">The remedies the customer asked for.</param>
    /// <exception cref="CareRulesValidationException">One or more fields are invalid.</exception>
    public CareCase(
        string id,
        Instant openedAt,
        CaseKind kind,
        ContactChannel channel = ContactChannel.Email,
        Fault fault = Fault.Unknown,
        Instant? firstReplyAt = null,
        CaseFlags flags = CaseFlags.None,
        CarrierClaimState carrierClaim = CarrierClaimState.None,
        CustomerRequests requests = CustomerRequests.None)
    {
        var errors = new ErrorCollector("case");
        errors.RequireText("id", id);
        errors.RequireDefined("kind", kind);
        errors.RequireDefined("channel", channel);
        errors.RequireDefined("fault", fault);
        errors.RequireDefined("carrierClaim", carrierClaim);
        errors.RequireSupported("openedAt", openedAt);
        errors.RequireSupported("firstReplyAt", firstReplyAt);
        if (((int)flags & ~0x1F) != 0)
        {
            errors.Add("flags", $"holds an undefined flag ({(int)flags}).");
        }

        if (((int)requests & ~0xF) != 0)
        {
            errors.Add("requests", $"holds an undefined request ({(int)requests}).");
        }

        CheckReply(errors, openedAt, firstReplyAt);

        errors.ThrowIfAny(nameof(CareCase));
        Id = id;
        OpenedAt = openedAt;
        Kind = kind;
        Channel = channel;
        Fault = fault;
        FirstReplyAt = firstReplyAt;
        Flags = flags;
        CarrierClaim = carrierClaim;
        Requests = requests;
    }

    /// <summary>The one place the first reply is checked against the opening; a null argument is unknown or absent.</summary>
    internal static void CheckReply(ErrorCollector errors, Instant? openedAt, Instant? firstReplyAt)
    {
        if (openedAt is { } opened && firstReplyAt is { } reply && reply < opened)
        {
            errors.Add("firstReplyAt", $"must not be before openedAt ({ErrorCollector.Format(opened)}), was {ErrorCollector.Format(reply)}.");
        }
    }

    /// <summary>The shop's case id.</summary>
    public string Id { get; }

    /// <summary>When the case was opened.</summary>
    public Instant OpenedAt { get; }

    /// <summary>What it is about.</summary>
    public CaseKind Kind { get; }

    /// <summary>Where the customer reached the shop.</summary>
    public ContactChannel Channel { get; }

    /// <summary>Who caused the problem.</summary>
    public Fault Fault { get; }

    /// <summary>When the shop first replied, if it has.</summary>
    public Instant? FirstReplyAt { get; }

    /// <summary>Flags of the case.</summary>
    public CaseFlags Flags { get; }

    /// <summary>The state of the claim against the carrier.</summary>
    public CarrierClaimState CarrierClaim { get; }

    /// <summary>The remedies the customer asked for.</summary>
    public CustomerRequests Requests { get; }

    /// <summary>True when the case carries the flag.</summary>
    public bool Has(CaseFlags flag) => (Flags & flag) == flag;

    /// <summary>True when the customer asked for the remedy.</summary>
    public bool Requested(CustomerRequests request) => (Requests & request) == request;

    /// <summary>
    /// True for incident kinds (delay, damage, loss, wrong goods, statutory complaint) — the kinds that count as
    /// an incident for "VIP at risk" and repeat-incident rules.
    /// </summary>
    public bool IsIncident
    {
        // Inlined also where the JIT has no profile to find it worth it (the fused rule methods, which are dynamic methods).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Kind is CaseKind.DeliveryDelay or CaseKind.DamagedPackaging or CaseKind.DamagedGoods
            or CaseKind.MissingItem or CaseKind.WrongItem or CaseKind.LostParcel or CaseKind.StatutoryComplaint;
    }

    /// <summary>
    /// The case object as one line of JSON in the case format of catalog section 5, every field explicit — for test failures
    /// (an FsCheck counterexample), logs and the debugger; paste it into a case file or a table row. Written on
    /// demand, never while evaluating.
    /// </summary>
    public override string ToString() => CaseJsonText.ToJson(this, false, CaseJsonText.WriteCase);
}
