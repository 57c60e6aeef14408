using CareRules.Model;
using FsCheck;
using FsCheck.Fluent;

namespace CareRules.Testing;

/// <summary>
/// The kit's generators as FsCheck arbitraries, for property attributes that take arbitrary types — with FsCheck.Xunit:
/// <c>[Property(Arbitrary = [typeof(CareArbitraries)])] public bool NoGoodwillAbove15Percent(CareContext context)</c>.
/// Contexts are valid (they pass the model's validation) and in PLN; for another currency use
/// <see cref="CareGenerators.ContextArbitrary"/> with <c>Prop.ForAll</c>. Thread-safe.
/// </summary>
public static class CareArbitraries
{
    /// <summary>Valid care contexts in PLN (see <see cref="CareGenerators.Contexts"/>).</summary>
    public static Arbitrary<CareContext> Contexts() => CareGenerators.ContextArbitrary();

    /// <summary>Customers from first-time buyers to VIPs, in PLN (see <see cref="CareGenerators.Customers"/>).</summary>
    public static Arbitrary<Customer> Customers() => CareGenerators.Customers(Currency.Pln).ToArbitrary();
}
