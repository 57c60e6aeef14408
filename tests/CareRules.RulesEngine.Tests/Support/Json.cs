using System.Text.Json;
using CareRules.Model;

namespace CareRules.RulesEngine.Tests.Support;

/// <summary>Small builders of workflow JSON for tests.</summary>
internal static class Json
{
    /// <summary>A rule with one advise decision, as a JSON-ready object.</summary>
    public static Dictionary<string, object?> Rule(string name, string expression, object? decisions = null, object? localParams = null) => new()
    {
        ["RuleName"] = name,
        ["Expression"] = expression,
        ["LocalParams"] = localParams,
        ["Properties"] = new Dictionary<string, object?>
        {
            ["decisions"] = decisions ?? new object[] { new Dictionary<string, object?> { ["type"] = "advise", ["advice"] = "resolve-privately", ["reason"] = "Test." } },
        },
    };

    public static string Workflow(string name, params object[] rules) => Serialize(new Dictionary<string, object?> { ["WorkflowName"] = name, ["Rules"] = rules });

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static string Serialize(object value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Loads over the Standard pack and returns the validation errors (failing the test when there are none).</summary>
    public static IReadOnlyList<ValidationError> Errors(string json, string name = "test.json") =>
        Assert.Throws<CareRulesValidationException>(() => WorkflowPack.Extend(global::CareRules.Packs.StandardPack.CreateBuilder(), WorkflowSource.FromJson(json, name))).Errors;
}
