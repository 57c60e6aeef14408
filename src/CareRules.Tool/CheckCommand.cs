using System.CommandLine;
using CareRules.Analysis;
using CareRules.Analysis.Z3;
using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Tool;

/// <summary>
/// <c>carerules check [--analyze [--json] [--contexts N]] [--param NAME=VALUE]... PACK.json...</c>: loads the workflow packs
/// over the Standard pack and builds them; prints every problem with its path (exit 1) or one line naming the valid pack
/// (exit 0). With <c>--analyze</c>, then analyses the built pack (docs/analysis.md): one finding per paragraph with its
/// example, or one JSON object with <c>--json</c>; exit 1 when a finding has severity error.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(ToolIO io)
    {
        var packs = new Argument<string[]>("PACK.json")
        {
            Description = "workflow JSON packs, loaded together over the Standard pack",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var analyze = new Option<bool>("--analyze") { Description = "after a successful build, analyse the pack: dead rules, shadowed decisions, conflicts, contradicting parameters (docs/analysis.md); exit 1 on an error finding" };
        var json = new Option<bool>("--json") { Description = "with --analyze: print the analysis as one JSON object" };
        var contexts = new Option<int>("--contexts") { Description = "with --analyze: how many contexts to search (default 1000000)", DefaultValueFactory = _ => 1_000_000 };
        var parameters = new Option<string[]>("--param") { Description = "with --analyze: override a pack parameter, e.g. --param minMeaningfulGift=50 (repeatable)", HelpName = "NAME=VALUE" };
        var command = new Command("check", "Validates workflow JSON packs: every problem with its path; exit 0 valid, 1 invalid. --analyze also analyses the pack.") { packs, analyze, json, contexts, parameters };
        command.SetAction(r => Run(io, r.GetValue(packs) ?? [], r.GetValue(analyze), r.GetValue(json), r.GetValue(contexts), r.GetValue(parameters) ?? []));
        return command;
    }

    private static int Run(ToolIO io, string[] files, bool analyze, bool json, int contexts, string[] parameterSpecs)
    {
        if ((json || parameterSpecs.Length > 0) && !analyze)
        {
            return io.Usage(json ? "--json needs --analyze" : "--param needs --analyze");
        }

        if (files.Length == 0 && !analyze)
        {
            return io.Usage("check needs at least one PACK.json (with --analyze and none, the Standard pack is analysed)");
        }

        if (contexts < 1)
        {
            return io.Usage($"--contexts must be at least 1, was {contexts}");
        }

        if (PackLoader.ParseParameters(io, parameterSpecs, "--param") is not { } parameters)
        {
            return ToolApp.UsageError;
        }

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
                foreach (var (name, value) in parameters)
                {
                    builder.Set(name, value);
                }

                var pack = builder.Build();
                if (!analyze)
                {
                    io.Out.WriteLine($"ok: {pack.Id} ({pack.Rules.Count} rules) from {string.Join(", ", files.Select(Path.GetFileName))}");
                    return ToolApp.Ok;
                }

                var report = PackAnalyzer.Analyze(pack, new AnalysisOptions { Contexts = contexts, Prover = Z3RuleProver.IsAvailable ? Z3RuleProver.Instance : null });
                if (json)
                {
                    io.Out.WriteLine(report.ToJson());
                }
                else
                {
                    io.Out.Write(report.ToText());
                    if (!Z3RuleProver.IsAvailable)
                    {
                        io.Out.WriteLine("(no Z3 native library: dead rules rest on the search and are not proven)");
                    }
                }

                return report.HasErrors ? ToolApp.Rejected : ToolApp.Ok;
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
