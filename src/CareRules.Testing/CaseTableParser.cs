using System.Buffers;
using System.Globalization;
using System.Text.Json;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Serialization;
using NodaTime;
using NodaTime.Text;

namespace CareRules.Testing;

/// <summary>Reads a <see cref="CaseTable"/>, collecting every problem with its JSON path. One instance per parse.</summary>
internal sealed class CaseTableParser
{
    private static readonly string[] RootFields = ["now", "rows"];
    private static readonly string[] RowFields = ["name", "note", "case", "expect"];
    private static readonly string[] ExpectFields = ["fires", "notFires", "firesExactly", "decisions", "notDecisions", "decisionCount", "goodwillTotal", "maxGoodwillTotal"];
    private static readonly string[] MatcherFields = ["type", "rule", "offer", "value", "minValue", "maxValue", "percent", "legal", "stop", "until", "to", "priority", "dueBy", "channel", "message", "advice"];
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    private readonly List<ValidationError> _errors = [];
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
            long line = (ex.LineNumber ?? 0) + 1;
            long position = (ex.BytePositionInLine ?? 0) + 1;
            string reason = ex.Message;
            int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            reason = cut >= 0 ? reason[..cut] : reason;
            throw new CareRulesValidationException($"Case table '{source}'", [new ValidationError("$", string.Create(CultureInfo.InvariantCulture, $"is not valid JSON at line {line}, byte {position}: {reason}"))]);
        }

        using (document)
        {
            var table = parser.ReadTable(document.RootElement);
            if (parser._errors.Count > 0)
            {
                throw new CareRulesValidationException($"Case table '{source}'", parser._errors);
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
            ReadObject(root, "$", RootFields, (name, value, path) =>
            {
                if (name == "now")
                {
                    now = ReadInstant(value, path);
                }
                else
                {
                    rows = value;
                    rowsPath = path;
                }
            });
            if (rows is null)
            {
                Add("$.rows", "is required.");
            }
        }
        else
        {
            Add("$", $"a case table must be a JSON array of rows or an object with 'rows', was {Describe(root)}.");
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
                Add(rowsPath, $"must be an array of rows, was {Describe(array)}.");
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
                    string path = $"{rowsPath}[{index.ToString(CultureInfo.InvariantCulture)}]";
                    if (ReadRow(element, path, index) is { } row)
                    {
                        if (firstPathOf.TryGetValue(row.Name, out var first))
                        {
                            Add(path + ".name", $"'{row.Name}' is also the name of row {first}; names must be unique, they name the tests.");
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

        return _errors.Count > 0 ? null : new CaseTable(_source, now, list);
    }

    private TableRow? ReadRow(JsonElement row, string path, int index)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            Add(path, $"a row must be an object with 'name', 'case' and 'expect', was {Describe(row)}.");
            return null;
        }

        int errorsBefore = _errors.Count;
        string? name = null;
        string? note = null;
        CareContext? context = null;
        TableExpectation? expect = null;
        bool hasCase = false;
        ReadObject(row, path, RowFields, (field, value, fieldPath) =>
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
        });

        Require(row, path, "name");
        Require(row, path, "expect");
        if (!hasCase)
        {
            Add(path + ".case", "is required: the case to evaluate, as in catalog section 5.");
        }

        return _errors.Count == errorsBefore && name is not null && context is not null && expect is not null
            ? new TableRow(_source, path, index, name, note, context, expect)
            : null;
    }

    private CareContext? ReadCase(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(path, $"must be a case object (catalog section 5), was {Describe(value)}.");
            return null;
        }

        // Re-written compactly on one line so that the reader sees exactly one case object.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            value.WriteTo(writer);
        }

        var result = CaseJsonReader.Read(buffer.WrittenSpan, _caseOptions)[0];
        foreach (var error in result.Errors)
        {
            Add(path + error.Path[1..], error.Message);
        }

        return result.Context;
    }

    private TableExpectation? ReadExpect(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(path, $"must be an object of expectations, was {Describe(value)}.");
            return null;
        }

        int errorsBefore = _errors.Count;
        List<string> fires = [], notFires = [];
        List<string>? firesExactly = null;
        List<DecisionMatcher> decisions = [], notDecisions = [];
        int? count = null;
        decimal? goodwill = null, maxGoodwill = null;
        ReadObject(value, path, ExpectFields, (field, element, fieldPath) =>
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
                        Add(fieldPath, $"must be a whole number of zero or more, was {Describe(element)}.");
                    }

                    break;
                case "goodwillTotal":
                    goodwill = ReadAmount(element, fieldPath);
                    break;
                default:
                    maxGoodwill = ReadAmount(element, fieldPath);
                    break;
            }
        });

        foreach (var id in fires.Intersect(notFires, StringComparer.Ordinal))
        {
            Add(path + ".notFires", $"'{id}' is also in 'fires'; a rule cannot both fire and not fire.");
        }

        var expect = new TableExpectation(fires, notFires, firesExactly, decisions, notDecisions, count, goodwill, maxGoodwill);
        if (expect.IsEmpty && _errors.Count == errorsBefore)
        {
            Add(path, "expects nothing; give at least one of: " + string.Join(", ", ExpectFields) + ".");
        }

        return expect;
    }

    private List<string> ReadIds(JsonElement value, string path)
    {
        var ids = new List<string>();
        if (value.ValueKind != JsonValueKind.Array)
        {
            Add(path, $"must be an array of rule ids, was {Describe(value)}.");
            return ids;
        }

        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            string itemPath = $"{path}[{i++.ToString(CultureInfo.InvariantCulture)}]";
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } id && !string.IsNullOrWhiteSpace(id))
            {
                ids.Add(id);
            }
            else
            {
                Add(itemPath, $"must be a rule id such as 'delay.gift', was {Describe(item)}.");
            }
        }

        return ids;
    }

    private List<DecisionMatcher> ReadMatchers(JsonElement value, string path)
    {
        var matchers = new List<DecisionMatcher>();
        if (value.ValueKind != JsonValueKind.Array)
        {
            Add(path, $"must be an array of decisions, was {Describe(value)}.");
            return matchers;
        }

        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (ReadMatcher(item, $"{path}[{i++.ToString(CultureInfo.InvariantCulture)}]") is { } m)
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
            Add(path, $"must be a decision object with a 'type', was {Describe(value)}.");
            return null;
        }

        int errorsBefore = _errors.Count;
        DecisionType? type = null;
        if (value.TryGetProperty("type", out var typeElement))
        {
            type = ReadName<DecisionType>(typeElement, path + ".type");
        }
        else
        {
            Add(path + ".type", $"is required: {CatalogNames.Expected<DecisionType>()}.");
        }

        var m = new DecisionMatcher(type ?? DecisionType.Compensate);
        ReadObject(value, path, MatcherFields, (field, element, fieldPath) =>
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
        });

        if (type is null || _errors.Count > errorsBefore)
        {
            return null;
        }

        foreach (var problem in m.Problems())
        {
            Add(path + "." + problem.Path, problem.Message);
        }

        return _errors.Count > errorsBefore ? null : m;
    }

    /// <summary>Calls <paramref name="onField"/> for each known field once; unknown and repeated fields are errors.</summary>
    private void ReadObject(JsonElement obj, string path, string[] known, Action<string, JsonElement, string> onField)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            string fieldPath = path + "." + property.Name;
            if (Array.IndexOf(known, property.Name) < 0)
            {
                Add(fieldPath, $"is not a known field; expected {string.Join(", ", known)}.");
            }
            else if (!seen.Add(property.Name))
            {
                Add(fieldPath, "appears more than once.");
            }
            else
            {
                onField(property.Name, property.Value, fieldPath);
            }
        }
    }

    private void Require(JsonElement obj, string path, string field)
    {
        if (!obj.TryGetProperty(field, out _))
        {
            Add(path + "." + field, "is required.");
        }
    }

    private string? ReadString(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Add(path, $"must be a string, was {Describe(value)}.");
        return null;
    }

    private bool? ReadBool(JsonElement value, string path)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Add(path, $"must be true or false, was {Describe(value)}.");
        return null;
    }

    private decimal? ReadAmount(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out decimal amount) && amount >= 0m)
        {
            return amount;
        }

        Add(path, $"must be a number of zero or more, was {Describe(value)}.");
        return null;
    }

    private TEnum? ReadName<TEnum>(JsonElement value, string path)
        where TEnum : struct, Enum
    {
        if (value.ValueKind == JsonValueKind.String && CatalogNames.TryParse<TEnum>(value.GetString(), out var parsed))
        {
            return parsed;
        }

        Add(path, $"expected {CatalogNames.Expected<TEnum>()}, was {Describe(value)}.");
        return null;
    }

    private Instant? ReadInstant(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String && InstantPattern.ExtendedIso.Parse(value.GetString()!) is { Success: true } parsed)
        {
            return parsed.Value;
        }

        Add(path, $"must be an ISO-8601 UTC instant such as '2026-11-23T10:00:00Z', was {Describe(value)}.");
        return null;
    }

    private void Add(string path, string message) => _errors.Add(new ValidationError(path, message));

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "'" + value.GetString() + "'",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };
}
