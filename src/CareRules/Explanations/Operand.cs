namespace CareRules.Explanations;

/// <summary>One operand of a clause with its value for the context explained.</summary>
/// <param name="Expression">The operand's source text, e.g. <c>order.PromisedBy</c> or <c>contactBoundary</c>.</param>
/// <param name="Value">Its value, formatted for a reader: dates <c>2026-11-25</c>, instants in the pack's time zone, amounts <c>20.00 PLN</c>, durations <c>6 days 23h 48 min</c>, <c>null</c>.</param>
/// <param name="Parameter">The pack parameter the operand is, when it is one (e.g. <c>contactBoundary</c>); otherwise null.</param>
public sealed record Operand(string Expression, string Value, string? Parameter = null);
