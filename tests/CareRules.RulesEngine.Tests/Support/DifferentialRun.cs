using System.Text.Json;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;
using RulesEngine.Models;
using RE = RulesEngine;

namespace CareRules.RulesEngine.Tests.Support;

/// <summary>
/// Runs one workflow document on RulesEngine's own executor (<c>ExecuteAllRulesAsync</c>, the document deserialized
/// by RulesEngine's model, the inputs from <see cref="WorkflowInputs"/>) and on a CareRules pack holding its rules,
/// over generated contexts, and reports every disagreement on which rules succeed.
/// </summary>
internal sealed class DifferentialRun
{
    private readonly CompiledPack _policy;
    private readonly Workflow[] _workflows;
    private readonly RE.RulesEngine _engine;

    public DifferentialRun(string json, CompiledPack pack)
    {
        _policy = pack;
        using var document = JsonDocument.Parse(json);
        _workflows = document.RootElement.ValueKind == JsonValueKind.Array
            ? JsonSerializer.Deserialize<Workflow[]>(json)!
            : [JsonSerializer.Deserialize<Workflow>(json)!];
        _engine = new RE.RulesEngine(_workflows, WorkflowInputs.CreateSettings(pack));
    }

    /// <summary>The enabled top-level rules of the document, per workflow.</summary>
    public IReadOnlyList<string> RuleNames => [.. _workflows.SelectMany(w => w.Rules.Where(r => r.Enabled).Select(r => r.RuleName))];

    /// <summary>Per rule: how often it succeeded on both engines, and how often on neither.</summary>
    public Dictionary<string, (int Succeeded, int Failed)> Coverage { get; } = [];

    public static IReadOnlyList<CareContext> Contexts(int count, ulong seed, Currency? currency = null) =>
        [.. CareGenerators.Contexts(currency).Sample(count, new Rnd(seed), 60)];

    /// <summary>Evaluates one context on both engines; returns the disagreements (empty when they agree).</summary>
    public List<string> Compare(CareContext context)
    {
        var problems = new List<string>();
        var verdict = _policy.Evaluate(context);
        var inputs = WorkflowInputs.Create(_policy, context);
        foreach (var workflow in _workflows)
        {
            var results = _engine.ExecuteAllRulesAsync(workflow.WorkflowName, inputs).AsTask().GetAwaiter().GetResult();
            foreach (var result in results)
            {
                string name = result.Rule.RuleName;
                if (result.ExceptionMessage is { Length: > 0 } message && (message.Contains("parsing", StringComparison.Ordinal) || message.Contains("compiling", StringComparison.Ordinal)))
                {
                    problems.Add($"{name}: RulesEngine could not compile it: {message}");
                    continue;
                }

                bool careRules = verdict.HasFired(name);
                if (careRules != result.IsSuccess)
                {
                    problems.Add($"{name}: RulesEngine {(result.IsSuccess ? "succeeded" : "failed")}{(string.IsNullOrEmpty(result.ExceptionMessage) ? "" : " (" + result.ExceptionMessage + ")")}, CareRules {(careRules ? "fired" : "did not fire")}");
                }

                var (s, f) = Coverage.GetValueOrDefault(name);
                Coverage[name] = result.IsSuccess ? (s + 1, f) : (s, f + 1);
            }
        }

        return problems;
    }

    public static string Describe(CareContext c) =>
        $"now={c.Now} customer(orders={c.Customer.Orders}, ltv={c.Customer.LifetimeValue}, contacts={c.Customer.ContactsLast7Days}, incidents={c.Customer.IncidentsLast90Days}, unfounded={c.Customer.UnfoundedComplaintsLast90Days}) "
        + (c.Order is { } o ? $"order(status={o.Status}, placed={o.PlacedAt}, promised={o.PromisedBy}, delivered={o.DeliveredAt}, tracking={o.Tracking}, backorder={o.BackorderUntil}, exempt={o.WithdrawalExempt}, informed={o.WithdrawalInformed}) " : "no order ")
        + (c.Case is { } k ? $"case(kind={k.Kind}, opened={k.OpenedAt}, channel={k.Channel}, fault={k.Fault}, reply={k.FirstReplyAt}, flags={k.Flags}, claim={k.CarrierClaim}, requests={k.Requests})" : "no case");
}
