using CareRules.Model;
using CareRules.Time;
using NodaTime;

namespace CareRules.Authoring;

/// <summary>
/// The parameters every pack has, because the engine itself uses them: the currency and calendar, and the
/// goodwill cap of resolution (catalog section 2, step 2), and the language of the pack's texts. Packs add their own parameters beside these.
/// </summary>
public static class CoreParameters
{
    /// <summary><c>currency</c>: the currency of every amount (default PLN).</summary>
    public static ParameterDefinition<Currency> Currency { get; } =
        Parameter.CurrencyCode("currency", Model.Currency.Pln, "ISO 4217 currency of every amount in a context and in the pack.");

    /// <summary><c>timeZone</c>: the shop's time zone for local dates and business time (default Europe/Warsaw).</summary>
    public static ParameterDefinition<DateTimeZone> TimeZone { get; } =
        Parameter.TimeZone("timeZone", DateTimeZoneProviders.Tzdb["Europe/Warsaw"], "IANA time zone of the shop: local dates, legal periods and business time are computed in it.");

    /// <summary><c>businessHours</c>: the helpdesk's working hours (default Mon–Fri 08:00–16:00; public holidays are always off).</summary>
    public static ParameterDefinition<WeeklyHours> BusinessHours { get; } =
        Parameter.Hours("businessHours", WeeklyHours.Default, "Working hours per weekday, e.g. 'Mon-Fri 08:00-16:00'; public holidays of the pack's holiday calendar are off.");

    /// <summary><c>minMeaningfulGift</c>: goodwill reduced by the cap below this is dropped (default 10).</summary>
    public static ParameterDefinition<decimal> MinMeaningfulGift { get; } =
        Parameter.Amount("minMeaningfulGift", 10m, "Smallest goodwill worth giving, in the pack's currency: an offer the cap reduces below it is dropped (seed 001: no one-złoty trinkets).");

    /// <summary><c>maxGoodwillShareOfOrder</c>: goodwill of one case is at most this share of the order total (default 0.20).</summary>
    public static ParameterDefinition<decimal> MaxGoodwillShareOfOrder { get; } =
        Parameter.Decimal("maxGoodwillShareOfOrder", 0.20m, "Largest share of the order total that goodwill of one case may be worth (0 to 1).", 0m, 1m);

    /// <summary><c>goodwillBudget90Days</c>: goodwill per customer over 90 days (default 300).</summary>
    public static ParameterDefinition<decimal> GoodwillBudget90Days { get; } =
        Parameter.Amount("goodwillBudget90Days", 300m, "Goodwill budget per customer over the last 90 days, in the pack's currency.");

    /// <summary><c>language</c>: the language of the pack's reasons, descriptions and display names, <c>en</c> (default) or <c>pl</c>; resolved when the pack is built.</summary>
    public static ParameterDefinition<Language> Language { get; } =
        Parameter.Choice("language", Model.Language.En, "Language of the pack's reasons and descriptions: en or pl; every text is chosen when the pack is built.");

    /// <summary>All core parameters, in catalog order.</summary>
    public static IReadOnlyList<ParameterDefinition> All { get; } =
        [TimeZone, BusinessHours, Currency, MinMeaningfulGift, MaxGoodwillShareOfOrder, GoodwillBudget90Days, Language];
}
