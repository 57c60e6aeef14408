using System.Text.Json;
using CareRules.Model;

namespace CareRules.Serialization;

/// <summary>
/// Writes a <see cref="CareContext"/> in the case format of catalog section 5, every field explicit (optional values
/// as <c>null</c>, flag sets as arrays in catalog order), so that <see cref="CaseJsonReader"/> reads back an equal
/// context. Byte-stable; static and thread-safe. Uses the options of <see cref="VerdictJsonWriter.WriterOptions"/>.
/// </summary>
public static class CaseJsonWriter
{
    /// <summary>Writes the context as one case object at the writer's current position.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="context">The context.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, CareContext context)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        CaseJsonText.WriteContext(writer, context);
    }

    /// <summary>The context as JSON text in the case format.</summary>
    /// <param name="context">The context.</param>
    /// <param name="indented">True to indent with two spaces and <c>\n</c> new lines; compact (one line, fit for JSON Lines) by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public static string ToJson(CareContext context, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        return JsonFormat.ToJson(context, indented, Write);
    }

    /// <summary>The context as UTF-8 JSON bytes in the case format.</summary>
    /// <param name="context">The context.</param>
    /// <param name="indented">True to indent with two spaces and <c>\n</c> new lines; compact (one line) by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public static byte[] ToUtf8Bytes(CareContext context, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        return JsonFormat.ToUtf8Bytes(context, indented, Write);
    }
}
