using System.Text.Json;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.RulesEngine;
using RulesEngine.Models;
using RE = RulesEngine;

namespace CareRules.Benchmarks.Evaluation;

/// <summary>
/// Microsoft RulesEngine built from the same workflow JSON CareRules compiles (the embedded <c>standard.json</c>),
/// with every context's inputs prepared once, so a benchmark measures only <c>ExecuteAllRulesAsync</c>.
/// </summary>
public sealed class MicrosoftRulesEngineRunner
{
    private readonly RE.RulesEngine _engine;
    private readonly string[] _workflowNames;
    private readonly RuleParameter[][] _inputs;

    public MicrosoftRulesEngineRunner(string workflowJson, CompiledPolicy policy, IReadOnlyList<CareContext> contexts)
    {
        using var document = JsonDocument.Parse(workflowJson);
        Workflow[] workflows = document.RootElement.ValueKind == JsonValueKind.Array
            ? JsonSerializer.Deserialize<Workflow[]>(workflowJson)!
            : [JsonSerializer.Deserialize<Workflow>(workflowJson)!];
        _engine = new RE.RulesEngine(workflows, WorkflowInputs.CreateSettings(policy));
        _workflowNames = [.. workflows.Select(w => w.WorkflowName)];
        _inputs = new RuleParameter[contexts.Count][];
        for (int i = 0; i < contexts.Count; i++)
        {
            _inputs[i] = WorkflowInputs.Create(policy, contexts[i]);
        }
    }

    /// <summary>Runs every workflow on one prepared context; returns how many rules succeeded.</summary>
    public async Task<int> ExecuteAsync(int contextIndex)
    {
        int succeeded = 0;
        foreach (var name in _workflowNames)
        {
            foreach (var result in await _engine.ExecuteAllRulesAsync(name, _inputs[contextIndex]).ConfigureAwait(false))
            {
                succeeded += result.IsSuccess ? 1 : 0;
            }
        }

        return succeeded;
    }
}
