using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Tests.Authoring;

/// <summary>Rule ids, reasons and descriptions have documented length limits, checked at build (catalog section 3.4).</summary>
public sealed class PackLimitsTests
{
    private static CareRulesValidationException? Build(string id, string reason, string description)
    {
        try
        {
            new PackBuilder("shop").Rule(id, r => r.When(_ => true).Description(description).Advise(AdviceKind.ResolvePrivately, reason)).Build();
            return null;
        }
        catch (CareRulesValidationException ex)
        {
            return ex;
        }
    }

    private static string Id(int length) => "r." + new string('a', length - 2);

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    [InlineData(10_000, false)]
    public void RuleId_UpTo100Characters(int length, bool accepted)
    {
        var ex = Build(Id(length), "Say it privately.", "A rule.");
        if (accepted)
        {
            Assert.Null(ex);
            return;
        }

        var error = Assert.Single(Assert.IsType<CareRulesValidationException>(ex).Errors);
        Assert.Equal($"is {length} characters long; a rule id may have at most 100.", error.Message);
        Assert.True(error.Path.Length < 100, "the path quotes at most 60 characters of the id: " + error.Path);
        Assert.StartsWith("rules['r.aaa", error.Path, StringComparison.Ordinal);
        Assert.EndsWith("…'].id", error.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(501, false)]
    [InlineData(100_000, false)]
    public void Reason_UpTo500Characters_AndTheErrorQuotesAtMost60(int length, bool accepted)
    {
        var ex = Build("r.a", new string('x', length - 1) + ".", "A rule.");
        if (accepted)
        {
            Assert.Null(ex);
            return;
        }

        var error = Assert.Single(Assert.IsType<CareRulesValidationException>(ex).Errors);
        Assert.Equal("rules['r.a'].outcomes[0].reason", error.Path);
        Assert.StartsWith($"is {length} characters long; a reason may have at most 500", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 200, error.Message);
    }

    [Theory]
    [InlineData(2_000, true)]
    [InlineData(2_001, false)]
    public void Description_UpTo2000Characters(int length, bool accepted)
    {
        var ex = Build("r.a", "Say it privately.", new string('d', length));
        Assert.Equal(accepted, ex is null);
        if (!accepted)
        {
            Assert.Equal("rules['r.a'].description", Assert.Single(ex!.Errors).Path);
        }
    }

    [Fact]
    public void TheStandardPack_IsWithinTheLimits()
    {
        var pack = CareRules.Packs.StandardPack.Default;
        Assert.All(pack.Rules, r => Assert.InRange(r.Id.Length, 1, PackLimits.MaxRuleIdLength));
        Assert.All(pack.Rules, r => Assert.InRange(r.Description.Length, 0, PackLimits.MaxDescriptionLength));
    }
}
