using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Authoring;

namespace CareRules.DependencyInjection;

/// <summary>
/// What <c>AddCareRules</c> builds: the Standard pack with parameter overrides (the default), or a pack file read by a
/// loader. Bound from the configuration section <see cref="SectionName"/> and/or set in code. Checked when the host
/// starts: every problem is listed, and an unknown setting or parameter name is an error, never ignored.
/// </summary>
/// <example>
/// <code>
/// "CareRules": { "Parameters": { "stance": "firm", "smallGift": "25" } }
/// </code>
/// </example>
public sealed class CareRulesOptions
{
    /// <summary>The configuration section read by convention: <c>CareRules</c>.</summary>
    public const string SectionName = "CareRules";

    /// <summary>
    /// Parameter overrides of the Standard pack by catalog name (<c>stance</c>, <c>smallGift</c>, <c>replySla</c>…),
    /// values in text form as <c>PackBuilder.Set(name, text)</c> reads them. Names are case-sensitive; an unknown
    /// name or a bad value fails the start (or, on a hot reload, is rejected and the pack in force kept).
    /// </summary>
    public IDictionary<string, string> Parameters { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// A pack file to use instead of the Standard pack, read with <see cref="PackBuilderLoader"/> (or
    /// <see cref="PackLoader"/>) and reloaded when it changes. A relative path is taken from the current directory.
    /// With <see cref="PackBuilderLoader"/>, <see cref="Parameters"/> apply over the file's values and
    /// <see cref="Customize"/> runs last; with <see cref="PackLoader"/>, which returns a built pack, both must stay empty.
    /// </summary>
    public string? PackFile { get; set; }

    /// <summary>
    /// Builds a pack from the text of <see cref="PackFile"/> (set in code, e.g. by a pack-format package); throws,
    /// preferably a <see cref="CareRulesValidationException"/> listing every problem, when the text is not a valid pack.
    /// Prefer <see cref="PackBuilderLoader"/>, which lets configuration parameters apply over the file's values.
    /// </summary>
    public Func<string, CompiledPack>? PackLoader { get; set; }

    /// <summary>
    /// Reads the text of <see cref="PackFile"/> into a pack builder, not yet built: the file's values come first, then
    /// <see cref="Parameters"/> are set over them, then <see cref="Customize"/> runs, then the pack is built. Throws,
    /// preferably a <see cref="CareRulesValidationException"/> listing every problem, when the text is not a valid
    /// pack. For a workflow JSON pack (package <c>CareRules.RulesEngine</c>):
    /// <c>text =&gt; WorkflowPack.Extend(StandardPack.CreateBuilder(), WorkflowSource.FromJson(text, "pack.json"))</c>.
    /// Set this or <see cref="PackLoader"/>, not both.
    /// </summary>
    public Func<string, PackBuilder>? PackBuilderLoader { get; set; }

    /// <summary>
    /// Changes the pack in code before it is built (the Standard pack, or the builder of
    /// <see cref="PackBuilderLoader"/>), after <see cref="Parameters"/> are applied: disable rules
    /// by id, add the shop's own rules, set typed parameters (see <see cref="StandardPack.Build"/>). Runs again on
    /// every reload.
    /// </summary>
    public Action<PackBuilder>? Customize { get; set; }

    /// <summary>Problems found while reading configuration (unknown settings), reported when the pack is built.</summary>
    internal List<ValidationError> ConfigurationErrors { get; } = [];

    /// <summary>
    /// True when every configuration section read (see <c>AddCareRules(IConfiguration)</c>) held no setting at all —
    /// missing, <c>{}</c>, or emptied by a configuration file that could not be read; null when none was read.
    /// </summary>
    internal bool? ConfigurationEmpty { get; set; }

    /// <summary>The configuration path the settings were read from (e.g. <c>CareRules</c>); <see cref="SectionName"/> when set in code.</summary>
    internal string SectionPath { get; set; } = SectionName;
}
