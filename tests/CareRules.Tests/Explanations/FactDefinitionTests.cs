using System.Linq.Expressions;
using System.Reflection;
using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Explanations;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;
using CareRules.Time;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CareRules.Tests.Explanations;

/// <summary>
/// The facts defined once as expression trees (<see cref="FactDefinitionAttribute"/>, catalog sections 1.7 and 2.6):
/// every attribute resolves to a lambda of the method's shape, and each method computes exactly its definition — called
/// directly, inlined into a condition, and explained (the call's value is its nested definition's).
/// </summary>
public sealed class FactDefinitionTests
{
    private static readonly string[] DefinedFacts =
    [
        nameof(StandardFacts.IsVip), nameof(StandardFacts.IsUndelivered), nameof(StandardFacts.IsLate), nameof(StandardFacts.IsPastStatutoryDelivery),
        nameof(StandardFacts.WithdrawalInWindow), nameof(StandardFacts.IsCarrierClaimAccepted), nameof(StandardFacts.IsComplaintEscalationDue),
        nameof(StandardFacts.IsComplaintDeemedAccepted),
    ];

    private static readonly MethodInfo[] Facts = [.. DefinedFacts.Select(n => typeof(StandardFacts).GetMethod(n)!)];

    [Fact]
    public void EveryFactDefinitionAttribute_InCareRules_Resolves_ToALambdaOfTheMethodsShape()
    {
        var marked = typeof(StandardFacts).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.IsDefined(typeof(FactDefinitionAttribute)))
            .ToList();

        Assert.Equal(DefinedFacts.Order(StringComparer.Ordinal), marked.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.All(marked, m =>
        {
            var definition = FactDefinitions.Of(m);
            Assert.NotNull(definition);
            Assert.Equal(m.ReturnType, definition.ReturnType);
            Assert.Equal(m.GetParameters().Select(p => p.ParameterType), definition.Parameters.Select(p => p.Type));
        });
        Assert.Null(FactDefinitions.Of(typeof(StandardFacts).GetMethod(nameof(StandardFacts.WithdrawalEnd))!)); // a fact without one
    }

    [Fact]
    public void AnAttributeNamingNoMatchingLambda_IsAnInvalidOperationException()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => FactDefinitions.Of(typeof(BrokenFacts).GetMethod(nameof(BrokenFacts.WrongShape))!));

        Assert.Contains("BrokenFacts.WrongShape", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>(context, int parameter, decimal parameter) → the fact, by a direct call and by the inlined definition.</summary>
    private static readonly (string Name, Func<RuleContext, int, decimal, bool> Direct, Func<RuleContext, int, decimal, bool> Inlined)[] Compiled =
        [.. Facts.Select(m =>
        {
            var call = Call(m, out var c, out var n, out var d);
            var inlined = FactDefinitions.Inline(call);
            Assert.NotEqual(ExpressionType.Call, inlined.NodeType); // really inlined
            return (m.Name,
                Expression.Lambda<Func<RuleContext, int, decimal, bool>>(call, c, n, d).Compile(),
                Expression.Lambda<Func<RuleContext, int, decimal, bool>>(inlined, c, n, d).Compile(preferInterpretation: true));
        })];

    /// <summary>A call of <paramref name="method"/> with its arguments taken from a rule context by type, whole numbers and amounts from two parameters.</summary>
    internal static Expression Call(MethodInfo method, out ParameterExpression c, out ParameterExpression n, out ParameterExpression d)
    {
        var context = c = Expression.Parameter(typeof(RuleContext), "c");
        var whole = n = Expression.Parameter(typeof(int), "n");
        var amount = d = Expression.Parameter(typeof(decimal), "d");
        return Expression.Call(method, method.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(BusinessCalendar) => Expression.Property(context, nameof(RuleContext.Calendar)),
            var t when t == typeof(Order) => Expression.Property(context, nameof(RuleContext.Order)),
            var t when t == typeof(CareCase) => Expression.Property(context, nameof(RuleContext.Case)),
            var t when t == typeof(Customer) => Expression.Property(context, nameof(RuleContext.Customer)),
            var t when t == typeof(LocalDate) => Expression.Property(context, nameof(RuleContext.Today)),
            var t when t == typeof(int) => whole,
            var t when t == typeof(decimal) => (Expression)amount,
            var t => throw new NotSupportedException(t.Name),
        }));
    }

    [Property(MaxTest = 300)]
    public Property EachStandardFact_EqualsItsInlinedDefinition_OnGeneratedContexts() =>
        Prop.ForAll(CareGenerators.ContextArbitrary(), Gen.Choose(0, 40).ToArbitrary(), Gen.Elements(0m, 600m, 2000m, 5000m).ToArbitrary(), (context, days, amount) =>
        {
            var rc = new RuleContext(BusinessCalendar.Poland);
            rc.Load(context);
            foreach (var (name, direct, inlined) in Compiled)
            {
                Assert.True(direct(rc, days, amount) == inlined(rc, days, amount), $"{name}({days}, {amount}) differs from its inlined definition for {context}");
            }
        });

    private static readonly CompiledPack FactsPack = BuildFactsPack();

    /// <summary>One rule per defined fact, its condition the call alone (whole numbers 14, amounts 2000, orders 10).</summary>
    private static CompiledPack BuildFactsPack()
    {
        var b = new PackBuilder("facts");
        foreach (var m in Facts)
        {
            var call = Call(m, out var c, out var n, out var d);
            var bound = new Bind(n, Expression.Constant(m.Name == nameof(StandardFacts.IsVip) ? 10 : 14), d, Expression.Constant(2000m)).Visit(call);
            b.Rule("fact." + m.Name.ToLowerInvariant(), r => r.WhenExpression(Expression.Lambda<Func<RuleContext, bool>>(bound, c)).Advise(AdviceKind.ResolvePrivately, "A fact holds."));
        }

        return b.Build();
    }

    [Property(MaxTest = 150)]
    public Property EachStandardFact_Explained_TheCallsValueIsItsDefinitionsValue() =>
        Prop.ForAll(CareGenerators.ContextArbitrary(), context =>
        {
            foreach (var e in FactsPack.ExplainAll(context))
            {
                var call = e.Condition!;
                Assert.Equal(ClauseKind.Call, call.Kind);
                var definition = Assert.Single(call.Clauses);
                Assert.True(call.Value == definition.Value, $"{e.RuleId}: the call is {call.Value}, its definition {definition.Value}, for {context}\n{Clauses.Dump(call)}");
                Assert.Equal(e.Fired, call.Value == ClauseValue.True);
            }
        });

    private sealed class Bind(ParameterExpression n, Expression nValue, ParameterExpression d, Expression dValue) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == n ? nValue : node == d ? dValue : node;
    }

    private static class BrokenFacts
    {
        internal static readonly Expression<Func<int, bool>> Definition = x => x > 0;

        [FactDefinition(typeof(BrokenFacts), nameof(Definition))]
        public static bool WrongShape(long x) => x > 0;
    }
}
