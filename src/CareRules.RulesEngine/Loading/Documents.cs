using System.Text.Json;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Serialization;

namespace CareRules.RulesEngine.Loading;

// The workflow documents as read from JSON, before any expression is parsed. Plain data, built by WorkflowReader.

/// <summary>A JSON value that is either a literal (number, boolean) or an expression in a string.</summary>
internal readonly record struct ValueDoc(string Path, JsonValueKind Kind, string? Expression, decimal? Number, bool? Boolean)
{
    public bool IsExpression => Expression is not null;

    public static ValueDoc? Read(JsonElement e, string path, JsonProblems problems, bool allowNumber, bool allowBoolean)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                var text = e.GetString()!;
                if (string.IsNullOrWhiteSpace(text))
                {
                    problems.Add(path, "is an empty expression.");
                    return null;
                }

                return new ValueDoc(path, e.ValueKind, text, null, null);
            case JsonValueKind.Number when allowNumber:
                if (e.TryGetDecimal(out var d))
                {
                    return new ValueDoc(path, e.ValueKind, null, d, null);
                }

                problems.Add(path, $"{JsonProblems.Describe(e)} is out of range.");
                return null;
            case JsonValueKind.True or JsonValueKind.False when allowBoolean:
                return new ValueDoc(path, e.ValueKind, null, null, e.GetBoolean());
            default:
                string expected = (allowNumber, allowBoolean) switch
                {
                    (true, true) => "a number, true/false or an expression in a string",
                    (true, false) => "a number or an expression in a string",
                    (false, true) => "true/false or an expression in a string",
                    _ => "an expression in a string",
                };
                problems.WrongType(path, expected, e);
                return null;
        }
    }
}

/// <summary>A named expression: a workflow's <c>GlobalParams</c> entry or a rule's <c>LocalParams</c> entry.</summary>
internal sealed record ScopedParamDoc(string Name, string Expression, string Path);

/// <summary>One entry of a workflow's <c>Parameters</c> object: an override (text) or a new definition.</summary>
internal sealed record ParameterDoc(string Name, string Path, string? OverrideText, ParameterDefinitionDoc? Definition);

/// <summary>A parameter a workflow defines: <c>{ "Kind": ..., "Default": ..., "Description": ... }</c>.</summary>
internal sealed record ParameterDefinitionDoc(string Kind, string DefaultText, string Description, decimal? Min, decimal? Max);

/// <summary>One decision of a rule's <c>Properties.decisions</c>.</summary>
internal sealed class DecisionDoc
{
    public required string Path { get; init; }

    public required DecisionType Type { get; init; }

    /// <summary>The reason: one text, or one per language.</summary>
    public LocalizedText Reason { get; set; } = LocalizedText.Empty;

    public ValueDoc? When { get; set; }

    public OfferKind Offer { get; set; }

    public ValueDoc? Value { get; set; }

    public ValueDoc? Percent { get; set; }

    public bool Legal { get; set; }

    /// <summary>A compensation's own priority (<c>offerPriority</c>); null: the rule's.</summary>
    public int? OfferPriority { get; set; }

    public StopKind Stop { get; set; }

    public EscalationTarget To { get; set; }

    public EscalationPriority Priority { get; set; }

    public NotifyChannel Channel { get; set; }

    public NotifyMessage Message { get; set; }

    public AdviceKind Advice { get; set; }

    /// <summary><c>dueBy</c> (compensate, escalate, notify) or <c>until</c> (stop).</summary>
    public ValueDoc? Instant { get; set; }

    public string InstantField => DecisionShape.Of(Type).InstantField == DecisionField.Until ? "until" : "dueBy";
}

/// <summary>A rule: a top-level rule (a CareRules rule) or a nested rule (part of its parent's condition).</summary>
internal sealed class RuleDoc
{
    public required string Name { get; init; }

    public required string Path { get; init; }

    public bool Enabled { get; set; } = true;

    /// <summary>And, AndAlso, Or or OrElse when the rule combines nested rules; else null.</summary>
    public string? Operator { get; set; }

    public string? Expression { get; set; }

    public List<ScopedParamDoc> LocalParams { get; } = [];

    public List<RuleDoc> Rules { get; } = [];

    // CareRules outcome metadata (top-level rules), from Properties.
    public int Priority { get; set; } = 100;

    /// <summary>The description: one text, or one per language.</summary>
    public LocalizedText Description { get; set; } = LocalizedText.Empty;

    public string DescriptionPath => Path + ".Properties.description";

    public ValueDoc? SuppressesGoodwill { get; set; }

    public ValueDoc? GoodwillCapMultiplier { get; set; }

    public List<DecisionDoc> Decisions { get; } = [];

    /// <summary>True when <c>Properties.decisions</c> listed entries (even ones too broken to read).</summary>
    public bool ListsDecisions { get; set; }
}

/// <summary>One workflow of a document.</summary>
internal sealed class WorkflowDoc
{
    public required string Source { get; init; }

    public required string Name { get; init; }

    public required string Path { get; init; }

    public List<ScopedParamDoc> GlobalParams { get; } = [];

    public List<RuleDoc> Rules { get; } = [];

    public string? Pack { get; set; }

    public string PackPath => Path + ".Pack";

    public List<ParameterDoc> Parameters { get; } = [];

    public List<(string Id, string Path)> DisabledRules { get; } = [];
}
