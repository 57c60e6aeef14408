using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Testing;

/// <summary>Entry points to <see cref="VerdictExpectation"/>: from a verdict, or by evaluating a context or a scenario with a policy.</summary>
public static class VerdictExpectations
{
    /// <summary>Assertions on a verdict. Rule ids are not checked against the pack (the verdict does not carry it); prefer the policy overloads.</summary>
    public static VerdictExpectation Expect(this Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new VerdictExpectation(verdict, null);
    }

    /// <summary>Evaluates a context and returns assertions on its verdict; rule ids in the assertions must be rules of the policy.</summary>
    public static VerdictExpectation Expect(this CompiledPolicy policy, CareContext context)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(context);
        return new VerdictExpectation(policy.Evaluate(context), policy);
    }

    /// <summary>Builds the scenario, evaluates it and returns assertions on its verdict; rule ids in the assertions must be rules of the policy.</summary>
    public static VerdictExpectation Expect(this CompiledPolicy policy, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return policy.Expect(scenario.Build());
    }
}
