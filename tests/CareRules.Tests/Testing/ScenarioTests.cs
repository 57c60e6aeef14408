using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;
using CareRules.Time;
using NodaTime;

namespace CareRules.Tests.Testing;

/// <summary>The scenario builder's clock and time helpers. "Now" is Monday 23 November 2026, 10:00 in Warsaw.</summary>
public sealed class ScenarioTests
{
    private static readonly Scenario Base = Scenario.AtLocal(2026, 11, 23, 10, 0);

    [Fact]
    public void Clock_IsStoppedAtNow()
    {
        var clock = Base.Clock;
        Assert.Equal(Base.Now, clock.GetCurrentInstant());
        Assert.Equal(Base.Now, clock.GetCurrentInstant());
        Assert.Equal(Instant.FromUtc(2026, 11, 23, 9, 0), Base.Now);
    }

    [Fact]
    public void FixedClock_AtUtc_ReturnsThatInstantAndSaysSo()
    {
        var clock = FixedClock.AtUtc(2026, 11, 23, 9);
        Assert.Equal(Instant.FromUtc(2026, 11, 23, 9, 0), clock.GetCurrentInstant());
        Assert.Equal(Instant.FromUtc(2026, 11, 23, 9, 0), clock.Now);
        Assert.Equal("FixedClock(2026-11-23T09:00:00Z)", clock.ToString());
    }

    [Fact]
    public void Calendar_ByDefault_IsTheStandardPacksPolishCalendar() =>
        Assert.Same(BusinessCalendar.Poland, Base.Calendar);

    [Theory]
    [InlineData(0, 2026, 11, 23, 10)]
    [InlineData(1, 2026, 11, 20, 10)] // Friday
    [InlineData(3, 2026, 11, 18, 10)] // "opened 3 business days ago": the Wednesday before
    [InlineData(6, 2026, 11, 13, 10)] // a week and a day: Friday 13th
    [InlineData(8, 2026, 11, 10, 10)] // skips Independence Day, Wednesday 11 November
    public void BusinessDaysAgo_MondayMorning_CountsBackWorkingDays(int days, int y, int mo, int d, int h) =>
        Assert.Equal(Base.Local(y, mo, d, h), Base.BusinessDaysAgo(days));

    [Fact]
    public void BusinessDaysAgo_OnASaturday_CountsFromFridaysClosing()
    {
        var saturday = Scenario.AtLocal(2026, 11, 21, 11, 0);
        Assert.Equal(saturday.Local(2026, 11, 20, 8), saturday.BusinessDaysAgo(1));
    }

    [Fact]
    public void BusinessDaysAgo_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Base.BusinessDaysAgo(-1));

    [Theory]
    [InlineData(2, 2026, 11, 23, 8, 0)]
    [InlineData(2.5, 2026, 11, 20, 15, 30)]
    [InlineData(0, 2026, 11, 23, 10, 0)]
    public void BusinessHoursAgo_CountsBackWorkingHours(double hours, int y, int mo, int d, int h, int mi) =>
        Assert.Equal(Base.Local(y, mo, d, h, mi), Base.BusinessHoursAgo(hours));

    [Fact]
    public void OpenedBusinessDaysAgo_One_IsExactlyOnTheReplySlaDeadline()
    {
        var atDeadline = Base.OpenedBusinessDaysAgo(1).Case(k => k with { Unanswered = true });
        var justBefore = Base.Opened(Base.BusinessHoursAgo(7.99)).Case(k => k with { Unanswered = true });

        Assert.True(StandardPack.Default.Evaluate(atDeadline.Build()).HasFired("reply.sla-breached"));
        Assert.False(StandardPack.Default.Evaluate(justBefore.Build()).HasFired("reply.sla-breached"));
    }

    [Fact]
    public void OpenedDaysAgo_SetsTheCaseOpeningAtTheSameLocalTime()
    {
        var ctx = Base.OpenedDaysAgo(3).Build();
        Assert.Equal(Base.Local(2026, 11, 20, 10), ctx.Case!.OpenedAt);
    }

    [Fact]
    public void Opened_WithoutACase_CreatesTheDefaultCase()
    {
        var ctx = Base.WithoutCase().Opened(Base.HoursAgo(3)).Build();
        Assert.Equal(Base.HoursAgo(3), ctx.Case!.OpenedAt);
        Assert.Equal(CaseKind.Other, ctx.Case.Kind);
    }

    [Fact]
    public void For_Pack_UsesItsCalendarZoneAndCurrency()
    {
        var saturdayShop = StandardPack.Build(b => b.Set("businessHours", "Mon-Sat 08:00-16:00"));
        var monday = Base.For(saturdayShop);

        Assert.Same(saturdayShop.Calendar, monday.Calendar);
        Assert.Equal(Base.Local(2026, 11, 21, 10), monday.BusinessDaysAgo(1)); // Saturday is a working day there
        Assert.Equal(Base.Now, monday.Now);
    }

    [Fact]
    public void For_PackInEuro_BuildsEuroAmounts()
    {
        var euro = StandardPack.Build(b => b.Set("currency", "EUR"));
        var ctx = Base.For(euro).Build();
        Assert.Equal(Currency.Eur, ctx.Currency);
        Assert.Equal(Currency.Eur, ctx.Order!.Total.Currency);
    }

    [Fact]
    public void WithCalendar_TakesItsZone()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var s = Base.WithCalendar(new BusinessCalendar(newYork, WeeklyHours.Default, NoHolidays.Instance));
        Assert.Same(newYork, s.Zone);
        Assert.Equal(new LocalDate(2026, 11, 23), s.Today); // 04:00 in New York
        Assert.Equal(Instant.FromUtc(2026, 11, 20, 19, 0), s.BusinessHoursAgo(2)); // Friday 14:00 in New York, two hours before closing
    }

    [Fact]
    public void LateBy_TwoDays_PromisedTwoDaysAgoAndStillOnItsWay()
    {
        var ctx = Base.Delivered(daysAgo: 1).LateBy(2).Build();

        Assert.Equal(new LocalDate(2026, 11, 21), ctx.Order!.PromisedBy);
        Assert.Null(ctx.Order.DeliveredAt);
        Assert.Equal(OrderStatus.Shipped, ctx.Order.Status);
        Assert.Equal(TrackingStatus.InTransit, ctx.Order.Tracking);
        Assert.True(ctx.Order.PlacedAt <= Base.DaysAgo(5));
        Assert.True(StandardPack.Default.Evaluate(ctx).HasFired("delay.gift"));
    }

    [Fact]
    public void LateBy_KeepsAnEarlierPlacingAndTheTracking()
    {
        var placed = Base.DaysAgo(20);
        var ctx = Base.Order(o => o with { PlacedAt = placed, Tracking = TrackingStatus.Lost }).LateBy(1).Build();
        Assert.Equal(placed, ctx.Order!.PlacedAt);
        Assert.Equal(TrackingStatus.Lost, ctx.Order.Tracking);
    }

    [Fact]
    public void Scenario_IsImmutable_HelpersReturnNewScenarios()
    {
        var late = Base.LateBy(3);
        Assert.NotSame(Base, late);
        Assert.Null(Base.OrderSpec!.PromisedBy);
    }
}
