using CareRules.Model;

namespace CareRules.Tests.Serialization;

/// <summary>Field-by-field equality of contexts (the model types have reference equality).</summary>
internal static class ContextAssert
{
    public static void Equal(CareContext expected, CareContext actual)
    {
        Assert.Equal(expected.Now, actual.Now);
        Equal(expected.Customer, actual.Customer);
        if (expected.Order is null)
        {
            Assert.Null(actual.Order);
        }
        else
        {
            Assert.NotNull(actual.Order);
            Equal(expected.Order, actual.Order);
        }

        if (expected.Case is null)
        {
            Assert.Null(actual.Case);
        }
        else
        {
            Assert.NotNull(actual.Case);
            Equal(expected.Case, actual.Case);
        }
    }

    public static void Equal(Customer e, Customer a)
    {
        Assert.Equal(e.Id, a.Id);
        Assert.Equal(e.Since, a.Since);
        Assert.Equal(e.Orders, a.Orders);
        Assert.Equal(e.LifetimeValue, a.LifetimeValue);
        Assert.Equal(e.ContactsLast7Days, a.ContactsLast7Days);
        Assert.Equal(e.IncidentsLast90Days, a.IncidentsLast90Days);
        Assert.Equal(e.UnfoundedComplaintsLast90Days, a.UnfoundedComplaintsLast90Days);
        Assert.Equal(e.GoodwillLast90Days, a.GoodwillLast90Days);
    }

    public static void Equal(Order e, Order a)
    {
        Assert.Equal(e.Id, a.Id);
        Assert.Equal(e.PlacedAt, a.PlacedAt);
        Assert.Equal(e.Total, a.Total);
        Assert.Equal(e.Status, a.Status);
        Assert.Equal(e.Payment, a.Payment);
        Assert.Equal(e.PromisedBy, a.PromisedBy);
        Assert.Equal(e.ShippedAt, a.ShippedAt);
        Assert.Equal(e.DeliveredAt, a.DeliveredAt);
        Assert.Equal(e.DelayNotified, a.DelayNotified);
        Assert.Equal(e.Tracking, a.Tracking);
        Assert.Equal(e.WithdrawalInformed, a.WithdrawalInformed);
        Assert.Equal(e.WithdrawalExempt, a.WithdrawalExempt);
        Assert.Equal(e.BackorderUntil, a.BackorderUntil);
    }

    public static void Equal(CareCase e, CareCase a)
    {
        Assert.Equal(e.Id, a.Id);
        Assert.Equal(e.OpenedAt, a.OpenedAt);
        Assert.Equal(e.Kind, a.Kind);
        Assert.Equal(e.Channel, a.Channel);
        Assert.Equal(e.Fault, a.Fault);
        Assert.Equal(e.FirstReplyAt, a.FirstReplyAt);
        Assert.Equal(e.Flags, a.Flags);
        Assert.Equal(e.CarrierClaim, a.CarrierClaim);
        Assert.Equal(e.Requests, a.Requests);
    }
}
