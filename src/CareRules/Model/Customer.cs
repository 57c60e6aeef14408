using NodaTime;

namespace CareRules.Model;

/// <summary>
/// Who the customer is to the shop, as of the evaluation instant. Immutable and thread-safe; validated on
/// construction (a <see cref="CareRulesValidationException"/> lists every invalid field).
/// </summary>
public sealed class Customer
{
    /// <summary>Creates a customer snapshot.</summary>
    /// <param name="id">The shop's customer id (catalog: <c>id</c>).</param>
    /// <param name="since">The local date the customer first bought (catalog: <c>since</c>).</param>
    /// <param name="orders">Number of orders placed so far (catalog: <c>orders</c>).</param>
    /// <param name="lifetimeValue">Total value bought so far (catalog: <c>lifetimeValue</c>).</param>
    /// <param name="contactsLast7Days">Contacts in the last 7 days, this one included (catalog: <c>contactsLast7Days</c>).</param>
    /// <param name="incidentsLast90Days">Incidents in the last 90 days (catalog: <c>incidentsLast90Days</c>).</param>
    /// <param name="unfoundedComplaintsLast90Days">Complaints found unfounded in the last 90 days (catalog: <c>unfoundedComplaintsLast90Days</c>).</param>
    /// <param name="goodwillLast90Days">Goodwill already given in the last 90 days (catalog: <c>goodwillLast90Days</c>).</param>
    /// <exception cref="CareRulesValidationException">One or more fields are invalid.</exception>
    public Customer(
        string id,
        LocalDate since,
        int orders,
        Money lifetimeValue,
        int contactsLast7Days = 0,
        int incidentsLast90Days = 0,
        int unfoundedComplaintsLast90Days = 0,
        Money? goodwillLast90Days = null)
    {
        var errors = new ErrorCollector("customer");
        errors.RequireText("id", id);
        errors.RequireSupported("since", since);
        errors.RequireNonNegative("orders", orders);
        errors.RequireNonNegative("lifetimeValue", lifetimeValue);
        errors.RequireNonNegative("contactsLast7Days", contactsLast7Days);
        errors.RequireNonNegative("incidentsLast90Days", incidentsLast90Days);
        errors.RequireNonNegative("unfoundedComplaintsLast90Days", unfoundedComplaintsLast90Days);
        var goodwill = goodwillLast90Days ?? (lifetimeValue.Currency.IsEmpty ? default : Money.Zero(lifetimeValue.Currency));
        errors.RequireNonNegative("goodwillLast90Days", goodwill);
        if (!goodwill.Currency.IsEmpty && !lifetimeValue.Currency.IsEmpty && goodwill.Currency != lifetimeValue.Currency)
        {
            errors.Add("goodwillLast90Days", $"must be in the same currency as lifetimeValue ({lifetimeValue.Currency}), was {goodwill.Currency}.");
        }

        errors.ThrowIfAny(nameof(Customer));
        Id = id;
        Since = since;
        Orders = orders;
        LifetimeValue = lifetimeValue;
        ContactsLast7Days = contactsLast7Days;
        IncidentsLast90Days = incidentsLast90Days;
        UnfoundedComplaintsLast90Days = unfoundedComplaintsLast90Days;
        GoodwillLast90Days = goodwill;
    }

    /// <summary>The shop's customer id.</summary>
    public string Id { get; }

    /// <summary>The local date the customer first bought.</summary>
    public LocalDate Since { get; }

    /// <summary>Number of orders placed so far.</summary>
    public int Orders { get; }

    /// <summary>Total value bought so far.</summary>
    public Money LifetimeValue { get; }

    /// <summary>Contacts in the last 7 days.</summary>
    public int ContactsLast7Days { get; }

    /// <summary>Incidents in the last 90 days.</summary>
    public int IncidentsLast90Days { get; }

    /// <summary>Complaints found unfounded in the last 90 days.</summary>
    public int UnfoundedComplaintsLast90Days { get; }

    /// <summary>Goodwill already given in the last 90 days.</summary>
    public Money GoodwillLast90Days { get; }

    /// <summary>
    /// The customer object as one line of JSON in the case format of catalog section 5, every field explicit — for test failures
    /// (an FsCheck counterexample), logs and the debugger; paste it into a case file or a table row. Written on
    /// demand, never while evaluating.
    /// </summary>
    public override string ToString() => CaseJsonText.ToJson(this, false, CaseJsonText.WriteCustomer);
}
