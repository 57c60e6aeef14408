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
        Outcomes = [.. rule.Outcomes];
        SuppressesGoodwill = rule.Suppresses;
        CapMultiplier = rule.CapMultiplier;
    }

    public string Id { get; }

    public string Description { get; }

    public int Priority { get; }

    public Func<RuleContext, bool> Condition { get; }

    public OutcomeDefinition[] Outcomes { get; }

    public bool SuppressesGoodwill { get; }

    public decimal CapMultiplier { get; }
}
