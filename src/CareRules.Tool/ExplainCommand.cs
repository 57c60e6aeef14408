using System.CommandLine;
using CareRules.Explanations;
using CareRules.Serialization;

namespace CareRules.Tool;

/// <summary>
/// <c>carerules explain [--rule RULE]... [--json] [--param NAME=VALUE]... [--pack PACK.json]... [FILE...]</c>: why each
/// named rule (every rule when none is named) fired or did not for each case (catalog sections 2.6 and 6). Text by
/// default; with <c>--json</c> one explanation object per case and rule per line. Bad cases as <c>evaluate</c> reports
/// them: one JSON line each on standard error, exit 1.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(ToolIO io)
    {
        var rules = new Option<string[]>("--rule")
        {
            Description = "the rule to explain, e.g. --rule delay.gift (repeatable; none: every rule)",
            HelpName = "RULE",
        };
        var json = new Option<bool>("--json") { Description = "one explanation per case and rule per line (JSON Lines), in the shape of catalog section 2.6" };
        var parameters = new Option<string[]>("--param")
        {
            Description = "override a pack parameter, e.g. --param contactBoundary=3 (repeatable)",
            HelpName = "NAME=VALUE",
        };
        var packs = new Option<string[]>("--pack")
        {
            Description = "a workflow JSON pack extending the Standard pack (repeatable)",
            HelpName = "PACK.json",
        };
        var files = new Argument<string[]>("FILE")
        {
            Description = "case files: one JSON object, a JSON array, or JSON Lines; - reads stdin (none: the bundled cases)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("explain", "Explains why rules fired or did not: each clause with its values, and where it would flip.") { rules, json, parameters, packs, files };
        command.SetAction(r => Run(io, r.GetValue(rules) ?? [], r.GetValue(json), r.GetValue(parameters) ?? [], r.GetValue(packs) ?? [], r.GetValue(files) ?? []));
        return command;
    }

    private static int Run(ToolIO io, string[] ruleIds, bool json, string[] parameterSpecs, string[] packFiles, string[] files)
    {
        if (EvaluateCommand.Prepare(io, parameterSpecs, packFiles, files) is not { } pack)
        {
            return ToolApp.UsageError;
        }

        var known = pack.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in ruleIds.Where(id => !known.Contains(id)))
        {
            io.Usage($"--rule: '{id}' is not a rule of {pack.Id}; its rules are: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
        }

        if (io.UsageErrors.Count > 0)
        {
            return ToolApp.UsageError;
        }

        string[] explained = ruleIds.Length > 0 ? ruleIds : [.. pack.Rules.Select(r => r.Id)];
        int rejected = 0;
        bool first = true;
        foreach (var result in EvaluateCommand.ReadCases(io, pack, files))
        {
            if (EvaluateCommand.Evaluate(pack, result, io.Err) is null)
            {
                rejected++;
                continue;
            }

            foreach (var id in explained)
            {
                var explanation = pack.Explain(result.Context!, id);
                if (json)
                {
                    io.Out.WriteLine(ExplanationJsonWriter.ToJson(explanation));
                }
                else
                {
                    if (!first)
                    {
                        io.Out.WriteLine();
                    }

                    io.Out.Write(explanation.ToString());
                    first = false;
                }
            }
        }

        return rejected > 0 ? ToolApp.Rejected : ToolApp.Ok;
    }
}
