using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareRules.Fuzz.Tests.Packs;

/// <summary>How a workflow document was changed.</summary>
internal enum PackMutation
{
    None,
    WrongType,
    RemovedField,
    UnknownField,
    ExtremeValue,
    Truncated,
    HostileExpression,
    CostlyExpression,
    HugeText,
    InvalidUtf8,
}

/// <summary>A workflow document to load: its bytes, whether to read it through a stream, and what was done to it.</summary>
internal sealed record PackInput(string Seed, PackMutation Mutation, string Description, byte[] Utf8, bool ViaStream, int ContextSeed)
{
    public override string ToString()
    {
        string text = Encoding.UTF8.GetString(Utf8.AsSpan(0, Math.Min(Utf8.Length, 1500)));
        return $"{Seed} with {Description} ({Utf8.Length} bytes{(ViaStream ? ", via FromStream" : "")}):\n{text}{(Utf8.Length > 1500 ? "…" : "")}";
    }
}

/// <summary>
/// Mutates workflow documents (docs/workflow-json.md). The mutation is chosen by FsCheck; its details by a
/// <see cref="Random"/> seeded by FsCheck, so FsCheck's replay reproduces an input exactly.
/// </summary>
internal static class PackMutator
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Expressions RulesEngine parses and the sandbox must stop, and some it does not even parse.</summary>
    public static readonly string[] Hostile =
    [
        "\"\".GetType().Assembly != null",
        "customer.GetType().Name == \"Customer\"",
        "np(customer).GetType() != null",
        "Object.ReferenceEquals(customer.GetType(), null)",
        "Convert.ToInt32(\"1\") == 1",
        "DateTime.Now.Year > 2000",
        "DateTime.UtcNow > DateTime.MinValue",
        "DateTimeOffset.UtcNow.Year > 2000",
        "Guid.NewGuid() != Guid.Empty",
        "Enumerable.Range(0, 2147483647).Count() > 0",
        "Enumerable.Repeat(customer, 5).Count() > 0",
        "customer.Id.PadLeft(2000000000).Length > 0",
        "customer.Id + customer.Id != \"\"",
        "params.GetDynamicMemberNames().Count() > 0",
        "System.IO.File.ReadAllText(\"/etc/passwd\") != \"\"",
        "System.IO.File.Exists(\"/etc/passwd\")",
        "System.IO.File.Delete(\"/tmp/x\") == null",
        "System.Diagnostics.Process.Start(\"sh\") != null",
        "Environment.Exit(1) == null",
        "Environment.GetEnvironmentVariable(\"HOME\") != null",
        "Environment.ProcessorCount > 0",
        "Type.GetType(\"System.IO.File\") != null",
        "AppDomain.CurrentDomain != null",
        "Activator.CreateInstance(\"System.IO.File\") != null",
        "typeof(string) != null",
        "System.Reflection.Assembly.Load(\"System.IO\") != null",
        "customer.Id.GetType().Assembly.GetType(\"System.IO.File\") != null",
        "case.GetType().GetProperty(\"Id\").GetValue(case) != null",
        "customer.GetType().GetMethod(\"ToString\").Invoke(customer, null) != null",
        "Threading.Thread.Sleep(100000) == null",
        "System.Threading.Thread.Sleep(100000) == null",
        "GC.Collect() == null",
        "@0 != null",
        "new System.Net.WebClient() != null",
        "new (customer.Id as Id) != null",
        "customer.Orders > 0 && \"\".GetType() != null",
    ];

    private static readonly string[] ExtremeValues =
    [
        "1e400", "-1e400", "1e-400", "-0", "-1", "2147483648", "-2147483649", "99999999999999999999999999999", "0.001",
        "\"\"", "\"  \"", "\"NaN\"", "\"Infinity\"", "\"-5\"", "\"9999999999999999999999999999\"", "\"1e400\"", "\"2h\"",
        "\"-2h\"", "\"25:00\"", "\"Mars/Olympus\"", "\"XXX\"", "\"EUR\"", "\"pln\"", "true", "null", "[]", "{}",
        "\"mon-fri 09:00-17:00\"", "\"mon-sun 00:00-24:00\"", "\"firm\"", "\"FIRM\"", "\"a@1.0.0\"", "\"@\"",
    ];

    /// <summary>Applies <paramref name="mutation"/> to <paramref name="json"/>; details from <paramref name="seed"/>.</summary>
    public static (string Description, byte[] Utf8) Apply(string json, PackMutation mutation, int seed)
    {
        var random = new Random(seed);
        if (mutation == PackMutation.None)
        {
            return ("no change", Encoding.UTF8.GetBytes(json));
        }

        if (mutation == PackMutation.Truncated)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(json);
            int keep = random.Next(0, utf8.Length);
            return ($"Truncated to {keep} of {utf8.Length} bytes", utf8[..keep]);
        }

        if (mutation == PackMutation.InvalidUtf8)
        {
            byte[][] bad = [[0xFF], [0xC3], [0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]];
            byte[] utf8 = Encoding.UTF8.GetBytes(json);
            byte[] insert = bad[random.Next(bad.Length)];
            int at = random.Next(0, utf8.Length + 1);
            return ($"InvalidUtf8 {Convert.ToHexString(insert)} at byte {at}", [.. utf8[..at], .. insert, .. utf8[at..]]);
        }

        var root = JsonNode.Parse(json)!;
        var slots = Slots(root);
        var raws = new List<(string Marker, string Raw)>();
        string Raw(string raw)
        {
            string marker = $"@@RAW{raws.Count}@@";
            raws.Add(($"\"{marker}\"", raw));
            return marker;
        }

        Slot Pick(Func<Slot, bool> where)
        {
            var candidates = slots.Where(where).ToList();
            return candidates.Count == 0 ? slots[random.Next(slots.Count)] : candidates[random.Next(candidates.Count)];
        }

        string description;
        switch (mutation)
        {
            case PackMutation.WrongType:
            {
                var slot = Pick(_ => true);
                string[] others = ["\"12\"", "12", "1.5", "true", "null", "[]", "{}", "[1,2]", "{\"a\":1}", "\"\"", "[[[]]]"];
                string raw = others[random.Next(others.Length)];
                slot.Set(JsonValue.Create(Raw(raw)));
                description = $"WrongType {slot.Path} = {raw}";
                break;
            }

            case PackMutation.RemovedField:
            {
                var slot = Pick(s => s.Key is not null);
                slot.Remove();
                description = $"RemovedField {slot.Path}";
                break;
            }

            case PackMutation.UnknownField:
            {
                var objects = slots.Select(s => s.Node).OfType<JsonObject>().Prepend(root as JsonObject).OfType<JsonObject>().ToList();
                var target = objects[random.Next(objects.Count)];
                string[] names = ["Colour", "expression", "RULENAME", "", "$type", "__proto__", "Extra", "decisions2", "Actions", "SuccessEvent", "ErrorMessage", "RuleExpressionType", "WorkflowsToInject"];
                string name = names[random.Next(names.Length)];
                if (!target.ContainsKey(name))
                {
                    target[name] = random.Next(2) == 0 ? JsonValue.Create("x") : JsonValue.Create(Raw("{\"$type\":\"System.IO.FileInfo, System.IO.FileSystem\",\"fileName\":\"/etc/passwd\"}"));
                }

                description = $"UnknownField '{name}' in {target.GetPath()}";
                break;
            }

            case PackMutation.ExtremeValue:
            {
                var slot = Pick(s => s.Node is JsonValue);
                string raw = ExtremeValues[random.Next(ExtremeValues.Length)];
                slot.Set(JsonValue.Create(Raw(raw)));
                description = $"ExtremeValue {slot.Path} = {raw}";
                break;
            }

            case PackMutation.HostileExpression:
            {
                var slot = Pick(s => s.Key is "Expression" or "value" or "dueBy" or "until" or "percent" or "suppressesGoodwill");
                string expression = Hostile[random.Next(Hostile.Length)];
                slot.Set(JsonValue.Create(expression));
                description = $"HostileExpression {slot.Path} = {expression}";
                break;
            }

            case PackMutation.CostlyExpression:
            {
                var slot = Pick(s => s.Key is "Expression");
                int depth = random.Next(1, 7);
                int[] widths = [1, 2, 3, 10, 30, 31, 46, 47, 100, 316, 317, 700];
                int width = widths[random.Next(widths.Length)];
                bool readsCase = random.Next(2) == 0;
                string expression = Costly(depth, width, readsCase ? "customer.Orders" : "1");
                slot.Set(JsonValue.Create(expression));
                description = $"CostlyExpression {slot.Path}: depth {depth}, width {width}, {(readsCase ? "reading the case" : "constant")} ({expression.Length} chars)";
                break;
            }

            case PackMutation.HugeText:
            {
                var slot = Pick(s => s.Key is "RuleName" or "reason" or "description" or "WorkflowName" or "Expression" or "Name" or "Pack");
                int[] lengths = [60, 61, 100, 101, 500, 501, 2000, 2001, 4000, 4001, 100_000, 1_000_000];
                int length = lengths[random.Next(lengths.Length)];
                string text = slot.Key == "Expression"
                    ? (random.Next(2) == 0 ? Brackets(Math.Min(length, 20_000)) : Conjunction(length))
                    : new string("aż\"\\x"[random.Next(5)], length);
                slot.Set(JsonValue.Create(text));
                description = $"HugeText {slot.Path} of {text.Length} chars";
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(mutation));
        }

        string result = root.ToJsonString(Indented);
        foreach (var (marker, raw) in raws)
        {
            result = result.Replace(marker, raw, StringComparison.Ordinal);
        }

        return (description, Encoding.UTF8.GetBytes(result));
    }

    /// <summary><c>new[]{0..w-1}.Sum(x1 => … new[]{…}.Sum(xd => x1 + … + inner) …) &gt; 0</c>: w^depth iterations.</summary>
    public static string Costly(int depth, int width, string inner)
    {
        string array = "new[] { " + string.Join(", ", Enumerable.Range(0, width)) + " }";
        string body = string.Join(" + ", Enumerable.Range(1, depth).Select(i => $"x{i}")) + " + " + inner;
        for (int level = depth; level >= 1; level--)
        {
            body = $"{array}.Sum(x{level} => {body})";
        }

        return body + " > 0";
    }

    private static string Brackets(int depth) => new string('(', depth / 2) + "true" + new string(')', depth / 2);

    private static string Conjunction(int length)
    {
        var text = new StringBuilder("true");
        while (text.Length + 8 <= length)
        {
            text.Append(" && true");
        }

        return text.ToString();
    }

    private static List<Slot> Slots(JsonNode root)
    {
        var slots = new List<Slot>();
        void Walk(JsonNode n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (key, child) in o.ToList())
                    {
                        slots.Add(new Slot(o, key, -1));
                        if (child is not null)
                        {
                            Walk(child);
                        }
                    }

                    break;
                case JsonArray a:
                    for (int i = 0; i < a.Count; i++)
                    {
                        slots.Add(new Slot(a, null, i));
                        if (a[i] is { } child)
                        {
                            Walk(child);
                        }
                    }

                    break;
            }
        }

        Walk(root);
        return slots;
    }

    private sealed record Slot(JsonNode Parent, string? Key, int Index)
    {
        public JsonNode? Node => Key is not null ? Parent.AsObject()[Key] : Parent.AsArray()[Index];

        public string Path => Key is not null ? $"{Parent.GetPath()}.{Key}" : $"{Parent.GetPath()}[{Index}]";

        public void Set(JsonNode? value)
        {
            if (Key is not null)
            {
                Parent.AsObject()[Key] = value;
            }
            else
            {
                Parent.AsArray()[Index] = value;
            }
        }

        public void Remove()
        {
            if (Key is not null)
            {
                Parent.AsObject().Remove(Key);
            }
            else
            {
                Parent.AsArray().RemoveAt(Index);
            }
        }
    }
}
