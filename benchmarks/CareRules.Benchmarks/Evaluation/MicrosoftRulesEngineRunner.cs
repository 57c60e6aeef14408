using System.Text.Json;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.RulesEngine;
using RulesEngine.Models;
using RE = RulesEngine;

namespace CareRules.Benchmarks.Evaluation;

/// <summary>
/// Microsoft RulesEngine built from the same workflow JSON CareRules compiles (the embedded <c>standard.json</c>),
/// with every context's inputs prepared once, so a benchmark measures only <c>ExecuteAllRulesAsync</c>; or with the inputs
/// built per call, as a service receiving contexts one by one would call it.
/// </summary>
public sealed class MicrosoftRulesEngineRunner
{
    private readonly RE.RulesEngine _engine;
    private readonly string[] _workflowNames;
    private readonly RuleParameter[][] _inputs;

    private readonly CompiledPack _policy;

    public MicrosoftRulesEngineRunner(string workflowJson, CompiledPack pack, IReadOnlyList<CareContext> contexts)
    {
        (_engine, _workflowNames) = CreateEngine(workflowJson, pack);
        _policy = pack;
        _inputs = new RuleParameter[contexts.Count][];
        for (int i = 0; i < contexts.Count; i++)
        {
            _inputs[i] = WorkflowInputs.Create(pack, contexts[i]);
        }
    }

    /// <summary>
    /// What a service pays before its first answer: read the workflow JSON, create the engine and run every workflow
    /// once, which is when RulesEngine compiles (and caches) the rules' expressions. Returns how many rules succeeded.
    /// </summary>
    public static async Task<int> BuildAndRunOnceAsync(string workflowJson, CompiledPack pack, CareContext context)
    {
        var (engine, names) = CreateEngine(workflowJson, pack);
        var inputs = WorkflowInputs.Create(pack, context);
        int succeeded = 0;
        foreach (var name in names)
        {
            foreach (var result in await engine.ExecuteAllRulesAsync(name, inputs).ConfigureAwait(false))
            {
                succeeded += result.IsSuccess ? 1 : 0;
            }
        }

        return succeeded;
    }

    private static (RE.RulesEngine Engine, string[] WorkflowNames) CreateEngine(string workflowJson, CompiledPack pack)
    {
        using var document = JsonDocument.Parse(workflowJson);
        Workflow[] workflows = document.RootElement.ValueKind == JsonValueKind.Array
            ? JsonSerializer.Deserialize<Workflow[]>(workflowJson)!
            : [JsonSerializer.Deserialize<Workflow>(workflowJson)!];
        return (new RE.RulesEngine(workflows, WorkflowInputs.CreateSettings(pack)), [.. workflows.Select(w => w.WorkflowName)]);
    }

    /// <summary>Runs every workflow on one prepared context; returns how many rules succeeded.</summary>
    public Task<int> ExecuteAsync(int contextIndex) => ExecuteAsync(_inputs[contextIndex]);

    /// <summary>Builds a context's inputs and runs every workflow on them, as a service that receives contexts one by one does.</summary>
    public Task<int> ExecuteAsync(CareContext context) => ExecuteAsync(WorkflowInputs.Create(_policy, context));

    private async Task<int> ExecuteAsync(RuleParameter[] inputs)
    {
        int succeeded = 0;
        foreach (var name in _workflowNames)
        {
            foreach (var result in await _engine.ExecuteAllRulesAsync(name, inputs).ConfigureAwait(false))
            {
                succeeded += result.IsSuccess ? 1 : 0;
            }
        }

        return succeeded;
    }
}
