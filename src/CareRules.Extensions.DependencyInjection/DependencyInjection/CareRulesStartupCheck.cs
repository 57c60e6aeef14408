namespace CareRules.DependencyInjection;

/// <summary>
/// A marker options type whose only purpose is to be validated when the host starts (<c>ValidateOnStart</c>): its
/// validator builds the first pack, so a bad configuration stops the start with every problem listed. A separate
/// type, not a validator of <see cref="CareRulesOptions"/>, so that the pack is built once, not once to validate and
/// once to use, and so that a bad configuration on a hot reload is rejected and logged by the provider rather than
/// thrown by the options system.
/// </summary>
internal sealed class CareRulesStartupCheck
{
}
