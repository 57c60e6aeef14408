using CareRules.Evaluation;
using CareRules.Explanations;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;
using NodaTime;

namespace CareRules.Tests.Explanations;

/// <summary>
/// Local-date and local-time thresholds across Warsaw's clock changes (catalog sections 1.6, 2.6, 7.9, 7.10): summer
/// time ends on Sunday 25 October 2026 (03:00 CEST → 02:00 CET, UTC+2 → UTC+1) and starts on Sunday 29 March 2026
/// (02:00 CET → 03:00 CEST). <c>today</c> is the shop's local date, instants are shown in local time, and a flip names
/// the local date or time at which the rule turns.
/// </summary>
public sealed class ClockChangeExplanationTests
{
    private static readonly CompiledPack Pack = StandardPack.Default;

    private static Instant Z(string text) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(text).Value;

    private static CareContext LateGift(string now, int promisedMonth, int promisedDay) => Scenario.At(Z(now))
        .Order(o => o with { PlacedAt = Z(now) - Duration.FromDays(6), PromisedBy = new LocalDate(2026, promisedMonth, promisedDay) })
        .Case(k => k with { Kind = CaseKind.DeliveryDelay, Fault = Fault.Shop })
        .Build();

    [Theory]
    // Autumn: 2026-10-25T22:59Z is 23:59 CET on the 25th, 23:30Z is 00:30 CET on the 26th (UTC still says the 25th).
    [InlineData("2026-10-25T22:59:00Z", 10, 25, "2026-10-25", false)]
    [InlineData("2026-10-25T23:30:00Z", 10, 25, "2026-10-26", true)]
    [InlineData("2026-10-25T22:59:00Z", 10, 24, "2026-10-25", true)]
    // Spring: 2026-03-29T21:59Z is 23:59 CEST on the 29th, 22:00Z is 00:00 CEST on the 30th.
    [InlineData("2026-03-29T21:59:00Z", 3, 29, "2026-03-29", false)]
    [InlineData("2026-03-29T22:00:00Z", 3, 29, "2026-03-30", true)]
    public void DelayGift_TodayIsTheLocalDate_AcrossTheClockChange(string now, int promisedMonth, int promisedDay, string today, bool fires)
    {
        var e = Pack.Explain(LateGift(now, promisedMonth, promisedDay), "delay.gift");

        Assert.Equal(fires, e.Fired);
        var late = Clauses.Find(e, "today > order.PromisedBy");
        string promised = new LocalDate(2026, promisedMonth, promisedDay).ToString("uuuu-MM-dd", null);
        Assert.Equal(new[] { $"today = {today}", $"order.PromisedBy = {promised}" }, Clauses.Lines(late));
        Assert.Equal($"today = {today}", Clauses.Lines(Clauses.Find(e, "IsLate(order, today)"))[0]);
        if (fires)
        {
            Assert.Null(late.Flip);
        }
        else
        {
            Clauses.AssertFlip(new($"fires after {promised} local (Europe/Warsaw)", "today", ">", promised, [], today), late.Flip);
        }
    }

    [Theory]
    // 7.9 autumn: opened Saturday 17 October 10:00 CEST (08:00Z); the hold ends Saturday 31 October 10:00 CET (09:00Z),
    // 14 × 24 h + 1 h later.
    [InlineData("2026-10-17T08:00:00Z", "2026-10-31T08:59:00Z", true, "2026-10-31 09:59", "2026-10-31 10:00")]
    [InlineData("2026-10-17T08:00:00Z", "2026-10-31T09:00:00Z", false, "2026-10-31 10:00", "2026-10-31 10:00")]
    // 7.9 spring: opened Saturday 21 March 10:00 CET (09:00Z); the hold ends Saturday 4 April 10:00 CEST (08:00Z), an hour short of 14 × 24 h.
    [InlineData("2026-03-21T09:00:00Z", "2026-04-04T07:59:00Z", true, "2026-04-04 09:59", "2026-04-04 10:00")]
    [InlineData("2026-03-21T09:00:00Z", "2026-04-04T08:00:00Z", false, "2026-04-04 10:00", "2026-04-04 10:00")]
    public void LostParcelHold_EndsAtTheSameLocalTime_ShownAndFlippedInLocalTime(string opened, string now, bool held, string localNow, string holdEnd)
    {
        var context = Scenario.At(Z(now)).Delivered(16).Case(k => k with { Kind = CaseKind.LostParcel, OpenedAt = Z(opened), CarrierClaim = CarrierClaimState.Open }).Build();

        var investigate = Pack.Explain(context, "lost-parcel.investigate");
        var trusted = Pack.Explain(context, "lost-parcel.trusted-customer");

        Assert.Equal(held, investigate.Fired);
        Assert.Equal(!held, trusted.Fired);
        const string end = "CarrierClaimHoldEnd(calendar, case, carrierClaimMaxHold)";
        var before = Clauses.Find(investigate, $"now < {end}");
        var after = Clauses.Find(trusted, $"now >= {end}");
        Assert.Equal(new[] { $"now = {localNow} local", $"{end} = {holdEnd} local" }, Clauses.Lines(before));
        Assert.Equal(Clauses.Lines(before), Clauses.Lines(after));
        var (quiet, flip) = held
            ? (after, new FlipSpec($"fires from {holdEnd} local (Europe/Warsaw; from carrierClaimMaxHold)", "now", ">=", holdEnd, ["carrierClaimMaxHold"], localNow))
            : (before, new FlipSpec($"fires before {holdEnd} local (Europe/Warsaw; from carrierClaimMaxHold)", "now", "<", holdEnd, ["carrierClaimMaxHold"], localNow));
        Assert.Equal(ClauseValue.False, quiet.Value);
        Clauses.AssertFlip(flip, quiet.Flip);
    }

    [Theory]
    // 7.10 across the autumn change: placed Saturday 26 September 12:00 CEST, day 30 is Monday 26 October (CET).
    [InlineData("2026-10-26T22:59:00Z", false, "2026-10-26")] // 23:59 CET on day 30
    [InlineData("2026-10-26T23:00:00Z", true, "2026-10-27")]  // 00:00 CET on day 31
    public void StatutoryDeadline_DayThirtyIsALocalDate_AcrossTheClockChange(string now, bool fires, string today)
    {
        var context = Scenario.At(Z(now)).WithoutCase()
            .Order(o => o with { PlacedAt = Z("2026-09-26T10:00:00Z"), Status = OrderStatus.Paid, ShippedAt = null, Tracking = TrackingStatus.None, PromisedBy = new LocalDate(2026, 9, 30), DelayNotified = true })
            .Build();

        var e = Pack.Explain(context, "delivery.statutory-deadline");

        Assert.Equal(fires, e.Fired);
        Assert.Null(e.CaseId);
        var clause = Clauses.Find(e, "today > StatutoryDeliveryDate(calendar, order)");
        Assert.Equal(new[] { $"today = {today}", "StatutoryDeliveryDate(calendar, order) = 2026-10-26" }, Clauses.Lines(clause));
        Clauses.AssertFlip(fires ? null : new("fires after 2026-10-26 local (Europe/Warsaw)", "today", ">", "2026-10-26", [], "2026-10-26"), clause.Flip);
        Assert.StartsWith("Rule delivery.statutory-deadline", e.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    // Placed 26 September 12:00 CEST; the evaluated condition first checks that more than 27 days have elapsed (a bound
    // that only saves work). The explanation shows the legal condition alone, and agrees with the verdict on either side
    // of the bound and of day 30.
    [InlineData("2026-10-03T10:00:00Z", false)] // day 7
    [InlineData("2026-10-23T10:00:00Z", false)] // day 27, the bound itself
    [InlineData("2026-10-23T10:01:00Z", false)] // just past the bound, still in time
    [InlineData("2026-10-26T22:59:00Z", false)] // the last minute of day 30
    [InlineData("2026-10-26T23:00:00Z", true)]  // day 31
    public void StatutoryDeadline_IsExplainedByItsLegalCondition_NotByTheEvaluationsAgeBound(string now, bool fires)
    {
        var context = Scenario.At(Z(now)).WithoutCase()
            .Order(o => o with { PlacedAt = Z("2026-09-26T10:00:00Z"), Status = OrderStatus.Paid, ShippedAt = null, Tracking = TrackingStatus.None, PromisedBy = new LocalDate(2026, 9, 30), DelayNotified = true })
            .Build();

        var e = Pack.Explain(context, "delivery.statutory-deadline");

        Assert.Equal(fires, e.Fired);
        Assert.Equal(fires, Pack.Evaluate(context).Fired.Contains("delivery.statutory-deadline"));
        Assert.Equal("IsPastStatutoryDelivery(calendar, order, today)", e.Condition!.Expression); // as the JSON pack states it
        Assert.DoesNotContain("MinAge", e.ToString(), StringComparison.Ordinal);
        if (!fires)
        {
            Assert.Contains("fires after 2026-10-26 local (Europe/Warsaw)", e.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    // Opened Friday 23 October 10:00 CEST (08:00Z): one business day (8 h) is due Monday 26 October 10:00 CET (09:00Z),
    // the weekend and its extra hour in between not counted.
    [InlineData("2026-10-26T08:59:00Z", false, "2026-10-26 09:59")]
    [InlineData("2026-10-26T09:00:00Z", true, "2026-10-26 10:00")]
    public void ReplySla_ElapsedInBusinessTime_InstantsShownInLocalTime_AcrossTheClockChange(string now, bool fires, string localNow)
    {
        var context = Scenario.At(Z(now)).Case(k => k with { OpenedAt = Z("2026-10-23T08:00:00Z"), Unanswered = true }).Build();

        var e = Pack.Explain(context, "reply.sla-breached");

        Assert.Equal(fires, e.Fired);
        var clause = Clauses.Find(e, "calendar.HasElapsed(case.OpenedAt, now, replySla)");
        Assert.Equal(fires ? ClauseValue.True : ClauseValue.False, clause.Value);
        Assert.Equal(new[] { "case.OpenedAt = 2026-10-23 10:00 local", $"now = {localNow} local", "replySla = 8h [replySla]" }, Clauses.Lines(clause));
        Assert.Null(clause.Flip); // a call, not a comparison: no flip (when the SLA runs out is not worded)
    }
}
