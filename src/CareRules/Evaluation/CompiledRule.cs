using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CareRules.Authoring;

namespace CareRules.Evaluation;

/// <summary>A rule frozen for evaluation: a condition delegate, an outcome array and its resolution effects.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(RuleBuilder rule)
    {
        Id = rule.Id;
        Description = rule.RuleDescription;
        Priority = rule.RulePriority;
        ConditionExpression = rule.ConditionExpression;
        _explanation = rule.ExplanationExpression;
        _condition = rule.Condition;
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

    private Func<RuleContext, bool>? _condition;

    public string Id { get; }

    public string Description { get; }

    public int Priority { get; }

    /// <summary>The condition as a delegate (compiled from <see cref="ConditionExpression"/> when given as one).</summary>
    /// <remarks>Compiled on first use: a pack whose conditions are fused never needs it (a benign race compiles it twice).</remarks>
    public Func<RuleContext, bool> Condition =>
        _condition ??= ConditionExpression!.Compile(preferInterpretation: !RuntimeFeature.IsDynamicCodeCompiled);

    /// <summary>The condition as an expression tree, when the rule gave one.</summary>
    public Expression<Func<RuleContext, bool>>? ConditionExpression { get; }

    private readonly Func<Expression<Func<RuleContext, bool>>>? _explanation;

    /// <summary>The condition as its author wrote it, for explanations (made on first use); null for a delegate condition.</summary>
    public Expression<Func<RuleContext, bool>>? ExplanationExpression => _explanation is { } make ? make() : ConditionExpression;

    public CompiledOutcome[] Outcomes { get; }

    public bool SuppressesGoodwill { get; }

    public decimal CapMultiplier { get; }

    public bool RaisesCap { get; }

    /// <summary>The rule's index in its pack's rules (id order): its bit in <see cref="EvaluationBuffer.FiredBits"/>. Set when the pack is built.</summary>
    public int Index { get; internal set; }
}
