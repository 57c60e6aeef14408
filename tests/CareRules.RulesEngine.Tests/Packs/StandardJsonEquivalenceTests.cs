using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.RulesEngine.Tests.Support;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CareRules.RulesEngine.Tests.Packs;

/// <summary>
/// <c>standard.json</c> is the C# Standard pack: the same rules (ids, descriptions, priorities, resolution effects,
/// decision types) and, over generated contexts, the same verdicts — decisions with every field and reason, fired
/// rules, trace and goodwill total — under every stance and under altered parameters.
/// </summary>
public sealed class StandardJsonEquivalenceTests
{
    public static TheoryData<string> ConfigurationNames => [.. Configurations.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(ConfigurationNames))]
    public void Rules_AreTheCSharpPacksRules(string configuration)
    {
        var (_, cs, json) = Configurations.Pairs.Single(p => p.Name == configuration);

        Assert.Equal(cs.Id, json.Id);
        Assert.Equal(cs.Rules.Count, json.Rules.Count);
        for (int i = 0; i < cs.Rules.Count; i++)
        {
            var (a, b) = (cs.Rules[i], json.Rules[i]);
            Assert.Equal(a.Id, b.Id);
            Assert.Equal(a.Description, b.Description);
            Assert.Equal(a.Priority, b.Priority);
            Assert.Equal(a.SuppressesGoodwill, b.SuppressesGoodwill);
            Assert.Equal(a.GoodwillCapMultiplier, b.GoodwillCapMultiplier);
            Assert.Equal(a.DecisionTypes, b.DecisionTypes);
        }

        foreach (var p in cs.Parameters.Definitions)
        {
            Assert.Equal(cs.Parameters.Format(p.Name), json.Parameters.Format(p.Name));
        }
    }

    [Fact]
    public void RuleIds_AreInCatalogOrder() =>
        Assert.Equal(StandardPack.RuleIds, WorkflowPack.CreateStandardBuilder().RuleIds);

    [Property(MaxTest = 1500)]
    public Property Verdicts_AreTheCSharpPacksVerdicts_UnderEveryConfiguration() =>
        Prop.ForAll(CareGenerators.ContextArbitrary(), ctx =>
        {
            foreach (var (name, cs, json) in Configurations.Pairs)
            {
                AssertSameVerdict(name, cs.Evaluate(ctx), json.Evaluate(ctx));
            }
        });

    [Property(MaxTest = 300)]
    public Property Verdicts_AreTheCSharpPacksVerdicts_InEuros() =>
        Prop.ForAll(CareGenerators.ContextArbitrary(Currency.Eur), ctx =>
        {
            AssertSameVerdict("EUR", Euro.Value.CSharp.Evaluate(ctx), Euro.Value.Json.Evaluate(ctx));
        });

    private static readonly Lazy<(CompiledPack CSharp, CompiledPack Json)> Euro = new(() =>
        (StandardPack.Build(b => b.Set("currency", "EUR")), WorkflowPack.CreateStandardBuilder().Set("currency", "EUR").Build()));

    internal static void AssertSameVerdict(string configuration, Verdict expected, Verdict actual)
    {
        Assert.True(expected.Fired.SequenceEqual(actual.Fired), $"{configuration}: fired [{string.Join(", ", expected.Fired)}] vs [{string.Join(", ", actual.Fired)}]");
        for (int i = 0; i < Math.Max(expected.Decisions.Count, actual.Decisions.Count); i++)
        {
            var e = i < expected.Decisions.Count ? Describe(expected.Decisions[i]) : "(none)";
            var a = i < actual.Decisions.Count ? Describe(actual.Decisions[i]) : "(none)";
            Assert.True(e == a && expected.Decisions.Count == actual.Decisions.Count && expected.Decisions[i].Equals(actual.Decisions[i]), $"{configuration}: decision {i}:\n  C#:   {e}\n  JSON: {a}");
        }

        Assert.Equal(expected.Trace, actual.Trace);
        Assert.Equal(expected.GoodwillTotal, actual.GoodwillTotal);
        Assert.Equal(expected.CaseId, actual.CaseId);
        Assert.Equal(expected.Pack, actual.Pack);
    }

    private static string Describe(Decision d) =>
        $"{d} priority={d.RulePriority} value={d.Value} percent={d.Percent} dueBy={d.DueBy} until={d.Until} reason=\"{d.Reason}\"";
}
