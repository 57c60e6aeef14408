using System.Text;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.RulesEngine.Tests.Support;

namespace CareRules.RulesEngine.Tests.Loading;

/// <summary>The fuzz campaign's accepted-but-hostile packs: a 10,000-character rule name, a 100,000-character reason, invalid UTF-8.</summary>
public sealed class InputLimitsTests
{
    /// <summary>Loads over the Standard pack and builds; the limits are checked by the build, for C# and JSON packs alike.</summary>
    private static IReadOnlyList<ValidationError> BuildErrors(string json) =>
        Assert.Throws<CareRulesValidationException>(() => WorkflowPack.Extend(StandardPack.CreateBuilder(), WorkflowSource.FromJson(json, "long.json")).Build()).Errors;

    [Fact]
    public void AHugeRuleName_IsRejected_AndTheErrorQuotesAtMost60CharactersOfIt()
    {
        string name = "r." + new string('a', 9_998);
        var errors = BuildErrors(Json.Workflow("long", Json.Rule(name, "true")));

        var error = Assert.Single(errors);
        Assert.Equal("long.json:workflows['long'].Rules['r.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...'].RuleName", error.Path);
        Assert.Equal("is 10000 characters long; a rule name may have at most 100.", error.Message);
        Assert.All(errors, e => Assert.True(e.Path.Length + e.Message.Length < 400, $"an error echoes the input unbounded: {e.Path.Length + e.Message.Length} characters"));
    }

    [Fact]
    public void AHugeReason_IsRejected()
    {
        var decisions = new object[] { new Dictionary<string, object?> { ["type"] = "advise", ["advice"] = "resolve-privately", ["reason"] = new string('x', 100_000) + "." } };
        var errors = BuildErrors(Json.Workflow("long", Json.Rule("long.reason", "true", decisions)));

        var error = Assert.Single(errors);
        Assert.Equal("long.json:workflows['long'].Rules['long.reason'].Properties.decisions[0].reason", error.Path); // the document is named
        Assert.Equal("is 100001 characters long; a reason may have at most 500.", error.Message);
    }

    [Fact]
    public void InvalidUtf8_IsAnError_NamingTheFileAndTheByte()
    {
        byte[] good = Encoding.UTF8.GetBytes(Json.Workflow("utf", Json.Rule("utf.rule", "true")));
        byte[] bad = [.. good[..20], 0xC3, 0x28, .. good[20..]]; // 0xC3 starts a two-byte sequence; 0x28 cannot continue it
        string path = Path.Combine(Path.GetTempPath(), $"carerules-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, bad);
        try
        {
            var ex = Assert.Throws<CareRulesValidationException>(() => WorkflowSource.FromFile(path));
            var error = Assert.Single(ex.Errors);
            Assert.Equal(Path.GetFileName(path), error.Path);
            Assert.Equal("is not valid UTF-8: 0xC3 at byte 20; save the file as UTF-8.", error.Message);

            using var stream = new MemoryStream(bad);
            Assert.Throws<CareRulesValidationException>(() => WorkflowSource.FromStream(stream, "s.json"));
        }
        finally
        {
            File.Delete(path);
        }

        // With a byte-order mark and valid bytes, the same document loads.
        using var withBom = new MemoryStream([0xEF, 0xBB, 0xBF, .. good]);
        Assert.StartsWith("{", WorkflowSource.FromStream(withBom, "ok.json").Json, StringComparison.Ordinal);
    }
}
