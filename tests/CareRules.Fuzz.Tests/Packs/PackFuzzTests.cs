using CareRules.Fuzz.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace CareRules.Fuzz.Tests.Packs;

/// <summary>
/// Mutated workflow packs (docs/fuzzing.md, "Packs"): the ShopPolicy.Json sample and the RulesEngine tests' workflows,
/// with wrong types, removed and unknown fields, hostile and costly expressions, huge texts and invalid UTF-8, each
/// held to <see cref="PackContract"/>. Fixed seeds; <c>CARERULES_FUZZ=long</c> tries 20 times as many.
/// </summary>
[Collection(FuzzSequence.Name)]
public sealed class PackFuzzTests(ITestOutputHelper output)
{
    private static Gen<PackInput> Inputs(params PackMutation[] mutations) =>
        from seed in Gen.Elements(PackContract.Seeds.Keys.ToArray())
        from mutation in Gen.Elements(mutations)
        from detail in Gen.Choose(0, int.MaxValue)
        from viaStream in Gen.Elements(false, true)
        from contexts in Gen.Choose(0, int.MaxValue)
        let applied = PackMutator.Apply(PackContract.Seeds[seed], mutation, detail)
        select new PackInput(seed, mutation, applied.Description, applied.Utf8, viaStream || mutation == PackMutation.InvalidUtf8, contexts);

    private void Run(string category, ulong seed, int normal, Gen<PackInput> inputs)
    {
        var counter = FuzzStats.Start(category);
        try
        {
            FuzzRun.Check(category, seed, normal, inputs, input => PackContract.Check(input, counter));
        }
        finally
        {
            FuzzStats.Report(counter, output);
        }
    }

    [Fact]
    public void Seeds_Unchanged_LoadAndEvaluate()
    {
        var counter = FuzzStats.Start("packs.seeds");
        try
        {
            foreach (var (name, json) in PackContract.Seeds)
            {
                var input = new PackInput(name, PackMutation.None, "no change", System.Text.Encoding.UTF8.GetBytes(json), false, 1);
                PackContract.Check(input, counter);
                Assert.True(counter.Rejected == 0, $"The seed {name} does not load unchanged.");
            }
        }
        finally
        {
            FuzzStats.Report(counter, output);
        }
    }

    [Fact]
    public void Structure_WrongTypesRemovedUnknownFieldsExtremeValues_LoadOrValidationError() =>
        Run("packs.structure", 2301, 300, Inputs(PackMutation.WrongType, PackMutation.RemovedField, PackMutation.UnknownField, PackMutation.ExtremeValue, PackMutation.Truncated));

    [Fact]
    public void HostileExpressions_AreRejectedAtLoad() =>
        Run("packs.hostile", 2302, 120, Inputs(PackMutation.HostileExpression));

    [Fact]
    public void CostlyExpressions_LoadAndRunWithinTheBound() =>
        Run("packs.costly", 2303, 150, Inputs(PackMutation.CostlyExpression));

    [Fact]
    public void HugeTexts_AreRejectedOrLoad_Quickly() =>
        Run("packs.huge-texts", 2304, 100, Inputs(PackMutation.HugeText));

    [Fact]
    public void InvalidUtf8_ThroughFromStream_IsAValidationError() =>
        Run("packs.utf8", 2305, 60, Inputs(PackMutation.InvalidUtf8));
}
