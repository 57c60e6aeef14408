using System.Reflection;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Serialization;
using NodaTime;

namespace CareRules.Samples.Console;

/// <summary>The console main job: evaluates case files (or the bundled cases) with the Standard pack.</summary>
internal static class ConsoleApp
{
    public const int Ok = 0;
    public const int Rejected = 1;
    public const int UsageError = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, IClock clock)
    {
        var line = CommandLine.Parse(args, out var usageError);
        if (line is null)
        {
            stderr.WriteLine("error: " + usageError);
            stderr.WriteLine(CommandLine.Usage);
            return UsageError;
        }

        if (line.Help)
        {
            stdout.WriteLine(CommandLine.Usage);
            return Ok;
        }

        CompiledPack pack;
        try
        {
            pack = StandardPack.Build(b =>
            {
                foreach (var (name, value) in line.Parameters)
                {
                    b.Set(name, value);
                }
            });
        }
        catch (CareRulesValidationException ex)
        {
            foreach (var e in ex.Errors)
            {
                stderr.WriteLine($"error: --param {e.Path.Replace("parameters['", "", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal)}: {e.Message}");
            }

            stderr.WriteLine(CommandLine.Usage);
            return UsageError;
        }

        foreach (var file in line.Files)
        {
            if (file != "-" && !File.Exists(file))
            {
                stderr.WriteLine($"error: no such file '{file}'");
                return UsageError;
            }
        }

        var options = new CaseReadOptions { Currency = pack.Parameters.Currency, Clock = clock };
        var inputs = line.Files.Count == 0
            ? [("(bundled)", ReadBundled(options))]
            : line.Files.Select(f => (f, Read(f, options))).ToList();

        bool anyRejected = false;
        var evaluated = new List<(CaseReadResult Case, Verdict Verdict)>();
        foreach (var (file, results) in inputs)
        {
            foreach (var result in results)
            {
                if (!result.IsValid)
                {
                    anyRejected = true;
                    stderr.WriteLine(CaseErrorJson.ToJson(result));
                    continue;
                }

                Verdict verdict;
                try
                {
                    verdict = pack.Evaluate(result.Context!);
                }
                catch (CareRulesValidationException ex)
                {
                    anyRejected = true;
                    stderr.WriteLine(CaseErrorJson.ToJson(CaseReadResult.Rejected(result.Index, result.CaseId, ex.Errors.Select(e => e with { Path = "$." + e.Path }).ToList())));
                    continue;
                }
#pragma warning disable CA1031 // one case's unexpected failure is that case's error line; the other cases go on
                catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
                {
                    anyRejected = true;
                    stderr.WriteLine(CaseErrorJson.ToJson(CaseReadResult.Rejected(result.Index, result.CaseId, [new ValidationError("$", $"could not be evaluated: {ex.GetType().Name}: {ex.Message}")])));
                    continue;
                }

                if (line.Json)
                {
                    stdout.WriteLine(VerdictJsonWriter.ToJson(verdict));
                }
                else
                {
                    evaluated.Add((result, verdict));
                }
            }
        }

        if (!line.Json)
        {
            int rejected = inputs.Sum(i => i.Item2.Count(r => !r.IsValid));
            Report.Write(stdout, pack, evaluated, rejected);
        }

        return anyRejected ? Rejected : Ok;
    }

    private static IReadOnlyList<CaseReadResult> Read(string file, CaseReadOptions options)
    {
        if (file == "-")
        {
            using var stdin = System.Console.OpenStandardInput();
            return CaseJsonReader.Read(stdin, options);
        }

        using var stream = File.OpenRead(file);
        return CaseJsonReader.Read(stream, options);
    }

    private static IReadOnlyList<CaseReadResult> ReadBundled(CaseReadOptions options)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("standard-cases.json")
            ?? throw new InvalidOperationException("The bundled cases are missing from the assembly.");
        return CaseJsonReader.Read(stream, options);
    }
}
