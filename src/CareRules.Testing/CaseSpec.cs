using CareRules.Model;
using NodaTime;

namespace CareRules.Testing;

/// <summary>
/// The case of a <see cref="Scenario"/>, with quiet defaults: an <c>other</c> email contact opened an hour before
/// now and answered, fault unknown, no flags, no requests.
/// </summary>
public sealed record CaseSpec
{
    /// <summary>Case id (default <c>K-1</c>).</summary>
    public string Id { get; init; } = "K-1";

    /// <summary>When opened (default: an hour before now).</summary>
    public Instant? OpenedAt { get; init; }

    /// <summary>Kind (default other).</summary>
    public CaseKind Kind { get; init; } = CaseKind.Other;

    /// <summary>Channel (default email).</summary>
    public ContactChannel Channel { get; init; } = ContactChannel.Email;

    /// <summary>Fault (default unknown).</summary>
    public Fault Fault { get; init; } = Fault.Unknown;

    /// <summary>First reply (default: answered at opening); set <see cref="Unanswered"/> for none.</summary>
    public Instant? FirstReplyAt { get; init; }

    /// <summary>True for a case without a first reply.</summary>
    public bool Unanswered { get; init; }

    /// <summary>Flags (default none).</summary>
    public CaseFlags Flags { get; init; }

    /// <summary>Carrier claim (default none).</summary>
    public CarrierClaimState CarrierClaim { get; init; }

    /// <summary>Requests (default none).</summary>
    public CustomerRequests Requests { get; init; }
}
