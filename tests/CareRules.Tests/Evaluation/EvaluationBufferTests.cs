using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Authoring;
using CareRules.Tests.Support;

namespace CareRules.Tests.Evaluation;

/// <summary>A buffer is reused by every evaluation: nothing of one evaluation may leak into the next.</summary>
public sealed class EvaluationBufferTests
{
    private static CompiledPack ThrowingPack() => new PackBuilder("test")
        .Rule("a.advise", r => r.When(_ => true).Advise(AdviceKind.ResolvePrivately, "Private."))
        .Rule("b.stop", r => r.When(c => c.Customer.Orders == 99).Stop(StopKind.PoliteDecline, "No."))
        .Rule("c.throws", r => r.When(c => c.Customer.Orders == 99 ? throw new InvalidOperationException("rule failure") : false)
            .Escalate(EscalationTarget.Legal, EscalationPriority.Urgent, "Never."))
        .Build();

    [Fact]
    public void Evaluate_AfterAnEvaluationThatThrew_HoldsOnlyTheNewResult()
    {
        var pack = ThrowingPack();
        var buffer = pack.CreateBuffer();
        var failing = new CareContext(Ctx.Now, Ctx.Customer(orders: 99), Ctx.Order(), Ctx.Case());

        Assert.Throws<InvalidOperationException>(() => pack.Evaluate(failing, buffer));
        pack.Evaluate(Ctx.Context(), buffer);

        var only = Assert.Single(buffer.Decisions.ToArray());
        Assert.Equal("a.advise", only.RuleId);
        Assert.Equal(["a.advise"], buffer.Fired.ToArray());
    }

    [Fact]
    public void Trace_ReadTwice_SameEntries()
    {
        var pack = ThrowingPack();
        var buffer = pack.CreateBuffer();
        pack.Evaluate(Ctx.Context(), buffer);

        var first = buffer.Trace.ToArray();
        var second = buffer.Trace.ToArray();

        Assert.Equal(first, second);
        Assert.Equal(TraceKind.RuleFired, Assert.Single(first).Kind);
    }
}
