using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;
using FsCheck.Xunit;

namespace CareRules.Tests.Testing;

/// <summary>The shipped arbitraries plug into FsCheck.Xunit's property attribute, as a shop's tests use them.</summary>
public sealed class CareArbitrariesTests
{
    [Property(Arbitrary = [typeof(CareArbitraries)], MaxTest = 200)]
    public bool Contexts_AreValidAndEvaluate(CareContext context) =>
        StandardPack.Default.Check(context).Count == 0 && StandardPack.Default.Evaluate(context).GoodwillTotal.Amount >= 0m;

    [Property(Arbitrary = [typeof(CareArbitraries)], MaxTest = 200)]
    public bool Customers_AreInPlnWithNonNegativeHistory(Customer customer) =>
        customer.LifetimeValue.Currency == Currency.Pln && customer.Orders >= 0 && customer.GoodwillLast90Days.Amount >= 0m;
}
