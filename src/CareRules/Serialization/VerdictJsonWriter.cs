using System.Text.Encodings.Web;
using System.Text.Json;
using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Serialization;

/// <summary>
/// Writes a <see cref="Verdict"/> as JSON (catalog section 5): <c>caseId</c>, <c>pack</c>, <c>language</c>, <c>decisions</c>,
/// <c>goodwillTotal</c>, <c>fired</c>, <c>trace</c>. Byte-stable: fixed property order, invariant culture, amounts
/// always with two decimals, instants as ISO-8601 UTC, <c>\n</c> new lines when indented — the same verdict always gives
/// the same bytes. Static and thread-safe.
/// </summary>
/// <remarks>
/// <para>A decision holds <c>type</c>, <c>rule</c>, <c>reason</c>, then the fields of its type in the order of its
/// <see cref="DecisionShape"/> (section 2), optional ones only when present: compensate → <c>offer</c>, <c>value</c>?, <c>percent</c>?, <c>legal</c>, <c>dueBy</c>?; stop →
/// <c>stop</c>, <c>until</c>?; escalate → <c>to</c>, <c>priority</c>, <c>dueBy</c>?; notify → <c>channel</c>,
/// <c>message</c>, <c>dueBy</c>?; advise → <c>advice</c>. A trace entry is
/// <c>{ "kind", "rule", "cause"?, "message" }</c>. <c>caseId</c> is written as <c>null</c> for a context without a case,
/// so every verdict has the same shape.</para>
/// <para>Example: <c>{"caseId":"K-1","pack":"standard@1.0.0","language":"en","decisions":[{"type":"compensate","rule":"delay.gift","reason":"…",
/// "offer":"gift-in-parcel","value":{"amount":20.00,"currency":"PLN"},"legal":false}],"goodwillTotal":{"amount":20.00,"currency":"PLN"},
/// "fired":["delay.gift"],"trace":[{"kind":"rule-fired","rule":"delay.gift","message":"Rule delay.gift fired."}]}</c></para>
/// </remarks>
public static class VerdictJsonWriter
{
    private static readonly JsonEncodedText CaseId = JsonEncodedText.Encode("caseId");
    private static readonly JsonEncodedText Pack = JsonEncodedText.Encode("pack");
    private static readonly JsonEncodedText LanguageField = JsonEncodedText.Encode("language");
    private static readonly JsonEncodedText Decisions = JsonEncodedText.Encode("decisions");
    private static readonly JsonEncodedText GoodwillTotal = JsonEncodedText.Encode("goodwillTotal");
    private static readonly JsonEncodedText Fired = JsonEncodedText.Encode("fired");
    private static readonly JsonEncodedText Trace = JsonEncodedText.Encode("trace");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText[] FieldNames = EncodeFieldNames();
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Cause = JsonEncodedText.Encode("cause");

    /// <summary>
    /// The writer options <see cref="ToJson"/> and <see cref="ToUtf8Bytes"/> use (and <see cref="CaseJsonWriter"/> and
    /// <see cref="CaseErrorJson"/> too). Give them to your own <see cref="Utf8JsonWriter"/> to get the same bytes from
    /// <see cref="Write(Utf8JsonWriter, Verdict)"/>: the relaxed encoder keeps apostrophes and non-ASCII text readable (the output is JSON data,
    /// not HTML), and new lines are <c>\n</c> on every OS.
    /// </summary>
    /// <param name="indented">True to indent with two spaces.</param>
    public static JsonWriterOptions WriterOptions(bool indented = false) => JsonFormat.Options(indented);

    /// <summary>Writes the verdict as one JSON object at the writer's current position.</summary>
    /// <param name="writer">The writer; for JSON Lines, flush it, write <c>\n</c> and call <see cref="Utf8JsonWriter.Reset()"/> between verdicts.</param>
    /// <param name="verdict">The verdict.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(verdict);
        bool cached = PackText.Applies(writer);
        WriteHead(writer, verdict.CaseId, verdict.Pack, verdict.Language, cached);
        foreach (var decision in verdict.Decisions)
        {
            WriteDecision(writer, decision, cached);
        }

        WriteMiddle(writer, verdict.GoodwillTotal);
        foreach (string rule in verdict.Fired)
        {
            WriteText(writer, rule, cached);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Trace);
        foreach (var entry in verdict.Trace)
        {
            WriteTraceEntry(writer, entry, cached);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes the result of the buffer's last evaluation as one JSON object, the same bytes as writing its
    /// <see cref="EvaluationBuffer.ToVerdict"/>, without making the verdict: for writing many verdicts fast (one buffer
    /// per thread).
    /// </summary>
    /// <param name="writer">The writer; for JSON Lines, flush it, write <c>\n</c> and call <see cref="Utf8JsonWriter.Reset()"/> between verdicts.</param>
    /// <param name="buffer">A buffer after <see cref="CompiledPack.Evaluate(Model.CareContext, EvaluationBuffer)"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, EvaluationBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(buffer);
        bool cached = PackText.Applies(writer);
        WriteHead(writer, buffer.CaseId, buffer.Pack.Id, buffer.Pack.Language, cached);
        foreach (var decision in buffer.Decisions)
        {
            WriteDecision(writer, decision, cached);
        }

        WriteMiddle(writer, buffer.GoodwillTotal);
        foreach (string rule in buffer.Fired)
        {
            WriteText(writer, rule, cached);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Trace);
        foreach (var entry in buffer.Trace)
        {
            WriteTraceEntry(writer, entry, cached);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The verdict object's start, through the start of its <c>decisions</c> array.</summary>
    private static void WriteHead(Utf8JsonWriter writer, string? caseId, string pack, Language language, bool cached)
    {
        writer.WriteStartObject();
        if (caseId is null)
        {
            writer.WriteNull(CaseId);
        }
        else
        {
            writer.WriteString(CaseId, caseId);
        }

        WriteText(writer, Pack, pack, cached);

        JsonFormat.WriteEnum(writer, LanguageField, language);
        writer.WriteStartArray(Decisions);
    }

    /// <summary>The end of <c>decisions</c>, the goodwill total, and the start of <c>fired</c>.</summary>
    private static void WriteMiddle(Utf8JsonWriter writer, Money goodwillTotal)
    {
        writer.WriteEndArray();
        JsonFormat.WriteMoney(writer, GoodwillTotal, goodwillTotal);
        writer.WriteStartArray(Fired);
    }

    private static void WriteTraceEntry(Utf8JsonWriter writer, TraceEntry entry, bool cached)
    {
        writer.WriteStartObject();
        JsonFormat.WriteEnum(writer, Kind, entry.Kind);
        WriteText(writer, Rule, entry.RuleId, cached);
        if (entry.CauseRuleId is not null)
        {
            WriteText(writer, Cause, entry.CauseRuleId, cached);
        }

        if (cached && entry.Kind == TraceKind.RuleFired)
        {
            writer.WriteString(Message, PackText.FiredMessage(entry.RuleId)); // the same sentence for every case
        }
        else
        {
            writer.WriteString(Message, entry.Describe());
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a text of the pack (a rule id, a reason) as a property, encoded once per thread when <paramref name="cached"/>.</summary>
    private static void WriteText(Utf8JsonWriter writer, JsonEncodedText name, string text, bool cached)
    {
        if (cached)
        {
            writer.WriteString(name, PackText.Of(text));
        }
        else
        {
            writer.WriteString(name, text);
        }
    }

    /// <summary>Writes a text of the pack as an array element, encoded once per thread when <paramref name="cached"/>.</summary>
    private static void WriteText(Utf8JsonWriter writer, string text, bool cached)
    {
        if (cached)
        {
            writer.WriteStringValue(PackText.Of(text));
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    /// <summary>The verdict as JSON text.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <param name="indented">True to indent with two spaces and <c>\n</c> new lines; compact (one line) by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="verdict"/> is null.</exception>
    public static string ToJson(Verdict verdict, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return JsonFormat.ToJson(verdict, indented, Write);
    }

    /// <summary>The verdict as UTF-8 JSON bytes (no byte order mark).</summary>
    /// <param name="verdict">The verdict.</param>
    /// <param name="indented">True to indent with two spaces and <c>\n</c> new lines; compact (one line) by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="verdict"/> is null.</exception>
    public static byte[] ToUtf8Bytes(Verdict verdict, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return JsonFormat.ToUtf8Bytes(verdict, indented, Write);
    }

    internal static void WriteDecision(Utf8JsonWriter writer, Decision d) => WriteDecision(writer, d, PackText.Applies(writer));

    private static void WriteDecision(Utf8JsonWriter writer, Decision d, bool cached)
    {
        writer.WriteStartObject();
        JsonFormat.WriteEnum(writer, Type, d.Type);
        WriteText(writer, Rule, d.RuleId, cached);
        WriteText(writer, Reason, d.Reason, cached);
        var fields = d.Shape.Fields; // the type's fields in order; optional ones only when present (catalog 5.6)
        for (int i = 0; i < fields.Count; i++)
        {
            WriteField(writer, d, fields[i].Field, FieldNames[(int)fields[i].Field]);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes one field of a decision under its JSON name, or nothing for an optional field that is absent.</summary>
    private static void WriteField(Utf8JsonWriter writer, in Decision d, DecisionField field, JsonEncodedText name)
    {
        switch (field)
        {
            case DecisionField.Offer:
                JsonFormat.WriteEnum(writer, name, d.Offer);
                break;
            case DecisionField.Value when d.Value is { } value:
                JsonFormat.WriteMoney(writer, name, value);
                break;
            case DecisionField.Percent when d.Percent is { } percent:
                writer.WritePropertyName(name);
                JsonFormat.WriteDecimal(writer, percent, JsonFormat.PercentFormat);
                break;
            case DecisionField.Legal:
                writer.WriteBoolean(name, d.Legal);
                break;
            case DecisionField.DueBy when d.DueBy is { } due:
                JsonFormat.WriteInstant(writer, name, due);
                break;
            case DecisionField.Stop:
                JsonFormat.WriteEnum(writer, name, d.Stop);
                break;
            case DecisionField.Until when d.Until is { } until:
                JsonFormat.WriteInstant(writer, name, until);
                break;
            case DecisionField.To:
                JsonFormat.WriteEnum(writer, name, d.To);
                break;
            case DecisionField.Priority:
                JsonFormat.WriteEnum(writer, name, d.Priority);
                break;
            case DecisionField.Channel:
                JsonFormat.WriteEnum(writer, name, d.Channel);
                break;
            case DecisionField.Message:
                JsonFormat.WriteEnum(writer, name, d.Message);
                break;
            case DecisionField.Advice:
                JsonFormat.WriteEnum(writer, name, d.Advice);
                break;
        }
    }

    /// <summary>The JSON name of every decision field, by <see cref="DecisionField"/>, as the decision shapes spell them.</summary>
    private static JsonEncodedText[] EncodeFieldNames()
    {
        var names = new JsonEncodedText[Enum.GetValues<DecisionField>().Length];
        foreach (var shape in DecisionShape.All)
        {
            foreach (var field in shape.Fields)
            {
                names[(int)field.Field] = JsonEncodedText.Encode(field.Name);
            }
        }

        return names;
    }

    /// <summary>
    /// The texts a pack repeats in every verdict — its id, rule ids, reasons, the rule-fired sentences — escaped and
    /// encoded to UTF-8 once per thread instead of once per verdict (the encoding was most of the cost of writing a
    /// verdict). Keyed by the string instance, which a compiled pack keeps for its life; bounded, so packs replaced by
    /// a reload are let go. Used only with the CareRules writer options' encoder, whose escaping the cached bytes have;
    /// a writer with another encoder gets the strings as before.
    /// </summary>
    private static class PackText
    {
        private const int MaxEntries = 4096;

        [ThreadStatic]
        private static Dictionary<string, JsonEncodedText>? t_texts;

        [ThreadStatic]
        private static Dictionary<string, JsonEncodedText>? t_firedMessages;

        private static readonly JavaScriptEncoder Encoder = JsonFormat.Options(indented: false).Encoder!; // the writer options' one encoder

        public static bool Applies(Utf8JsonWriter writer) => ReferenceEquals(writer.Options.Encoder, Encoder);

        public static JsonEncodedText Of(string text) => Get(t_texts ??= new(ReferenceEqualityComparer.Instance), text, static t => t);

        public static JsonEncodedText FiredMessage(string ruleId) =>
            Get(t_firedMessages ??= new(ReferenceEqualityComparer.Instance), ruleId, static id => new TraceEntry(TraceKind.RuleFired, id).Describe());

        private static JsonEncodedText Get(Dictionary<string, JsonEncodedText> texts, string key, Func<string, string> text)
        {
            if (texts.TryGetValue(key, out var encoded))
            {
                return encoded;
            }

            if (texts.Count >= MaxEntries)
            {
                texts.Clear();
            }

            encoded = JsonEncodedText.Encode(text(key), Encoder);
            texts.Add(key, encoded);
            return encoded;
        }
    }
}
