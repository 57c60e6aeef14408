using CareRules.Testing;

namespace ShopPolicy.Tests;

/// <summary>
/// The table file <c>cases/shop-cases.json</c>: one test per row. xunit's <c>[MemberData]</c> gets the row names
/// (strings, so the runner lists every row as its own test even before running), and each test looks its row up.
/// </summary>
[Collection(Shop.Tests)]
public sealed class ShopTableTests
{
    private static readonly CaseTable Table = CaseTable.Load("cases/shop-cases.json");

    public static IEnumerable<object[]> Rows => Table.AsArguments();

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row(string name) => Table[name].Check(Shop.Coverage);

    [Fact]
    public void Table_HasAtLeastTenRows() => Assert.True(Table.Rows.Count >= 10, $"{Table.Rows.Count} rows");
}
