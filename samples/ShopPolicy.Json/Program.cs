// Checks a shop's pack written as RulesEngine workflow JSON, shows what it decides in a few example
// situations, and confirms that RulesEngine itself agrees with CareRules on every rule of the file.
//
//   dotnet run --project samples/ShopPolicy.Json                      # the bundled shop-pack.json
//   dotnet run --project samples/ShopPolicy.Json -- my-pack.json     # your own file
//
// Exit code: 0 the pack is valid (and RulesEngine agrees), 1 the pack has problems (each is listed), 2 disagreement.
using System.Text.Json;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.RulesEngine;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using RulesEngine.Models;

string path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "shop-pack.json");
Console.WriteLine($"Pack file: {path}");

CompiledPack pack;
try
{
    pack = WorkflowPack.Extend(WorkflowPack.CreateStandardBuilder(), WorkflowSource.FromFile(path)).Build();
}
catch (CareRulesValidationException ex)
{
    Console.WriteLine();
    Console.WriteLine($"The pack has {ex.Errors.Count} problem(s); fix them and run again:");
    foreach (var error in ex.Errors)
    {
        Console.WriteLine($"  - {error.Path}");
        Console.WriteLine($"      {error.Message}");
    }

    return 1;
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    Console.WriteLine();
    Console.WriteLine($"The pack file cannot be read: {ex.Message}");
    return 1;
}

Console.WriteLine($"Pack {pack.Id}: {pack.Rules.Count} rules, stance {pack.Parameters.Format("stance")}.");
Console.WriteLine();

// Example situations: Monday 23 November 2026, 10:00 in Warsaw, unless said otherwise.
var monday = Scenario.AtLocal(2026, 11, 23, 10, 0);
(string Title, Scenario Situation)[] examples =
[
    ("A loyal customer's goods arrived damaged", monday.Customer(c => c with { Orders = 7 }).Case(k => k with { Kind = CaseKind.DamagedGoods, Fault = Fault.Shop })),
    ("A late parcel, the carrier is at fault", monday.Order(o => o with { PromisedBy = new LocalDate(2026, 11, 19) }).Case(k => k with { Kind = CaseKind.DeliveryDelay, Fault = Fault.Carrier })),
    ("A public complaint on a Saturday", Scenario.AtLocal(2026, 11, 28, 11, 0).Case(k => k with { Kind = CaseKind.Other, Channel = ContactChannel.PublicSocial })),
    ("A product question answered in the description", monday.Case(k => k with { Kind = CaseKind.ProductQuestion, Flags = CaseFlags.AnswerInProductDescription })),
];
foreach (var (title, situation) in examples)
{
    var verdict = pack.Evaluate(situation.Build());
    Console.WriteLine($"{title}:");
    Console.WriteLine($"  rules fired: {(verdict.Fired.Count == 0 ? "none" : string.Join(", ", verdict.Fired))}");
    foreach (var d in verdict.Decisions)
    {
        Console.WriteLine($"  {d}");
        Console.WriteLine($"      {d.Reason}");
    }

    foreach (var t in verdict.Trace.Where(t => t.Kind != TraceKind.RuleFired))
    {
        Console.WriteLine($"  note: {t.Describe()}");
    }

    Console.WriteLine();
}

// RulesEngine runs the same file on the same inputs: it must agree on which rules succeed.
string json = File.ReadAllText(path);
using var document = JsonDocument.Parse(json);
Workflow[] workflows = document.RootElement.ValueKind == JsonValueKind.Array
    ? JsonSerializer.Deserialize<Workflow[]>(json)!
    : [JsonSerializer.Deserialize<Workflow>(json)!];
var engine = new RulesEngine.RulesEngine(workflows, WorkflowInputs.CreateSettings(pack));
int checkedContexts = 0, disagreements = 0;
foreach (var context in CareGenerators.Contexts().Sample(500, new Rnd(2026), 60))
{
    var fired = pack.Evaluate(context);
    var inputs = WorkflowInputs.Create(pack, context);
    foreach (var workflow in workflows)
    {
        foreach (var result in engine.ExecuteAllRulesAsync(workflow.WorkflowName, inputs).AsTask().GetAwaiter().GetResult())
        {
            if (result.IsSuccess != fired.HasFired(result.Rule.RuleName))
            {
                disagreements++;
            }
        }
    }

    checkedContexts++;
}

int ruleCount = workflows.Sum(w => w.Rules?.Count(r => r.Enabled) ?? 0);
Console.WriteLine(disagreements == 0
    ? $"RulesEngine agrees with CareRules on all {ruleCount} rule(s) of the file over {checkedContexts} generated situations."
    : $"RulesEngine and CareRules disagree {disagreements} time(s) over {checkedContexts} generated situations: please report this.");
return disagreements == 0 ? 0 : 2;
