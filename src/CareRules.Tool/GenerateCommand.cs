using System.CommandLine;
using CareRules.Serialization;
using CareRules.Testing;

namespace CareRules.Tool;

/// <summary>
/// <c>carerules generate --count N [--seed S]</c>: JSON Lines of synthetic, valid cases from CareRules.Testing's
/// generators (the same seed gives the same cases).
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(ToolIO io)
    {
        var count = new Option<int>("--count") { Description = "how many cases", Required = true, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "the generator's seed (default 0)", HelpName = "S" };
        var command = new Command("generate", "Writes synthetic cases as JSON Lines (input for evaluate).") { count, seed };
        command.SetAction(r =>
        {
            int n = r.GetValue(count);
            if (n < 0)
            {
                return io.Usage($"--count must be zero or more (got {n})");
            }

            foreach (var context in CareGenerators.Sample(n, r.GetValue(seed)))
            {
                io.Out.WriteLine(CaseJsonWriter.ToJson(context));
            }

            return ToolApp.Ok;
        });
        return command;
    }
}
