using CareRules.Explanations;

namespace CareRules.Tests.Explanations;

/// <summary>
/// Finds clauses of an explanation by their expression text and writes operands as one readable line each. Shared with
/// CareRules.RulesEngine.Tests (linked there), so it uses only the public API.
/// </summary>
internal static class Clauses
{
    /// <summary>Every clause of the tree, depth first, the root first.</summary>
    public static IEnumerable<Clause> All(Clause root)
    {
        yield return root;
        foreach (var nested in root.Clauses)
        {
            foreach (var c in All(nested))
            {
                yield return c;
            }
        }
    }

    /// <summary>The first clause (depth first) whose expression is exactly <paramref name="expression"/>; fails listing the tree when there is none.</summary>
    public static Clause Find(Clause root, string expression) =>
        All(root).FirstOrDefault(c => c.Expression == expression)
        ?? throw new Xunit.Sdk.XunitException($"No clause '{expression}' in:\n{Dump(root)}");

    /// <summary>The first clause of the explanation's condition with that expression.</summary>
    public static Clause Find(RuleExplanation explanation, string expression) =>
        Find(explanation.Condition ?? throw new Xunit.Sdk.XunitException($"{explanation.RuleId} is opaque."), expression);

    /// <summary>An operand as one line: <c>expression = value</c>, with <c> [parameter]</c> when it is one.</summary>
    public static string Line(Operand o) => $"{o.Expression} = {o.Value}" + (o.Parameter is { } p ? $" [{p}]" : string.Empty);

    /// <summary>The operands of a clause as lines.</summary>
    public static string[] Lines(Clause c) => [.. c.Operands.Select(Line)];

    /// <summary>The tree as indented lines: kind, value, expression, operands, flip, error.</summary>
    public static string Dump(Clause root, int depth = 0)
    {
        var text = new System.Text.StringBuilder();
        text.Append(' ', depth * 2).Append(root.Kind).Append(' ').Append(root.Value).Append(": ").AppendLine(root.Expression);
        foreach (var o in root.Operands)
        {
            text.Append(' ', depth * 2 + 4).Append("· ").AppendLine(Line(o));
        }

        if (root.Flip is { } f)
        {
            text.Append(' ', depth * 2 + 4).Append("flip: ").Append(f.Text).Append(" | ").Append(f.Fact).Append(' ').Append(f.Operator).Append(' ').Append(f.Threshold)
                .Append(" [").Append(string.Join(", ", f.Parameters)).Append("] was ").AppendLine(f.Was);
        }

        if (root.Error is { } e)
        {
            text.Append(' ', depth * 2 + 4).Append("error: ").AppendLine(e);
        }

        foreach (var c in root.Clauses)
        {
            text.Append(Dump(c, depth + 1));
        }

        return text.ToString();
    }

    /// <summary>Asserts a nearest flip field by field (null: none).</summary>
    public static void AssertFlip(FlipSpec? expected, NearestFlip? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Fact, actual.Fact);
        Assert.Equal(expected.Operator, actual.Operator);
        Assert.Equal(expected.Threshold, actual.Threshold);
        Assert.Equal(expected.Parameters, actual.Parameters);
        Assert.Equal(expected.Was, actual.Was);
    }
}
