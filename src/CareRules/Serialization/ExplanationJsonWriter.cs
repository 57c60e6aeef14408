using System.Text.Json;
using CareRules.Explanations;
using CareRules.Model;

namespace CareRules.Serialization;

/// <summary>
/// Writes a <see cref="RuleExplanation"/> as one JSON object in the documented, stable shape of catalog section 2.6:
/// <c>caseId</c>, <c>rule</c>, <c>fired</c>, <c>opaque</c>, <c>clauses</c> (the condition's root clause, each clause
/// with <c>kind</c>, <c>expression</c>, <c>value</c>, <c>operands</c>, nested <c>clauses</c>, and <c>flip</c> or
/// <c>error</c> when it has one) and <c>decisions</c> (each with the decision, its <c>fate</c>, <c>byRule</c>,
/// <c>after</c> and <c>text</c>). Thread-safe.
/// </summary>
public static class ExplanationJsonWriter
{
    /// <summary>
    /// Writes the explanation as one JSON object. Create the writer with <see cref="VerdictJsonWriter.WriterOptions"/>
    /// to keep <c>&amp;&amp;</c>, <c>&lt;</c> and <c>&gt;</c> of the expressions readable (the default encoder escapes them).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, RuleExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(explanation);
        writer.WriteStartObject();
        if (explanation.CaseId is { } id)
        {
            writer.WriteString("caseId", id);
        }
        else
        {
            writer.WriteNull("caseId");
        }

        writer.WriteString("rule", explanation.RuleId);
        writer.WriteBoolean("fired", explanation.Fired);
        writer.WriteBoolean("opaque", explanation.IsOpaque);
        writer.WriteStartArray("clauses");
        if (explanation.Condition is { } condition)
        {
            WriteClause(writer, condition);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("decisions");
        foreach (var fate in explanation.Decisions)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("decision");
            VerdictJsonWriter.WriteDecision(writer, fate.Decision);
            writer.WriteString("fate", CatalogNames.Of(fate.Fate));
            if (fate.ByRule is { } by)
            {
                writer.WriteString("byRule", by);
            }

            if (fate.After is { } after)
            {
                JsonFormat.WriteMoney(writer, JsonEncodedText.Encode("after"), after);
            }

            writer.WriteString("text", fate.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The explanation as JSON text.</summary>
    /// <param name="explanation">The explanation.</param>
    /// <param name="indented">True to indent with two spaces; compact (one line) by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="explanation"/> is null.</exception>
    public static string ToJson(RuleExplanation explanation, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return JsonFormat.ToJson(explanation, indented, Write);
    }

    private static void WriteClause(Utf8JsonWriter writer, Clause clause)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", CatalogNames.Of(clause.Kind));
        writer.WriteString("expression", clause.Expression);
        switch (clause.Value)
        {
            case ClauseValue.True:
                writer.WriteBoolean("value", true);
                break;
            case ClauseValue.False:
                writer.WriteBoolean("value", false);
                break;
            default:
                writer.WriteString("value", CatalogNames.Of(clause.Value));
                break;
        }

        writer.WriteStartArray("operands");
        foreach (var operand in clause.Operands)
        {
            writer.WriteStartObject();
            writer.WriteString("expression", operand.Expression);
            writer.WriteString("value", operand.Value);
            if (operand.Parameter is { } parameter)
            {
                writer.WriteString("parameter", parameter);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("clauses");
        foreach (var nested in clause.Clauses)
        {
            WriteClause(writer, nested);
        }

        writer.WriteEndArray();
        if (clause.Flip is { } flip)
        {
            writer.WriteStartObject("flip");
            writer.WriteString("text", flip.Text);
            writer.WriteString("fact", flip.Fact);
            writer.WriteString("operator", flip.Operator);
            writer.WriteString("threshold", flip.Threshold);
            writer.WriteStartArray("parameters");
            foreach (var p in flip.Parameters)
            {
                writer.WriteStringValue(p);
            }

            writer.WriteEndArray();
            writer.WriteString("was", flip.Was);
            writer.WriteEndObject();
        }

        if (clause.Error is { } error)
        {
            writer.WriteString("error", error);
        }

        writer.WriteEndObject();
    }
}
