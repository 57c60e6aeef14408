using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Authoring;
using CareRules.Tests.Support;

namespace CareRules.Tests.Authoring;

public sealed class PackBuilderTests
{
    private static readonly ParameterDefinition<decimal> Gift = Parameter.Amount("gift", 20m, "A gift.");

    [Fact]
    public void Build_ValidPack_ExposesNameVersionRulesAndParameters()
    {
        var pack = new PackBuilder("shop", "2.1.0")
            .Define(Gift)
            .Set("gift", "25")
            .Rule("b.rule", r => r.When(_ => true).Advise(AdviceKind.ResolvePrivately, "Say it privately."))
            .Rule("a.rule", (r, p) => r.When(_ => true).Compensate(OfferKind.GiftInParcel, "A gift.", p.Money(Gift)))
            .Build();

        Assert.Equal("shop@2.1.0", pack.Id);
        Assert.Equal(["a.rule", "b.rule"], pack.Rules.Select(r => r.Id));
        Assert.Equal(25m, pack.Parameters.Get(Gift));
        Assert.Equal("25.00", pack.Parameters.Format("gift"));
        Assert.Equal(Currency.Pln, pack.Parameters.Currency);
    }

    [Fact]
    public void Build_BadParameters_ReportsEveryOneWithItsPath()
    {
        var builder = new PackBuilder("shop")
            .Define(Gift)
            .Set("gift", "-5")
            .Set("nope", "1")
            .Set("maxGoodwillShareOfOrder", "1.5")
            .Rule("ok", r => r.When(_ => true).Advise(AdviceKind.ResolvePrivately, "x."));

        var ex = Assert.Throws<CareRulesValidationException>(builder.Build);

        var paths = ex.Errors.Select(e => e.Path).ToList();
        Assert.Equal(3, paths.Count);
        Assert.Contains("parameters['gift']", paths);
        Assert.Contains("parameters['nope']", paths);
        Assert.Contains("parameters['maxGoodwillShareOfOrder']", paths);
        Assert.Contains("known parameters", ex.Errors.Single(e => e.Path == "parameters['nope']").Message);
        Assert.Contains("Pack 'shop@1.0.0'", ex.Message);
    }

    [Fact]
    public void Build_BadRules_ReportsEveryRuleProblem()
    {
        var builder = new PackBuilder("shop")
            .Rule("Bad Id", r => r.When(_ => true).Advise(AdviceKind.ResolvePrivately, "x."))
            .Rule("dup", r => r.When(_ => true).Advise(AdviceKind.ResolvePrivately, "x."))
            .Rule("dup", r => r.When(_ => true).Advise(AdviceKind.ResolvePrivately, "x."))
            .Rule("no.condition", r => r.Advise(AdviceKind.ResolvePrivately, "x."))
            .Rule("no.outcome", r => r.When(_ => true))
            .Rule("bad.outcomes", r => r.When(_ => true)
                .Compensate(OfferKind.GiftInParcel, "", new Money(5m, Currency.Eur))
                .Compensate(OfferKind.DiscountNextOrder, "d.", percent: 0m)
                .Compensate(OfferKind.Apology, "a.", legal: true))
            .Rule("throws", _ => throw new InvalidOperationException("boom"))
            .DisableRule("ghost");

        var ex = Assert.Throws<CareRulesValidationException>(builder.Build);

        var paths = ex.Errors.Select(e => e.Path).ToHashSet();
        Assert.Contains("rules['Bad Id'].id", paths);
        Assert.Contains("rules['dup'].id", paths);
        Assert.Contains("rules['no.condition'].when", paths);
        Assert.Contains("rules['no.outcome'].outcomes", paths);
        Assert.Contains("rules['bad.outcomes'].outcomes[0].reason", paths);
        Assert.Contains("rules['bad.outcomes'].outcomes[0].value", paths);
        Assert.Contains("rules['bad.outcomes'].outcomes[1].percent", paths);
        Assert.Contains("rules['bad.outcomes'].outcomes[2].legal", paths);
        Assert.Contains("rules['throws']", paths);
        Assert.Contains("disabled['ghost']", paths);
        Assert.Contains("boom", ex.Errors.Single(e => e.Path == "rules['throws']").Message);
    }

    [Fact]
    public void Build_Twice_Throws()
    {
        var builder = new PackBuilder("shop").Rule("a", r => r.When(_ => true).Advise(AdviceKind.ResolvePrivately, "x."));
        builder.Build();

        Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Throws<InvalidOperationException>(() => builder.DisableRule("a"));
    }

    [Fact]
    public void DisableRule_KnownId_RemovesTheRule()
    {
        var pack = new PackBuilder("shop")
            .Rule("a", r => r.When(_ => true).Advise(AdviceKind.ResolvePrivately, "x."))
            .Rule("b", r => r.When(_ => true).Advise(AdviceKind.ApologiseNoBlame, "y."))
            .DisableRule("a")
            .Build();

        var verdict = pack.Evaluate(Ctx.Context());

        Assert.Equal(["b"], verdict.Fired);
    }

    [Theory]
    [InlineData("timeZone", "Mars/Olympus")]
    [InlineData("currency", "zł")]
    [InlineData("minMeaningfulGift", "ten")]
    [InlineData("minMeaningfulGift", "10.001")]
    [InlineData("goodwillBudget90Days", "-1")]
    public void Set_BadCoreParameterText_IsAnErrorNamingTheParameter(string name, string value)
    {
        var builder = new PackBuilder("shop").Set(name, value).Rule("a", r => r.When(_ => true).Advise(AdviceKind.ResolvePrivately, "x."));

        var ex = Assert.Throws<CareRulesValidationException>(builder.Build);

        var error = Assert.Single(ex.Errors);
        Assert.Equal($"parameters['{name}']", error.Path);
        Assert.Contains("expected", error.Message);
    }

    [Fact]
    public void Set_TypedValue_Overrides()
    {
        var pack = new PackBuilder("shop").Set(CoreParameters.Currency, Currency.Eur)
            .Rule("a", r => r.When(_ => true).Advise(AdviceKind.ResolvePrivately, "x.")).Build();

        Assert.Equal(Currency.Eur, pack.Parameters.Currency);
    }
}
