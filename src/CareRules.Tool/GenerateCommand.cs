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
    private const int Block = 100_000;

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

            // In blocks, so that millions of cases never sit in memory at once: the first block is exactly
            // CareGenerators.Sample(n, seed), later blocks use seeds derived from it.
            int s = r.GetValue(seed);
            for (int block = 0, done = 0; done < n; block++)
            {
                int count = Math.Min(Block, n - done);
                foreach (var context in CareGenerators.Sample(count, block == 0 ? s : unchecked((s * 1_000_003) + block)))
                {
                    io.Out.WriteLine(CaseJsonWriter.ToJson(context));
                }

                done += count;
            }

            return ToolApp.Ok;
        });
        return command;
    }
}
