using CareRules.Serialization;

namespace CareRules.Tests.Serialization;

public sealed class CaseParserTests
{
    [Theory]
    [InlineData("order.deliveredAt", "$.order.deliveredAt")]
    [InlineData("case.openedAt", "$.case.openedAt")]
    [InlineData("customer.goodwillLast90Days", "$.customer.goodwillLast90Days")]
    [InlineData("", "$")]
    [InlineData("$.order.total", "$.order.total")]
    public void ToJsonPath_ModelConstructorPath_RootedAtTheCase(string modelPath, string jsonPath) =>
        Assert.Equal(jsonPath, CaseParser.ToJsonPath(modelPath));
}
