using CareRules.Model;
using FsCheck;

namespace CareRules.Testing;

/// <summary>
/// <see cref="CareEdgeGenerators"/> as FsCheck arbitraries, for property attributes that take arbitrary types — with
/// FsCheck.Xunit: <c>[Property(Arbitrary = [typeof(CareEdgeArbitraries)])] public void RoundTrips(CareContext context)</c>.
/// Contexts are valid and in PLN; for another currency use <see cref="CareEdgeGenerators.ContextArbitrary"/> with
/// <c>Prop.ForAll</c>. Thread-safe.
/// </summary>
public static class CareEdgeArbitraries
{
    /// <summary>Valid care contexts of edge values in PLN (see <see cref="CareEdgeGenerators.Contexts"/>).</summary>
    public static Arbitrary<CareContext> Contexts() => CareEdgeGenerators.ContextArbitrary();
}
