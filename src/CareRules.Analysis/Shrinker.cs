using CareRules.Model;
using NodaTime;

namespace CareRules.Analysis;

/// <summary>
/// Shrinks an example: drops the case and the order, and resets fields to their defaults one by one (counters to 0,
/// flags and requests removed one at a time, optional dates to none, ids to <c>C-1</c>/<c>O-1</c>/<c>K-1</c>), keeping
/// each step only while the finding still holds, until nothing more can go. Never yields an invalid context.
/// </summary>
internal static class Shrinker
{
    public static CareContext Shrink(CareContext context, Func<CareContext, bool> holds)
    {
        var current = context;
        string currentText = current.ToString();
        for (int attempt = 0; attempt < 200; attempt++)
        {
            // Every step is built from the context it was enumerated on: after a step is kept, start over from it.
            bool changed = false;
            foreach (var step in Steps(current))
            {
                CareContext? candidate;
                try
                {
                    candidate = step();
                }
                catch (CareRulesValidationException)
                {
                    continue;
                }

                string candidateText = candidate?.ToString() ?? currentText;
                if (candidate is null || candidateText == currentText)
                {
                    continue; // not applicable, or changes nothing (the field is at its default already)
                }

                bool still;
                try
                {
                    still = holds(candidate);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    still = false;
                }

                if (still)
                {
                    (current, currentText) = (candidate, candidateText);
                    changed = true;
                    break;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return current;
    }

    private static IEnumerable<Func<CareContext?>> Steps(CareContext x)
    {
        var c = x.Customer;
        var zero = Money.Zero(x.Currency);
        yield return () => x.Case is null ? null : new CareContext(x.Now, c, x.Order, null);
        yield return () => x.Order is null ? null : new CareContext(x.Now, c, null, x.Case);
        yield return () => With(x, new Customer("C-1", c.Since, c.Orders, c.LifetimeValue, c.ContactsLast7Days, c.IncidentsLast90Days, c.UnfoundedComplaintsLast90Days, c.GoodwillLast90Days));
        yield return () => With(x, new Customer(c.Id, new LocalDate(2020, 1, 1), c.Orders, c.LifetimeValue, c.ContactsLast7Days, c.IncidentsLast90Days, c.UnfoundedComplaintsLast90Days, c.GoodwillLast90Days));
        yield return () => With(x, new Customer(c.Id, c.Since, 0, c.LifetimeValue, c.ContactsLast7Days, c.IncidentsLast90Days, c.UnfoundedComplaintsLast90Days, c.GoodwillLast90Days));
        yield return () => With(x, new Customer(c.Id, c.Since, c.Orders, zero, c.ContactsLast7Days, c.IncidentsLast90Days, c.UnfoundedComplaintsLast90Days, c.GoodwillLast90Days));
        yield return () => With(x, new Customer(c.Id, c.Since, c.Orders, c.LifetimeValue, 0, c.IncidentsLast90Days, c.UnfoundedComplaintsLast90Days, c.GoodwillLast90Days));
        yield return () => With(x, new Customer(c.Id, c.Since, c.Orders, c.LifetimeValue, c.ContactsLast7Days, 0, c.UnfoundedComplaintsLast90Days, c.GoodwillLast90Days));
        yield return () => With(x, new Customer(c.Id, c.Since, c.Orders, c.LifetimeValue, c.ContactsLast7Days, c.IncidentsLast90Days, 0, c.GoodwillLast90Days));
        yield return () => With(x, new Customer(c.Id, c.Since, c.Orders, c.LifetimeValue, c.ContactsLast7Days, c.IncidentsLast90Days, c.UnfoundedComplaintsLast90Days, zero));
        if (x.Order is { } o)
        {
            yield return () => With(x, O(o, id: "O-1"));
            yield return () => With(x, O(o, payment: PaymentMethod.Prepaid));
            yield return () => With(x, O(o, clearPromise: true));
            yield return () => With(x, O(o, delayNotified: false));
            yield return () => With(x, O(o, tracking: TrackingStatus.None));
            yield return () => With(x, O(o, informed: true));
            yield return () => With(x, O(o, exempt: false));
            yield return () => With(x, O(o, clearBackorder: true));
            yield return () => With(x, O(o, total: new Money(decimal.Round(o.Total.Amount, 0), o.Total.Currency)));
            yield return () => With(x, O(o, status: OrderStatus.Placed, clearShipped: true, clearDelivered: true));
            yield return () => With(x, O(o, clearDelivered: true));
            yield return () => With(x, O(o, clearShipped: true));
            yield return () => With(x, O(o, placedAt: x.Now - Duration.FromDays(1)));
        }

        if (x.Case is { } k)
        {
            yield return () => With(x, K(k, id: "K-1"));
            yield return () => With(x, K(k, channel: ContactChannel.Email));
            yield return () => With(x, K(k, fault: Fault.Unknown));
            yield return () => With(x, K(k, clearReply: true));
            yield return () => With(x, K(k, claim: CarrierClaimState.None));
            foreach (CaseFlags flag in Enum.GetValues<CaseFlags>())
            {
                if (flag != CaseFlags.None && k.Has(flag))
                {
                    yield return () => With(x, K(k, flags: k.Flags & ~flag));
                }
            }

            foreach (CustomerRequests request in Enum.GetValues<CustomerRequests>())
            {
                if (request != CustomerRequests.None && k.Requested(request))
                {
                    yield return () => With(x, K(k, requests: k.Requests & ~request));
                }
            }

            yield return () => With(x, K(k, openedAt: x.Now));
        }
    }

    private static CareContext With(CareContext x, Customer c) => new(x.Now, c, x.Order, x.Case);

    private static CareContext With(CareContext x, Order o) => new(x.Now, x.Customer, o, x.Case);

    private static CareContext With(CareContext x, CareCase k) => new(x.Now, x.Customer, x.Order, k);

    private static Order O(Order o, string? id = null, Instant? placedAt = null, Money? total = null, OrderStatus? status = null, PaymentMethod? payment = null,
        bool clearPromise = false, bool clearShipped = false, bool clearDelivered = false, bool? delayNotified = null, TrackingStatus? tracking = null,
        bool? informed = null, bool? exempt = null, bool clearBackorder = false) =>
        new(id ?? o.Id, placedAt ?? o.PlacedAt, total ?? o.Total, status ?? o.Status, payment ?? o.Payment, clearPromise ? null : o.PromisedBy,
            clearShipped ? null : o.ShippedAt, clearDelivered ? null : o.DeliveredAt, delayNotified ?? o.DelayNotified, tracking ?? o.Tracking,
            informed ?? o.WithdrawalInformed, exempt ?? o.WithdrawalExempt, clearBackorder ? null : o.BackorderUntil);

    private static CareCase K(CareCase k, string? id = null, Instant? openedAt = null, ContactChannel? channel = null, Fault? fault = null, bool clearReply = false,
        CaseFlags? flags = null, CarrierClaimState? claim = null, CustomerRequests? requests = null) =>
        new(id ?? k.Id, openedAt ?? k.OpenedAt, k.Kind, channel ?? k.Channel, fault ?? k.Fault, clearReply ? null : k.FirstReplyAt, flags ?? k.Flags,
            claim ?? k.CarrierClaim, requests ?? k.Requests);
}
