namespace CareRules.Model;

/// <summary>
/// An ISO 4217 alphabetic currency code (three upper-case ASCII letters), packed into an integer so that
/// comparing two currencies on the evaluation hot path is a single integer comparison.
/// Immutable and thread-safe.
/// </summary>
public readonly struct Currency : IEquatable<Currency>
{
    private readonly int _packed;

    private Currency(int packed) => _packed = packed;

    /// <summary>Polish złoty.</summary>
    public static Currency Pln { get; } = Parse("PLN");

    /// <summary>Euro.</summary>
    public static Currency Eur { get; } = Parse("EUR");

    /// <summary>True for the default value, which names no currency.</summary>
    public bool IsEmpty => _packed == 0;

    /// <summary>The three-letter code, e.g. <c>PLN</c>.</summary>
    public string Code => _packed == 0
        ? string.Empty
        : string.Create(3, _packed, static (span, p) =>
        {
            span[0] = (char)((p >> 16) & 0xFF);
            span[1] = (char)((p >> 8) & 0xFF);
            span[2] = (char)(p & 0xFF);
        });

    /// <summary>Parses a code of three upper-case ASCII letters.</summary>
    /// <exception cref="FormatException">The code is not three upper-case ASCII letters.</exception>
    public static Currency Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryParse(code, out var c)
            ? c
            : throw new FormatException($"'{code}' is not an ISO 4217 currency code (expected three upper-case letters, e.g. PLN).");
    }

    /// <summary>Tries to parse a code of three upper-case ASCII letters.</summary>
    public static bool TryParse(ReadOnlySpan<char> code, out Currency currency)
    {
        currency = default;
        if (code.Length != 3)
        {
            return false;
        }

        int packed = 0;
        foreach (char ch in code)
        {
            if (ch is < 'A' or > 'Z')
            {
                return false;
            }

            packed = (packed << 8) | ch;
        }

        currency = new Currency(packed);
        return true;
    }

    /// <inheritdoc />
    public bool Equals(Currency other) => _packed == other._packed;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _packed;

    /// <inheritdoc />
    public override string ToString() => Code;

    /// <summary>Equality.</summary>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);
}
