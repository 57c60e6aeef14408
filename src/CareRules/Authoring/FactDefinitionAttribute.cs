namespace CareRules.Authoring;

/// <summary>
/// Marks a static method that computes a fact (e.g. <c>StandardFacts.IsLate</c>) as defined by an expression tree: a
/// static field or property of type <see cref="System.Linq.Expressions.LambdaExpression"/> with the method's parameters
/// and return type. Conditions given as expression trees (<see cref="RuleBuilder.WhenExpression"/>) that call the
/// method then get the definition inlined when the pack is built, and explanations show the definition's clauses with
/// their values instead of one opaque call. The method must compute exactly what the definition says: the simplest way
/// is to run the compiled definition. A method that forwards to another fact names that fact's method instead (same
/// parameters): it shares its definition.
/// </summary>
/// <param name="declaringType">The type declaring the definition (it may be non-public).</param>
/// <param name="memberName">The name of the static field or property holding the definition, or of a static method with the same parameters and its own definition.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FactDefinitionAttribute(Type declaringType, string memberName) : Attribute
{
    /// <summary>The type declaring the definition.</summary>
    public Type DeclaringType { get; } = declaringType;

    /// <summary>The name of the static field or property holding the definition.</summary>
    public string MemberName { get; } = memberName;
}
