using System.Text.Json;
using CareRules.Evaluation;
using System.Text.RegularExpressions;
using CareRules.Model;
using CareRules.Packs;
using CareRules.RulesEngine.Tests.Support;

namespace CareRules.RulesEngine.Tests.Packs;

/// <summary>
/// Issue 15 for workflow JSON: <c>standard.json</c> gives every reason and description in English and Polish with the
/// same placeholders; a reason may be a plain string or one per language; a pack built in a language one of its texts
/// lacks fails to build, naming the rule and the decision. (That the JSON pack in Polish equals the C# pack in Polish
/// on generated contexts is <see cref="StandardJsonEquivalenceTests"/>, whose configurations include Polish ones.)
/// </summary>
public sealed partial class StandardJsonLanguageTests
{
    [Fact]
    public void StandardJson_EveryReasonAndDescription_InBothLanguages_SamePlaceholders()
    {
        using var doc = JsonDocument.Parse(WorkflowPack.StandardJson);
        int texts = 0;
        foreach (var rule in doc.RootElement.GetProperty("Rules").EnumerateArray())
        {
            string name = rule.GetProperty("RuleName").GetString()!;
            var properties = rule.GetProperty("Properties");
            var all = new List<(string Path, JsonElement Text)> { ($"{name}.description", properties.GetProperty("description")) };
            int i = 0;
            foreach (var d in properties.GetProperty("decisions").EnumerateArray())
            {
                all.Add(($"{name}.decisions[{i++}].reason", d.GetProperty("reason")));
            }

            foreach (var (path, text) in all)
            {
                Assert.True(text.ValueKind == JsonValueKind.Object, path);
                string en = text.GetProperty("en").GetString()!;
                string pl = text.GetProperty("pl").GetString()!;
                Assert.False(string.IsNullOrWhiteSpace(en), path);
                Assert.False(string.IsNullOrWhiteSpace(pl), path);
                Assert.NotEqual(en, pl);
                Assert.Equal(Placeholders(en), Placeholders(pl));
                texts++;
            }
        }

        Assert.True(texts > 60);
    }

    [Fact]
    public void JsonPack_InPolish_GivesTheCSharpPacksPolishTexts()
    {
        var json = WorkflowPack.CreateStandardBuilder().Set("language", "pl").Build();
        var cs = StandardPack.Build(b => b.Set("language", "pl"));

        Assert.Equal(Language.Pl, json.Language);
        Assert.Equal(cs.Rules.Select(r => r.Description), json.Rules.Select(r => r.Description));
        Assert.Contains("odstąpić od umowy", json.Rules.Single(r => r.Id == "delivery.statutory-deadline").Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Reason_PerLanguageOrPlain_BothLoad()
    {
        string workflow = Json.Workflow("shop",
            Json.Rule("shop.both", "true", new object[] { Advise(new Dictionary<string, string> { ["en"] = "Answer privately.", ["pl"] = "Odpowiedz prywatnie." }) }),
            Json.Rule("shop.plain", "true", new object[] { Advise("Same in every language.", "apologise-no-blame") }));

        var pack = WorkflowPack.Load(WorkflowSource.FromJson(workflow, "shop.json")).Set("language", "pl").Build();
        var verdict = pack.Evaluate(new CareContext(NodaTime.Instant.FromUtc(2026, 11, 23, 9, 0), new Customer("C-1", new NodaTime.LocalDate(2024, 1, 1), 1, Money.Pln(100))));

        Assert.Equal(Language.Pl, verdict.Language);
        Assert.Equal(["Odpowiedz prywatnie.", "Same in every language."], verdict.Decisions.Select(d => d.Reason).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Reason_WithoutPolish_BuiltInPolish_IsALoadErrorNamingRuleAndDecision()
    {
        string workflow = Json.Workflow("shop",
            Json.Rule("shop.english-only", "true", new object[]
            {
                Advise(new Dictionary<string, string> { ["en"] = "Answer privately.", ["pl"] = "Odpowiedz prywatnie." }),
                Advise(new Dictionary<string, string> { ["en"] = "Only in English." }, "apologise-no-blame"),
            }));

        Assert.NotNull(WorkflowPack.Load(WorkflowSource.FromJson(workflow, "shop.json")).Build()); // English: fine
        var ex = Assert.Throws<CareRulesValidationException>(() => WorkflowPack.Load(WorkflowSource.FromJson(workflow, "shop.json")).Set("language", "pl").Build());

        var error = Assert.Single(ex.Errors);
        Assert.Contains("shop.english-only", error.Path, StringComparison.Ordinal);
        Assert.Contains("[1]", error.Path, StringComparison.Ordinal);
        Assert.Contains("reason", error.Path, StringComparison.Ordinal);
        Assert.Contains("'pl'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reason_UnknownLanguageOrWrongType_IsAnError()
    {
        var unknown = Json.Errors(Json.Workflow("shop", Json.Rule("shop.de", "true", new object[] { Advise(new Dictionary<string, string> { ["de"] = "Antworten." }) })));
        Assert.Contains(unknown, e => e.Path.EndsWith(".reason.de", StringComparison.Ordinal));

        var number = Json.Errors(Json.Workflow("shop", Json.Rule("shop.number", "true", new object[] { Advise(5) })));
        Assert.Contains(number, e => e.Path.EndsWith(".reason", StringComparison.Ordinal) && e.Message.Contains("\"en\"", StringComparison.Ordinal));
    }

    private static Dictionary<string, object?> Advise(object reason, string advice = "resolve-privately") => new() { ["type"] = "advise", ["advice"] = advice, ["reason"] = reason };

    private static List<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{[^{}]+\}")]
    private static partial Regex PlaceholderPattern();
}
