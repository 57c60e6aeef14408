using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Serialization;
using CareRules.Testing;

namespace CareRules.Tests.Evaluation;

/// <summary>
/// The fused, specialised form of a pack (<see cref="FusedRules"/>: one method per 64 rules, conditions and decision
/// functions inlined, repeated calls shared) decides exactly as the general engine — the pack's loop over its rules,
/// each condition and function a delegate of its own (<see cref="PackBuilderExtensions.BuildGeneral"/>), kept as the
/// reference — verdict for verdict (decisions, fired rules, trace, goodwill), on generated and edge contexts, for every
/// stance, compiled and interpreted.
/// </summary>
public sealed class FusedRulesEquivalenceTests
{
    private static readonly IReadOnlyList<CareContext> Contexts =
        [.. CareGenerators.Sample(2_500, 20261202), .. CareGenerators.Sample(CareEdgeGenerators.Contexts(), 1_000, 20261202)];

    public static TheoryData<Stance> Stances => [Stance.Firm, Stance.Balanced, Stance.Generous];

    [Theory]
    [MemberData(nameof(Stances))]
    public void StandardPack_Fused_DecidesAsTheGeneralEngine(Stance stance)
    {
        PackBuilder Builder() => StandardPack.CreateBuilder().Set(StandardParameters.Stance, stance);
        var general = Builder().BuildGeneral();
        var compiled = Builder().Build().Optimize();
        var interpreted = Builder().Build().KeepInterpreted();
        Assert.False(general.IsFused);
        Assert.True(compiled.IsFused);

        AssertSameVerdicts(general, compiled, interpreted);
    }

    [Fact]
    public void MixedPack_DelegateAndTreeConditions_SharedFacts_DecidesAsTheGeneralEngine()
    {
        // Delegate conditions beside tree conditions, a due-by shared by two outcomes, a guarded outcome, a value
        // function, a suppressor and a cap raiser: every path of the fused method.
        static PackBuilder Builder()
        {
            Func<RuleContext, NodaTime.Instant?> dueBy = c => c.Calendar.AddBusinessTime(c.Now, NodaTime.Duration.FromHours(4));
            return new PackBuilder("mixed")
                .Rule("a.late", r => r.WhenExpression(c => StandardFacts.IsLate(c.Order, c.Today))
                    .Notify(NotifyChannel.Phone, NotifyMessage.DelayApology, "Call.", dueBy)
                    .Notify(NotifyChannel.Email, NotifyMessage.DelayApology, "Write.", dueBy)
                    .Compensate(OfferKind.DiscountNextOrder, "Discount.", c => c.Order!.Total.Multiply(0.1m), percent: 10, when: c => c.Order!.Total.Amount > 100m))
                .Rule("b.late-vip", r => r.WhenExpression(c => StandardFacts.IsLate(c.Order, c.Today) && StandardFacts.IsVip(c.Customer, 2000m, 10))
                    .MultiplyGoodwillCap(2m)
                    .Compensate(OfferKind.GiftInParcel, "Gift.", Money.Pln(40m)))
                .Rule("c.abusive", r => r.When(c => c.Case is { } k && k.Has(CaseFlags.Abusive))
                    .SuppressGoodwill()
                    .Stop(StopKind.PoliteDecline, "Decline."))
                .Rule("d.many-contacts", r => r.WhenExpression(c => c.Customer.ContactsLast7Days >= 3)
                    .Escalate(EscalationTarget.Supervisor, EscalationPriority.High, "Supervisor.", dueBy));
        }

        AssertSameVerdicts(Builder().BuildGeneral(), Builder().Build().Optimize(), Builder().Build().KeepInterpreted());
    }

    [Theory]
    [MemberData(nameof(Stances))]
    public void StandardPack_PaddedWithRulesThatNeverFire_DecidesAsWithout(Stance stance)
    {
        // Resolution keeps a pack's decisions as bits by canonical rank and by production position, 64 to a word.
        // Rules that never fire, sorted before and after the Standard pack's and of every type and priority, move its
        // outcomes' positions across a word boundary and spread their ranks over three words (and make more of them
        // share a merge slot): its verdicts must not change, fused or not.
        static PackBuilder Padded(Stance stance)
        {
            var b = StandardPack.CreateBuilder().Set(StandardParameters.Stance, stance);
            for (int i = 0; i < 120; i++)
            {
                int priority = (i * 37) % 400;
                b.Rule((i < 60 ? "a.pad-" : "z.pad-") + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), r =>
                {
                    r.Priority(priority).WhenExpression(c => c.Customer.Orders < 0);
                    _ = (i % 5) switch
                    {
                        0 => r.Compensate(OfferKind.GiftInParcel, "Pad.", Money.Pln(5m)),
                        1 => r.Stop(StopKind.NoGoodwill, "Pad."),
                        2 => r.Escalate(EscalationTarget.Supervisor, EscalationPriority.High, "Pad."),
                        3 => r.Compensate(OfferKind.FullRefund, "Pad.", Money.Pln(1m), legal: true),
                        _ => r.Advise(AdviceKind.ExplainThirdPartyCalmly, "Pad."),
                    };
                });
            }

            return b;
        }

        var plain = StandardPack.CreateBuilder().Set(StandardParameters.Stance, stance).Build().Optimize();
        var padded = Padded(stance).Build().Optimize();
        Assert.True(padded.OutcomesByRank.Length > 128, "the outcomes' ranks take three words");
        Assert.Contains(padded.CompiledRules, r => !r.Id.Contains(".pad-", StringComparison.Ordinal) && r.Outcomes.Any(o => o.Position < 64));
        Assert.Contains(padded.CompiledRules, r => !r.Id.Contains(".pad-", StringComparison.Ordinal) && r.Outcomes.Any(o => o.Position >= 64));
        AssertSameVerdicts(plain, padded, Padded(stance).BuildGeneral(), Padded(stance).Build().KeepInterpreted());
    }

    private static void AssertSameVerdicts(CompiledPack general, params CompiledPack[] fused)
    {
        int fired = 0;
        foreach (var context in Contexts)
        {
            var expected = general.Evaluate(context);
            fired += expected.Fired.Count;
            string json = VerdictJsonWriter.ToJson(expected);
            foreach (var pack in fused)
            {
                Assert.Equal(json, VerdictJsonWriter.ToJson(pack.Evaluate(context)));
            }
        }

        Assert.True(fired > Contexts.Count / 4, $"the contexts fire rules ({fired} fired)");
    }
}
