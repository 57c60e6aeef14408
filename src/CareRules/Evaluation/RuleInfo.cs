using CareRules.Model;
namespace CareRules.Evaluation;

/// <summary>What a compiled pack tells about one of its rules (for display, coverage and documentation).</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Description">What the rule encodes.</param>
/// <param name="Priority">Its priority (higher is more important).</param>
/// <param name="SuppressesGoodwill">Whether it suppresses goodwill when it fires.</param>
/// <param name="GoodwillCapMultiplier">The factor it applies to the goodwill cap when it fires (1 for none).</param>
/// <param name="DecisionTypes">The types of the decisions it can produce, in declaration order.</param>
public sealed record RuleInfo(string Id, string Description, int Priority, bool SuppressesGoodwill, decimal GoodwillCapMultiplier, IReadOnlyList<DecisionType> DecisionTypes);
