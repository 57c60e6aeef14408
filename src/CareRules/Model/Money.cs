using System.Globalization;

namespace CareRules.Model;

/// <summary>
/// An amount of money in one currency. Arithmetic and comparison between different currencies throw
/// <see cref="InvalidOperationException"/>: a context is checked for a single currency before it is evaluated,
/// so this never happens on the evaluation path. Immutable and thread-safe.
/// </summary>
public readonly struct Money : IEquatable<Money>, IComparable<Money>
{
    /// <summary>Creates an amount in a currency.</summary>
    /// <exception cref="ArgumentException">The currency is empty.</exception>
    public Money(decimal amount, Currency currency)
    {
        if (currency.IsEmpty)
        {
            throw new ArgumentException("A money amount needs a currency.", nameof(currency));
        }

        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount, in units of the currency (e.g. 349.99).</summary>
    public decimal Amount { get; }

    /// <summary>The currency.</summary>
    public Currency Currency { get; }

    /// <summary>True when the amount is zero.</summary>
    public bool IsZero => Amount == 0m;

    /// <summary>An amount in Polish złoty.</summary>
    public static Money Pln(decimal amount) => new(amount, Currency.Pln);

    /// <summary>Zero in the given currency.</summary>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>The smaller of two amounts of the same currency.</summary>
    public static Money Min(Money a, Money b) => a.CompareTo(b) <= 0 ? a : b;

    /// <summary>The larger of two amounts of the same currency.</summary>
    public static Money Max(Money a, Money b) => a.CompareTo(b) >= 0 ? a : b;

    /// <summary>This amount multiplied by a factor and rounded to two decimals (banker's rounding is not used: away from zero).</summary>
    public Money Multiply(decimal factor) => new(decimal.Round(Amount * factor, 2, MidpointRounding.AwayFromZero), Currency);

    /// <summary>Sum of two amounts of the same currency.</summary>
    public static Money operator +(Money left, Money right)
    {
        CheckSame(left, right);
        return new Money(left.Amount + right.Amount, left.Currency);
    }

    /// <summary>Difference of two amounts of the same currency.</summary>
    public static Money operator -(Money left, Money right)
    {
        CheckSame(left, right);
        return new Money(left.Amount - right.Amount, left.Currency);
    }

    /// <summary>Sum of two amounts (for languages without operators).</summary>
    public static Money Add(Money left, Money right) => left + right;

    /// <summary>Difference of two amounts (for languages without operators).</summary>
    public static Money Subtract(Money left, Money right) => left - right;

    /// <inheritdoc />
    public int CompareTo(Money other)
    {
        CheckSame(this, other);
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>Less than.</summary>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Greater than.</summary>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Less than or equal.</summary>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public bool Equals(Money other) => Currency == other.Currency && Amount == other.Amount;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>Equality.</summary>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Formats as <c>20.00 PLN</c> (invariant culture, two decimals).</summary>
    public override string ToString() => Amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + Currency.Code;

    private static void CheckSame(Money a, Money b)
    {
        if (a.Currency != b.Currency)
        {
            throw new InvalidOperationException($"Cannot combine {a.Currency} and {b.Currency} amounts.");
        }
    }
}
