using System.Text;

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

    /// <summary>A document read from a file (UTF-8); error messages name the file.</summary>
    /// <param name="path">The file's path.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static WorkflowSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new WorkflowSource(Path.GetFileName(path), File.ReadAllText(path, Encoding.UTF8));
    }

    /// <summary>A document read from a stream (UTF-8) to its end; the stream is left open.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="name">The name error messages give it.</param>
    public static WorkflowSource FromStream(Stream stream, string name = "workflow.json")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);
        return new WorkflowSource(name, reader.ReadToEnd());
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
