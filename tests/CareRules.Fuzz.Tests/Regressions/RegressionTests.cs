using System.Text;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.RulesEngine;
using CareRules.Serialization;

namespace CareRules.Fuzz.Tests.Regressions;

/// <summary>
/// The smallest inputs of the problems the fuzz suite found in src/ (docs/fuzzing.md, "Findings"), each fixed and kept
/// as a regression test.
/// </summary>
public sealed class RegressionTests
{
    private const string Now = "\"now\":\"2026-11-23T09:00:00Z\"";
    private const string Customer = "\"customer\":{\"id\":\"C-1\",\"since\":\"2024-03-10\",\"orders\":3,\"lifetimeValue\":{\"amount\":640.0,\"currency\":\"PLN\"}}";

    [Fact]
    public void CaseReader_AHugeNumber_TheErrorQuotesAtMost1000Characters()
    {
        string json = "{" + Now + ",\"customer\":{\"id\":\"C-1\",\"since\":\"2024-03-10\",\"orders\":1" + new string('0', 1_000_000) + ",\"lifetimeValue\":{\"amount\":640.0,\"currency\":\"PLN\"}}}";

        var result = Assert.Single(CaseJsonReader.Read(Encoding.UTF8.GetBytes(json)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.customer.orders", error.Path);
        Assert.True(error.Message.Length <= 1000, $"The message has {error.Message.Length:N0} characters: {error.Message[..Math.Min(100, error.Message.Length)]}…");
    }

    [Fact]
    public void CaseReader_AHugeUnknownFieldName_TheErrorQuotesAtMost1000Characters()
    {
        string json = "{" + Now + "," + Customer + ",\"" + new string('x', 5000) + "\":1}";

        var result = Assert.Single(CaseJsonReader.Read(Encoding.UTF8.GetBytes(json)));

        var error = Assert.Single(result.Errors);
        Assert.True(error.Path.Length + error.Message.Length <= 1000, $"The path has {error.Path.Length:N0} characters and the message {error.Message.Length:N0}.");
    }

    [Theory]
    [InlineData("{\"customer\":\"x")] // Read: "Expected end of string, but instead reached end of data"; Enumerate: "'0x0A' is invalid within a JSON string"
    [InlineData("{\"a\":1")] // Read: line 1, byte 7; Enumerate: line 2, byte 1 — a line the input does not have
    [InlineData("[{\"a\":\"x")]
    public void CaseReader_TruncatedInput_EnumerateGivesTheSameErrorAsRead(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);

        var read = CaseJsonReader.Read(bytes);
        var streamed = CaseJsonReader.Enumerate(new MemoryStream(bytes)).ToList();

        Assert.Equal(read.Select(CaseErrorJson.ToJson), streamed.Select(CaseErrorJson.ToJson));
    }

    [Fact]
    public void Pack_AHugeReason_TheErrorNamesTheDocument()
    {
        string json = "{\"WorkflowName\":\"w\",\"Rules\":[{\"RuleName\":\"r.one\",\"Expression\":\"true\",\"Properties\":{\"decisions\":[{\"type\":\"advise\",\"advice\":\"resolve-privately\",\"reason\":\"" + new string('x', 501) + "\"}]}}]}";

        var ex = Assert.Throws<CareRulesValidationException>(() => WorkflowPack.Extend(StandardPack.CreateBuilder(), WorkflowSource.FromJson(json, "fuzz.json")).Build());

        var error = Assert.Single(ex.Errors);
        Assert.StartsWith("fuzz.json:workflows['w'].Rules['r.one']", error.Path, StringComparison.Ordinal); // is rules['r.one'].outcomes[0].reason
    }

    [Fact]
    public void Pack_AHugeRuleNameOfInvalidCharacters_TheErrorQuotesAtMost1000Characters()
    {
        string json = "{\"WorkflowName\":\"w\",\"Rules\":[{\"RuleName\":\"x" + new string('!', 100_000) + "\",\"Expression\":\"true\",\"Properties\":{\"decisions\":[{\"type\":\"advise\",\"advice\":\"resolve-privately\",\"reason\":\"Test.\"}]}}]}";

        var ex = Assert.Throws<CareRulesValidationException>(() => WorkflowPack.Extend(StandardPack.CreateBuilder(), WorkflowSource.FromJson(json, "fuzz.json")).Build());

        Assert.All(ex.Errors, e => Assert.True(e.Path.Length + e.Message.Length <= 1000, $"The path has {e.Path.Length:N0} characters and the message {e.Message.Length:N0}: {e.Path[..Math.Min(80, e.Path.Length)]}…"));
    }
}
