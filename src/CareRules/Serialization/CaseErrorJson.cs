using System.Text.Json;

namespace CareRules.Serialization;

/// <summary>
/// Writes the error line of a rejected case (catalog section 6):
/// <c>{"index":0,"caseId":"K-1","errors":[{"path":"$.order.total.currency","message":"expected PLN, was EUR."}]}</c>.
/// <c>caseId</c> is omitted when it is not known. Byte-stable; static and thread-safe. Uses the options of
/// <see cref="VerdictJsonWriter.WriterOptions"/>.
/// </summary>
public static class CaseErrorJson
{
    private static readonly JsonEncodedText Index = JsonEncodedText.Encode("index");
    private static readonly JsonEncodedText CaseId = JsonEncodedText.Encode("caseId");
    private static readonly JsonEncodedText Errors = JsonEncodedText.Encode("errors");
    private static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");

    /// <summary>Writes the error object of a read result at the writer's current position.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="result">The result; a valid one is written with an empty <c>errors</c> array.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, CaseReadResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteNumber(Index, result.Index);
        if (result.CaseId is not null)
        {
            writer.WriteString(CaseId, result.CaseId);
        }

        writer.WriteStartArray(Errors);
        foreach (var error in result.Errors)
        {
            writer.WriteStartObject();
            writer.WriteString(Path, error.Path);
            writer.WriteString(Message, error.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The error line of a read result, compact (one line, fit for JSON Lines on stderr).</summary>
    /// <param name="result">The result.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string ToJson(CaseReadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonFormat.ToJson(result, indented: false, Write);
    }

    /// <summary>The error line of a read result as UTF-8 bytes, compact.</summary>
    /// <param name="result">The result.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static byte[] ToUtf8Bytes(CaseReadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonFormat.ToUtf8Bytes(result, indented: false, Write);
    }
}
