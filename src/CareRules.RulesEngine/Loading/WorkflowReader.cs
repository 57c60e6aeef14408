using System.Globalization;
using System.Text.Json;
using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.RulesEngine.Loading;

/// <summary>
/// Reads workflow JSON into <see cref="WorkflowDoc"/>s: RulesEngine's schema (members spelled exactly as RulesEngine
/// spells them) plus CareRules' outcome metadata in each rule's <c>Properties</c> and the pack members
/// <c>Pack</c>, <c>Parameters</c> and <c>DisabledRules</c>. Every problem is added to the error list; reading goes on
/// past it so that one pass reports them all.
/// </summary>
internal sealed class WorkflowReader
{
    private static readonly string[] WorkflowMembers = ["WorkflowName", "WorkflowsToInject", "RuleExpressionType", "GlobalParams", "Rules", "Pack", "Parameters", "DisabledRules"];
    private static readonly string[] RuleMembers = ["RuleName", "Properties", "Operator", "ErrorMessage", "Enabled", "RuleExpressionType", "WorkflowsToInject", "Rules", "LocalParams", "Expression", "Actions", "SuccessEvent"];
    private static readonly string[] ScopedParamMembers = ["Name", "Expression"];
    private static readonly string[] PropertyKeys = ["priority", "description", "suppressesGoodwill", "goodwillCapMultiplier", "decisions"];
    private static readonly string[] ParameterDefinitionMembers = ["Kind", "Default", "Description", "Min", "Max"];
    private static readonly string[] Operators = ["And", "AndAlso", "Or", "OrElse"];

    /// <summary>The fields each decision type takes, besides <c>type</c>, <c>reason</c> and <c>when</c>.</summary>
    private static readonly Dictionary<DecisionType, string[]> DecisionFields = new()
    {
        [DecisionType.Compensate] = ["offer", "value", "percent", "legal", "dueBy"],
        [DecisionType.Stop] = ["stop", "until"],
        [DecisionType.Escalate] = ["to", "priority", "dueBy"],
        [DecisionType.Notify] = ["channel", "message", "dueBy"],
        [DecisionType.Advise] = ["advice"],
    };

    private readonly List<ValidationError> _errors;

    public WorkflowReader(List<ValidationError> errors) => _errors = errors;

    /// <summary>The kinds a workflow may define a new parameter of.</summary>
    public static IReadOnlyList<string> ParameterKinds { get; } = ["integer", "decimal", "amount", "days", "businessTime", "boolean"];

    public List<WorkflowDoc> Read(WorkflowSource source)
    {
        var workflows = new List<WorkflowDoc>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(source.Json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            long line = (ex.LineNumber ?? 0) + 1;
            long position = (ex.BytePositionInLine ?? 0) + 1;
            string message = ex.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut].TrimEnd(' ', '|');
            }

            _errors.Add(new ValidationError(source.Name, $"is not valid JSON at line {line}, position {position}: {message}"));
            return workflows;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                ReadWorkflow(source.Name, root, 0, workflows);
            }
            else if (root.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var item in root.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        ReadWorkflow(source.Name, item, i, workflows);
                    }
                    else
                    {
                        _errors.Add(new ValidationError($"{source.Name}:workflows[{i}]", $"expected a workflow object, was {ValueDoc.Describe(item)}."));
                    }

                    i++;
                }

                if (i == 0)
                {
                    _errors.Add(new ValidationError(source.Name, "holds no workflow (an empty array)."));
                }
            }
            else
            {
                _errors.Add(new ValidationError(source.Name, $"expected a workflow object or an array of workflow objects, was {ValueDoc.Describe(root)}."));
            }
        }

        return workflows;
    }

    private void ReadWorkflow(string source, JsonElement e, int index, List<WorkflowDoc> workflows)
    {
        string name = e.TryGetProperty("WorkflowName", out var n) && n.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(n.GetString())
            ? n.GetString()!
            : string.Empty;
        string path = name.Length > 0 ? $"{source}:workflows['{name}']" : $"{source}:workflows[{index}]";
        var members = Members(e, path, WorkflowMembers);
        if (name.Length == 0)
        {
            _errors.Add(new ValidationError(path + ".WorkflowName", "is required: every workflow has a non-empty name."));
        }

        var workflow = new WorkflowDoc { Source = source, Name = name.Length > 0 ? name : $"#{index}", Path = path };
        foreach (var (key, value) in members)
        {
            string p = path + "." + key;
            switch (key)
            {
                case "WorkflowName":
                    if (value.ValueKind != JsonValueKind.String)
                    {
                        _errors.Add(new ValidationError(p, $"expected a string, was {ValueDoc.Describe(value)}."));
                    }

                    break;
                case "WorkflowsToInject":
                    if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Array) || value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0)
                    {
                        _errors.Add(new ValidationError(p, "is not supported: every workflow loaded into a pack is already part of it; load the other file beside this one instead."));
                    }

                    break;
                case "RuleExpressionType":
                    CheckExpressionType(value, p);
                    break;
                case "GlobalParams":
                    ReadScopedParams(value, p, workflow.GlobalParams);
                    break;
                case "Rules":
                    ReadRules(value, p, workflow.Rules, topLevel: true);
                    break;
                case "Pack":
                    if (value.ValueKind == JsonValueKind.String && value.GetString() is { } pack && pack.Split('@') is [{ Length: > 0 } packName, { Length: > 0 }] && !string.IsNullOrWhiteSpace(packName))
                    {
                        workflow.Pack = pack;
                    }
                    else
                    {
                        _errors.Add(new ValidationError(p, $"expected the pack's name and version as \"name@version\" (e.g. \"acme-care@1.0.0\"), was {ValueDoc.Describe(value)}."));
                    }

                    break;
                case "Parameters":
                    ReadParameters(value, p, workflow.Parameters);
                    break;
                case "DisabledRules":
                    ReadDisabledRules(value, p, workflow.DisabledRules);
                    break;
            }
        }

        workflows.Add(workflow);
    }

    private void ReadRules(JsonElement e, string path, List<RuleDoc> rules, bool topLevel)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (e.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(new ValidationError(path, $"expected an array of rules, was {ValueDoc.Describe(e)}."));
            return;
        }

        int i = 0;
        foreach (var item in e.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                _errors.Add(new ValidationError($"{path}[{i}]", $"expected a rule object, was {ValueDoc.Describe(item)}."));
            }
            else
            {
                rules.Add(ReadRule(item, path, i, topLevel));
            }

            i++;
        }
    }

    private RuleDoc ReadRule(JsonElement e, string parentPath, int index, bool topLevel)
    {
        string name = e.TryGetProperty("RuleName", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() ?? string.Empty : string.Empty;
        string path = string.IsNullOrWhiteSpace(name) ? $"{parentPath}[{index}]" : $"{parentPath}['{name}']";
        var members = Members(e, path, RuleMembers);
        if (string.IsNullOrWhiteSpace(name))
        {
            _errors.Add(new ValidationError(path + ".RuleName", "is required: every rule has a non-empty name (for a top-level rule, its CareRules rule id)."));
        }

        var rule = new RuleDoc { Name = name, Path = path };
        foreach (var (key, value) in members)
        {
            string p = path + "." + key;
            switch (key)
            {
                case "RuleName":
                case "ErrorMessage":
                case "SuccessEvent":
                    if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        _errors.Add(new ValidationError(p, $"expected a string, was {ValueDoc.Describe(value)}."));
                    }

                    break;
                case "Enabled":
                    if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        rule.Enabled = value.GetBoolean();
                    }
                    else
                    {
                        _errors.Add(new ValidationError(p, $"expected true or false, was {ValueDoc.Describe(value)}."));
                    }

                    break;
                case "RuleExpressionType":
                    CheckExpressionType(value, p);
                    break;
                case "Operator":
                    if (value.ValueKind == JsonValueKind.Null)
                    {
                        break;
                    }

                    if (value.ValueKind == JsonValueKind.String && Array.IndexOf(Operators, value.GetString()) >= 0)
                    {
                        rule.Operator = value.GetString();
                    }
                    else
                    {
                        _errors.Add(new ValidationError(p, $"expected \"And\", \"AndAlso\", \"Or\" or \"OrElse\" (spelled exactly so), was {ValueDoc.Describe(value)}."));
                    }

                    break;
                case "Expression":
                    if (value.ValueKind == JsonValueKind.String)
                    {
                        rule.Expression = value.GetString();
                    }
                    else if (value.ValueKind != JsonValueKind.Null)
                    {
                        _errors.Add(new ValidationError(p, $"expected an expression in a string, was {ValueDoc.Describe(value)}."));
                    }

                    break;
                case "LocalParams":
                    ReadScopedParams(value, p, rule.LocalParams);
                    break;
                case "Rules":
                    ReadRules(value, p, rule.Rules, topLevel: false);
                    break;
                case "WorkflowsToInject":
                    if (value.ValueKind is not JsonValueKind.Null && !(value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0))
                    {
                        _errors.Add(new ValidationError(p, "is not supported: write the condition as nested Rules with an Operator instead."));
                    }

                    break;
                case "Actions":
                    if (value.ValueKind is not JsonValueKind.Null)
                    {
                        _errors.Add(new ValidationError(p, "is not supported: CareRules decisions are declared in Properties.decisions."));
                    }

                    break;
                case "Properties":
                    if (topLevel)
                    {
                        ReadProperties(value, p, rule);
                    }
                    else if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("decisions", out _))
                    {
                        _errors.Add(new ValidationError(p + ".decisions", "a nested rule is only part of its parent's condition: declare decisions on the top-level rule."));
                    }

                    break;
            }
        }

        if (rule.Operator is not null && rule.Rules.Count == 0)
        {
            _errors.Add(new ValidationError(path + ".Rules", $"is required: Operator {rule.Operator} combines nested rules, and there are none."));
        }
        else if (rule.Operator is null && rule.Rules.Count > 0)
        {
            _errors.Add(new ValidationError(path + ".Operator", "is required: nested Rules are combined with an Operator (And, AndAlso, Or or OrElse)."));
        }
        else if (rule.Operator is not null && rule.Expression is not null)
        {
            _errors.Add(new ValidationError(path + ".Expression", "is ignored by RulesEngine when Operator combines nested rules; remove it or move it into a nested rule."));
        }
        else if (rule.Operator is null && string.IsNullOrWhiteSpace(rule.Expression))
        {
            _errors.Add(new ValidationError(path + ".Expression", "is required: a rule without nested rules is a condition over customer, order, case, now, today and params."));
        }

        if (topLevel && !rule.ListsDecisions && rule.SuppressesGoodwill is null && rule.GoodwillCapMultiplier is null)
        {
            _errors.Add(new ValidationError(path + ".Properties.decisions", "is required: a rule decides something (or suppresses goodwill, or raises the goodwill cap)."));
        }

        return rule;
    }

    private void ReadProperties(JsonElement e, string path, RuleDoc rule)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(new ValidationError(path, $"expected an object, was {ValueDoc.Describe(e)}."));
            return;
        }

        foreach (var (key, value) in Members(e, path, PropertyKeys, allowExtensions: true))
        {
            string p = path + "." + key;
            switch (key)
            {
                case "priority":
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int priority))
                    {
                        rule.Priority = priority;
                    }
                    else
                    {
                        _errors.Add(new ValidationError(p, $"expected a whole number (higher is more important; the default is 100), was {ValueDoc.Describe(value)}."));
                    }

                    break;
                case "description":
                    if (value.ValueKind == JsonValueKind.String)
                    {
                        rule.Description = value.GetString()!;
                    }
                    else
                    {
                        _errors.Add(new ValidationError(p, $"expected a string, was {ValueDoc.Describe(value)}."));
                    }

                    break;
                case "suppressesGoodwill":
                    rule.SuppressesGoodwill = ValueDoc.Read(value, p, _errors, allowNumber: false, allowBoolean: true);
                    break;
                case "goodwillCapMultiplier":
                    rule.GoodwillCapMultiplier = ValueDoc.Read(value, p, _errors, allowNumber: true, allowBoolean: false);
                    if (rule.GoodwillCapMultiplier is { Number: < 1m })
                    {
                        _errors.Add(new ValidationError(p, $"must be 1 or more, was {rule.GoodwillCapMultiplier.Value.Number.Value.ToString(CultureInfo.InvariantCulture)}."));
                    }

                    break;
                case "decisions":
                    rule.ListsDecisions = value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0;
                    ReadDecisions(value, p, rule.Decisions);
                    break;
            }
        }
    }

    private void ReadDecisions(JsonElement e, string path, List<DecisionDoc> decisions)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(new ValidationError(path, $"expected an array of decisions, was {ValueDoc.Describe(e)}."));
            return;
        }

        int i = 0;
        foreach (var item in e.EnumerateArray())
        {
            string p = $"{path}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                _errors.Add(new ValidationError(p, $"expected a decision object, was {ValueDoc.Describe(item)}."));
                continue;
            }

            if (!item.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                _errors.Add(new ValidationError(p + ".type", $"is required: {CatalogNames.Expected<DecisionType>()}."));
                continue;
            }

            if (!CatalogNames.TryParse<DecisionType>(typeElement.GetString(), out var type))
            {
                _errors.Add(new ValidationError(p + ".type", $"is not a decision type: expected {CatalogNames.Expected<DecisionType>()}, was '{typeElement.GetString()}'."));
                continue;
            }

            var decision = new DecisionDoc { Path = p, Type = type };
            string[] allowed = ["type", "reason", "when", .. DecisionFields[type]];
            var members = Members(item, p, allowed, what: $"field of a decision of type '{CatalogNames.Of(type)}'");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, value) in members)
            {
                seen.Add(key);
                ReadDecisionField(decision, key, value, p + "." + key);
            }

            if (!seen.Contains("reason"))
            {
                _errors.Add(new ValidationError(p + ".reason", "is required: every decision carries a one-sentence human reason."));
            }

            foreach (string required in RequiredFields(type))
            {
                if (!seen.Contains(required))
                {
                    _errors.Add(new ValidationError(p + "." + required, $"is required for a decision of type '{CatalogNames.Of(type)}'."));
                }
            }

            decisions.Add(decision);
        }
    }

    private static string[] RequiredFields(DecisionType type) => type switch
    {
        DecisionType.Compensate => ["offer"],
        DecisionType.Stop => ["stop"],
        DecisionType.Escalate => ["to", "priority"],
        DecisionType.Notify => ["channel", "message"],
        _ => ["advice"],
    };

    private void ReadDecisionField(DecisionDoc d, string key, JsonElement value, string path)
    {
        switch (key)
        {
            case "type":
                break;
            case "reason":
                if (value.ValueKind == JsonValueKind.String)
                {
                    d.Reason = value.GetString()!;
                }
                else
                {
                    _errors.Add(new ValidationError(path, $"expected a one-sentence string, was {ValueDoc.Describe(value)}."));
                }

                break;
            case "when":
                d.When = ValueDoc.Read(value, path, _errors, allowNumber: false, allowBoolean: true);
                break;
            case "offer":
                d.Offer = ReadEnum<OfferKind>(value, path);
                break;
            case "value":
                d.Value = ValueDoc.Read(value, path, _errors, allowNumber: true, allowBoolean: false);
                if (d.Value is { Number: < 0m })
                {
                    _errors.Add(new ValidationError(path, $"must not be negative, was {d.Value.Value.Number.Value.ToString(CultureInfo.InvariantCulture)}."));
                }

                break;
            case "percent":
                d.Percent = ValueDoc.Read(value, path, _errors, allowNumber: true, allowBoolean: false);
                if (d.Percent is { Number: { } p } && (p <= 0m || p > 100m))
                {
                    _errors.Add(new ValidationError(path, $"must be above 0 and at most 100, was {p.ToString(CultureInfo.InvariantCulture)}."));
                }

                break;
            case "legal":
                if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    d.Legal = value.GetBoolean();
                }
                else
                {
                    _errors.Add(new ValidationError(path, $"expected true or false, was {ValueDoc.Describe(value)}."));
                }

                break;
            case "stop":
                d.Stop = ReadEnum<StopKind>(value, path);
                break;
            case "to":
                d.To = ReadEnum<EscalationTarget>(value, path);
                break;
            case "priority":
                d.Priority = ReadEnum<EscalationPriority>(value, path);
                break;
            case "channel":
                d.Channel = ReadEnum<NotifyChannel>(value, path);
                break;
            case "message":
                d.Message = ReadEnum<NotifyMessage>(value, path);
                break;
            case "advice":
                d.Advice = ReadEnum<AdviceKind>(value, path);
                break;
            case "dueBy":
            case "until":
                d.Instant = ValueDoc.Read(value, path, _errors, allowNumber: false, allowBoolean: false);
                break;
        }
    }

    private TEnum ReadEnum<TEnum>(JsonElement value, string path)
        where TEnum : struct, Enum
    {
        if (value.ValueKind == JsonValueKind.String && CatalogNames.TryParse<TEnum>(value.GetString(), out var parsed))
        {
            return parsed;
        }

        string was = value.ValueKind == JsonValueKind.String ? $"'{value.GetString()}'" : ValueDoc.Describe(value);
        _errors.Add(new ValidationError(path, $"expected {CatalogNames.Expected<TEnum>()}, was {was}."));
        return default;
    }

    private void ReadScopedParams(JsonElement e, string path, List<ScopedParamDoc> into)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (e.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(new ValidationError(path, $"expected an array of {{ \"Name\": ..., \"Expression\": ... }} objects, was {ValueDoc.Describe(e)}."));
            return;
        }

        int i = 0;
        foreach (var item in e.EnumerateArray())
        {
            string p = $"{path}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                _errors.Add(new ValidationError(p, $"expected a {{ \"Name\": ..., \"Expression\": ... }} object, was {ValueDoc.Describe(item)}."));
                continue;
            }

            string? name = item.TryGetProperty("Name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            if (!string.IsNullOrWhiteSpace(name))
            {
                p = $"{path}['{name}']";
            }

            var members = Members(item, p, ScopedParamMembers);
            string? expression = members.Find(m => m.Key == "Expression").Value is { ValueKind: JsonValueKind.String } x ? x.GetString() : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                _errors.Add(new ValidationError(p + ".Name", "is required: the name the expression's value is known by."));
            }
            else if (!IsIdentifier(name))
            {
                _errors.Add(new ValidationError(p + ".Name", $"must be a name of letters, digits and '_' that starts with a letter, was '{name}'."));
            }

            if (string.IsNullOrWhiteSpace(expression))
            {
                _errors.Add(new ValidationError(p + ".Expression", "is required: an expression in a string."));
            }

            if (!string.IsNullOrWhiteSpace(name) && IsIdentifier(name) && !string.IsNullOrWhiteSpace(expression))
            {
                into.Add(new ScopedParamDoc(name, expression, p));
            }
        }
    }

    private void ReadParameters(JsonElement e, string path, List<ParameterDoc> into)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(new ValidationError(path, $"expected an object of parameter names to values (or to new parameter definitions), was {ValueDoc.Describe(e)}."));
            return;
        }

        foreach (var (name, value) in Members(e, path, null))
        {
            string p = $"{path}['{name}']";
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    into.Add(new ParameterDoc(name, p, value.GetString()!, null));
                    break;
                case JsonValueKind.Number:
                    into.Add(new ParameterDoc(name, p, value.GetRawText(), null));
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    into.Add(new ParameterDoc(name, p, value.GetBoolean() ? "true" : "false", null));
                    break;
                case JsonValueKind.Object:
                    if (ReadParameterDefinition(value, p) is { } definition)
                    {
                        into.Add(new ParameterDoc(name, p, null, definition));
                    }

                    break;
                default:
                    _errors.Add(new ValidationError(p, $"expected a value (a string, number or true/false) overriding the parameter, or an object defining a new one, was {ValueDoc.Describe(value)}."));
                    break;
            }
        }
    }

    private ParameterDefinitionDoc? ReadParameterDefinition(JsonElement e, string path)
    {
        string? kind = null, defaultText = null, description = null;
        decimal? min = null, max = null;
        foreach (var (key, value) in Members(e, path, ParameterDefinitionMembers))
        {
            string p = path + "." + key;
            switch (key)
            {
                case "Kind":
                    kind = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                    if (kind is null || !ParameterKinds.Contains(kind))
                    {
                        _errors.Add(new ValidationError(p, $"expected one of {string.Join(", ", ParameterKinds.Select(k => "'" + k + "'"))}, was {ValueDoc.Describe(value)}."));
                        kind = null;
                    }

                    break;
                case "Default":
                    defaultText = value.ValueKind switch
                    {
                        JsonValueKind.String => value.GetString(),
                        JsonValueKind.Number => value.GetRawText(),
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        _ => null,
                    };
                    if (defaultText is null)
                    {
                        _errors.Add(new ValidationError(p, $"expected a string, number or true/false, was {ValueDoc.Describe(value)}."));
                    }

                    break;
                case "Description":
                    description = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                    if (description is null)
                    {
                        _errors.Add(new ValidationError(p, $"expected a string, was {ValueDoc.Describe(value)}."));
                    }

                    break;
                case "Min":
                case "Max":
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var bound))
                    {
                        if (key == "Min")
                        {
                            min = bound;
                        }
                        else
                        {
                            max = bound;
                        }
                    }
                    else
                    {
                        _errors.Add(new ValidationError(p, $"expected a number, was {ValueDoc.Describe(value)}."));
                    }

                    break;
            }
        }

        if (kind is null && !e.TryGetProperty("Kind", out _))
        {
            _errors.Add(new ValidationError(path + ".Kind", $"is required: one of {string.Join(", ", ParameterKinds.Select(k => "'" + k + "'"))}."));
        }

        if (defaultText is null && !e.TryGetProperty("Default", out _))
        {
            _errors.Add(new ValidationError(path + ".Default", "is required: the parameter's default value."));
        }

        if (description is null && !e.TryGetProperty("Description", out _))
        {
            _errors.Add(new ValidationError(path + ".Description", "is required: what the parameter controls, and its unit."));
        }

        return kind is null || defaultText is null || description is null ? null : new ParameterDefinitionDoc(kind, defaultText, description, min, max);
    }

    private void ReadDisabledRules(JsonElement e, string path, List<(string Id, string Path)> into)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(new ValidationError(path, $"expected an array of rule ids, was {ValueDoc.Describe(e)}."));
            return;
        }

        int i = 0;
        foreach (var item in e.EnumerateArray())
        {
            string p = $"{path}[{i++}]";
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                into.Add((item.GetString()!, p));
            }
            else
            {
                _errors.Add(new ValidationError(p, $"expected a rule id, was {ValueDoc.Describe(item)}."));
            }
        }
    }

    private void CheckExpressionType(JsonElement value, string path)
    {
        if (value.ValueKind is JsonValueKind.Null || (value.ValueKind == JsonValueKind.String && value.GetString() == "LambdaExpression") || (value.ValueKind == JsonValueKind.Number && value.GetRawText() == "0"))
        {
            return;
        }

        _errors.Add(new ValidationError(path, $"expected \"LambdaExpression\" (the only expression type of RulesEngine), was {ValueDoc.Describe(value)}."));
    }

    /// <summary>
    /// The members of an object, in document order, with every unknown (with a did-you-mean for a wrong case) and
    /// duplicate member reported. <paramref name="known"/> null accepts every name.
    /// </summary>
    private List<KeyValuePair<string, JsonElement>> Members(JsonElement e, string path, string[]? known, bool allowExtensions = false, string what = "member")
    {
        var result = new List<KeyValuePair<string, JsonElement>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            string key = property.Name;
            if (!seen.Add(key))
            {
                _errors.Add(new ValidationError($"{path}.{key}", "appears more than once in the same object."));
                continue;
            }

            if (known is null || Array.IndexOf(known, key) >= 0)
            {
                result.Add(new(key, property.Value));
                continue;
            }

            if (allowExtensions && key.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            string? near = Array.Find(known, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            string hint = near is not null
                ? $"did you mean '{near}'? Names are case-sensitive, as RulesEngine reads them."
                : $"expected {string.Join(", ", known.Select(k => "'" + k + "'"))}" + (allowExtensions ? " (or a name starting with 'x-' for your own notes)." : ".");
            _errors.Add(new ValidationError($"{path}.{key}", $"is not a known {what}: {hint}"));
        }

        return result;
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
