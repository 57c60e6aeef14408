namespace CareRules.Explanations;

/// <summary>What a clause of a condition evaluated to for one context.</summary>
public enum ClauseValue
{
    /// <summary>The clause held.</summary>
    True,

    /// <summary>The clause did not hold.</summary>
    False,

    /// <summary>The clause was not evaluated: an earlier clause of its <c>&amp;&amp;</c> or <c>||</c> already decided the result (short-circuit).</summary>
    NotEvaluated,

    /// <summary>Evaluating the clause threw; the condition counts it as not holding (<see cref="Clause.Error"/> says why).</summary>
    Failed,
}
