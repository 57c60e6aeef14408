using System.Collections.Frozen;

namespace CareRules.Model;

/// <summary>
/// The display text of decision values for people reading a verdict (the console's table, an agent's screen): in
/// English the catalog name (<c>full-refund</c>), in Polish the words Polish shops use (<c>zwrot całej kwoty</c>). JSON
/// always keeps the catalog names (<see cref="CatalogNames"/>). Lookups are precomputed; thread-safe.
/// </summary>
public static class DisplayNames
{
    private static readonly FrozenDictionary<Enum, string> Polish = new Dictionary<Enum, string>
    {
        [DecisionType.Stop] = "granica",
        [DecisionType.Escalate] = "eskalacja",
        [DecisionType.Compensate] = "rekompensata",
        [DecisionType.Notify] = "powiadomienie",
        [DecisionType.Advise] = "wskazówka",
        [OfferKind.Apology] = "przeprosiny",
        [OfferKind.GiftInParcel] = "upominek w paczce",
        [OfferKind.DiscountNextOrder] = "rabat na następne zamówienie",
        [OfferKind.FreeShippingNextOrder] = "darmowa dostawa następnego zamówienia",
        [OfferKind.PartialRefund] = "obniżenie ceny",
        [OfferKind.FullRefund] = "zwrot całej kwoty",
        [OfferKind.Replacement] = "wymiana towaru",
        [OfferKind.Reship] = "ponowna wysyłka",
        [StopKind.PoliteDecline] = "uprzejma odmowa",
        [StopKind.ContactBoundary] = "granica kontaktu",
        [StopKind.HoldPendingCarrierClaim] = "wstrzymanie do wyjaśnienia przez przewoźnika",
        [StopKind.OutsideWithdrawalWindow] = "brak prawa odstąpienia od umowy",
        [StopKind.NoGoodwill] = "bez gestu dobrej woli",
        [EscalationTarget.Supervisor] = "przełożony",
        [EscalationTarget.Manager] = "kierownik",
        [EscalationTarget.Legal] = "dział prawny",
        [EscalationTarget.PublicRelations] = "dział PR",
        [EscalationPriority.Normal] = "zwykły",
        [EscalationPriority.High] = "wysoki",
        [EscalationPriority.Urgent] = "pilny",
        [NotifyChannel.Phone] = "telefon",
        [NotifyChannel.Email] = "e-mail",
        [NotifyMessage.DelayApology] = "przeprosiny za opóźnienie",
        [NotifyMessage.AvailabilityDate] = "termin dostępności",
        [NotifyMessage.ClaimStatus] = "stan reklamacji",
        [AdviceKind.AnswerFullyNoRedirect] = "odpowiedz wyczerpująco, bez odsyłania",
        [AdviceKind.ApologiseNoBlame] = "przeproś, nie obwiniając nikogo",
        [AdviceKind.ExplainThirdPartyCalmly] = "spokojnie wyjaśnij udział przewoźnika lub banku",
        [AdviceKind.ResolvePrivately] = "rozwiąż sprawę prywatnie",
        [AdviceKind.NeverPublishCorrespondence] = "nigdy nie publikuj korespondencji",
    }.ToFrozenDictionary();

    /// <summary>
    /// The display text of a decision value (<see cref="DecisionType"/>, <see cref="OfferKind"/>, <see cref="StopKind"/>,
    /// <see cref="EscalationTarget"/>, <see cref="EscalationPriority"/>, <see cref="NotifyChannel"/>,
    /// <see cref="NotifyMessage"/> or <see cref="AdviceKind"/>) in <paramref name="language"/>; the catalog name in English
    /// and for any other value.
    /// </summary>
    public static string Of<TEnum>(TEnum value, Language language)
        where TEnum : struct, Enum =>
        language == Language.Pl && Polish.TryGetValue(value, out var text) ? text : CatalogNames.Of(value);

    /// <summary>True when <paramref name="value"/> has its own text in <paramref name="language"/> (English: always).</summary>
    public static bool Has<TEnum>(TEnum value, Language language)
        where TEnum : struct, Enum => language == Language.En || Polish.ContainsKey(value);
}
