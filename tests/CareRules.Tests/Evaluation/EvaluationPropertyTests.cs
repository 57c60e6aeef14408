using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Authoring;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CareRules.Tests.Evaluation;

/// <summary>Invariants of evaluation and resolution over generated contexts.</summary>
public sealed class EvaluationPropertyTests
{
    private static readonly (string Id, Action<RuleBuilder> Configure)[] Rules =
    [
        ("gift.late", r => r.Priority(120).When(c => c.Order is { DeliveredAt: null } o && o.PromisedBy < c.Today)
            .Compensate(OfferKind.GiftInParcel, "Late.", Money.Pln(20m))),
        ("gift.big", r => r.Priority(80).When(c => c.Customer.Orders > 5)
            .Compensate(OfferKind.GiftInParcel, "Loyal.", Money.Pln(45m))),
        ("discount", r => r.Priority(90).When(c => c.Case is { Kind: CaseKind.DamagedPackaging or CaseKind.DeliveryDelay })
            .Compensate(OfferKind.DiscountNextOrder, "Discount.", c => c.Order is { } o ? o.Total.Multiply(0.10m) : null, percent: 10m)),
        ("shipping", r => r.Priority(60).When(c => c.Case is { Channel: ContactChannel.Chat })
            .Compensate(OfferKind.FreeShippingNextOrder, "Ship.", Money.Pln(15m))),
        ("legal.refund", r => r.Priority(300).When(c => c.Case is { Kind: CaseKind.Withdrawal })
            .Compensate(OfferKind.FullRefund, "Law.", c => c.Order?.Total, legal: true, dueBy: c => c.Case!.OpenedAt + Duration.FromDays(14))),
        ("legal.replace", r => r.Priority(300).When(c => c.Case is { Kind: CaseKind.DamagedGoods or CaseKind.WrongItem })
            .Compensate(OfferKind.Replacement, "Law.", legal: true).Compensate(OfferKind.Apology, "Sorry.")),
        ("stop.abuse", r => r.Priority(400).When(c => c.Case is { } k && k.Has(CaseFlags.Abusive)).SuppressGoodwill()
            .Stop(StopKind.PoliteDecline, "Abuse.").Escalate(EscalationTarget.Supervisor, EscalationPriority.Normal, "Abuse.")),
        ("esc.public", r => r.Priority(250).When(c => c.Case is { Channel: ContactChannel.PublicSocial })
            .Escalate(EscalationTarget.PublicRelations, EscalationPriority.Urgent, "Public.").Advise(AdviceKind.ResolvePrivately, "Private.")),
        ("esc.incidents", r => r.Priority(200).When(c => c.Customer.IncidentsLast90Days >= 3)
            .Escalate(EscalationTarget.Supervisor, EscalationPriority.High, "Repeat.", _ => null)),
        ("vip", r => r.Priority(210).When(c => c.Customer.Orders >= 10).MultiplyGoodwillCap(2m)
            .Escalate(EscalationTarget.Manager, EscalationPriority.High, "VIP.")),
        ("notify.late", r => r.Priority(100).When(c => c.Order is { DeliveredAt: null, DelayNotified: false } o && o.PromisedBy < c.Today)
            .Notify(NotifyChannel.Phone, NotifyMessage.DelayApology, "Call.").Notify(NotifyChannel.Email, NotifyMessage.DelayApology, "Mail.")),
        ("advise.calm", r => r.When(c => c.Case is { Fault: Fault.Carrier or Fault.Bank })
            .Advise(AdviceKind.ExplainThirdPartyCalmly, "Calm.").Advise(AdviceKind.ResolvePrivately, "Private.")),
    ];

    private static CompiledPack Build(IEnumerable<(string Id, Action<RuleBuilder> Configure)> rules)
    {
        var b = new PackBuilder("props");
        foreach (var (id, configure) in rules)
        {
            b.Rule(id, configure);
        }

        return b.Build();
    }

    private static readonly CompiledPack Pack = Build(Rules);

    [Property(MaxTest = 500)]
    public Property SameInput_SameVerdict() =>
        Prop.ForAll(CareGenerators.ContextArbitrary(), ctx =>
        {
            var a = Pack.Evaluate(ctx);
            var b = Build(Rules).Evaluate(ctx);
            return a.Decisions.SequenceEqual(b.Decisions) && a.Fired.SequenceEqual(b.Fired) && a.Trace.SequenceEqual(b.Trace) && a.GoodwillTotal == b.GoodwillTotal;
        });

    [Property(MaxTest = 500)]
    public Property Goodwill_NeverExceedsTheCap() =>
        Prop.ForAll(CareGenerators.ContextArbitrary(), ctx =>
        {
            var v = Pack.Evaluate(ctx);
            decimal m = v.HasFired("vip") ? 2m : 1m;
            decimal cap = (300m * m) - ctx.Customer.GoodwillLast90Days.Amount;
            if (ctx.Order is { } o)
            {
                cap = Math.Min(cap, decimal.Round(o.Total.Amount * 0.20m * m, 2, MidpointRounding.AwayFromZero));
            }

            decimal sum = v.Decisions.Where(d => d.IsGoodwill).Sum(d => d.Value?.Amount ?? 0m);
            return sum <= Math.Max(cap, 0m) && sum == v.GoodwillTotal.Amount
                && v.Decisions.Where(d => d.IsGoodwill && d.Value is not null).All(d => d.Value!.Value.Amount >= 10m || d.Value.Value.Amount == OriginalValue(d));
        });

    [Property(MaxTest = 500)]
    public Property LegalRemediesAndApologies_AreNeverSuppressedOrCapped() =>
        Prop.ForAll(CareGenerators.ContextArbitrary(), ctx =>
        {
            var v = Pack.Evaluate(ctx);
            bool refundOk = !v.HasFired("legal.refund") || v.Decisions.Any(d => d is { Type: DecisionType.Compensate, Offer: OfferKind.FullRefund, Legal: true } && d.Value == ctx.Order?.Total);
            bool replaceOk = !v.HasFired("legal.replace") || (v.Decisions.Any(d => d is { Type: DecisionType.Compensate, Offer: OfferKind.Replacement, Legal: true })
                && v.Decisions.Any(d => d is { Type: DecisionType.Compensate, Offer: OfferKind.Apology }));
            return refundOk && replaceOk;
        });

    [Property(MaxTest = 200)]
    public Property Order_IsCanonical_WhateverTheDeclarationOrder() =>
        Prop.ForAll(CareGenerators.ContextArbitrary(), Gen.Shuffle(Rules).ToArbitrary(), (ctx, shuffled) =>
        {
            var expected = Pack.Evaluate(ctx);
            var actual = Build(shuffled).Evaluate(ctx);
            return expected.Decisions.SequenceEqual(actual.Decisions) && expected.Trace.SequenceEqual(actual.Trace);
        });

    [Property(MaxTest = 300)]
    public Property Decisions_AreSortedByType_AndEscalationsAreOnePerTarget() =>
        Prop.ForAll(CareGenerators.ContextArbitrary(), ctx =>
        {
            var d = Pack.Evaluate(ctx).Decisions;
            bool sorted = d.Zip(d.Skip(1)).All(p => p.First.Type <= p.Second.Type);
            bool onePerTarget = d.Where(x => x.Type == DecisionType.Escalate).GroupBy(x => x.To).All(g => g.Count() == 1);
            return sorted && onePerTarget;
        });

    private static decimal OriginalValue(Decision d) => d.RuleId switch
    {
        "gift.late" => 20m,
        "gift.big" => 45m,
        "shipping" => 15m,
        _ => d.Value!.Value.Amount, // context-dependent discount: not reduced below the minimum by the cap
    };
}
