using CareRules.Authoring;
using CareRules.Model;

namespace CareRules.Evaluation;

/// <summary>
/// Compiles what a <see cref="PackBuilder"/> authored. <c>Build</c> lives here, beside <see cref="CompiledPack"/>,
/// so that the authoring namespace never depends on the evaluation namespace (docs/architecture.md).
/// </summary>
public static class PackBuilderExtensions
{
    /// <summary>
    /// Validates everything and compiles the pack. Every problem is collected before anything is thrown.
    /// The builder cannot be changed or built again afterwards.
    /// </summary>
    /// <param name="builder">The builder to compile.</param>
    /// <returns>A sealed, immutable, thread-safe pack.</returns>
    /// <exception cref="CareRulesValidationException">The pack has one or more problems; all are listed.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built.</exception>
    public static CompiledPack Build(this PackBuilder builder) => Build(builder, fuse: true);

    /// <summary>
    /// Builds the pack for the general engine only: each rule's condition and functions are delegates of their own,
    /// run by the pack's loop over the rules, never fused into one method (<see cref="FusedRules"/>). The reference the
    /// fused, specialised form is tested against; what a runtime without dynamic code runs.
    /// </summary>
    internal static CompiledPack BuildGeneral(this PackBuilder builder) => Build(builder, fuse: false);

    private static CompiledPack Build(PackBuilder builder, bool fuse)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var pack = builder.Validate();
        var rules = new CompiledRule[pack.Rules.Count];
        for (int i = 0; i < rules.Length; i++)
        {
            rules[i] = new CompiledRule(pack.Rules[i]);
        }

        return new CompiledPack(pack.Name, pack.Version, pack.Parameters, pack.Calendar, rules, fuse);
    }
}
