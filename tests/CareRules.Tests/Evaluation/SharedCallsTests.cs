using System.Linq.Expressions;
using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Tests.Support;
using NodaTime;

namespace CareRules.Tests.Evaluation;

/// <summary>
/// A call that appears with the same arguments in several expression-tree conditions of a pack is made at most once per
/// evaluation, only when a condition reaches it, and the pack decides as before (docs/engine.md, "Shared calls").
/// </summary>
public sealed class SharedCallsTests
{
    /// <summary>A fact that counts its calls on the calling thread.</summary>
    internal static class Probe
    {
        [ThreadStatic]
        private static int t_calls;

        public static int Calls => t_calls;

        public static void Reset() => t_calls = 0;

        public static int Orders(Customer customer, int plus)
        {
            t_calls++;
            return customer.Orders + plus;
        }
    }

    private static CompiledPack Pack(bool optimize, params Expression<Func<RuleContext, bool>>[] conditions)
    {
        var builder = new PackBuilder("shared");
        for (int i = 0; i < conditions.Length; i++)
        {
            var condition = conditions[i];
            builder.Rule("r" + i, r => r.WhenExpression(condition).Advise(AdviceKind.ResolvePrivately, "Fired."));
        }

        var pack = builder.Build();
        return optimize ? pack.Optimize() : pack.KeepInterpreted();
    }

    private static (int Calls, string[] Fired) Evaluate(CompiledPack pack, CareContext context)
    {
        Probe.Reset();
        var verdict = pack.Evaluate(context);
        return (Probe.Calls, verdict.Fired.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SameCallInThreeConditions_IsMadeOnce_AndEachConditionReadsItsValue(bool optimize)
    {
        var pack = Pack(
            optimize,
            c => Probe.Orders(c.Customer, 0) >= 3,
            c => c.Case != null && Probe.Orders(c.Customer, 0) >= 4,
            c => Probe.Orders(c.Customer, 0) < 3 || c.Order == null);

        var (calls, fired) = Evaluate(pack, Ctx.Context()); // 3 orders
        Assert.Equal(1, calls);
        Assert.Equal(["r0"], fired);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CallsWithOtherArguments_AreMadeEach(bool optimize)
    {
        var pack = Pack(
            optimize,
            c => Probe.Orders(c.Customer, 0) >= 3,
            c => Probe.Orders(c.Customer, 1) >= 4,
            c => Probe.Orders(c.Customer, 1) >= 5);

        var (calls, fired) = Evaluate(pack, Ctx.Context());
        Assert.Equal(2, calls);
        Assert.Equal(["r0", "r1"], fired);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SharedCall_BehindGuardsThatAreFalse_IsNotMade(bool optimize)
    {
        var pack = Pack(
            optimize,
            c => c.Case == null && Probe.Orders(c.Customer, 0) >= 3,
            c => c.Order == null && Probe.Orders(c.Customer, 0) >= 3);

        var (calls, fired) = Evaluate(pack, Ctx.Context());
        Assert.Equal(0, calls);
        Assert.Empty(fired);

        // The second guard holds for a context without an order: the call is made there, once.
        (calls, fired) = Evaluate(pack, Ctx.Context(withOrder: false));
        Assert.Equal(1, calls);
        Assert.Equal(["r1"], fired);
    }

    [Fact]
    public void SharedCall_IsMadeAgainInEachEvaluation()
    {
        var pack = Pack(true, c => Probe.Orders(c.Customer, 0) >= 3, c => Probe.Orders(c.Customer, 0) >= 4);
        var few = Ctx.Context();
        var many = new CareContext(Ctx.Now, Ctx.Customer(orders: 7), null, null);
        foreach (var (context, expected) in new[] { (few, new[] { "r0" }), (many, ["r0", "r1"]), (few, ["r0"]) })
        {
            var (calls, fired) = Evaluate(pack, context);
            Assert.Equal(1, calls);
            Assert.Equal(expected, fired);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DueByFunctionSharedByOutcomes_IsCalledOnce_AndOnlyWhenTheRuleFires(bool optimize)
    {
        int calls = 0;
        Func<RuleContext, Instant?> dueBy = c =>
        {
            calls++;
            return c.Now + Duration.FromHours(1);
        };
        var builder = new PackBuilder("due-by");
        builder.Rule("notify", r => r
            .WhenExpression(c => c.Customer.Orders >= 3)
            .Notify(NotifyChannel.Phone, NotifyMessage.DelayApology, "Call.", dueBy)
            .Notify(NotifyChannel.Email, NotifyMessage.DelayApology, "Write.", dueBy));
        var pack = builder.Build();
        pack = optimize ? pack.Optimize() : pack.KeepInterpreted();

        var verdict = pack.Evaluate(Ctx.Context());
        Assert.Equal(1, calls);
        Assert.All(verdict.Decisions, d => Assert.Equal(Ctx.Now + Duration.FromHours(1), d.DueBy));
        Assert.Equal(2, verdict.Decisions.Count);

        pack.Evaluate(new CareContext(Ctx.Now, Ctx.Customer(orders: 1), null, null));
        Assert.Equal(1, calls);
    }

    [Theory]
    [InlineData(2, 2, 1)]
    [InlineData(2, 3, 2)]
    public void CapturedLocals_WithEqualValues_Share(int first, int second, int expectedCalls)
    {
        // As a pack written in C# captures its parameters: each rule reads a local of its own.
        var builder = new PackBuilder("captures");
        builder.Rule("a", r =>
        {
            int plus = first;
            r.WhenExpression(c => Probe.Orders(c.Customer, plus) > 0).Advise(AdviceKind.ResolvePrivately, "A.");
        });
        builder.Rule("b", r =>
        {
            int plus = second;
            r.WhenExpression(c => Probe.Orders(c.Customer, plus) > 0).Advise(AdviceKind.ResolvePrivately, "B.");
        });

        var (calls, fired) = Evaluate(builder.Build().Optimize(), Ctx.Context());
        Assert.Equal(expectedCalls, calls);
        Assert.Equal(["a", "b"], fired);
    }

    [Fact]
    public void StandardPack_SharesItsRepeatedFacts()
    {
        var fused = FusedRules.TryCreate([.. CareRules.Packs.StandardPack.Default.CompiledRules])!;
        var debugView = typeof(Expression).GetProperty("DebugView", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
        string text = string.Join("\n", fused.Trees.Select(t => (string)debugView.GetValue(t)!));

        // Two rules ask whether the reply SLA has elapsed: every place it is asked assigns the same shared value.
        var assigned = System.Text.RegularExpressions.Regex.Matches(text, @"\$(shared\d+) = \.Call \$calendar\.HasElapsed\(");
        Assert.Equal(Occurrences(text, ".HasElapsed("), assigned.Count);
        Assert.Single(assigned.Select(m => m.Groups[1].Value).Distinct());

        // Shared: late (2 rules), reply SLA elapsed (2), VIP (2), carrier claim accepted (2), hold end (2), withdrawal
        // window (2), the due-by the phone call and the e-mail of delay.notify-immediately share (and its two hours,
        // written in both copies of that due-by), and, since the pack's guards are expression trees too, "the complaint
        // is deemed accepted" (complaint.deadline's condition and four of its guards) and "the customer asked for a
        // full refund" (the two guards of each remedy rule). The case, the order, the customer and the calendar are
        // read into locals once at the start of the method.
        Assert.Equal(10, fused.Trees.Sum(t => ((BlockExpression)t.Body).Variables.Count(v => v.Name!.EndsWith("Known", StringComparison.Ordinal))));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, @"\$shared\d+ = \.Call \$case\.Requested\(").Select(m => m.Value).Distinct());
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
