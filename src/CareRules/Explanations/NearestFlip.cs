namespace CareRules.Explanations;

/// <summary>
/// Where a false comparison of a fact with a threshold (a constant, a parameter, or the clock against a date of the
/// case) would turn true, e.g. "fires from customer.ContactsLast7Days ≥ 5 (contactBoundary); was 4" or "fires after
/// 2026-11-25 (local date, Europe/Warsaw)".
/// </summary>
/// <param name="Fact">The side that varies: a fact of the context, or <c>today</c> / <c>now</c>.</param>
/// <param name="Operator">The comparison that would hold, with the fact on the left: <c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c> or <c>&gt;=</c>.</param>
/// <param name="Threshold">The threshold's value, formatted as operands are.</param>
/// <param name="Parameters">The pack parameters the threshold comes from (empty when it is a constant or a date of the case).</param>
/// <param name="Was">The fact's value for the context explained.</param>
/// <param name="Text">The whole flip as one sentence fragment, e.g. <c>fires from customer.ContactsLast7Days ≥ 5 (contactBoundary); was 4</c>.</param>
public sealed record NearestFlip(string Fact, string Operator, string Threshold, IReadOnlyList<string> Parameters, string Was, string Text);
