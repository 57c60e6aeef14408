using CareRules.Time;

namespace CareRules.Authoring;

/// <summary>
/// What <see cref="PackBuilder"/> hands to compilation once everything is valid: the pack's name and version, its
/// resolved parameter values, its business calendar and its enabled rules in id order.
/// </summary>
internal sealed record ValidatedPack(string Name, string Version, ParameterValues Parameters, BusinessCalendar Calendar, IReadOnlyList<RuleBuilder> Rules);
