using System.Text.Json;
using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Packs;

namespace CareRules.DependencyInjection.Tests.Support;

/// <summary>
/// A real, small pack file format for the hot-reload tests: the Standard pack renamed and with parameters, as JSON —
/// <c>{"name":"shop","version":"2","parameters":{"stance":"firm","smallGift":"25"}}</c>. The loader is what a
/// pack-format package would plug into <see cref="Sources.FilePackSource"/> or <c>CareRulesOptions.PackLoader</c>.
/// </summary>
public static class ParameterPack
{
    public static CompiledPack Load(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return StandardPack.Build(b =>
        {
            b.Named(root.GetProperty("name").GetString()!, root.GetProperty("version").GetString()!);
            foreach (var parameter in root.GetProperty("parameters").EnumerateObject())
            {
                b.Set(parameter.Name, parameter.Value.ValueKind == JsonValueKind.String ? parameter.Value.GetString()! : parameter.Value.GetRawText());
            }
        });
    }

    /// <summary>The same format read into a builder, not built: what <c>CareRulesOptions.PackBuilderLoader</c> takes.</summary>
    public static PackBuilder LoadBuilder(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var builder = StandardPack.CreateBuilder().Named(root.GetProperty("name").GetString()!, root.GetProperty("version").GetString()!);
        foreach (var parameter in root.GetProperty("parameters").EnumerateObject())
        {
            builder.Set(parameter.Name, parameter.Value.ValueKind == JsonValueKind.String ? parameter.Value.GetString()! : parameter.Value.GetRawText());
        }

        return builder;
    }

    public static string Json(string version, params (string Name, string Value)[] parameters) => Json("shop", version, parameters);

    public static string Json(string name, string version, params (string Name, string Value)[] parameters) =>
        JsonSerializer.Serialize(new { name, version, parameters = parameters.ToDictionary(p => p.Name, p => p.Value) });
}
