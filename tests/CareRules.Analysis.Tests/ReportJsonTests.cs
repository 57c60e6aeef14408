using System.Text.Json;

namespace CareRules.Analysis.Tests;

/// <summary>The JSON shape of a report (docs/analysis.md, section 5).</summary>
public sealed class ReportJsonTests
{
    [Fact]
    public void ToJson_IsOneObject_WithPackAndFindings_EachWithItsFields()
    {
        using var doc = JsonDocument.Parse(Planted.Report.ToJson());
        var root = doc.RootElement;
        Assert.Equal("planted-defects@1.0.0", root.GetProperty("pack").GetString());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(Planted.Report.Findings.Count, findings.Count);
        Assert.Equal(
            ["conflict", "dead-rule", "parameter", "shadowed"],
            findings.Select(f => f.GetProperty("kind").GetString()!).Distinct().Order(StringComparer.Ordinal));
        foreach (var f in findings)
        {
            Assert.Contains(f.GetProperty("severity").GetString(), (string[])["error", "warning"]);
            Assert.NotEmpty(f.GetProperty("rules").EnumerateArray());
            Assert.Contains(f.GetProperty("proven").ValueKind, (JsonValueKind[])[JsonValueKind.True, JsonValueKind.False]);
            Assert.False(string.IsNullOrEmpty(f.GetProperty("message").GetString()));
            Assert.Equal(JsonValueKind.Object, f.GetProperty("example").ValueKind);
            Assert.True(f.GetProperty("example").TryGetProperty("customer", out _));
        }
    }

    [Fact]
    public void ToText_HasOneParagraphPerFinding_WithItsExample()
    {
        string text = Planted.Report.ToText();
        Assert.Equal(Planted.Report.Findings.Count, text.Split("\n  example: ").Length - 1);
        Assert.Contains("error dead-rule", text, StringComparison.Ordinal);
    }
}
