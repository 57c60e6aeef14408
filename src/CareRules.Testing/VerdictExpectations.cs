using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Testing;

/// <summary>Entry points to <see cref="VerdictExpectation"/>: from a verdict, or by evaluating a context or a scenario with a pack.</summary>
public static class VerdictExpectations
{
    /// <summary>Assertions on a verdict. Rule ids are not checked against the pack (the verdict does not carry it); prefer the pack overloads.</summary>
    public static VerdictExpectation Expect(this Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new VerdictExpectation(verdict, null);
    }

    /// <summary>Evaluates a context and returns assertions on its verdict; rule ids in the assertions must be rules of the pack.</summary>
    public static VerdictExpectation Expect(this CompiledPack pack, CareContext context)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(context);
        return new VerdictExpectation(pack.Evaluate(context), pack, context);
    }

    /// <summary>Builds the scenario, evaluates it and returns assertions on its verdict; rule ids in the assertions must be rules of the pack.</summary>
    public static VerdictExpectation Expect(this CompiledPack pack, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return pack.Expect(scenario.Build());
    }
}
