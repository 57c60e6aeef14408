using System.Text.Json;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Serialization;
using NodaTime;

namespace CareRules.Testing;

/// <summary>Reads a <see cref="CaseTable"/>, collecting every problem with its JSON path. One instance per parse.</summary>
internal sealed class CaseTableParser
{
    private static readonly JsonFields RootFields = new(["now", "rows"]);
    private static readonly JsonFields RowFields = new(["name", "note", "case", "expect"], ["name", "expect"]);
    private static readonly JsonFields ExpectFields = new(["fires", "notFires", "firesExactly", "decisions", "notDecisions", "decisionCount", "goodwillTotal", "maxGoodwillTotal"]);
    private static readonly JsonFields MatcherFields = new(["type", "rule", "offer", "value", "minValue", "maxValue", "percent", "legal", "stop", "until", "to", "priority", "dueBy", "channel", "message", "advice"]);
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    private readonly JsonProblems _problems = new();
    private readonly string _source;
    private CaseReadOptions _caseOptions;

    private CaseTableParser(string source, CaseReadOptions options)
    {
        _source = source;
        _caseOptions = options;
    }

    public static CaseTable Parse(string json, string source, CaseReadOptions options)
    {
        var parser = new CaseTableParser(source, options);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            parser._problems.SyntaxError(JsonPath.Root, ex);
            throw new CareRulesValidationException($"Case table '{source}'", parser._problems.ToArray());
        }

        using (document)
        {
            var table = parser.ReadTable(document.RootElement);
            if (parser._problems.Count > 0)
            {
                throw new CareRulesValidationException($"Case table '{source}'", parser._problems.ToArray());
            }

            return table!;
        }
    }

    private CaseTable? ReadTable(JsonElement root)
    {
        Instant? now = null;
        JsonElement? rows = null;
        string rowsPath = "$";
        if (root.ValueKind == JsonValueKind.Array)
        {
            rows = root;
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in RootFields.Read(root, JsonPath.Root, _problems))
            {
                if (field.Name == "now")
                {
                    now = ReadInstant(field.Value, field.Path);
                }
                else
                {
                    rows = field.Value;
                    rowsPath = field.Path;
                }
            }

            if (rows is null)
            {
                _problems.Required(JsonPath.Property(JsonPath.Root, "rows"));
            }
        }
        else
        {
            Add(JsonPath.Root, $"a case table must be a JSON array of rows or an object with 'rows', was {JsonProblems.Describe(root)}.");
        }

        if (now is { } fixedNow)
        {
            _caseOptions = _caseOptions with { Clock = new FixedClock(fixedNow) };
        }

        var list = new List<TableRow>();
        if (rows is { } array)
        {
            if (array.ValueKind != JsonValueKind.Array)
            {
                _problems.WrongType(rowsPath, "an array of rows", array);
            }
            else if (array.GetArrayLength() == 0)
            {
                Add(rowsPath, "holds no rows; a table needs at least one.");
            }
            else
            {
                var firstPathOf = new Dictionary<string, string>(StringComparer.Ordinal);
                int index = 0;
                foreach (var element in array.EnumerateArray())
                {
                    string path = JsonPath.Element(rowsPath, index);
                    if (ReadRow(element, path, index) is { } row)
                    {
                        if (firstPathOf.TryGetValue(row.Name, out var first))
                        {
                            Add(JsonPath.Property(path, "name"), $"'{row.Name}' is also the name of row {first}; names must be unique, they name the tests.");
                        }
                        else
                        {
                            firstPathOf[row.Name] = path;
                            list.Add(row);
                        }
                    }

                    index++;
                }
            }
        }

        return _problems.Count > 0 ? null : new CaseTable(_source, now, list);
    }

    private TableRow? ReadRow(JsonElement row, string path, int index)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            Add(path, $"a row must be an object with 'name', 'case' and 'expect', was {JsonProblems.Describe(row)}.");
            return null;
        }

        int errorsBefore = _problems.Count;
        string? name = null;
        string? note = null;
        CareContext? context = null;
        TableExpectation? expect = null;
        bool hasCase = false;
        foreach (var (field, fieldPath, value) in RowFields.Read(row, path, _problems).Select(f => (f.Name, f.Path, f.Value)))
        {
            switch (field)
            {
                case "name":
                    name = ReadString(value, fieldPath);
                    if (name is not null && string.IsNullOrWhiteSpace(name))
                    {
                        Add(fieldPath, "must not be blank.");
                        name = null;
                    }

                    break;
                case "note":
                    note = ReadString(value, fieldPath);
                    break;
                case "case":
                    hasCase = true;
                    context = ReadCase(value, fieldPath);
                    break;
                default:
                    expect = ReadExpect(value, fieldPath);
                    break;
            }
        }

        if (!hasCase)
        {
            _problems.Required(JsonPath.Property(path, "case"), "the case to evaluate, as in catalog section 5.");
        }

        return _problems.Count == errorsBefore && name is not null && context is not null && expect is not null
            ? new TableRow(_source, path, index, name, note, context, expect)
            : null;
    }

    private CareContext? ReadCase(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            _problems.WrongType(path, "a case object (catalog section 5)", value);
            return null;
        }

        // Read in place, from the table's own bytes; the case's paths are re-rooted under the row's.
        var result = CaseJsonReader.ReadCase(value, _caseOptions);
        foreach (var error in result.Errors)
        {
            Add(JsonPath.Under(path, error.Path), error.Message);
        }

        return result.Context;
    }

    private TableExpectation? ReadExpect(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            _problems.WrongType(path, "an object of expectations", value);
            return null;
        }

        int errorsBefore = _problems.Count;
        List<string> fires = [], notFires = [];
        List<string>? firesExactly = null;
        List<DecisionMatcher> decisions = [], notDecisions = [];
        int? count = null;
        decimal? goodwill = null, maxGoodwill = null;
        foreach (var (field, fieldPath, element) in ExpectFields.Read(value, path, _problems).Select(f => (f.Name, f.Path, f.Value)))
        {
            switch (field)
            {
                case "fires":
                    fires = ReadIds(element, fieldPath);
                    break;
                case "notFires":
                    notFires = ReadIds(element, fieldPath);
                    break;
                case "firesExactly":
                    firesExactly = ReadIds(element, fieldPath);
                    break;
                case "decisions":
                    decisions = ReadMatchers(element, fieldPath);
                    break;
                case "notDecisions":
                    notDecisions = ReadMatchers(element, fieldPath);
                    break;
                case "decisionCount":
                    if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int n) && n >= 0)
                    {
                        count = n;
                    }
                    else
                    {
                        _problems.WrongType(fieldPath, "a whole number of zero or more", element);
                    }

                    break;
                case "goodwillTotal":
                    goodwill = ReadAmount(element, fieldPath);
                    break;
                default:
                    maxGoodwill = ReadAmount(element, fieldPath);
                    break;
            }
        }

        foreach (var id in fires.Intersect(notFires, StringComparer.Ordinal))
        {
            Add(JsonPath.Property(path, "notFires"), $"'{id}' is also in 'fires'; a rule cannot both fire and not fire.");
        }

        var expect = new TableExpectation(fires, notFires, firesExactly, decisions, notDecisions, count, goodwill, maxGoodwill);
        if (expect.IsEmpty && _problems.Count == errorsBefore)
        {
            Add(path, "expects nothing; give at least one of " + ExpectFields.Allowed + ".");
        }

        return expect;
    }

    private List<string> ReadIds(JsonElement value, string path)
    {
        var ids = new List<string>();
        foreach (var item in _problems.Items(value, path, "an array of rule ids"))
        {
            if (item.Value.ValueKind == JsonValueKind.String && item.Value.GetString() is { } id && !string.IsNullOrWhiteSpace(id))
            {
                ids.Add(id);
            }
            else
            {
                _problems.WrongType(item.Path, "a rule id such as 'delay.gift'", item.Value);
            }
        }

        return ids;
    }

    private List<DecisionMatcher> ReadMatchers(JsonElement value, string path)
    {
        var matchers = new List<DecisionMatcher>();
        foreach (var item in _problems.Items(value, path, "an array of decisions"))
        {
            if (ReadMatcher(item.Value, item.Path) is { } m)
            {
                matchers.Add(m);
            }
        }

        return matchers;
    }

    private DecisionMatcher? ReadMatcher(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            _problems.WrongType(path, "a decision object with a 'type'", value);
            return null;
        }

        int errorsBefore = _problems.Count;
        DecisionType? type = null;
        if (value.TryGetProperty("type", out var typeElement))
        {
            type = ReadName<DecisionType>(typeElement, JsonPath.Property(path, "type"));
        }
        else
        {
            _problems.Required(JsonPath.Property(path, "type"), CatalogNames.Expected<DecisionType>() + ".");
        }

        var m = new DecisionMatcher(type ?? DecisionType.Compensate);
        foreach (var (field, fieldPath, element) in MatcherFields.Read(value, path, _problems).Select(f => (f.Name, f.Path, f.Value)))
        {
            m = field switch
            {
                "type" => m,
                "rule" => m with { Rule = ReadString(element, fieldPath) },
                "offer" => m with { Offer = ReadName<OfferKind>(element, fieldPath) },
                "value" => m with { Value = ReadAmount(element, fieldPath) },
                "minValue" => m with { MinValue = ReadAmount(element, fieldPath) },
                "maxValue" => m with { MaxValue = ReadAmount(element, fieldPath) },
                "percent" => m with { Percent = ReadAmount(element, fieldPath) },
                "legal" => m with { Legal = ReadBool(element, fieldPath) },
                "stop" => m with { Stop = ReadName<StopKind>(element, fieldPath) },
                "until" => m with { Until = ReadInstant(element, fieldPath) },
                "to" => m with { To = ReadName<EscalationTarget>(element, fieldPath) },
                "priority" => m with { Priority = ReadName<EscalationPriority>(element, fieldPath) },
                "dueBy" => m with { DueBy = ReadInstant(element, fieldPath) },
                "channel" => m with { Channel = ReadName<NotifyChannel>(element, fieldPath) },
                "message" => m with { Message = ReadName<NotifyMessage>(element, fieldPath) },
                _ => m with { Advice = ReadName<AdviceKind>(element, fieldPath) },
            };
        }

        if (type is null || _problems.Count > errorsBefore)
        {
            return null;
        }

        foreach (var problem in m.Problems())
        {
            Add(path + "." + problem.Path, problem.Message);
        }

        return _problems.Count > errorsBefore ? null : m;
    }

    private string? ReadString(JsonElement value, string path) => _problems.TryReadString(value, path, out string text) ? text : null;

    private bool? ReadBool(JsonElement value, string path) => _problems.TryReadBoolean(value, path, out bool b) ? b : null;

    private decimal? ReadAmount(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out decimal amount) && amount >= 0m)
        {
            return amount;
        }

        _problems.WrongType(path, "a number of zero or more", value);
        return null;
    }

    private TEnum? ReadName<TEnum>(JsonElement value, string path)
        where TEnum : struct, Enum => _problems.TryReadName(value, path, out TEnum parsed) ? parsed : null;

    private Instant? ReadInstant(JsonElement value, string path) => _problems.TryReadInstant(value, path, out var instant) ? instant : null;

    private void Add(string path, string message) => _problems.Add(path, message);
}
