namespace CareRules.Explanations;

/// <summary>
/// One clause of a rule's condition, evaluated for one context: its source text, its value, the values of its operands,
/// its nested clauses (for <c>&amp;&amp;</c>, <c>||</c>, <c>!</c> and calls of defined facts), and, when it is a false
/// comparison with a threshold, where it would turn true. Immutable.
/// </summary>
public sealed class Clause
{
    internal Clause(ClauseKind kind, string expression, ClauseValue value, IReadOnlyList<Operand> operands, IReadOnlyList<Clause> clauses, NearestFlip? flip, string? error)
    {
        Kind = kind;
        Expression = expression;
        Value = value;
        Operands = operands;
        Clauses = clauses;
        Flip = flip;
        Error = error;
    }

    /// <summary>The clause's shape.</summary>
    public ClauseKind Kind { get; }

    /// <summary>
    /// Its source text with the context's parts named as a pack author names them: <c>customer</c>, <c>order</c>,
    /// <c>case</c>, <c>today</c>, <c>now</c>, <c>calendar</c>, parameters by their names.
    /// </summary>
    public string Expression { get; }

    /// <summary>What it evaluated to.</summary>
    public ClauseValue Value { get; }

    /// <summary>The operands with their values (for comparisons both sides; for calls the arguments that are not constants); empty when not evaluated.</summary>
    public IReadOnlyList<Operand> Operands { get; }

    /// <summary>The nested clauses: every operand of <c>&amp;&amp;</c> and <c>||</c> in order, the one of <c>!</c>, the definition of a called fact.</summary>
    public IReadOnlyList<Clause> Clauses { get; }

    /// <summary>Where a false comparison with a threshold would turn true; null otherwise.</summary>
    public NearestFlip? Flip { get; }

    /// <summary>Why evaluating the clause failed, when <see cref="Value"/> is <see cref="ClauseValue.Failed"/>.</summary>
    public string? Error { get; }

    internal Clause WithoutFlip() => Flip is null ? this : new(Kind, Expression, Value, Operands, Clauses, null, Error);

    /// <summary>The clause's source text and value.</summary>
    public override string ToString() => $"{Expression} → {ExplanationText.Of(Value)}";
}
