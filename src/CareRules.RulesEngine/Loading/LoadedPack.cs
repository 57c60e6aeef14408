using CareRules.Authoring;
using CareRules.RulesEngine.Expressions;

namespace CareRules.RulesEngine.Loading;

/// <summary>
/// Workflow documents loaded and validated against a parameter set: what they add to a pack (name, parameters,
/// overrides, rules, disabled rules), ready to be applied to any builder with that parameter set. Immutable and
/// thread-safe; applying it to a builder is cheap (rules are bound to parameter values only when the builder builds).
/// </summary>
internal sealed class LoadedPack
{
    private readonly ExpressionEnvironment _env;

    public LoadedPack(ExpressionEnvironment env, string? packName, string? packVersion, string? firstWorkflow, IReadOnlyList<ParameterDefinition> definitions, IReadOnlyList<(string Name, string Text)> overrides, IReadOnlyList<PreparedRule> rules, IReadOnlyList<string> disabled)
    {
        _env = env;
        PackName = packName;
        PackVersion = packVersion;
        FirstWorkflow = firstWorkflow;
        Definitions = definitions;
        Overrides = overrides;
        Rules = rules;
        Disabled = disabled;
    }

    public string? PackName { get; }

    public string? PackVersion { get; }

    public string? FirstWorkflow { get; }

    public IReadOnlyList<ParameterDefinition> Definitions { get; }

    public IReadOnlyList<(string Name, string Text)> Overrides { get; }

    public IReadOnlyList<PreparedRule> Rules { get; }

    public IReadOnlyList<string> Disabled { get; }

    public PackBuilder ApplyTo(PackBuilder builder)
    {
        if (PackName is not null)
        {
            builder.Named(PackName, PackVersion!);
        }

        foreach (var definition in Definitions)
        {
            builder.Define(definition);
        }

        foreach (var (name, text) in Overrides)
        {
            builder.Set(name, text);
        }

        foreach (var rule in Rules)
        {
            var r = rule;
            builder.Rule(r.Id, (b, values) => r.Configure(b, values, _env));
            if (!r.Enabled)
            {
                builder.DisableRule(r.Id);
            }
        }

        foreach (var id in Disabled)
        {
            builder.DisableRule(id);
        }

        return builder;
    }
}
