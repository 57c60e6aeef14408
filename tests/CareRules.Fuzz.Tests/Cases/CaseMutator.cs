using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareRules.Fuzz.Tests.Cases;

/// <summary>How a case of a batch was changed.</summary>
internal enum CaseMutation
{
    WrongType,
    RemovedField,
    UnknownField,
    DuplicateField,
    ExtremeNumber,
    ExtremeDate,
    DeepNesting,
    HugeText,
    EnumSpelling,
    Truncated,
    InvalidUtf8,
    CharEdits,
}

/// <summary>One case of a batch: its bytes (one line, no line feed), whether it is an unchanged valid seed, and what was done to it.</summary>
internal sealed record CaseEntry(byte[] Utf8, bool Good, string Description, bool MayBreakSyntax)
{
    public override string ToString() => Description + ": " + Preview(Utf8);

    public static string Preview(byte[] utf8, int max = 400)
    {
        string text = Encoding.UTF8.GetString(utf8.AsSpan(0, Math.Min(utf8.Length, max)));
        return utf8.Length > max ? $"{text}… ({utf8.Length} bytes)" : text;
    }
}

/// <summary>
/// Mutates one valid case. The choice of mutation comes from FsCheck; its details (which field, which value) from a
/// <see cref="Random"/> seeded by FsCheck, so an input is reproduced exactly by FsCheck's replay.
/// </summary>
internal static class CaseMutator
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> DateFields = new(StringComparer.Ordinal)
    {
        "now", "since", "placedAt", "promisedBy", "shippedAt", "deliveredAt", "backorderUntil", "openedAt", "firstReplyAt",
    };

    private static readonly string[] ExtremeNumbers =
    [
        "1e-400", "1e400", "-1e400", "-0", "-0.0", "0.000", "0e0", "1E+2", "1e2", "-1", "1.005", "0.001", "12.50",
        "2147483647", "2147483648", "-2147483648", "4294967296", "9223372036854775808", "-9223372036854775809",
        "99999999999999999999999999999", "79228162514264337593543950335", "79228162514264337593543950336",
        "4.9e-324", "1.7976931348623157e308", "1e99999999999", "0.1e-99999", "123456789012345678901234567890.12",
    ];

    private static readonly string[] ExtremeInstants =
    [
        "0000-01-01T00:00:00Z", "-2026-11-23T10:00:00Z", "-0001-01-01T00:00:00Z", "9999-12-31T23:00:00Z", "9999-12-31T23:59:59.999999999Z",
        "2026-11-23T24:00:00Z", "2026-11-23T23:59:60Z", "2026-11-23T10:00:00Z\u0000", "\u00002026-11-23T10:00:00Z",
        "1899-12-31T23:59:59Z", "1900-01-01T00:00:00Z", "9000-12-31T23:59:59Z", "9001-01-01T00:00:00Z", "10000-01-01T00:00:00Z",
        "2026-02-29T10:00:00Z", "2024-02-29T10:00:00Z", "2026-11-23T10:00:00.1234567891Z", "2026-11-23T10:00:00.Z",
        "2026-11-23T10:00:00+00:00", "2026-11-23t10:00:00z", "+2026-11-23T10:00:00Z", "20261123T100000Z",
        "2026-11-23T10:00Z", "2026-11-23 10:00:00Z", "2026-11-23", "", " ", "Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
        "२०२६-११-२३T10:00:00Z", "2026-11-23T10:00:00Z ", "2026-11-23T10:00:00.000000000000000000000000000001Z",
    ];

    private static readonly string[] ExtremeDates =
    [
        "0000-01-01", "-2026-11-23", "9999-12-31", "1899-12-31", "1900-01-01", "9000-12-31", "9001-01-01", "10000-01-01",
        "2026-02-29", "2024-02-29", "2026-11-31", "2026-1-1", "2026-11-23T10:00:00Z", "2026-11-23\u0000", "", "26-11-23",
        "2026/11/23", "+2026-11-23",
    ];

    private static readonly string[] UnknownNames =
    [
        "colour", "", " ", "Customer", "ID", "id ", "now\u0000", "__proto__", "$ref", "vip", "customer.id", "zażółć", "😀",
    ];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE], [0xC3], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
        [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
    ];

    /// <summary>Applies <paramref name="mutation"/> to the seed case <paramref name="json"/>, with details drawn from <paramref name="seed"/>.</summary>
    public static CaseEntry Apply(string json, CaseMutation mutation, int seed)
    {
        var random = new Random(seed);
        var raws = new List<(string Marker, string Raw)>();
        string label = mutation.ToString();
        bool mayBreak = false;
        byte[] bytes;

        if (mutation is CaseMutation.Truncated or CaseMutation.InvalidUtf8 or CaseMutation.CharEdits)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(json);
            (bytes, label) = mutation switch
            {
                CaseMutation.Truncated => Truncate(utf8, random),
                CaseMutation.InvalidUtf8 => InsertInvalidUtf8(utf8, random),
                _ => EditChars(utf8, random),
            };
            return new CaseEntry(bytes, false, label, MayBreakSyntax: true);
        }

        var root = JsonNode.Parse(json)!.AsObject();
        var slots = Slots(root);
        (JsonNode Parent, string? Key, int Index) Pick(Func<(JsonNode Parent, string? Key, int Index), bool>? where = null)
        {
            var candidates = where is null ? slots : slots.Where(where).ToList();
            return candidates.Count == 0 ? slots[random.Next(slots.Count)] : candidates[random.Next(candidates.Count)];
        }

        string Raw(string raw)
        {
            string marker = $"@@RAW{raws.Count}@@";
            raws.Add(($"\"{marker}\"", raw));
            return marker;
        }

        switch (mutation)
        {
            case CaseMutation.WrongType:
            {
                var slot = Pick();
                string[] others = ["\"12\"", "12", "1.5", "true", "false", "null", "[]", "{}", "[1,2]", "{\"amount\":1}", "\"\"", "\"null\""];
                string raw = others[random.Next(others.Length)];
                Set(slot, JsonValue.Create(Raw(raw)));
                label = $"WrongType {PathOf(slot)} = {raw}";
                break;
            }

            case CaseMutation.RemovedField:
            {
                var slot = Pick(s => s.Key is not null);
                Remove(slot);
                label = $"RemovedField {PathOf(slot)}";
                break;
            }

            case CaseMutation.UnknownField:
            {
                var objects = Objects(root);
                var target = objects[random.Next(objects.Count)];
                string name = random.Next(4) == 0 ? new string('x', random.Next(1, 5000)) : UnknownNames[random.Next(UnknownNames.Length)];
                if (!target.ContainsKey(name))
                {
                    target[name] = random.Next(2) == 0 ? JsonValue.Create("red") : new JsonObject { ["nested"] = new JsonArray(1, 2) };
                }

                label = $"UnknownField '{Short(name)}' in {target.GetPath()}";
                break;
            }

            case CaseMutation.DuplicateField:
            {
                var slot = Pick(s => s.Key is not null);
                var parent = slot.Parent.AsObject();
                string marker = $"@@DUP{raws.Count}@@";
                raws.Add(($"\"{marker}\"", JsonSerializer.Serialize(slot.Key, Compact)));
                parent[marker] = parent[slot.Key!]?.DeepClone();
                label = $"DuplicateField {PathOf(slot)}";
                break;
            }

            case CaseMutation.ExtremeNumber:
            {
                var slot = Pick(s => Node(s) is JsonValue v && v.GetValueKind() == JsonValueKind.Number);
                string raw = random.Next(6) switch
                {
                    0 => "1" + new string('0', 1_000_000),
                    1 => "0." + new string('7', random.Next(3, 1_000_000)),
                    _ => ExtremeNumbers[random.Next(ExtremeNumbers.Length)],
                };
                Set(slot, JsonValue.Create(Raw(raw)));
                label = $"ExtremeNumber {PathOf(slot)} = {Short(raw)}";
                break;
            }

            case CaseMutation.ExtremeDate:
            {
                var slot = Pick(s => s.Key is not null && DateFields.Contains(s.Key));
                bool isDate = slot.Key is "since" or "promisedBy" or "backorderUntil";
                string[] pool = isDate ^ (random.Next(5) == 0) ? ExtremeDates : ExtremeInstants;
                string value = random.Next(8) == 0 ? new string('9', random.Next(20, 200_000)) : pool[random.Next(pool.Length)];
                Set(slot, JsonValue.Create(value));
                label = $"ExtremeDate {PathOf(slot)} = {JsonSerializer.Serialize(Short(value), Compact)}";
                break;
            }

            case CaseMutation.DeepNesting:
            {
                var slot = Pick();
                int[] depths = [2, 10, 63, 64, 65, 200, 1000, 100_000];
                int depth = depths[random.Next(depths.Length)];
                string raw = random.Next(2) == 0
                    ? new string('[', depth) + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
                Set(slot, JsonValue.Create(Raw(raw)));
                label = $"DeepNesting {PathOf(slot)} depth {depth}";
                mayBreak = depth >= 60; // deeper than the JSON reader's depth limit: the whole array may not parse
                break;
            }

            case CaseMutation.HugeText:
            {
                var slot = Pick(s => Node(s) is JsonValue v && v.GetValueKind() == JsonValueKind.String);
                int length = random.Next(2) == 0 ? random.Next(500, 2000) : random.Next(100_000, 1_000_000);
                char fill = "aż\"\\\u0001x"[random.Next(6)];
                Set(slot, JsonValue.Create(new string(fill, length)));
                label = $"HugeText {PathOf(slot)} of {length} × '{fill}'";
                break;
            }

            case CaseMutation.EnumSpelling:
            {
                var slot = Pick(s => Node(s) is JsonValue v && v.GetValueKind() == JsonValueKind.String && !DateFields.Contains(s.Key ?? "") && s.Key is not "id" and not "currency");
                string value = Node(slot) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "x";
                string changed = random.Next(4) switch
                {
                    0 => value.ToUpperInvariant(),
                    1 => value.Replace('-', '_'),
                    2 => value + " ",
                    _ => value.Length > 1 ? value[..^1] : "",
                };
                Set(slot, JsonValue.Create(changed));
                label = $"EnumSpelling {PathOf(slot)} = '{Short(changed)}'";
                break;
            }
        }

        string text = root.ToJsonString(Compact);
        foreach (var (marker, raw) in raws)
        {
            text = text.Replace(marker, raw, StringComparison.Ordinal);
        }

        return new CaseEntry(Encoding.UTF8.GetBytes(text), false, label, mayBreak);
    }

    /// <summary>A line that is not a case, for JSON Lines and arrays (never blank, never starting with '[' or '{' unless meant).</summary>
    public static CaseEntry Junk(Random random, bool arrayElement)
    {
        string[] values = ["123", "null", "\"text\"", "{}", "[]", "true", "-0", "[{}]", "{\"customer\":null}"];
        string[] broken = ["not json", "{", "}", "]", "{\"customer\":", "\u0000", "{}{}", "{\"now\":\"2026-11-23T10:00:00Z\"} x", "'single'", "{\"a\":1,}", "NaN"];
        string line = arrayElement || random.Next(2) == 0 ? values[random.Next(values.Length)] : broken[random.Next(broken.Length)];
        return new CaseEntry(Encoding.UTF8.GetBytes(line), false, "Junk " + JsonSerializer.Serialize(line, Compact), MayBreakSyntax: false);
    }

    private static (byte[], string) Truncate(byte[] utf8, Random random)
    {
        int keep = random.Next(1, utf8.Length); // keeps the leading '{'
        return (utf8[..keep], $"Truncated to {keep} of {utf8.Length} bytes");
    }

    private static (byte[], string) InsertInvalidUtf8(byte[] utf8, Random random)
    {
        byte[] bad = InvalidUtf8[random.Next(InvalidUtf8.Length)];
        int at = random.Next(1, utf8.Length);
        if (random.Next(2) == 0)
        {
            // Inside a string value, where the JSON reader must validate it.
            int quote = Array.IndexOf(utf8, (byte)'"', at);
            if (quote > 0 && quote + 1 < utf8.Length && utf8[quote + 1] != (byte)':')
            {
                at = quote + 1;
            }
        }

        return ([.. utf8[..at], .. bad, .. utf8[at..]], $"InvalidUtf8 {Convert.ToHexString(bad)} at byte {at}");
    }

    private static (byte[], string) EditChars(byte[] utf8, Random random)
    {
        const string Alphabet = "{}[],:\"\\ 0123456789-.eEZTtruefalsn\t\r\u00ff";
        var text = new List<byte>(utf8);
        int edits = random.Next(1, 5);
        for (int i = 0; i < edits; i++)
        {
            int at = random.Next(1, Math.Max(2, text.Count));
            byte[] c = Encoding.UTF8.GetBytes(Alphabet[random.Next(Alphabet.Length)].ToString());
            switch (random.Next(3))
            {
                case 0 when at < text.Count:
                    text.RemoveAt(at);
                    text.InsertRange(at, c);
                    break;
                case 1:
                    text.InsertRange(Math.Min(at, text.Count), c);
                    break;
                default:
                    if (at < text.Count && text.Count > 1)
                    {
                        text.RemoveAt(at);
                    }

                    break;
            }
        }

        return ([.. text], $"CharEdits ×{edits}");
    }

    private static List<(JsonNode Parent, string? Key, int Index)> Slots(JsonNode node)
    {
        var slots = new List<(JsonNode, string?, int)>();
        void Walk(JsonNode n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (key, child) in o.ToList())
                    {
                        slots.Add((o, key, -1));
                        if (child is not null)
                        {
                            Walk(child);
                        }
                    }

                    break;
                case JsonArray a:
                    for (int i = 0; i < a.Count; i++)
                    {
                        slots.Add((a, null, i));
                        if (a[i] is { } child)
                        {
                            Walk(child);
                        }
                    }

                    break;
            }
        }

        Walk(node);
        return slots;
    }

    private static List<JsonObject> Objects(JsonObject root)
    {
        var objects = new List<JsonObject> { root };
        objects.AddRange(Slots(root).Select(Node).OfType<JsonObject>());
        return objects;
    }

    private static JsonNode? Node((JsonNode Parent, string? Key, int Index) slot) =>
        slot.Key is not null ? slot.Parent.AsObject()[slot.Key] : slot.Parent.AsArray()[slot.Index];

    private static void Set((JsonNode Parent, string? Key, int Index) slot, JsonNode? value)
    {
        if (slot.Key is not null)
        {
            slot.Parent.AsObject()[slot.Key] = value;
        }
        else
        {
            slot.Parent.AsArray()[slot.Index] = value;
        }
    }

    private static void Remove((JsonNode Parent, string? Key, int Index) slot)
    {
        if (slot.Key is not null)
        {
            slot.Parent.AsObject().Remove(slot.Key);
        }
        else
        {
            slot.Parent.AsArray().RemoveAt(slot.Index);
        }
    }

    private static string PathOf((JsonNode Parent, string? Key, int Index) slot) =>
        slot.Key is not null ? $"{slot.Parent.GetPath()}.{slot.Key}" : $"{slot.Parent.GetPath()}[{slot.Index}]";

    private static string Short(string text) => text.Length > 40 ? $"{text[..40]}… ({text.Length} chars)" : text;
}
