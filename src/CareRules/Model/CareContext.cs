using NodaTime;

namespace CareRules.Model;

/// <summary>
/// One snapshot to evaluate: the instant <see cref="Now"/>, the customer, and optionally the order and the case.
/// Immutable and thread-safe; one context may be evaluated by many threads at once.
/// </summary>
public sealed class CareContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="now">The evaluation instant.</param>
    /// <param name="customer">Who the customer is to the shop.</param>
    /// <param name="order">The order concerned, if any.</param>
    /// <param name="case">The contact or incident, if any (proactive rules run on order state alone).</param>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is null.</exception>
    /// <exception cref="CareRulesValidationException">Amounts are in more than one currency, the case was opened after <paramref name="now"/>, or <paramref name="now"/> is outside <see cref="SupportedRange"/>.</exception>
    public CareContext(Instant now, Customer customer, Order? order = null, CareCase? @case = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var errors = new ErrorCollector(string.Empty);
        errors.RequireSupported("now", now);
        var currency = customer.LifetimeValue.Currency;
        if (order is not null && order.Total.Currency != currency)
        {
            errors.Add("order.total", $"must be in the customer's currency ({currency}), was {order.Total.Currency}.");
        }

        CheckOpened(errors, now, @case?.OpenedAt);

        errors.ThrowIfAny(nameof(CareContext));
        Now = now;
        Customer = customer;
        Order = order;
        Case = @case;
    }

    /// <summary>The evaluation instant.</summary>
    public Instant Now { get; }

    /// <summary>The one place a case's opening is checked against <c>now</c>; a null argument is unknown or absent.</summary>
    internal static void CheckOpened(ErrorCollector errors, Instant? now, Instant? openedAt)
    {
        if (now is { } at && openedAt is { } opened && opened > at)
        {
            errors.Add("case.openedAt", $"must not be after now ({ErrorCollector.Format(at)}), was {ErrorCollector.Format(opened)}.");
        }
    }

    /// <summary>The customer.</summary>
    public Customer Customer { get; }

    /// <summary>The order concerned, if any.</summary>
    public Order? Order { get; }

    /// <summary>The contact or incident, if any.</summary>
    public CareCase? Case { get; }

    /// <summary>The currency of every amount in this context.</summary>
    public Currency Currency => Customer.LifetimeValue.Currency;

    /// <summary>
    /// The context (what <c>CaseJsonWriter.ToJson</c> writes, which <c>CaseJsonReader</c> reads back) as one line of JSON in the case format of catalog section 5, every field explicit — for test failures
    /// (an FsCheck counterexample), logs and the debugger; paste it into a case file or a table row. Written on
    /// demand, never while evaluating.
    /// </summary>
    public override string ToString() => CaseJsonText.ToJson(this, false, CaseJsonText.WriteContext);
}
