using CareRules.Evaluation;
using CareRules.Packs;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CareRules.Tests.Evaluation;

/// <summary>A verdict's trace makes its rule-fired entries from the fired list: it must read exactly as the buffer's trace.</summary>
public sealed class VerdictTraceTests
{
    [Fact]
    public void Trace_OfAVerdict_ReadsAsTheBuffersTrace_ByIndexAndByEnumeration()
    {
        var pack = StandardPack.Build(b => b.Set("stance", "firm"));
        var buffer = pack.CreateBuffer();
        int withResolution = 0;
        foreach (var context in CareGenerators.Contexts().Sample(500, new Rnd(20261123), 50))
        {
            pack.Evaluate(context, buffer);
            var expected = buffer.Trace.ToArray();

            var verdict = buffer.ToVerdict();

            Assert.Equal(expected.Length, verdict.Trace.Count);
            Assert.Equal(expected, verdict.Trace);
            Assert.Equal(expected, Enumerable.Range(0, verdict.Trace.Count).Select(i => verdict.Trace[i]));
            Assert.Equal(verdict.Fired, verdict.Trace.TakeWhile(t => t.Kind == TraceKind.RuleFired).Select(t => t.RuleId));
            withResolution += expected.Length > verdict.Fired.Count ? 1 : 0;
        }

        Assert.True(withResolution > 0, "the sample should make resolution trace something");
    }

    [Fact]
    public void Trace_IndexOutsideTheTrace_Throws()
    {
        var verdict = StandardPack.Default.Evaluate(Scenario.AtLocal(2026, 11, 23, 10, 0).LateBy(2).Build());
        int count = verdict.Trace.Count;

        Assert.True(count > 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => verdict.Trace[count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => verdict.Trace[-1]);
    }
}
