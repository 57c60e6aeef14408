using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CareRules.Serialization;

namespace CareRules.Analysis;

/// <summary>The result of <see cref="PackAnalyzer.Analyze"/>: the findings, how many contexts were searched, and how long it took. Immutable.</summary>
public sealed class AnalysisReport
{
    internal AnalysisReport(string pack, IReadOnlyList<AnalysisFinding> findings, long contexts, long failed, int thresholds, TimeSpan searchTime, TimeSpan elapsed)
    {
        Pack = pack;
        Findings = findings;
        Contexts = contexts;
        FailedContexts = failed;
        Thresholds = thresholds;
        SearchTime = searchTime;
        Elapsed = elapsed;
    }

    /// <summary>The pack analysed, <c>name@version</c>.</summary>
    public string Pack { get; }

    /// <summary>The findings: dead rules and shadowed decisions in rule id order, then conflicts by table row.</summary>
    public IReadOnlyList<AnalysisFinding> Findings { get; }

    /// <summary>How many contexts were evaluated.</summary>
    public long Contexts { get; }

    /// <summary>How many generated contexts the pack could not evaluate (a condition or value threw).</summary>
    public long FailedContexts { get; }

    /// <summary>How many boundary values the clause trees gave the search.</summary>
    public int Thresholds { get; }

    /// <summary>The time of the search alone.</summary>
    public TimeSpan SearchTime { get; }

    /// <summary>The whole analysis: search, proofs, closest misses and shrinking.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Contexts evaluated per second of search.</summary>
    public double ContextsPerSecond => SearchTime.TotalSeconds > 0 ? Contexts / SearchTime.TotalSeconds : 0;

    /// <summary>True when a finding has severity <see cref="FindingSeverity.Error"/>.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);

    /// <summary>
    /// The report as one JSON object (docs/analysis.md, section 5): <c>pack</c>, <c>contexts</c>, <c>findings</c>, each
    /// with <c>kind</c>, <c>severity</c>, <c>rules</c>, <c>proven</c>, <c>message</c> and <c>example</c> (the case object of
    /// catalog section 5, or null).
    /// </summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("pack", Pack);
            w.WriteNumber("contexts", Contexts);
            w.WriteStartArray("findings");
            foreach (var f in Findings)
            {
                w.WriteStartObject();
                w.WriteString("kind", f.KindName);
                w.WriteString("severity", f.SeverityName);
                w.WriteStartArray("rules");
                foreach (var r in f.Rules)
                {
                    w.WriteStringValue(r);
                }

                w.WriteEndArray();
                w.WriteBoolean("proven", f.Proven);
                w.WriteString("message", f.Message);
                w.WritePropertyName("example");
                if (f.Example is { } example)
                {
                    CaseJsonWriter.Write(w, example);
                }
                else
                {
                    w.WriteNullValue();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The report as text: one paragraph per finding with its example on one line, then a summary line.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        foreach (var f in Findings)
        {
            sb.Append(f.SeverityName).Append(' ').Append(f.KindName).Append(f.Proven ? " (proven)" : "").Append(": ").Append(f.Message).Append('\n');
            if (f.Example is { } example)
            {
                sb.Append("  example: ").Append(CaseJsonWriter.ToJson(example)).Append('\n');
            }

            sb.Append('\n');
        }

        int errors = Findings.Count(f => f.Severity == FindingSeverity.Error);
        sb.Append(CultureInfo.InvariantCulture, $"{Pack}: {Findings.Count} finding(s), {errors} error(s); {Contexts:N0} contexts in {Elapsed.TotalSeconds:F1} s ({ContextsPerSecond:N0} contexts/s in the search).\n");
        return sb.ToString();
    }
}
