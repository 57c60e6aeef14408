using System.Buffers;
using System.Text;
using System.Text.Unicode;
using CareRules.Model;

namespace CareRules.RulesEngine;

/// <summary>
/// One workflow JSON document to load: its text and a name that error messages use (a file name, a resource name).
/// Holds a workflow object or an array of workflow objects, exactly as RulesEngine reads them. Immutable.
/// </summary>
public sealed class WorkflowSource
{
    private WorkflowSource(string name, string json)
    {
        Name = name;
        Json = json;
    }

    /// <summary>The name error messages give the document (e.g. <c>shop-pack.json</c>).</summary>
    public string Name { get; }

    /// <summary>The JSON text.</summary>
    public string Json { get; }

    /// <summary>A document given as text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="name">The name error messages give it.</param>
    public static WorkflowSource FromJson(string json, string name = "workflow.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new WorkflowSource(name, json);
    }

    /// <summary>A document read from a file (UTF-8, strictly); error messages name the file.</summary>
    /// <param name="path">The file's path.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="CareRulesValidationException">The file is not valid UTF-8 (the error gives the byte offset).</exception>
    public static WorkflowSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string name = Path.GetFileName(path);
        return new WorkflowSource(name, Decode(File.ReadAllBytes(path), name));
    }

    /// <summary>A document read from a stream (UTF-8, strictly) to its end; the stream is left open.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="name">The name error messages give it.</param>
    /// <exception cref="CareRulesValidationException">The stream is not valid UTF-8 (the error gives the byte offset).</exception>
    public static WorkflowSource FromStream(Stream stream, string name = "workflow.json")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new WorkflowSource(name, Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), name));
    }

    /// <summary>
    /// UTF-8 to text, refusing invalid bytes instead of replacing them (a replaced byte would silently change a
    /// reason or an expression). A byte-order mark is skipped.
    /// </summary>
    private static string Decode(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out int read, out int written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            string at = read < bytes.Length ? $"0x{bytes[read]:X2} at byte {read}" : $"an incomplete sequence at byte {read}";
            throw new CareRulesValidationException($"Workflow document '{name}'", [new ValidationError(name, $"is not valid UTF-8: {at}; save the file as UTF-8.")]);
        }

        return new string(chars, 0, written);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
