using System.CommandLine;

namespace CareRules.Tool;

/// <summary>
/// <c>carerules schema [case|pack] [--out DIR]</c>: prints the JSON Schema (draft 2020-12) of the case format or of the
/// workflow JSON pack format, or writes them as <c>carerules-case.schema.json</c> and <c>carerules-pack.schema.json</c>
/// into a folder. The schemas are the files the CareRules and CareRules.RulesEngine packages ship in their
/// <c>schemas/</c> folder, embedded here from the same files.
/// </summary>
internal static class SchemaCommand
{
    private static readonly (string Name, string File)[] Schemas =
    [
        ("case", "carerules-case.schema.json"),
        ("pack", "carerules-pack.schema.json"),
    ];

    public static Command Create(ToolIO io)
    {
        var name = new Argument<string?>("SCHEMA")
        {
            Description = "case (one case object of a case file) or pack (a workflow JSON pack); without it, --out writes both",
            Arity = ArgumentArity.ZeroOrOne,
        };
        name.AcceptOnlyFromAmong([.. Schemas.Select(s => s.Name)]);
        var output = new Option<string?>("--out") { Description = "write the schema files into this folder (created if missing) instead of printing", HelpName = "DIR" };
        var command = new Command("schema", "Prints the JSON Schema of the case format (case) or of workflow JSON packs (pack), or writes them with --out DIR.") { name, output };
        command.SetAction(r => Run(io, r.GetValue(name), r.GetValue(output)));
        return command;
    }

    /// <summary>The text of a schema, as shipped: <c>case</c> or <c>pack</c>.</summary>
    public static string Text(string name)
    {
        string file = Array.Find(Schemas, s => s.Name == name).File ?? throw new ArgumentException($"no schema '{name}'", nameof(name));
        using var stream = typeof(SchemaCommand).Assembly.GetManifestResourceStream(file)
            ?? throw new InvalidOperationException($"The tool was built without its embedded {file}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static int Run(ToolIO io, string? name, string? folder)
    {
        if (folder is null)
        {
            if (name is null)
            {
                return io.Usage("name the schema to print, case or pack (or give --out DIR to write both)");
            }

            io.Out.Write(Text(name));
            return ToolApp.Ok;
        }

        try
        {
            Directory.CreateDirectory(folder);
            foreach (var (schema, file) in Schemas.Where(s => name is null || s.Name == name))
            {
                string path = Path.Combine(folder, file);
                File.WriteAllText(path, Text(schema));
                io.Out.WriteLine(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return io.Usage($"--out {folder}: {ex.Message}");
        }

        return ToolApp.Ok;
    }
}
