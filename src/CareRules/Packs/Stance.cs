namespace CareRules.Packs;

/// <summary>
/// How much goodwill the Standard pack gives: the source essays disagree on purpose ("always add a gift" against
/// "the customer is not always right"), so a shop chooses. A more generous stance never gives less goodwill than a
/// less generous one (catalog section 7.15).
/// </summary>
public enum Stance
{
    /// <summary><c>generous</c>: the customer comes first (seeds 002, 003 the article, and 004): a discount and free shipping for a damaged box, goodwill for VIPs out of the withdrawal window.</summary>
    Generous,
    /// <summary><c>balanced</c> (default): a discount for a damaged box, nothing extra out of the window.</summary>
    Balanced,
    /// <summary><c>firm</c>: know when to say stop (seed 000 and the comments under seed 003): apology only for a damaged box; no goodwill when a carrier or bank is at fault.</summary>
    Firm,
}
