using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Serialization;

/// <summary>
/// A System.Text.Json converter that writes a <see cref="Verdict"/> as the verdict JSON of <see cref="VerdictJsonWriter"/>
/// (catalog 5.6), byte for byte. Register it with
/// <see cref="CareRulesJsonSerializerOptionsExtensions.ConfigureForCareRules"/>. Thread-safe.
/// </summary>
/// <remarks>
/// <para>The verdict JSON is a fixed format, so the serializer's naming policy, encoder and number handling do not
/// apply: the converter writes the bytes of <see cref="VerdictJsonWriter.ToUtf8Bytes"/> as a raw value — compact, or
/// indented when the serializer indents (<see cref="JsonSerializerOptions.WriteIndented"/>); a verdict nested in another
/// indented document keeps its own indentation.</para>
/// <para>Reading is not supported and throws <see cref="NotSupportedException"/>: a verdict is what a pack decides,
/// its decisions point to the pack's compiled outcomes and its trace messages are written from data, so JSON read back
/// could not make the same verdict. Read verdict JSON with <see cref="JsonDocument"/> where you need it.</para>
/// </remarks>
public sealed class VerdictJsonConverter : JsonConverter<Verdict>
{
    /// <summary>Not supported: a verdict is written, never read (see the remarks of the class).</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override Verdict Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A CareRules verdict is written, never read: evaluate the case again with its pack to get the verdict.");

    /// <summary>Writes the verdict JSON.</summary>
    /// <param name="writer">The serializer's writer.</param>
    /// <param name="value">The verdict.</param>
    /// <param name="options">The serializer options (only <see cref="JsonSerializerOptions.WriteIndented"/> is used, through the writer).</param>
    public override void Write(Utf8JsonWriter writer, Verdict value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(VerdictJsonWriter.ToUtf8Bytes(value, writer.Options.Indented), skipInputValidation: true);
    }
}

/// <summary>
/// A System.Text.Json converter for a <see cref="CareContext"/> in the case format (catalog section 5): it reads one
/// case object with the strict <see cref="CaseJsonReader"/> and writes it with <see cref="CaseJsonWriter"/>. Register
/// it with <see cref="CareRulesJsonSerializerOptionsExtensions.ConfigureForCareRules"/>. Thread-safe.
/// </summary>
/// <remarks>
/// <para>A bad case throws a <see cref="JsonException"/> whose message lists every problem with its JSON path inside
/// the case object (<c>$.order.total.currency: expected PLN, was EUR.</c>), and whose
/// <see cref="Exception.InnerException"/> is a <see cref="CareRulesValidationException"/> carrying the same
/// <see cref="CareRulesValidationException.Errors"/>. The serializer sets <see cref="JsonException.Path"/> to where the
/// case is in the document being read.</para>
/// <para>Like the verdict, a case is written as the bytes of <see cref="CaseJsonWriter.ToUtf8Bytes"/> (raw, compact or
/// indented); the serializer's naming policy and encoder do not apply to the case format.</para>
/// </remarks>
public sealed class CareContextJsonConverter : JsonConverter<CareContext>
{
    private readonly CaseReadOptions _options;

    /// <summary>A converter reading with <see cref="CaseReadOptions.Default"/> (PLN; a case without <c>now</c> is rejected).</summary>
    public CareContextJsonConverter()
        : this(CaseReadOptions.Default)
    {
    }

    /// <summary>A converter reading with the given options (currency; the clock for cases without <c>now</c>).</summary>
    /// <param name="options">The case read options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public CareContextJsonConverter(CaseReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Reads one case object strictly.</summary>
    /// <param name="reader">The serializer's reader, at the start of the case object.</param>
    /// <param name="typeToConvert">The type (<see cref="CareContext"/>).</param>
    /// <param name="options">The serializer options (not used: the case format is fixed).</param>
    /// <exception cref="JsonException">The value is not a case object, or the case is invalid; the message lists every path.</exception>
    public override CareContext Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected one case object, found {reader.TokenType}.");
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var results = CaseJsonReader.Read(JsonMarshal.GetRawUtf8Value(document.RootElement), _options);
        if (results.Count != 1)
        {
            throw new JsonException($"Expected one case object, found {results.Count} cases.");
        }

        var result = results[0];
        if (result.IsValid)
        {
            return result.Context;
        }

        var invalid = new CareRulesValidationException(result.CaseId is null ? "The case" : $"Case '{result.CaseId}'", result.Errors);
        throw new JsonException(invalid.Message, invalid);
    }

    /// <summary>Writes the case JSON of the context.</summary>
    /// <param name="writer">The serializer's writer.</param>
    /// <param name="value">The context.</param>
    /// <param name="options">The serializer options (only <see cref="JsonSerializerOptions.WriteIndented"/> is used, through the writer).</param>
    public override void Write(Utf8JsonWriter writer, CareContext value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(CaseJsonWriter.ToUtf8Bytes(value, writer.Options.Indented), skipInputValidation: true);
    }
}

/// <summary>Registers the CareRules System.Text.Json converters, in the manner of NodaTime's <c>ConfigureForNodaTime</c>.</summary>
public static class CareRulesJsonSerializerOptionsExtensions
{
    /// <summary>
    /// Adds <see cref="VerdictJsonConverter"/> (a <see cref="Verdict"/> as the verdict JSON) and
    /// <see cref="CareContextJsonConverter"/> (a <see cref="CareContext"/> as a case, read strictly) to
    /// <paramref name="options"/>. Works for reflection-based serialization and for source-generated
    /// <see cref="JsonSerializerContext"/>s alike: converters in <see cref="JsonSerializerOptions.Converters"/> take
    /// precedence over a context's generated metadata (<c>new JsonSerializerOptions { TypeInfoResolver =
    /// ShopJsonContext.Default }.ConfigureForCareRules()</c>), or name the converters in the context's
    /// <c>[JsonSourceGenerationOptions(Converters = [typeof(VerdictJsonConverter), typeof(CareContextJsonConverter)])]</c>.
    /// In ASP.NET Core: <c>builder.Services.ConfigureHttpJsonOptions(o =&gt; o.SerializerOptions.ConfigureForCareRules())</c>.
    /// </summary>
    /// <param name="options">The options to configure; they must not have been used yet.</param>
    /// <param name="caseOptions">How cases are read (currency, clock); <see cref="CaseReadOptions.Default"/> when null.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="options"/> are read-only (already used for serialization).</exception>
    public static JsonSerializerOptions ConfigureForCareRules(this JsonSerializerOptions options, CaseReadOptions? caseOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new VerdictJsonConverter());
        options.Converters.Add(new CareContextJsonConverter(caseOptions ?? CaseReadOptions.Default));
        return options;
    }
}
