namespace CareRules.DependencyInjection.Tests.Support;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "carerules-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Replaces a file atomically: write a temporary file beside it, then rename it over the target.</summary>
    public void Replace(string name, string content)
    {
        string temp = File(name + "." + Guid.NewGuid().ToString("N") + ".tmp");
        System.IO.File.WriteAllText(temp, content);
        System.IO.File.Move(temp, File(name), overwrite: true);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
