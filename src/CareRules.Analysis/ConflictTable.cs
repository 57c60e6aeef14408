using CareRules.Model;

namespace CareRules.Analysis;

/// <summary>
/// The decisions that contradict each other when two rules produce them in one verdict (docs/analysis.md, section 3).
/// <see cref="Default"/> is the documented table; a shop may add rows (<see cref="With"/>). Immutable.
/// </summary>
public sealed class ConflictTable
{
    /// <summary>Creates a table of <paramref name="rows"/>.</summary>
    public ConflictTable(IEnumerable<ConflictRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Rows = [.. rows];
    }

    /// <summary>The rows, in order.</summary>
    public IReadOnlyList<ConflictRow> Rows { get; }

    /// <summary>The documented table (docs/analysis.md, section 3).</summary>
    public static ConflictTable Default { get; } = new(
    [
        new ConflictRow(
            DecisionPattern.Stop(StopKind.HoldPendingCarrierClaim),
            DecisionPattern.Compensate(OfferKind.Reship, OfferKind.Replacement, OfferKind.FullRefund),
            FindingSeverity.Error,
            "the case is held until the carrier claim is settled, yet a remedy is given now"),
        new ConflictRow(
            DecisionPattern.Stop(StopKind.PoliteDecline, StopKind.ContactBoundary),
            DecisionPattern.Notify(NotifyChannel.Phone),
            FindingSeverity.Warning,
            "the conversation is declined or limited to one channel, yet the customer is to be phoned"),
        new ConflictRow(
            DecisionPattern.Fired("withdrawal.in-window"),
            DecisionPattern.Fired("withdrawal.out-of-window"),
            FindingSeverity.Error,
            "a withdrawal cannot be both within and outside the statutory window"),
        new ConflictRow(
            DecisionPattern.Stop(StopKind.OutsideWithdrawalWindow),
            DecisionPattern.Compensate(OfferKind.FullRefund),
            FindingSeverity.Warning,
            "the withdrawal is refused, yet the full price is refunded"),
    ]);

    /// <summary>This table with <paramref name="rows"/> added.</summary>
    public ConflictTable With(params ConflictRow[] rows) => new([.. Rows, .. rows]);
}
