using CareRules.Policy;

namespace CareRules.Evaluation;

/// <summary>A rule frozen for evaluation: a condition delegate, an outcome array and its resolution effects.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(RuleBuilder rule)
    {
        Id = rule.Id;
        Description = rule.RuleDescription;
        Priority = rule.RulePriority;
        Condition = rule.Condition!;
        var outcomes = new CompiledOutcome[rule.Outcomes.Count];
        for (int i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = new CompiledOutcome(Id, Priority, i, rule.Outcomes[i]);
        }

        Outcomes = outcomes;
        SuppressesGoodwill = rule.Suppresses;
        CapMultiplier = rule.CapMultiplier;
        RaisesCap = CapMultiplier > 1m;
    }

    public string Id { get; }

    public string Description { get; }

    public int Priority { get; }

    public Func<RuleContext, bool> Condition { get; }

    public CompiledOutcome[] Outcomes { get; }

    public bool SuppressesGoodwill { get; }

    public decimal CapMultiplier { get; }

    public bool RaisesCap { get; }
}
