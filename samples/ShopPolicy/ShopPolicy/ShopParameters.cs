using CareRules.Authoring;

namespace ShopPolicy;

/// <summary>The shop's own parameters, on top of the Standard pack's.</summary>
public static class ShopParameters
{
    /// <summary><c>vipGift</c>: the gift in a VIP's late parcel (50), instead of the Standard <c>smallGift</c> (20).</summary>
    public static ParameterDefinition<decimal> VipGift { get; } =
        Parameter.Amount("vipGift", 50m, "Value of the gift added to a VIP's late parcel, in the pack's currency; replaces the small gift.");
}
