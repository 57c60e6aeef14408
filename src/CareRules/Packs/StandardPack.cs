using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Authoring;
using NodaTime;
using static CareRules.Packs.StandardFacts;
using P = CareRules.Packs.StandardParameters;

namespace CareRules.Packs;

/// <summary>
/// The Standard care pack (catalog section 4): the practice of five Polish customer-service essays and the EU and
/// Polish consumer law every shop selling to consumers must respect. Get it with <see cref="Build"/>, or start from
/// <see cref="CreateBuilder"/> to override parameters, disable rules by id or add rules of your own.
/// </summary>
public static class StandardPack
{
    /// <summary>The pack's name.</summary>
    public const string Name = "standard";

    /// <summary>The pack's version.</summary>
    public const string Version = "1.0.0";

    private static readonly Lazy<CompiledPack> LazyDefault = new(() => Build());

    /// <summary>The Standard pack with every default, built once.</summary>
    public static CompiledPack Default => LazyDefault.Value;

    /// <summary>The ids of the pack's rules, in catalog order.</summary>
    public static IReadOnlyList<string> RuleIds { get; } = CreateBuilder().RuleIds;

    /// <summary>Builds the pack, letting <paramref name="customize"/> override parameters, disable rules or add rules first.</summary>
    /// <exception cref="CareRulesValidationException">A customisation is invalid; every problem is listed.</exception>
    public static CompiledPack Build(Action<PackBuilder>? customize = null)
    {
        var builder = CreateBuilder();
        customize?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>A builder holding the whole pack: its parameters with their defaults and its rules.</summary>
    public static PackBuilder CreateBuilder()
    {
        var b = new PackBuilder(Name, Version);
        foreach (var p in P.All)
        {
            b.Define(p);
        }

        AddProactive(b);
        AddReplyTime(b);
        AddDamageLossWrongGoods(b);
        AddBoundaries(b);
        AddEscalation(b);
        return b;
    }

    // The pack's decision functions are given as expression trees (interpreted until the pack is optimized, like a
    // workflow JSON pack's), so that the fused method inlines and shares them instead of invoking a delegate each.

    /// <summary>A due-by or until function as an expression tree (<see cref="TieredFunction{T}"/>).</summary>
    private static Func<Authoring.RuleContext, Instant?> Due(System.Linq.Expressions.Expression<Func<Authoring.RuleContext, Instant?>> function) => TieredFunction<Instant?>.Create(function);

    /// <summary>A value function as an expression tree.</summary>
    private static Func<Authoring.RuleContext, Money?> Value(System.Linq.Expressions.Expression<Func<Authoring.RuleContext, Money?>> function) => TieredFunction<Money?>.Create(function);

    /// <summary>An outcome's guard as an expression tree.</summary>
    private static Func<Authoring.RuleContext, bool> Guard(System.Linq.Expressions.Expression<Func<Authoring.RuleContext, bool>> function) => TieredFunction<bool>.Create(function);

    private static void AddProactive(PackBuilder b)
    {
        b.Rule("delay.notify-immediately", r =>
        {
            // One function for both outcomes: the engine computes a due-by shared by outcomes of a rule once.
            var withinTwoBusinessHours = Due(c => c.Calendar.AddBusinessTime(c.Now, Duration.FromHours(2)));
            r.Description(Text.Of("A late order whose customer was not told: call and write at once with an apology (seed 002).", "Zamówienie jest opóźnione, a klient nie został o tym poinformowany: od razu zadzwoń i napisz z przeprosinami (źródło 002)."))
                .Priority(150)
                .WhenExpression(c => IsLate(c.Order, c.Today) && !c.Order!.DelayNotified)
                .Notify(NotifyChannel.Phone, NotifyMessage.DelayApology, Text.Of("The order is past its promised date and the customer has not been told, so call them with an apology within 2 business hours.", "Obiecany termin realizacji zamówienia minął, a klient nie został o tym poinformowany, więc zadzwoń do niego z przeprosinami w ciągu 2 godzin roboczych."), withinTwoBusinessHours)
                .Notify(NotifyChannel.Email, NotifyMessage.DelayApology, Text.Of("The order is past its promised date and the customer has not been told, so write to them with an apology within 2 business hours.", "Obiecany termin realizacji zamówienia minął, a klient nie został o tym poinformowany, więc napisz do niego z przeprosinami w ciągu 2 godzin roboczych."), withinTwoBusinessHours);
        });

        b.Rule("delay.gift", (r, p) =>
        {
            var gift = Money.Max(p.Money(P.SmallGift), p.Money(CoreParameters.MinMeaningfulGift));
            r.Description(Text.Of("A late order not caused by the customer gets a small gift in the parcel, never a trinket (seeds 002, 001).", "Do zamówienia opóźnionego nie z winy klienta dołącz do paczki drobny upominek, nigdy bezwartościowy gadżet (źródła 002, 001)."))
                .Priority(100)
                .WhenExpression(c => IsLate(c.Order, c.Today) && (c.Case == null || c.Case.Fault != Fault.Customer))
                .Compensate(OfferKind.GiftInParcel, Text.Of($"The order is late through no fault of the customer, so a small gift worth {gift} goes into the parcel.", $"Zamówienie jest opóźnione nie z winy klienta, więc do paczki trafia drobny upominek o wartości {gift}."), gift);
        });

        b.Rule("availability.firm-date", (r, p) =>
        {
            int availabilityWait = p.Get(P.AvailabilityWait);
            var sla = p.Get(P.ReplySla);
            r.Description(Text.Of("A long backorder gets a firm date and the option to cancel for a full refund; never push a substitute (seed 001).", "Przy długim oczekiwaniu na dostawę towaru podaj pewny termin i możliwość rezygnacji z pełnym zwrotem środków; nie wciskaj zamiennika (źródło 001)."))
                .Priority(110)
                .WhenExpression(c => c.Order != null && c.Order.BackorderUntil != null && IsUndelivered(c.Order) && c.Order.BackorderUntil.Value > c.Today.PlusDays(availabilityWait))
                .Notify(NotifyChannel.Email, NotifyMessage.AvailabilityDate, Text.Of($"An item waits for stock more than {availabilityWait} days, so give the customer a firm date and the option to cancel for a full refund, without pushing a substitute.", $"Towar czeka na dostawę dłużej niż {availabilityWait} dni, więc podaj klientowi pewny termin i możliwość rezygnacji z pełnym zwrotem środków, bez wciskania zamiennika."), Due(c => c.Calendar.AddBusinessTime(c.Now, sla)));
        });

        b.Rule("delivery.statutory-deadline", r => ExplainWithoutAgeBound(r
            .Description(Text.Of("Not delivered 30 days after placing, or after a later promised date: the consumer may end the contract (Directive 2011/83/EU art. 18).", "Brak dostawy w ciągu 30 dni od złożenia zamówienia lub po późniejszym obiecanym terminie: konsument może odstąpić od umowy (dyrektywa 2011/83/UE, art. 18)."))
            .Priority(300)
            .WhenExpression(c => c.Order != null && c.Now - c.Order.PlacedAt > MinAgePast30LocalDays && IsPastStatutoryDelivery(c.Calendar, c.Order, c.Today))
            .Escalate(EscalationTarget.Manager, EscalationPriority.High, Text.Of("The order is undelivered past the statutory delivery deadline, so a manager must take it over.", "Zamówienie nie zostało dostarczone w ustawowym terminie, więc sprawę musi przejąć kierownik."))
            .Compensate(OfferKind.FullRefund, Text.Of("The order is undelivered past the statutory delivery deadline, so the consumer may end the contract and must be offered a full refund.", "Zamówienie nie zostało dostarczone w ustawowym terminie, więc konsument może odstąpić od umowy i trzeba mu zaproponować zwrot całej zapłaconej kwoty."), Value(c => c.Order!.Total), legal: true)));
    }

    /// <summary>
    /// The priority of the VIP discount <c>withdrawal.out-of-window</c> adds under the generous stance: below every other
    /// goodwill offer (the lowest, <c>damage.packaging-apology</c>, is 90), so that the cap fills it only with the room
    /// the offers of every stance leave, and the generous stance never keeps less goodwill than the balanced one
    /// (catalog 7.15).
    /// </summary>
    private const int VipDiscountPriority = 80;

    /// <summary>
    /// A cheap bound checked before local dates are computed: today is more than 30 days after the local date an order
    /// was placed only when more than 30 days less the difference of two UTC offsets (at most 36 hours) have elapsed,
    /// so never within 27 days.
    /// </summary>
    private static readonly Duration MinAgePast30LocalDays = Duration.FromDays(27);

    /// <summary>
    /// Explains <c>delivery.statutory-deadline</c> by its legal condition alone, as the workflow JSON pack states it: the
    /// order check and the age bound of its evaluated condition (<see cref="MinAgePast30LocalDays"/>) only save work and
    /// never change the answer (the fact is false without an order), so an explanation that showed
    /// it would show an implementation detail as if it were a rule. Set after the condition (setting one clears it).
    /// </summary>
    private static void ExplainWithoutAgeBound(RuleBuilder rule) =>
        rule.ExplanationExpression = static () => c => IsPastStatutoryDelivery(c.Calendar, c.Order, c.Today);

    private static void AddReplyTime(PackBuilder b)
    {
        b.Rule("reply.sla-breached", (r, p) =>
        {
            var replySla = p.Get(P.ReplySla);
            r.Description(Text.Of("A case without a first reply after the reply SLA of business time goes to a supervisor (seed 002).", "Sprawa bez pierwszej odpowiedzi po upływie czasu na odpowiedź (w czasie roboczym) trafia do przełożonego (źródło 002)."))
                .Priority(200)
                .WhenExpression(c => c.Case != null && c.Case.FirstReplyAt == null && c.Calendar.HasElapsed(c.Case.OpenedAt, c.Now, replySla))
                .Escalate(EscalationTarget.Supervisor, EscalationPriority.High, Text.Of($"The case has waited {p.Format(P.ReplySla.Name)} of business time without a first reply, so a supervisor must answer it now.", $"Sprawa czeka bez pierwszej odpowiedzi już {p.Format(P.ReplySla.Name)} czasu roboczego, więc przełożony musi odpowiedzieć od razu."), Due(c => c.Now));
        });

        b.Rule("reply.answer-fully", r => r
            .Description(Text.Of("A product question whose answer is in the product description is answered fully, not redirected (seed 002).", "Na pytanie o produkt, na które odpowiedź jest w opisie produktu, odpowiadamy wyczerpująco, bez odsyłania do opisu (źródło 002)."))
            .Priority(50)
            .WhenExpression(c => c.Case != null && c.Case.Kind == CaseKind.ProductQuestion && c.Case.Has(CaseFlags.AnswerInProductDescription))
            .Advise(AdviceKind.AnswerFullyNoRedirect, Text.Of("The answer is in the product description, so give it fully in the reply instead of sending the customer to read it.", "Odpowiedź jest w opisie produktu, więc podaj ją w całości w wiadomości, zamiast odsyłać klienta do lektury opisu.")));

        b.Rule("availability.inquiry-unanswered", (r, p) =>
        {
            var replySla = p.Get(P.ReplySla);
            r.Description(Text.Of("An unanswered availability inquiry past the reply SLA goes to a supervisor: the customer is about to buy elsewhere (seed 001).", "Pytanie o dostępność bez odpowiedzi po upływie czasu na odpowiedź trafia do przełożonego: klient zaraz kupi gdzie indziej (źródło 001)."))
                .Priority(200)
                .WhenExpression(c => c.Case != null && c.Case.Kind == CaseKind.AvailabilityInquiry && c.Case.FirstReplyAt == null && c.Calendar.HasElapsed(c.Case.OpenedAt, c.Now, replySla))
                .Escalate(EscalationTarget.Supervisor, EscalationPriority.High, Text.Of("An availability inquiry is unanswered past the reply SLA and the customer is about to buy elsewhere, so a supervisor must answer it now.", "Pytanie o dostępność czeka na odpowiedź dłużej, niż pozwala czas na odpowiedź, a klient zaraz kupi gdzie indziej, więc przełożony musi odpowiedzieć od razu."), Due(c => c.Now));
        });
    }

    private static void AddDamageLossWrongGoods(PackBuilder b)
    {
        b.Rule("damage.packaging-apology", (r, p) =>
        {
            var stance = p.Get(P.Stance);
            int percent = p.Get(P.NextOrderDiscountPercent);
            var shipping = p.Money(P.FreeShippingValue);
            r.Description(Text.Of("A damaged box with sound goods: apologise without blaming anyone, even when the carrier is at fault; goodwill by stance (seed 002).", "Uszkodzony karton, cały towar: przeproś, nie obwiniając nikogo, nawet gdy zawinił kurier; gest dobrej woli zależnie od polityki sklepu (źródło 002)."))
                .Priority(90)
                .WhenExpression(c => c.Case != null && c.Case.Kind == CaseKind.DamagedPackaging)
                .Compensate(OfferKind.Apology, Text.Of("The parcel arrived in a damaged box, so apologise for the experience even though the goods are fine.", "Paczka dotarła w uszkodzonym kartonie, więc przeproś za tę sytuację, choć towar jest w porządku."))
                .Advise(AdviceKind.ApologiseNoBlame, Text.Of("Apologise for the damaged box without blaming the carrier or anyone else.", "Przeproś za uszkodzony karton, nie obwiniając kuriera ani nikogo innego."));
            // The discount comes before free shipping, so that the cap fills it first: generous then never keeps less
            // goodwill than balanced (catalog 7.15).
            if (stance != Stance.Firm)
            {
                decimal share = percent / 100m;
                r.Compensate(OfferKind.DiscountNextOrder, Text.Of($"Under the balanced and generous stances a damaged box earns a {percent}% discount on the next order.", $"Przy polityce wyważonej i hojnej uszkodzony karton daje {percent}% rabatu na następne zamówienie."), Value(c => c.Order != null ? c.Order.Total.Multiply(share) : null), percent: percent);
            }

            if (stance == Stance.Generous)
            {
                r.Compensate(OfferKind.FreeShippingNextOrder, Text.Of("Under the generous stance a damaged box also earns free shipping on the next order.", "Przy polityce hojnej uszkodzony karton daje też darmową dostawę następnego zamówienia."), shipping);
            }
        });

        b.Rule("damage.goods-remedy", r => r
            .Description(Text.Of("Damaged, missing or wrong goods are not in conformity with the contract: replace them, or refund on request, and apologise (seed 004; conformity law).", "Towar uszkodzony, niekompletny lub niewłaściwy jest niezgodny z umową: wymień go albo, na żądanie, zwróć środki, i przeproś (źródło 004; przepisy o niezgodności towaru z umową)."))
            .Priority(300)
            .WhenExpression(c => c.Case != null && (c.Case.Kind == CaseKind.DamagedGoods || c.Case.Kind == CaseKind.MissingItem || c.Case.Kind == CaseKind.WrongItem))
            .Compensate(OfferKind.Replacement, Text.Of("The goods delivered are not in conformity with the contract, so the consumer is entitled to a replacement.", "Dostarczony towar jest niezgodny z umową, więc konsumentowi przysługuje wymiana."), legal: true, when: Guard(c => !c.Case!.Requested(CustomerRequests.FullRefund)))
            .Compensate(OfferKind.FullRefund, Text.Of("The goods delivered are not in conformity with the contract and the customer asked for a refund, so refund in full.", "Dostarczony towar jest niezgodny z umową, a klient zażądał zwrotu pieniędzy, więc zwróć całą kwotę."), Value(c => c.Order != null ? c.Order.Total : null), legal: true, when: Guard(c => c.Case!.Requested(CustomerRequests.FullRefund)))
            .Compensate(OfferKind.Apology, Text.Of("The customer received damaged, incomplete or wrong goods, so apologise.", "Klient otrzymał towar uszkodzony, niekompletny lub niewłaściwy, więc przeproś.")));

        b.Rule("lost-parcel.confirmed", r => r
            .Description(Text.Of("The carrier reports the parcel lost or accepted the claim: the seller carries the transit risk until delivery, so reship or refund at once (Civil Code art. 548 §3).", "Przewoźnik zgłasza zaginięcie przesyłki lub uznał reklamację: do chwili wydania towaru ryzyko w transporcie ponosi sprzedawca, więc od razu wyślij towar ponownie albo zwróć środki (Kodeks cywilny, art. 548 § 3)."))
            .Priority(300)
            .WhenExpression(c => c.Case != null && c.Case.Kind == CaseKind.LostParcel && c.Order != null && (c.Order.Tracking == TrackingStatus.Lost || IsCarrierClaimAccepted(c.Case)))
            .Compensate(OfferKind.Reship, Text.Of("The carrier reports the parcel lost or accepted the claim, and the shop carries the transit risk, so reship at once.", "Przewoźnik zgłasza zaginięcie przesyłki lub uznał reklamację, a ryzyko w transporcie ponosi sklep, więc od razu wyślij towar ponownie."), legal: true, when: Guard(c => !c.Case!.Requested(CustomerRequests.FullRefund)))
            .Compensate(OfferKind.FullRefund, Text.Of("The carrier reports the parcel lost or accepted the claim, and the customer asked for a refund, so refund in full at once.", "Przewoźnik zgłasza zaginięcie przesyłki lub uznał reklamację, a klient zażądał zwrotu pieniędzy, więc od razu zwróć całą kwotę."), Value(c => c.Order!.Total), legal: true, when: Guard(c => c.Case!.Requested(CustomerRequests.FullRefund))));

        b.Rule("lost-parcel.investigate", (r, p) =>
        {
            int carrierClaimMaxHold = p.Get(P.CarrierClaimMaxHold);
            decimal vipLifetimeValue = p.Get(P.VipLifetimeValue);
            int vipOrders = p.Get(P.VipOrders);
            r.Description(Text.Of("Tracking says delivered but the customer says not: hold while the carrier investigates, at most the maximum hold, and explain calmly (seed 003).", "Według śledzenia przesyłka została doręczona, a klient twierdzi, że nie: wstrzymaj sprawę na czas postępowania przewoźnika, najdłużej przez dopuszczalny okres, i spokojnie to wyjaśnij (źródło 003)."))
                .Priority(250)
                .WhenExpression(c => c.Case != null && c.Case.Kind == CaseKind.LostParcel && c.Order != null && c.Order.Tracking == TrackingStatus.Delivered
                    && !IsCarrierClaimAccepted(c.Case) && !IsVip(c.Customer, vipLifetimeValue, vipOrders) && c.Now < CarrierClaimHoldEnd(c.Calendar, c.Case, carrierClaimMaxHold))
                .Stop(StopKind.HoldPendingCarrierClaim, Text.Of($"Tracking says the parcel was delivered, so the claim is held while the carrier investigates, for at most {carrierClaimMaxHold} days.", $"Według śledzenia przesyłka została doręczona, więc zgłoszenie czeka na wynik postępowania przewoźnika, najdłużej {carrierClaimMaxHold} dni."), Due(c => CarrierClaimHoldEnd(c.Calendar, c.Case!, carrierClaimMaxHold)))
                .Advise(AdviceKind.ExplainThirdPartyCalmly, Text.Of("Explain calmly that the carrier is investigating a parcel it reports delivered, and when the customer will hear back.", "Spokojnie wyjaśnij, że przewoźnik wyjaśnia sprawę przesyłki oznaczonej jako doręczona, i powiedz, kiedy klient dostanie odpowiedź."));
        });

        b.Rule("lost-parcel.trusted-customer", (r, p) =>
        {
            int carrierClaimMaxHold = p.Get(P.CarrierClaimMaxHold);
            decimal vipLifetimeValue = p.Get(P.VipLifetimeValue);
            int vipOrders = p.Get(P.VipOrders);
            r.Description(Text.Of("Tracking says delivered, but the customer is a VIP or the hold expired without the carrier's answer: reship at once (retention beats the risk; seed 004).", "Według śledzenia przesyłka została doręczona, ale klient jest VIP-em albo przewoźnik nie odpowiedział w wyznaczonym czasie: od razu wyślij towar ponownie (utrzymanie klienta jest ważniejsze niż ryzyko; źródło 004)."))
                .Priority(300)
                .WhenExpression(c => c.Case != null && c.Case.Kind == CaseKind.LostParcel && c.Order != null && c.Order.Tracking == TrackingStatus.Delivered && !IsCarrierClaimAccepted(c.Case)
                    && (IsVip(c.Customer, vipLifetimeValue, vipOrders)
                        || ((c.Case.CarrierClaim == CarrierClaimState.None || c.Case.CarrierClaim == CarrierClaimState.Open) && c.Now >= CarrierClaimHoldEnd(c.Calendar, c.Case, carrierClaimMaxHold))))
                .Compensate(OfferKind.Reship, Text.Of("The parcel is reported delivered but missing, and the customer is a VIP or the carrier did not answer in time, so reship at once.", "Przesyłka figuruje jako doręczona, ale do klienta nie dotarła, a klient jest VIP-em lub przewoźnik nie odpowiedział na czas, więc od razu wyślij towar ponownie."), legal: true, when: Guard(c => !c.Case!.Requested(CustomerRequests.FullRefund)))
                .Compensate(OfferKind.FullRefund, Text.Of("The parcel is reported delivered but missing, the customer is a VIP or the carrier did not answer in time, and a refund was asked for, so refund in full.", "Przesyłka figuruje jako doręczona, ale do klienta nie dotarła, klient jest VIP-em lub przewoźnik nie odpowiedział na czas, a klient zażądał zwrotu pieniędzy, więc zwróć całą kwotę."), Value(c => c.Order!.Total), legal: true, when: Guard(c => c.Case!.Requested(CustomerRequests.FullRefund)));
        });

        b.Rule("fault.third-party", (r, p) =>
        {
            bool firm = p.Get(P.Stance) == Stance.Firm;
            r.Description(Text.Of("A carrier or bank is at fault: explain the third party's part calmly; the firm stance gives no goodwill for it (seed 003 comments).", "Zawinił kurier lub bank: spokojnie wyjaśnij udział tej strony; przy polityce stanowczej sklep nie daje za to gestu dobrej woli (komentarze pod źródłem 003)."))
                .Priority(120)
                .WhenExpression(c => c.Case != null && (c.Case.Fault == Fault.Carrier || c.Case.Fault == Fault.Bank))
                .Advise(AdviceKind.ExplainThirdPartyCalmly, Text.Of("A carrier or bank caused the problem, so explain their part calmly and what the shop is doing about it.", "Problem spowodował kurier lub bank, więc spokojnie wyjaśnij jego udział i to, co sklep robi w tej sprawie."));
            if (firm)
            {
                r.SuppressGoodwill().Stop(StopKind.NoGoodwill, Text.Of("Under the firm stance the shop gives no goodwill for a problem a carrier or bank caused.", "Przy polityce stanowczej sklep nie daje gestu dobrej woli za kłopot spowodowany przez kuriera lub bank."));
            }
        });
    }

    private static void AddBoundaries(PackBuilder b)
    {
        b.Rule("boundary.contact-frequency", (r, p) =>
        {
            int contactBoundary = p.Get(P.ContactBoundary);
            r.Description(Text.Of("An intrusive customer repeating what was answered: one channel, one agent, a scheduled update (seed 000 point 2).", "Natarczywy klient powtarza pytania, na które już odpowiedziano: jeden kanał, jeden konsultant, umówiony termin informacji (źródło 000, punkt 2)."))
                .Priority(350)
                .WhenExpression(c => c.Customer.ContactsLast7Days >= contactBoundary && c.Case != null && c.Case.Has(CaseFlags.NoNewFacts))
                .Stop(StopKind.ContactBoundary, Text.Of($"The customer has contacted the shop {contactBoundary} or more times in 7 days with no new facts, so offer one channel, one agent and a scheduled update.", $"Klient skontaktował się ze sklepem co najmniej {contactBoundary} razy w ciągu 7 dni bez nowych informacji, więc zaproponuj jeden kanał, jednego konsultanta i umówiony termin informacji."));
        });

        b.Rule("boundary.off-topic", r => r
            .Description(Text.Of("A request unrelated to the purchase is declined politely (seed 000 point 2).", "Prośbę niezwiązaną z zakupem grzecznie odrzucamy (źródło 000, punkt 2)."))
            .Priority(340)
            .WhenExpression(c => c.Case != null && c.Case.Kind == CaseKind.OffTopic)
            .Stop(StopKind.PoliteDecline, Text.Of("The request is unrelated to the purchase, so decline it politely.", "Prośba nie dotyczy zakupu, więc grzecznie odmów.")));

        b.Rule("boundary.abusive", r => r
            .Description(Text.Of("An abusive customer gets a polite boundary, no goodwill, and a supervisor (seed 000 point 4, seed 003 comments).", "Klient obraźliwy: grzecznie wyznacz granicę, bez gestu dobrej woli, sprawę przejmuje przełożony (źródło 000, punkt 4; komentarze pod źródłem 003)."))
            .Priority(400)
            .WhenExpression(c => c.Case != null && c.Case.Has(CaseFlags.Abusive))
            .SuppressGoodwill()
            .Stop(StopKind.PoliteDecline, Text.Of("The customer is abusive, so set a polite boundary and give no goodwill.", "Klient zachowuje się obraźliwie, więc grzecznie wyznacz granicę i nie dawaj gestu dobrej woli."))
            .Escalate(EscalationTarget.Supervisor, EscalationPriority.Normal, Text.Of("The customer is abusive, so a supervisor takes the conversation over.", "Klient zachowuje się obraźliwie, więc rozmowę przejmuje przełożony.")));

        b.Rule("boundary.unfounded-complaints", (r, p) =>
        {
            int unfoundedComplaintLimit = p.Get(P.UnfoundedComplaintLimit);
            r.Description(Text.Of("Repeated unfounded complaints: the customer is not always right; no goodwill, legal remedies stay (seed 000 points 3 and 5).", "Powtarzające się nieuzasadnione reklamacje: klient nie zawsze ma rację; bez gestu dobrej woli, uprawnienia ustawowe pozostają (źródło 000, punkty 3 i 5)."))
                .Priority(330)
                .WhenExpression(c => c.Customer.UnfoundedComplaintsLast90Days >= unfoundedComplaintLimit)
                .SuppressGoodwill()
                .Stop(StopKind.NoGoodwill, Text.Of($"The customer made {unfoundedComplaintLimit} or more unfounded complaints in 90 days, so no goodwill is given; legal remedies still apply.", $"Liczba nieuzasadnionych reklamacji klienta w ciągu 90 dni wynosi co najmniej {unfoundedComplaintLimit}, więc nie dajemy gestu dobrej woli; uprawnienia ustawowe nadal mu przysługują."));
        });

        b.Rule("withdrawal.in-window", (r, p) =>
        {
            int withdrawalPeriod = p.Get(P.WithdrawalPeriod);
            int refundDays = p.Get(P.RefundDeadline);
            r.Description(Text.Of("A withdrawal within the statutory period, goods not exempt: refund in full within the refund deadline (Directive art. 9, 13; Consumer Rights Act art. 27, 32).", "Odstąpienie od umowy w ustawowym terminie, towar niewyłączony: zwróć całą kwotę w terminie zwrotu środków (dyrektywa, art. 9, 13; ustawa o prawach konsumenta, art. 27, 32)."))
                .Priority(300)
                .WhenExpression(c => WithdrawalInWindow(c.Calendar, c.Case, c.Order, withdrawalPeriod))
                .Compensate(OfferKind.FullRefund, Text.Of($"The consumer withdrew within the statutory period, so refund the full price within {refundDays} days.", $"Konsument odstąpił od umowy w ustawowym terminie, więc zwróć całą zapłaconą kwotę w ciągu {refundDays} dni."), Value(c => c.Order!.Total), legal: true,
                    dueBy: Due(c => RefundDueBy(c.Calendar, c.Case!, refundDays)));
        });

        b.Rule("withdrawal.out-of-window", (r, p) =>
        {
            int withdrawalPeriod = p.Get(P.WithdrawalPeriod);
            bool generous = p.Get(P.Stance) == Stance.Generous;
            int percent = p.Get(P.NextOrderDiscountPercent);
            decimal vipLifetimeValue = p.Get(P.VipLifetimeValue);
            int vipOrders = p.Get(P.VipOrders);
            decimal share = percent / 100m;
            r.Description(Text.Of("A withdrawal after the statutory period, or of exempt goods, is declined with the legal reason; a VIP under the generous stance gets a discount.", "Odstąpienie od umowy po ustawowym terminie albo dotyczące towaru wyłączonego odrzucamy, podając podstawę prawną; VIP przy polityce hojnej dostaje rabat."))
                .Priority(280)
                .WhenExpression(c => c.Case != null && c.Case.Kind == CaseKind.Withdrawal && c.Order != null && !WithdrawalInWindow(c.Calendar, c.Case, c.Order, withdrawalPeriod))
                .Stop(StopKind.OutsideWithdrawalWindow, Text.Of("The goods are made to order or personalised, so the statutory right of withdrawal does not apply (Consumer Rights Act art. 38).", "Towar jest wykonany na zamówienie lub spersonalizowany, więc ustawowe prawo odstąpienia od umowy nie przysługuje (ustawa o prawach konsumenta, art. 38)."), when: Guard(c => c.Order!.WithdrawalExempt))
                .Stop(StopKind.OutsideWithdrawalWindow, Text.Of($"The statutory withdrawal period ({withdrawalPeriod} days from delivery) has ended, so the return cannot be accepted as a withdrawal (Consumer Rights Act art. 27).", $"Ustawowy termin na odstąpienie od umowy ({withdrawalPeriod} dni od dostawy) już minął, więc zwrotu nie można przyjąć jako odstąpienia od umowy (ustawa o prawach konsumenta, art. 27)."), when: Guard(c => !c.Order!.WithdrawalExempt));
            if (generous)
            {
                r.Compensate(OfferKind.DiscountNextOrder, Text.Of($"The customer is a VIP and the shop is generous, so a {percent}% discount on the next order softens the refusal.", $"Klient jest VIP-em, a sklep prowadzi hojną politykę, więc {percent}% rabatu na następne zamówienie łagodzi odmowę."), Value(c => c.Order!.Total.Multiply(share)), percent: percent,
                    when: Guard(c => IsVip(c.Customer, vipLifetimeValue, vipOrders)), offerPriority: VipDiscountPriority);
            }
        });
    }

    private static void AddEscalation(PackBuilder b)
    {
        b.Rule("escalate.public-complaint", r => r
            .Description(Text.Of("A complaint anyone can read goes to public relations at once; resolve it privately and never publish correspondence (seed 003).", "Skarga, którą każdy może przeczytać, od razu trafia do działu PR; rozwiąż sprawę prywatnie i nigdy nie publikuj korespondencji (źródło 003)."))
            .Priority(260)
            .WhenExpression(c => c.Case != null && c.Case.Channel == ContactChannel.PublicSocial)
            .Escalate(EscalationTarget.PublicRelations, EscalationPriority.Urgent, Text.Of("The complaint is public, so public relations must handle it urgently.", "Skarga jest publiczna, więc dział PR musi się nią pilnie zająć."))
            .Advise(AdviceKind.ResolvePrivately, Text.Of("Answer publicly once, politely, and move the conversation to a private channel.", "Odpowiedz publicznie raz, uprzejmie, i przenieś rozmowę do kanału prywatnego."))
            .Advise(AdviceKind.NeverPublishCorrespondence, Text.Of("Never publish the customer's correspondence or personal data, whatever they post.", "Nigdy nie publikuj korespondencji ani danych osobowych klienta, cokolwiek by napisał.")));

        b.Rule("escalate.vip-at-risk", (r, p) =>
        {
            decimal vipLifetimeValue = p.Get(P.VipLifetimeValue);
            int vipOrders = p.Get(P.VipOrders);
            r.Description(Text.Of("A VIP with an incident is at risk: a manager takes it and the goodwill caps of the case double (seed 004).", "VIP, któremu przydarzył się problem, może odejść: sprawę przejmuje kierownik, a limity gestów dobrej woli w tej sprawie się podwajają (źródło 004)."))
                .Priority(220)
                .WhenExpression(c => c.Case != null && c.Case.IsIncident && IsVip(c.Customer, vipLifetimeValue, vipOrders))
                .MultiplyGoodwillCap(2m)
                .Escalate(EscalationTarget.Manager, EscalationPriority.High, Text.Of("A valuable customer had an incident and keeping them is far cheaper than winning a new one, so a manager takes the case.", "Cennemu klientowi przydarzył się problem, a utrzymanie go jest dużo tańsze niż pozyskanie nowego, więc sprawę przejmuje kierownik."));
        });

        b.Rule("escalate.repeat-incidents", (r, p) =>
        {
            int repeatIncidentLimit = p.Get(P.RepeatIncidentLimit);
            r.Description(Text.Of("Repeated incidents in 90 days go to a supervisor: one bad experience needs twelve good ones (seed 004).", "Powtarzające się problemy w ciągu 90 dni trafiają do przełożonego: jedno złe doświadczenie wymaga dwunastu dobrych (źródło 004)."))
                .Priority(210)
                .WhenExpression(c => c.Case != null && c.Customer.IncidentsLast90Days >= repeatIncidentLimit)
                .Escalate(EscalationTarget.Supervisor, EscalationPriority.High, Text.Of($"The customer had {repeatIncidentLimit} or more incidents in 90 days, so a supervisor must look at the whole relationship.", $"Liczba problemów klienta w ciągu 90 dni wynosi co najmniej {repeatIncidentLimit}, więc przełożony musi przyjrzeć się całej współpracy z nim."));
        });

        b.Rule("escalate.legal-threat", r => r
            .Description(Text.Of("A legal threat or a chargeback goes to the legal team at once.", "Groźba kroków prawnych lub chargeback od razu trafia do działu prawnego."))
            .Priority(380)
            .WhenExpression(c => c.Case != null && (c.Case.Has(CaseFlags.LegalThreat) || c.Case.Has(CaseFlags.Chargeback)))
            .Escalate(EscalationTarget.Legal, EscalationPriority.Urgent, Text.Of("The customer threatens legal action or started a chargeback, so the legal team must handle it urgently.", "Klient grozi krokami prawnymi lub zainicjował chargeback, więc dział prawny musi się tym pilnie zająć.")));

        b.Rule("complaint.deadline", (r, p) =>
        {
            int complaintResponseDeadline = p.Get(P.ComplaintResponseDeadline);
            int warnAt = Math.Max(0, complaintResponseDeadline - 4);
            r.Description(Text.Of("A statutory complaint unanswered near its deadline goes to a supervisor; unanswered past it, it is deemed accepted (Consumer Rights Act art. 7a).", "Reklamacja bez odpowiedzi tuż przed upływem terminu trafia do przełożonego; bez odpowiedzi po terminie uważa się ją za uznaną (ustawa o prawach konsumenta, art. 7a)."))
                .Priority(300)
                .WhenExpression(c => IsComplaintEscalationDue(c.Calendar, c.Case, c.Today, complaintResponseDeadline) || IsComplaintDeemedAccepted(c.Calendar, c.Case, c.Today, complaintResponseDeadline))
                .Escalate(EscalationTarget.Supervisor, EscalationPriority.Urgent, Text.Of($"A statutory complaint is unanswered {warnAt} or more days after it was made, so a supervisor must answer it before it is deemed accepted.", $"Reklamacja czeka na odpowiedź co najmniej {warnAt} dni od jej złożenia, więc przełożony musi odpowiedzieć, zanim zostanie uznana z mocy ustawy."),
                    Due(c => c.Calendar.EndOfDay(ComplaintResponseEnd(c.Calendar, c.Case!, complaintResponseDeadline))), when: Guard(c => c.Case!.FirstReplyAt == null))
                .Compensate(OfferKind.Replacement, Text.Of("The statutory complaint was not answered in time, so it is deemed accepted and the requested replacement is owed.", "Na reklamację nie odpowiedziano w terminie, więc uważa się ją za uznaną i należy się żądana wymiana towaru."), legal: true,
                    when: Guard(c => IsComplaintDeemedAccepted(c.Calendar, c.Case, c.Today, complaintResponseDeadline) && (c.Case!.Requested(CustomerRequests.Replacement) || c.Case.Requests == CustomerRequests.None)))
                .Compensate(OfferKind.FullRefund, Text.Of("The statutory complaint was not answered in time, so it is deemed accepted and the requested refund is owed.", "Na reklamację nie odpowiedziano w terminie, więc uważa się ją za uznaną i należy się żądany zwrot środków."), Value(c => c.Order != null ? c.Order.Total : null), legal: true,
                    when: Guard(c => IsComplaintDeemedAccepted(c.Calendar, c.Case, c.Today, complaintResponseDeadline) && c.Case!.Requested(CustomerRequests.FullRefund)))
                .Compensate(OfferKind.PartialRefund, Text.Of("The statutory complaint was not answered in time, so it is deemed accepted and the requested price reduction is owed.", "Na reklamację nie odpowiedziano w terminie, więc uważa się ją za uznaną i należy się żądane obniżenie ceny."), legal: true,
                    when: Guard(c => IsComplaintDeemedAccepted(c.Calendar, c.Case, c.Today, complaintResponseDeadline) && c.Case!.Requested(CustomerRequests.PartialRefund)))
                .Compensate(OfferKind.Reship, Text.Of("The statutory complaint was not answered in time, so it is deemed accepted and the requested reshipment is owed.", "Na reklamację nie odpowiedziano w terminie, więc uważa się ją za uznaną i należy się żądana ponowna wysyłka."), legal: true,
                    when: Guard(c => IsComplaintDeemedAccepted(c.Calendar, c.Case, c.Today, complaintResponseDeadline) && c.Case!.Requested(CustomerRequests.Reship)));
        });
    }
}
