using CareRules.Authoring;
using System.Globalization;
using System.Text.Json;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Serialization;

namespace CareRules.RulesEngine.Loading;

/// <summary>
/// Reads workflow JSON into <see cref="WorkflowDoc"/>s: RulesEngine's schema (members spelled exactly as RulesEngine
/// spells them) plus CareRules' outcome metadata in each rule's <c>Properties</c> and the pack members
/// <c>Pack</c>, <c>Parameters</c> and <c>DisabledRules</c>. Every problem is added to the error list; reading goes on
/// past it so that one pass reports them all.
/// </summary>
internal sealed class WorkflowReader
{
    private static readonly JsonFields WorkflowFields = new(["WorkflowName", "WorkflowsToInject", "RuleExpressionType", "GlobalParams", "Rules", "Pack", "Parameters", "DisabledRules"]);
    private static readonly JsonFields RuleFields = new(["RuleName", "Properties", "Operator", "ErrorMessage", "Enabled", "RuleExpressionType", "WorkflowsToInject", "Rules", "LocalParams", "Expression", "Actions", "SuccessEvent"]);
    private static readonly JsonFields ScopedParamFields = new(["Name", "Expression"]);
    private static readonly JsonFields PropertyFields = new(["priority", "description", "suppressesGoodwill", "goodwillCapMultiplier", "decisions"], extensionPrefix: "x-");
    private static readonly JsonFields TextFields = new(["en", "pl"], subject: "a text per language");
    private static readonly JsonFields ParameterDefinitionFields = new(["Kind", "Default", "Description", "Min", "Max"], ["Kind", "Default", "Description"]);
    private static readonly string[] Operators = ["And", "AndAlso", "Or", "OrElse"];

    /// <summary>
    /// The fields of each decision type: <c>type</c>, <c>reason</c>, <c>when</c> and those of the type (<see cref="DecisionShape"/>);
    /// a compensation may also give <c>offerPriority</c>, which orders it and is not a field of the verdict.
    /// </summary>
    private static readonly Dictionary<DecisionType, JsonFields> DecisionFields =
        DecisionShape.All.ToDictionary(shape => shape.Type, shape => Decision(shape.Type, shape.Type == DecisionType.Compensate ? [.. shape.FieldNames, "offerPriority"] : [.. shape.FieldNames]));

    private readonly List<ValidationError> _errors;
    private readonly JsonProblems _problems = new();

    public WorkflowReader(List<ValidationError> errors) => _errors = errors;

    /// <summary>The kinds a workflow may define a new parameter of.</summary>
    public static IReadOnlyList<string> ParameterKinds { get; } = ["integer", "decimal", "amount", "days", "businessTime", "boolean"];

    public List<WorkflowDoc> Read(WorkflowSource source)
    {
        var workflows = new List<WorkflowDoc>();
        try
        {
            using var document = JsonDocument.Parse(source.Json, new JsonDocumentOptions { MaxDepth = 64 });
            ReadDocument(source, document.RootElement, workflows);
        }
        catch (JsonException ex)
        {
            _problems.SyntaxError(source.Name, ex);
        }

        _errors.AddRange(_problems.Errors);
        _problems.Clear();
        return workflows;
    }

    private void ReadDocument(WorkflowSource source, JsonElement root, List<WorkflowDoc> workflows)
    {
        {
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
                        _problems.WrongType(JsonPath.Element(source.Name + ":workflows", i), "a workflow object", item);
                    }

                    i++;
                }

                if (i == 0)
                {
                    _problems.Add(source.Name, "holds no workflow (an empty array).");
                }
            }
            else
            {
                _problems.WrongType(source.Name, "a workflow object or an array of workflow objects", root);
            }
        }
    }

    private void ReadWorkflow(string source, JsonElement e, int index, List<WorkflowDoc> workflows)
    {
        string name = e.TryGetProperty("WorkflowName", out var n) && n.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(n.GetString())
            ? n.GetString()!
            : string.Empty;
        string path = name.Length > 0 ? JsonPath.Key(source + ":workflows", name) : JsonPath.Element(source + ":workflows", index);
        var members = Fields(e, path, WorkflowFields);
        if (name.Length == 0)
        {
            _problems.Add(path + ".WorkflowName", "is required: every workflow has a non-empty name.");
        }

        var workflow = new WorkflowDoc { Source = source, Name = name.Length > 0 ? name : $"#{index}", Path = path };
        foreach (var (key, value) in members)
        {
            string p = JsonPath.Property(path, key);
            switch (key)
            {
                case "WorkflowName":
                    if (value.ValueKind != JsonValueKind.String)
                    {
                        _problems.WrongType(p, "a string", value);
                    }

                    break;
                case "WorkflowsToInject":
                    if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Array) || value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0)
                    {
                        _problems.Add(p, "is not supported: every workflow loaded into a pack is already part of it; load the other file beside this one instead.");
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
                        _problems.WrongType(p, "the pack's name and version as \"name@version\" (e.g. \"acme-care@1.0.0\")", value);
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

        foreach (var item in _problems.Items(e, path, "an array of rules", JsonValueKind.Object, "a rule object"))
        {
            rules.Add(ReadRule(item.Value, path, item.Index, topLevel));
        }
    }

    private RuleDoc ReadRule(JsonElement e, string parentPath, int index, bool topLevel)
    {
        string name = e.TryGetProperty("RuleName", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() ?? string.Empty : string.Empty;
        string path = string.IsNullOrWhiteSpace(name) ? JsonPath.Element(parentPath, index) : JsonPath.Key(parentPath, name);
        var members = Fields(e, path, RuleFields);
        if (string.IsNullOrWhiteSpace(name))
        {
            _problems.Add(path + ".RuleName", "is required: every rule has a non-empty name (for a top-level rule, its CareRules rule id).");
        }
        else if (PackLimits.LengthProblem(name, PackLimits.MaxRuleIdLength, "a rule name") is { } tooLong)
        {
            _problems.Add(path + ".RuleName", tooLong);
        }

        var rule = new RuleDoc { Name = name, Path = path };
        foreach (var (key, value) in members)
        {
            string p = JsonPath.Property(path, key);
            switch (key)
            {
                case "RuleName":
                case "ErrorMessage":
                case "SuccessEvent":
                    if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        _problems.WrongType(p, "a string", value);
                    }

                    break;
                case "Enabled":
                    rule.Enabled = !_problems.TryReadBoolean(value, p, out bool enabled) || enabled;
                    break;
                case "RuleExpressionType":
                    CheckExpressionType(value, p);
                    break;
                case "Operator":
                    if (value.ValueKind == JsonValueKind.Null)
                    {
                        break;
                    }

                    if (_problems.TryReadOneOf(value, p, Operators, out string op))
                    {
                        rule.Operator = op;
                    }

                    break;
                case "Expression":
                    if (value.ValueKind == JsonValueKind.String)
                    {
                        rule.Expression = value.GetString();
                    }
                    else if (value.ValueKind != JsonValueKind.Null)
                    {
                        _problems.WrongType(p, "an expression in a string", value);
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
                        _problems.Add(p, "is not supported: write the condition as nested Rules with an Operator instead.");
                    }

                    break;
                case "Actions":
                    if (value.ValueKind is not JsonValueKind.Null)
                    {
                        _problems.Add(p, "is not supported: CareRules decisions are declared in Properties.decisions.");
                    }

                    break;
                case "Properties":
                    if (topLevel)
                    {
                        ReadProperties(value, p, rule);
                    }
                    else if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("decisions", out _))
                    {
                        _problems.Add(p + ".decisions", "a nested rule is only part of its parent's condition: declare decisions on the top-level rule.");
                    }

                    break;
            }
        }

        if (rule.Operator is not null && rule.Rules.Count == 0)
        {
            _problems.Add(path + ".Rules", $"is required: Operator {rule.Operator} combines nested rules, and there are none.");
        }
        else if (rule.Operator is null && rule.Rules.Count > 0)
        {
            _problems.Add(path + ".Operator", "is required: nested Rules are combined with an Operator (And, AndAlso, Or or OrElse).");
        }
        else if (rule.Operator is not null && rule.Expression is not null)
        {
            _problems.Add(path + ".Expression", "is ignored by RulesEngine when Operator combines nested rules; remove it or move it into a nested rule.");
        }
        else if (rule.Operator is null && string.IsNullOrWhiteSpace(rule.Expression))
        {
            _problems.Add(path + ".Expression", "is required: a rule without nested rules is a condition over customer, order, case, now, today and params.");
        }

        if (topLevel && !rule.ListsDecisions && rule.SuppressesGoodwill is null && rule.GoodwillCapMultiplier is null)
        {
            _problems.Add(path + ".Properties.decisions", "is required: a rule decides something (or suppresses goodwill, or raises the goodwill cap).");
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
            _problems.WrongType(path, "an object", e);
            return;
        }

        foreach (var (key, value) in Fields(e, path, PropertyFields))
        {
            string p = JsonPath.Property(path, key);
            switch (key)
            {
                case "priority":
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int priority))
                    {
                        rule.Priority = priority;
                    }
                    else
                    {
                        _problems.WrongType(p, "a whole number (higher is more important; the default is 100)", value);
                    }

                    break;
                case "description":
                    rule.Description = ReadText(value, p, PackLimits.MaxDescriptionLength, "a description");
                    break;
                case "suppressesGoodwill":
                    rule.SuppressesGoodwill = ValueDoc.Read(value, p, _problems, allowNumber: false, allowBoolean: true);
                    break;
                case "goodwillCapMultiplier":
                    rule.GoodwillCapMultiplier = ValueDoc.Read(value, p, _problems, allowNumber: true, allowBoolean: false);
                    if (rule.GoodwillCapMultiplier is { Number: < 1m })
                    {
                        _problems.Add(p, $"must be 1 or more, was {rule.GoodwillCapMultiplier.Value.Number.Value.ToString(CultureInfo.InvariantCulture)}.");
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
        foreach (var (p, item) in _problems.Items(e, path, "an array of decisions", JsonValueKind.Object, "a decision object").Select(i => (i.Path, i.Value)))
        {
            if (!item.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                _problems.Add(p + ".type", $"is required: {CatalogNames.Expected<DecisionType>()}.");
                continue;
            }

            if (!_problems.TryReadName<DecisionType>(typeElement, p + ".type", out var type))
            {
                continue;
            }

            var decision = new DecisionDoc { Path = p, Type = type };
            var members = Fields(item, p, DecisionFields[type]);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, value) in members)
            {
                seen.Add(key);
                ReadDecisionField(decision, key, value, JsonPath.Property(p, key));
            }

            if (!seen.Contains("reason"))
            {
                _problems.Add(p + ".reason", "is required: every decision carries a one-sentence human reason.");
            }

            foreach (string required in DecisionShape.Of(type).RequiredFieldNames)
            {
                if (!seen.Contains(required))
                {
                    _problems.Add(p + "." + required, $"is required for a decision of type '{CatalogNames.Of(type)}'.");
                }
            }

            decisions.Add(decision);
        }
    }

    /// <summary>
    /// Reads a reason or description: a string (the same in every language) or an object with a string per language,
    /// <c>{ "en": "…", "pl": "…" }</c>; a pack built in a language the object lacks fails to build, naming the text.
    /// </summary>
    private LocalizedText ReadText(JsonElement value, string path, int maxLength, string what)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            string? en = null, pl = null;
            foreach (var (key, text) in Fields(value, path, TextFields))
            {
                string p = JsonPath.Property(path, key);
                if (_problems.TryReadString(text, p, out string read) && CheckLength(read, p, maxLength, what))
                {
                    if (key == "en")
                    {
                        en = read;
                    }
                    else
                    {
                        pl = read;
                    }
                }
            }

            if (en is null && pl is null)
            {
                _problems.Add(path, $"gives no text: write {what} as a string, or as {{ \"en\": \"…\", \"pl\": \"…\" }}.");
            }

            return new LocalizedText(null, en, pl);
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            _problems.WrongType(path, "a string, or an object with a text per language ({ \"en\": \"…\", \"pl\": \"…\" })", value);
            return LocalizedText.Empty;
        }

        string plain = value.GetString()!;
        CheckLength(plain, path, maxLength, what);
        return new LocalizedText(plain, null, null);
    }

    private bool CheckLength(string text, string path, int maxLength, string what)
    {
        if (PackLimits.LengthProblem(text, maxLength, what) is { } tooLong)
        {
            _problems.Add(path, tooLong);
            return false;
        }

        return true;
    }

    private void ReadDecisionField(DecisionDoc d, string key, JsonElement value, string path)
    {
        switch (key)
        {
            case "type":
                break;
            case "reason":
                d.Reason = ReadText(value, path, PackLimits.MaxReasonLength, "a reason");
                break;
            case "when":
                d.When = ValueDoc.Read(value, path, _problems, allowNumber: false, allowBoolean: true);
                break;
            case "offer":
                d.Offer = ReadEnum<OfferKind>(value, path);
                break;
            case "value":
                d.Value = ValueDoc.Read(value, path, _problems, allowNumber: true, allowBoolean: false);
                if (d.Value is { Number: < 0m })
                {
                    _problems.Add(path, $"must not be negative, was {d.Value.Value.Number.Value.ToString(CultureInfo.InvariantCulture)}.");
                }

                break;
            case "percent":
                d.Percent = ValueDoc.Read(value, path, _problems, allowNumber: true, allowBoolean: false);
                if (d.Percent is { Number: { } p } && (p <= 0m || p > 100m))
                {
                    _problems.Add(path, $"must be above 0 and at most 100, was {p.ToString(CultureInfo.InvariantCulture)}.");
                }

                break;
            case "legal":
                _problems.TryReadBoolean(value, path, out bool legal);
                d.Legal = legal;
                break;
            case "offerPriority":
                if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int offerPriority))
                {
                    d.OfferPriority = offerPriority;
                }
                else
                {
                    _problems.WrongType(path, "a whole number (the offer's own priority; without it the rule's)", value);
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
                d.Instant = ValueDoc.Read(value, path, _problems, allowNumber: false, allowBoolean: false);
                break;
        }
    }

    private TEnum ReadEnum<TEnum>(JsonElement value, string path)
        where TEnum : struct, Enum
    {
        _problems.TryReadName<TEnum>(value, path, out var parsed);
        return parsed;
    }

    private void ReadScopedParams(JsonElement e, string path, List<ScopedParamDoc> into)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        const string Entry = "{ \"Name\": ..., \"Expression\": ... }";
        foreach (var (elementPath, item) in _problems.Items(e, path, $"an array of {Entry} objects", JsonValueKind.Object, $"a {Entry} object").Select(i => (i.Path, i.Value)))
        {
            string p = elementPath;
            string? name = item.TryGetProperty("Name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            if (!string.IsNullOrWhiteSpace(name))
            {
                p = JsonPath.Key(path, name);
            }

            var members = Fields(item, p, ScopedParamFields);
            string? expression = members.Find(m => m.Key == "Expression").Value is { ValueKind: JsonValueKind.String } x ? x.GetString() : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                _problems.Add(p + ".Name", "is required: the name the expression's value is known by.");
            }
            else if (!IsIdentifier(name))
            {
                _problems.Add(p + ".Name", $"must be a name of letters, digits and '_' that starts with a letter, was '{PackLimits.Quote(name)}'.");
            }

            if (string.IsNullOrWhiteSpace(expression))
            {
                _problems.Add(p + ".Expression", "is required: an expression in a string.");
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
            _problems.WrongType(path, "an object of parameter names to values (or to new parameter definitions)", e);
            return;
        }

        foreach (var (name, value) in OpenFields(e, path))
        {
            string p = JsonPath.Key(path, name);
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
                    _problems.WrongType(p, "a value (a string, number or true/false) overriding the parameter, or an object defining a new one", value);
                    break;
            }
        }
    }

    private ParameterDefinitionDoc? ReadParameterDefinition(JsonElement e, string path)
    {
        string? kind = null, defaultText = null, description = null;
        decimal? min = null, max = null;
        foreach (var (key, value) in Fields(e, path, ParameterDefinitionFields))
        {
            string p = JsonPath.Property(path, key);
            switch (key)
            {
                case "Kind":
                    kind = _problems.TryReadOneOf(value, p, ParameterKinds, out string k) ? k : null;

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
                        _problems.WrongType(p, "a string, number or true/false", value);
                    }

                    break;
                case "Description":
                    description = _problems.TryReadString(value, p, out string text) ? text : null;
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
                        _problems.WrongType(p, "a number", value);
                    }

                    break;
            }
        }

        if (kind is null && !e.TryGetProperty("Kind", out _))
        {
            _problems.Add(path + ".Kind", "is required: one of " + string.Join(", ", ParameterKinds.Select(k => "'" + k + "'")) + ".");
        }

        if (defaultText is null && !e.TryGetProperty("Default", out _))
        {
            _problems.Add(path + ".Default", "is required: the parameter's default value.");
        }

        if (description is null && !e.TryGetProperty("Description", out _))
        {
            _problems.Add(path + ".Description", "is required: what the parameter controls, and its unit.");
        }

        return kind is null || defaultText is null || description is null ? null : new ParameterDefinitionDoc(kind, defaultText, description, min, max);
    }

    private void ReadDisabledRules(JsonElement e, string path, List<(string Id, string Path)> into)
    {
        foreach (var item in _problems.Items(e, path, "an array of rule ids"))
        {
            if (item.Value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.Value.GetString()))
            {
                into.Add((item.Value.GetString()!, item.Path));
            }
            else
            {
                _problems.WrongType(item.Path, "a rule id", item.Value);
            }
        }
    }

    private void CheckExpressionType(JsonElement value, string path)
    {
        if (value.ValueKind is JsonValueKind.Null || (value.ValueKind == JsonValueKind.String && value.GetString() == "LambdaExpression") || (value.ValueKind == JsonValueKind.Number && value.GetRawText() == "0"))
        {
            return;
        }

        _problems.WrongType(path, "\"LambdaExpression\" (the only expression type of RulesEngine)", value);
    }

    /// <summary>The allowed fields of an object, each once, in document order; unknown and repeated ones are reported.</summary>
    private List<KeyValuePair<string, JsonElement>> Fields(JsonElement e, string path, JsonFields fields) =>
        [.. fields.Read(e, path, _problems).Select(f => KeyValuePair.Create(f.Name, f.Value))];

    /// <summary>Every member of an object whose names are free (parameter names), each once; repeated ones are reported.</summary>
    private List<KeyValuePair<string, JsonElement>> OpenFields(JsonElement e, string path)
    {
        var result = new List<KeyValuePair<string, JsonElement>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            if (seen.Add(property.Name))
            {
                result.Add(new(property.Name, property.Value));
            }
            else
            {
                _problems.DuplicateField(JsonPath.Key(path, property.Name));
            }
        }

        return result;
    }

    private static JsonFields Decision(DecisionType type, params string[] fields) =>
        new(["type", "reason", "when", .. fields], subject: $"a decision of type '{CatalogNames.Of(type)}'");

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
