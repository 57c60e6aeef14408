using System.Text.RegularExpressions;
using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;

namespace CareRules.Tests.Packs;

/// <summary>
/// Issue 15: every Standard text exists in English and Polish, the two carry the same values (placeholders), and the
/// Polish texts are Polish — diacritics, and none of the common English words.
/// </summary>
public sealed partial class StandardPackLanguageTests
{
    /// <summary>Common English words no Polish text may keep (with spaces, so that Polish words containing them pass).</summary>
    private static readonly string[] EnglishWords =
        [" the ", " and ", " order ", " customer ", " refund ", " of ", " is ", " with ", " for ", " so ", " goods ", " parcel ", " shop ", " complaint "];

    /// <summary>Every stance, with parameters set to values no text holds by itself, so that each placeholder shows in the rendered text.</summary>
    public static TheoryData<string> Stances => new() { "generous", "balanced", "firm" };

    private static CompiledPack Build(string stance, Language language) => StandardPack.Build(b => b
        .Set("stance", stance)
        .Set("language", CatalogNames.Of(language))
        .Set("smallGift", "37")
        .Set("availabilityWait", "17")
        .Set("replySla", "9h")
        .Set("nextOrderDiscountPercent", "11")
        .Set("carrierClaimMaxHold", "19")
        .Set("contactBoundary", "6")
        .Set("unfoundedComplaintLimit", "4")
        .Set("repeatIncidentLimit", "8")
        .Set("refundDeadline", "16")
        .Set("withdrawalPeriod", "15")
        .Set("complaintResponseDeadline", "25"));

    private static IEnumerable<(string Path, string En, string Pl)> Texts(string stance)
    {
        var en = Build(stance, Language.En);
        var pl = Build(stance, Language.Pl);
        Assert.Equal(Language.En, en.Language);
        Assert.Equal(Language.Pl, pl.Language);
        Assert.Equal(en.CompiledRules.Select(r => r.Id), pl.CompiledRules.Select(r => r.Id));
        for (int i = 0; i < en.CompiledRules.Count; i++)
        {
            var (e, p) = (en.CompiledRules[i], pl.CompiledRules[i]);
            yield return ($"{e.Id}.description", e.Description, p.Description);
            Assert.Equal(e.Outcomes.Length, p.Outcomes.Length);
            for (int j = 0; j < e.Outcomes.Length; j++)
            {
                yield return ($"{e.Id}.outcomes[{j}].reason", e.Outcomes[j].Reason, p.Outcomes[j].Reason);
            }
        }

        yield return ("resolution.goodwill-budget", en.BudgetExhaustedStop.Reason, pl.BudgetExhaustedStop.Reason);
    }

    [Theory]
    [MemberData(nameof(Stances))]
    public void EveryText_InBothLanguages_PresentAndDifferent(string stance)
    {
        var texts = Texts(stance).ToList();
        Assert.True(texts.Count > 40);
        Assert.All(texts, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.En), t.Path);
            Assert.False(string.IsNullOrWhiteSpace(t.Pl), t.Path);
            Assert.NotEqual(t.En, t.Pl);
        });
    }

    [Theory]
    [MemberData(nameof(Stances))]
    public void EveryText_SameValuesInBothLanguages(string stance)
    {
        Assert.All(Texts(stance), t => Assert.True(
            Numbers(t.En).Order().SequenceEqual(Numbers(t.Pl).Order()),
            $"{t.Path}: en has [{string.Join(", ", Numbers(t.En))}], pl has [{string.Join(", ", Numbers(t.Pl))}]\n  en: {t.En}\n  pl: {t.Pl}"));
    }

    [Theory]
    [MemberData(nameof(Stances))]
    public void EveryPolishText_HasDiacriticsAndNoEnglishWords(string stance)
    {
        Assert.All(Texts(stance), t =>
        {
            Assert.True(t.Pl.IndexOfAny(['ą', 'ć', 'ę', 'ł', 'ń', 'ó', 'ś', 'ź', 'ż']) >= 0, $"{t.Path} has no Polish diacritics: {t.Pl}");
            string padded = " " + t.Pl.ToLowerInvariant() + " ";
            Assert.All(EnglishWords, w => Assert.DoesNotContain(w, padded, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void EveryPolishText_UsesTheWordsOfPolishLaw()
    {
        string all = string.Join(" ", Texts("generous").Select(t => t.Pl));
        Assert.Contains("odstąpi", all, StringComparison.Ordinal);
        Assert.Contains("reklamacj", all, StringComparison.Ordinal);
        Assert.Contains("niezgodny z umową", all, StringComparison.Ordinal);
        Assert.Contains("zwrot środków", all, StringComparison.Ordinal);
        Assert.Contains("ustawa o prawach konsumenta", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Language_DefaultIsEnglish_AndAnUnknownLanguageFailsTheBuild()
    {
        Assert.Equal(Language.En, StandardPack.Default.Language);
        var ex = Assert.Throws<CareRulesValidationException>(() => StandardPack.Build(b => b.Set("language", "de")));
        Assert.Contains(ex.Errors, e => e.Path == "parameters['language']" && e.Message.Contains("'en' or 'pl'", StringComparison.Ordinal));
    }

    [Fact]
    public void CSharpRule_ReasonWithoutPolish_BuiltInPolish_FailsNamingRuleAndDecision()
    {
        var builder = new PackBuilder("p").Set(CoreParameters.Language, Language.Pl);
        builder.Rule("shop.only-english", r => r
            .When(_ => true)
            .Advise(AdviceKind.ResolvePrivately, Text.Of("Both.", "Oba teksty."))
            .Advise(AdviceKind.ApologiseNoBlame, Text.Of("English only.", null)));

        var ex = Assert.Throws<CareRulesValidationException>(() => builder.Build());

        var error = Assert.Single(ex.Errors);
        Assert.Equal("rules['shop.only-english'].outcomes[1].reason", error.Path);
        Assert.Contains("'pl'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainString_IsTheSameInEveryLanguage()
    {
        var pack = new PackBuilder("p").Set(CoreParameters.Language, Language.Pl)
            .Rule("shop.plain", r => r.Description("Plain.").When(_ => true).Advise(AdviceKind.ResolvePrivately, "Plain reason."))
            .Build();

        Assert.Equal("Plain reason.", pack.CompiledRules[0].Outcomes[0].Reason);
        Assert.Equal("Plain.", pack.Rules[0].Description);
    }

    [Fact]
    public void DisplayNames_EveryDecisionValueHasPolishWords()
    {
        static void Check<T>()
            where T : struct, Enum
        {
            foreach (var v in Enum.GetValues<T>())
            {
                Assert.True(DisplayNames.Has(v, Language.Pl), $"{typeof(T).Name}.{v}");
                Assert.NotEqual(CatalogNames.Of(v), DisplayNames.Of(v, Language.Pl));
                Assert.Equal(CatalogNames.Of(v), DisplayNames.Of(v, Language.En));
            }
        }

        Check<DecisionType>();
        Check<OfferKind>();
        Check<StopKind>();
        Check<EscalationTarget>();
        Check<EscalationPriority>();
        Check<NotifyChannel>();
        Check<NotifyMessage>();
        Check<AdviceKind>();
    }

    private static List<string> Numbers(string text) => [.. NumberPattern().Matches(text).Select(m => m.Value.Replace(',', '.'))];

    [GeneratedRegex(@"\d+([.,]\d+)?")]
    private static partial Regex NumberPattern();
}
