using System.CommandLine;
using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Tool;

/// <summary>
/// <c>carerules check PACK.json...</c>: loads the workflow packs over the Standard pack and builds them; prints every
/// problem with its path (exit 1) or one line naming the valid pack (exit 0).
/// </summary>
internal static class CheckCommand
{
    public static Command Create(ToolIO io)
    {
        var packs = new Argument<string[]>("PACK.json")
        {
            Description = "workflow JSON packs, loaded together over the Standard pack",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("check", "Validates workflow JSON packs: every problem with its path; exit 0 valid, 1 invalid.") { packs };
        command.SetAction(r => Run(io, r.GetValue(packs) ?? []));
        return command;
    }

    private static int Run(ToolIO io, string[] files)
    {
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                return io.Usage($"no such file '{file}'");
            }
        }

        var (builder, problems) = PackLoader.Load(files);
        if (builder is not null)
        {
            try
            {
                var pack = builder.Build();
                io.Out.WriteLine($"ok: {pack.Id} ({pack.Rules.Count} rules) from {string.Join(", ", files.Select(Path.GetFileName))}");
                return ToolApp.Ok;
            }
            catch (CareRulesValidationException ex)
            {
                problems.AddRange(ex.Errors.Select(e => $"{e.Path}: {e.Message}"));
            }
        }

        foreach (var problem in problems)
        {
            io.Out.WriteLine(problem.StartsWith("--pack ", StringComparison.Ordinal) ? problem["--pack ".Length..] : problem);
        }

        io.Out.WriteLine(problems.Count == 1 ? "1 problem" : $"{problems.Count} problems");
        return ToolApp.Rejected;
    }
}
