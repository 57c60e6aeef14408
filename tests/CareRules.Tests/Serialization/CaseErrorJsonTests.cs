using CareRules.Serialization;

namespace CareRules.Tests.Serialization;

public sealed class CaseErrorJsonTests
{
    [Fact]
    public void ToJson_RejectedCaseWithId_IndexCaseIdAndEveryError()
    {
        string json = CaseSamples.Edit(n =>
        {
            n["order"]!["total"]!["currency"] = "EUR";
            n["case"]!["flags"] = new System.Text.Json.Nodes.JsonArray("abusive", "abusive");
        });
        var result = CaseJsonReader.Read("[" + CaseSamples.Line("K-0") + "," + json + "]")[1];

        Assert.Equal(
            """{"index":1,"caseId":"K-1","errors":[{"path":"$.order.total.currency","message":"expected PLN, was EUR."},{"path":"$.case.flags[1]","message":"duplicate flag 'abusive'; give each flag once."}]}""",
            CaseErrorJson.ToJson(result));
    }

    [Fact]
    public void ToJson_MalformedCase_CaseIdOmitted()
    {
        var result = Assert.Single(CaseJsonReader.Read("{"));

        Assert.StartsWith("""{"index":0,"errors":[{"path":"$","message":"is not valid JSON at line 1, byte 2: """, CaseErrorJson.ToJson(result), StringComparison.Ordinal);
    }

    [Fact]
    public void ToUtf8Bytes_SameAsToJson()
    {
        var result = Assert.Single(CaseJsonReader.Read("[1]"));

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(CaseErrorJson.ToJson(result)), CaseErrorJson.ToUtf8Bytes(result));
    }
}
