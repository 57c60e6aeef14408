using CareRules.Fuzz.Tests.Support;
using Xunit.Abstractions;

namespace CareRules.Fuzz.Tests.Cases;

/// <summary>
/// Mutated case files (docs/fuzzing.md, "Cases"): batches of good and mutated cases as JSON Lines, arrays and single
/// objects, each held to <see cref="CaseContract"/>. Fixed seeds; <c>CARERULES_FUZZ=long</c> tries 20 times as many.
/// </summary>
[Collection(FuzzSequence.Name)]
public sealed class CaseFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void JsonLines_WithBrokenLines_GoodCasesKeepTheirVerdicts()
    {
        var counter = FuzzStats.Start("cases.json-lines");
        try
        {
            FuzzRun.Check("cases.json-lines", seed: 1301, normal: 400, CaseBatches.Lines, batch => CaseContract.Check(batch, counter));
        }
        finally
        {
            FuzzStats.Report(counter, output);
        }
    }

    [Fact]
    public void Arrays_OfGoodAndMutatedCases_GoodCasesKeepTheirVerdicts()
    {
        var counter = FuzzStats.Start("cases.array");
        try
        {
            FuzzRun.Check("cases.array", seed: 1302, normal: 300, CaseBatches.Array, batch => CaseContract.Check(batch, counter));
        }
        finally
        {
            FuzzStats.Report(counter, output);
        }
    }

    [Fact]
    public void SingleCases_Mutated_NeverThrow()
    {
        var counter = FuzzStats.Start("cases.single");
        try
        {
            FuzzRun.Check("cases.single", seed: 1303, normal: 300, CaseBatches.Single, batch => CaseContract.Check(batch, counter));
        }
        finally
        {
            FuzzStats.Report(counter, output);
        }
    }
}
