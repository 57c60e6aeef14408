namespace CareRules.Explanations;

/// <summary>The shape of a clause of a condition.</summary>
public enum ClauseKind
{
    /// <summary><c>a &amp;&amp; b &amp;&amp; …</c>: holds when every nested clause holds; evaluated left to right, stopping at the first that does not.</summary>
    All,

    /// <summary><c>a || b || …</c>: holds when any nested clause holds; evaluated left to right, stopping at the first that does.</summary>
    Any,

    /// <summary><c>!a</c>: holds when its one nested clause does not.</summary>
    Not,

    /// <summary>A comparison (<c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>) of two operands.</summary>
    Comparison,

    /// <summary>
    /// A call. A call of a fact with a definition (<see cref="Authoring.FactDefinitionAttribute"/>, e.g. <c>IsLate</c>)
    /// has the definition's clauses nested; any other call shows its arguments as operands.
    /// </summary>
    Call,

    /// <summary>A yes/no value read from the context, e.g. <c>case.IsIncident</c>.</summary>
    Value,

    /// <summary>A compiled function the engine cannot look into: its value is known, its reasons are not.</summary>
    Opaque,
}
