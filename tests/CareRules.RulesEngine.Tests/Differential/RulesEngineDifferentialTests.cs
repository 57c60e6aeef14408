using CareRules.Evaluation;
using CareRules.Packs;
using CareRules.RulesEngine.Tests.Support;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CareRules.RulesEngine.Tests.Differential;

/// <summary>
/// CareRules = RulesEngine: for every rule of every shipped and test workflow, RulesEngine's own executor
/// (<c>ExecuteAllRulesAsync</c> on the same JSON and the same inputs) and CareRules' hot loop agree on which rules
/// succeed — over thousands of generated contexts, under several parameter sets, with coverage checked so that no
/// rule is compared only ever succeeding or only ever failing.
/// </summary>
public sealed class RulesEngineDifferentialTests
{
    private static string Workflow(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workflows", file));

    public static TheoryData<string> StandardConfigurations => ["balanced (defaults)", "generous, altered thresholds", "firm, other hours and zone"];

    [Theory]
    [MemberData(nameof(StandardConfigurations))]
    public void StandardJson_AgreesWithRulesEngine(string configuration)
    {
        var pack = Configurations.Pairs.Single(p => p.Name == configuration).Json;
        var differential = new DifferentialRun(WorkflowPack.StandardJson, pack);

        Run(differential, DifferentialRun.Contexts(2000, 0xC0FFEE));

        Assert.Equal(StandardPack.RuleIds.Order(StringComparer.Ordinal), differential.Coverage.Keys.Order(StringComparer.Ordinal));
        if (configuration == "balanced (defaults)")
        {
            AssertCovered(differential, minimum: 1); // altered thresholds make a few rules too rare to require
        }
    }

    [Fact]
    public void SemanticsWorkflows_AgreeWithRulesEngine()
    {
        string json = Workflow("semantics.json");
        var pack = WorkflowPack.Load(WorkflowSource.FromJson(json, "semantics.json")).Build();
        var differential = new DifferentialRun(json, pack);

        Run(differential, DifferentialRun.Contexts(3000, 0x5EED));

        Assert.Equal(differential.RuleNames.Order(StringComparer.Ordinal), differential.Coverage.Keys.Order(StringComparer.Ordinal));
        AssertCovered(differential, minimum: 1, except: ["all-children-disabled"]);
        Assert.Equal((0, 3000), differential.Coverage["all-children-disabled"]);
    }

    [Fact]
    public void ExtendingWorkflow_AgreesWithRulesEngine()
    {
        string json = Workflow("extends-standard.json");
        var pack = WorkflowPack.Extend(StandardPack.CreateBuilder(), WorkflowSource.FromJson(json, "extends-standard.json")).Build();
        var differential = new DifferentialRun(json, pack);

        Run(differential, DifferentialRun.Contexts(2000, 0xABCD));

        AssertCovered(differential, minimum: 1);
    }

    [Fact]
    public void ShopPolicySample_AgreesWithRulesEngine()
    {
        string json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "shop-pack.json"));
        var pack = WorkflowPack.Extend(WorkflowPack.CreateStandardBuilder(), WorkflowSource.FromJson(json, "shop-pack.json")).Build();
        var differential = new DifferentialRun(json, pack);

        Run(differential, DifferentialRun.Contexts(2000, 0x5409));

        AssertCovered(differential, minimum: 1);
    }

    [Property(MaxTest = 500)]
    public Property StandardJson_AgreesWithRulesEngine_OnRandomContexts() =>
        Prop.ForAll(CareGenerators.ContextArbitrary(), ctx =>
        {
            var problems = RandomDifferential.Value.Compare(ctx);
            Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + DifferentialRun.Describe(ctx));
        });

    private static readonly Lazy<DifferentialRun> RandomDifferential = new(() => new DifferentialRun(WorkflowPack.StandardJson, WorkflowPack.Standard));

    private static void Run(DifferentialRun differential, IReadOnlyList<CareRules.Model.CareContext> contexts)
    {
        var failures = new List<string>();
        foreach (var ctx in contexts)
        {
            var problems = differential.Compare(ctx);
            if (problems.Count > 0 && failures.Count < 5)
            {
                failures.Add(string.Join("\n", problems) + "\n  in " + DifferentialRun.Describe(ctx));
            }
        }

        Assert.True(failures.Count == 0, "CareRules and RulesEngine disagree:\n" + string.Join("\n\n", failures));
    }

    private static void AssertCovered(DifferentialRun differential, int minimum, string[]? except = null)
    {
        var thin = differential.Coverage
            .Where(c => except?.Contains(c.Key) != true && (c.Value.Succeeded < minimum || c.Value.Failed < minimum))
            .Select(c => $"{c.Key}: succeeded {c.Value.Succeeded}, failed {c.Value.Failed}")
            .ToList();
        Assert.True(thin.Count == 0, "Rules not exercised both ways by the generated contexts:\n" + string.Join("\n", thin));
    }
}
