using System.Text.Json;
using CareRules.Evaluation;
using CareRules.Serialization;
using CareRules.DependencyInjection;
using CareRules.Model;

namespace CareRules.Samples.WebApi;

/// <summary><c>GET /pack</c>: the pack in force — pack name, version, parameters and rules.</summary>
public static class PackEndpoints
{
    /// <summary>Answers with the pack in force as JSON.</summary>
    public static IResult Get(IPackProvider packs) =>
        Results.Bytes(ToUtf8Bytes(packs.Current), "application/json");

    /// <summary>
    /// <c>{"pack":"standard@1.0.0","name":"standard","version":"1.0.0","parameters":{"stance":"balanced",…},
    /// "rules":[{"id":…,"description":…,"priority":…,"suppressesGoodwill":…,"goodwillCapMultiplier":…,"decisionTypes":[…]}]}</c>.
    /// Parameters are written in the text form the <c>CareRules:Parameters</c> configuration section accepts.
    /// </summary>
    public static byte[] ToUtf8Bytes(CompiledPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, VerdictJsonWriter.WriterOptions()))
        {
            writer.WriteStartObject();
            writer.WriteString("pack", pack.Id);
            writer.WriteString("name", pack.Name);
            writer.WriteString("version", pack.Version);
            writer.WriteStartObject("parameters");
            foreach (var parameter in pack.Parameters.Definitions)
            {
                writer.WriteString(parameter.Name, pack.Parameters.Format(parameter.Name));
            }

            writer.WriteEndObject();
            writer.WriteStartArray("rules");
            foreach (var rule in pack.Rules)
            {
                writer.WriteStartObject();
                writer.WriteString("id", rule.Id);
                writer.WriteString("description", rule.Description);
                writer.WriteNumber("priority", rule.Priority);
                writer.WriteBoolean("suppressesGoodwill", rule.SuppressesGoodwill);
                writer.WriteNumber("goodwillCapMultiplier", rule.GoodwillCapMultiplier);
                writer.WriteStartArray("decisionTypes");
                foreach (var type in rule.DecisionTypes)
                {
                    writer.WriteStringValue(CatalogNames.Of(type));
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
