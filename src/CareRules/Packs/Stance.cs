namespace CareRules.Packs;

/// <summary>
/// How much goodwill the Standard pack gives: the source essays disagree on purpose ("always add a gift" against
/// "the customer is not always right"), so a shop chooses.
/// </summary>
public enum Stance
{
    /// <summary><c>generous</c>: the customer comes first (seeds 000/003): free shipping for a damaged box, goodwill for VIPs out of the withdrawal window.</summary>
    Generous,
    /// <summary><c>balanced</c> (default): a discount for a damaged box, nothing extra out of the window.</summary>
    Balanced,
    /// <summary><c>firm</c>: know when to say stop (seeds 002/003): apology only for a damaged box; no goodwill when a carrier or bank is at fault.</summary>
    Firm,
}
