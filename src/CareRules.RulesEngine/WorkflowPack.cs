using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Authoring;
using CareRules.RulesEngine.Loading;

namespace CareRules.RulesEngine;

/// <summary>
/// Pack packs authored as Microsoft RulesEngine workflow JSON. A workflow's rules are CareRules rules: the
/// <c>RuleName</c> is the rule id, the <c>Expression</c> (or nested <c>Rules</c> combined by <c>Operator</c>, with
/// <c>LocalParams</c> and the workflow's <c>GlobalParams</c>) is the condition, and the rule's <c>Properties</c> hold
/// its priority, description and decisions. Loading parses every expression once with RulesEngine's own parser,
/// type-checks and sandboxes it, and reports every problem of every document at once; building the returned
/// <see cref="PackBuilder"/> binds the parameter values and compiles the same <see cref="CompiledPack"/> — the
/// same hot loop — as a C# pack. The schema, the inputs, the helpers and the sandbox are described in the package
/// README. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// CompiledPack pack = WorkflowPack
///     .Extend(StandardPack.CreateBuilder(), WorkflowSource.FromFile("shop-pack.json"))
///     .Build();
/// </code>
/// </example>
public static class WorkflowPack
{
    /// <summary>The manifest resource name of the embedded <c>standard.json</c>.</summary>
    public const string StandardResourceName = "CareRules.RulesEngine.Packs.standard.json";

    private static readonly Lazy<string> LazyStandardJson = new(ReadStandardJson);

    private static readonly Lazy<LoadedPack> LazyStandard = new(() =>
        PackCompiler.Compile([WorkflowSource.FromJson(StandardJson, "standard.json")], [.. CoreParameters.All, .. StandardParameters.All], []));

    private static readonly Lazy<CompiledPack> LazyStandardPack = new(() => CreateStandardBuilder().Build());

    /// <summary>
    /// The Standard pack as workflow JSON (the embedded <c>standard.json</c>): the same rule ids, priorities,
    /// conditions, decisions and reasons as the C# <see cref="StandardPack"/>, over the parameters of
    /// <see cref="StandardParameters"/>. A starting point for a pack of one's own.
    /// </summary>
    public static string StandardJson => LazyStandardJson.Value;

    /// <summary>The Standard pack compiled from <see cref="StandardJson"/> with every default, built once.</summary>
    public static CompiledPack Standard => LazyStandardPack.Value;

    /// <summary>
    /// A new builder holding the Standard pack from <see cref="StandardJson"/> (named <c>standard@1.0.0</c>, with the
    /// parameters of <see cref="StandardParameters"/>), to override parameters, disable rules or extend before building.
    /// </summary>
    public static PackBuilder CreateStandardBuilder()
    {
        var builder = new PackBuilder(StandardPack.Name, StandardPack.Version);
        foreach (var parameter in StandardParameters.All)
        {
            builder.Define(parameter);
        }

        return LazyStandard.Value.ApplyTo(builder);
    }

    /// <summary>
    /// Loads a pack of its own from workflow documents: the engine's core parameters plus any the documents define.
    /// The pack is named by a document's <c>Pack</c> member (<c>"name@version"</c>), else after the first workflow.
    /// </summary>
    /// <param name="sources">The documents (one or more).</param>
    /// <returns>A builder holding the pack; call <see cref="PackBuilderExtensions.Build"/>.</returns>
    /// <exception cref="CareRulesValidationException">The documents have problems; every one is listed, each naming its document, workflow, rule and field.</exception>
    public static PackBuilder Load(params WorkflowSource[] sources)
    {
        var loaded = PackCompiler.Compile(sources, CoreParameters.All, []);
        var builder = new PackBuilder(loaded.FirstWorkflow ?? "workflow", "1.0.0");
        return loaded.ApplyTo(builder);
    }

    /// <summary>
    /// Extends a base pack (C# or JSON) with workflow documents: their <c>Parameters</c> override the base's values
    /// or define new parameters, their <c>DisabledRules</c> disable rules by id, their rules are added, and a
    /// <c>Pack</c> member renames the pack.
    /// </summary>
    /// <param name="basePack">The base pack's builder, e.g. <see cref="StandardPack.CreateBuilder"/> or <see cref="CreateStandardBuilder"/>.</param>
    /// <param name="sources">The documents (one or more).</param>
    /// <returns><paramref name="basePack"/>, extended.</returns>
    /// <exception cref="CareRulesValidationException">The documents have problems; every one is listed.</exception>
    /// <exception cref="InvalidOperationException">The base builder has already built.</exception>
    public static PackBuilder Extend(PackBuilder basePack, params WorkflowSource[] sources)
    {
        ArgumentNullException.ThrowIfNull(basePack);
        return PackCompiler.Compile(sources, basePack.Parameters, basePack.RuleIds).ApplyTo(basePack);
    }

    private static string ReadStandardJson()
    {
        using var stream = typeof(WorkflowPack).Assembly.GetManifestResourceStream(StandardResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{StandardResourceName}' is missing from {typeof(WorkflowPack).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
