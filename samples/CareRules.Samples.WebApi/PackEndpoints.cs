using CareRules.DependencyInjection;
using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Samples.WebApi;

/// <summary><c>GET /pack</c>: the pack in force — pack name, version, parameters and rules.</summary>
public static class PackEndpoints
{
    /// <summary>
    /// Answers with the pack in force, serialized with the app's JSON options:
    /// <c>{"pack":"standard@1.0.0","name":"standard","version":"1.0.0","parameters":{"stance":"balanced",…},
    /// "rules":[{"id":…,"description":…,"priority":…,"suppressesGoodwill":…,"goodwillCapMultiplier":…,"decisionTypes":[…]}]}</c>.
    /// </summary>
    public static PackDocument Get(IPackProvider packs) => PackDocument.Of(packs.Current);
}

/// <summary>The pack in force as <c>GET /pack</c> shows it.</summary>
/// <param name="Pack">The pack id, <c>name@version</c>.</param>
/// <param name="Name">The pack name.</param>
/// <param name="Version">The pack version.</param>
/// <param name="Parameters">Every parameter in the text form the <c>CareRules:Parameters</c> configuration section accepts.</param>
/// <param name="Rules">The rules, in id order.</param>
public sealed record PackDocument(string Pack, string Name, string Version, IReadOnlyDictionary<string, string> Parameters, IReadOnlyList<RuleDocument> Rules)
{
    /// <summary>The document of a compiled pack.</summary>
    public static PackDocument Of(CompiledPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in pack.Parameters.Definitions)
        {
            parameters[parameter.Name] = pack.Parameters.Format(parameter.Name);
        }

        var rules = pack.Rules
            .Select(r => new RuleDocument(r.Id, r.Description, r.Priority, r.SuppressesGoodwill, r.GoodwillCapMultiplier, [.. r.DecisionTypes.Select(t => DecisionShape.Of(t).Name)]))
            .ToList();
        return new PackDocument(pack.Id, pack.Name, pack.Version, parameters, rules);
    }
}

/// <summary>One rule of <see cref="PackDocument"/>.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Description">What the rule is for.</param>
/// <param name="Priority">Its priority (higher first).</param>
/// <param name="SuppressesGoodwill">True when it suppresses goodwill.</param>
/// <param name="GoodwillCapMultiplier">Its goodwill cap multiplier (1 when it does not raise the cap).</param>
/// <param name="DecisionTypes">The catalog names of the decision types it may produce.</param>
public sealed record RuleDocument(string Id, string Description, int Priority, bool SuppressesGoodwill, decimal GoodwillCapMultiplier, IReadOnlyList<string> DecisionTypes);
