using CareRules.Model;
using NodaTime;

namespace CareRules.Serialization;

/// <summary>
/// How <see cref="CaseJsonReader"/> reads case files. Immutable (use <c>with</c> to derive a variant) and thread-safe
/// as long as the <see cref="Clock"/> is.
/// </summary>
/// <example><code>var options = CaseReadOptions.Default with { Clock = clock };</code></example>
public sealed record CaseReadOptions
{
    private readonly Currency _currency = Currency.Pln;

    /// <summary>PLN, no clock: every case must carry <c>now</c>.</summary>
    public static CaseReadOptions Default { get; } = new();

    /// <summary>
    /// The pack's currency (default PLN). Every amount of a case must be in it; any other currency is an error that
    /// names the field (<c>$.order.total.currency: expected PLN, was EUR.</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The currency is empty (<c>default(Currency)</c>).</exception>
    public Currency Currency
    {
        get => _currency;
        init => _currency = value.IsEmpty
            ? throw new ArgumentException("The pack currency must name a currency (e.g. Currency.Pln).", nameof(value))
            : value;
    }

    /// <summary>
    /// The clock read (once per case) for a case without <c>now</c> (or with <c>"now": null</c>). When null, such a
    /// case is rejected with <c>$.now: is required</c>. Library code never falls back to the system clock.
    /// </summary>
    public IClock? Clock { get; init; }
}
