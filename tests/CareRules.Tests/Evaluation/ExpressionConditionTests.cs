using System.Linq.Expressions;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Authoring;
using CareRules.Testing;
using CareRules.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace CareRules.Tests.Evaluation;

/// <summary>
/// Conditions given as expression trees (<see cref="RuleBuilder.WhenExpression"/>) are compiled together into one
/// method per 64 rules: they must decide exactly as the same conditions given as delegates.
/// </summary>
public sealed class ExpressionConditionTests
{
    private static readonly (string Id, Expression<Func<RuleContext, bool>> Condition)[] Conditions =
    [
        ("a.many-orders", c => c.Customer.Orders >= 10),
        ("b.damaged", c => c.Case != null && c.Case.Kind == CaseKind.DamagedGoods),
        ("c.big-order", c => c.Order != null && c.Order.Total.Amount > 500m),
        ("d.abusive", c => c.Case != null && c.Case.Has(CaseFlags.Abusive)),
        ("e.no-case", c => c.Case == null),
    ];

    /// <summary>The rules with every condition as an expression, as a delegate, or alternating (a mixed pack).</summary>
    private static CompiledPack Pack(Func<int, bool> asExpression)
    {
        var builder = new PackBuilder("conditions");
        for (int i = 0; i < Conditions.Length; i++)
        {
            var (id, condition) = Conditions[i];
            bool expression = asExpression(i);
            builder.Rule(id, r =>
            {
                if (expression)
                {
                    r.WhenExpression(condition);
                }
                else
                {
                    r.When(condition.Compile());
                }

                r.Advise(AdviceKind.ResolvePrivately, $"Rule {id}.");
            });
        }

        return builder.Build();
    }

    [Fact]
    public void WhenExpression_DecidesAsTheSameConditionsAsDelegates_AlsoWhenMixed()
    {
        var delegates = Pack(_ => false);
        var expressions = Pack(_ => true);
        var mixed = Pack(i => i % 2 == 0);
        int fired = 0;
        foreach (var context in CareGenerators.Contexts().Sample(400, new Rnd(61), 50))
        {
            var expected = delegates.Evaluate(context);

            Assert.Equal(expected.Fired, expressions.Evaluate(context).Fired);
            Assert.Equal(expected.Decisions, expressions.Evaluate(context).Decisions);
            Assert.Equal(expected.Fired, mixed.Evaluate(context).Fired);
            fired += expected.Fired.Count;
        }

        Assert.True(fired > 0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(62)]
    [InlineData(63)] // the last rule of the first 64
    [InlineData(64)] // the first rule of the second 64
    [InlineData(65)]
    [InlineData(69)]
    public void WhenExpression_MoreThan64Rules_EachFiresOnItsOwnContext(int orders)
    {
        var builder = new PackBuilder("seventy");
        for (int i = 0; i < 70; i++)
        {
            int n = i;
            builder.Rule($"r.{n:D3}", r => r.WhenExpression(c => c.Customer.Orders == n).Advise(AdviceKind.ResolvePrivately, $"Rule {n}."));
        }

        var context = new CareContext(Ctx.Now, Ctx.Customer(orders: orders), Ctx.Order(), Ctx.Case());

        var verdict = builder.Build().Evaluate(context);

        Assert.Equal([$"r.{orders:D3}"], verdict.Fired);
        Assert.Equal($"r.{orders:D3}", Assert.Single(verdict.Decisions).RuleId);
    }

    [Fact]
    public void WhenExpression_Null_IsReportedWhenThePackIsBuilt()
    {
        var builder = new PackBuilder("p").Rule("a.b", r => r.WhenExpression(null!).Advise(AdviceKind.ResolvePrivately, "Never."));

        var ex = Assert.Throws<CareRulesValidationException>(() => builder.Build());

        Assert.Contains(ex.Errors, e => e.Message.Contains("condition", StringComparison.Ordinal));
    }

    [Fact]
    public void When_AfterWhenExpression_TheLastConditionCounts()
    {
        var pack = new PackBuilder("p")
            .Rule("a.b", r => r.WhenExpression(_ => false).When(_ => true).Advise(AdviceKind.ResolvePrivately, "Always."))
            .Build();

        Assert.Equal(["a.b"], pack.Evaluate(Ctx.Context()).Fired);
    }
}
