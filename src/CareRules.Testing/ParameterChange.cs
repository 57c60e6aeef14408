namespace CareRules.Testing;

/// <summary>A parameter whose value differs between the two packs of a <see cref="PackDiff"/>, in the parameters' text form (catalog section 3.2).</summary>
/// <param name="Name">The parameter's name, e.g. <c>vipGift</c>.</param>
/// <param name="Before">Its value in the old pack, or null when the old pack does not define it.</param>
/// <param name="After">Its value in the new pack, or null when the new pack does not define it.</param>
public sealed record ParameterChange(string Name, string? Before, string? After)
{
    /// <summary>E.g. <c>vipGift 50.00 → 80.00</c>; a side that does not define the parameter reads <c>(none)</c>.</summary>
    public override string ToString() => $"{Name} {Before ?? "(none)"} → {After ?? "(none)"}";
}
