using NodaTime;

namespace CareRules.Model;

/// <summary>Collects validation problems under a path prefix and throws them all at once.</summary>
internal sealed class ErrorCollector(string prefix)
{
    private List<ValidationError>? _errors;

    /// <summary>An instant as messages write it: ISO-8601 UTC, fractional seconds only when present.</summary>
    public static string Format(NodaTime.Instant instant) => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant);

    public bool HasErrors => _errors is { Count: > 0 };

    public IReadOnlyList<ValidationError> Errors => _errors ?? (IReadOnlyList<ValidationError>)[];

    public void Add(string field, string message) =>
        (_errors ??= []).Add(new ValidationError(prefix.Length == 0 ? field : prefix + "." + field, message));

    public void RequireText(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "must be a non-empty string.");
        }
    }

    public void RequireNonNegative(string field, int value)
    {
        if (value < 0)
        {
            Add(field, $"must be zero or more, was {value}.");
        }
    }

    public void RequireNonNegative(string field, Money value)
    {
        if (value.Currency.IsEmpty)
        {
            Add(field, "must have a currency.");
        }
        else if (value.Amount < 0)
        {
            Add(field, $"must not be negative, was {value}.");
        }
    }

    public void RequireDefined<TEnum>(string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Defined<TEnum>.Contains(value))
        {
            Add(field, $"'{value}' is not a defined {typeof(TEnum).Name}.");
        }
    }

    public void RequireSupported(string field, Instant value)
    {
        if (!SupportedRange.Contains(value))
        {
            Add(field, $"{SupportedRange.Expected}, was {value}.");
        }
    }

    public void RequireSupported(string field, Instant? value)
    {
        if (value is { } v)
        {
            RequireSupported(field, v);
        }
    }

    public void RequireSupported(string field, LocalDate? value)
    {
        if (value is { } v && !SupportedRange.Contains(v))
        {
            Add(field, $"{SupportedRange.Expected}, was {v:uuuu-MM-dd}.");
        }
    }

    public void ThrowIfAny(string subject)
    {
        if (HasErrors)
        {
            throw new CareRulesValidationException(subject, _errors!);
        }
    }

    /// <summary>
    /// Whether a value is a defined member of its enumeration, as <see cref="Enum.IsDefined{TEnum}(TEnum)"/> says, with
    /// one bit test for enumerations whose members are all 0–63 (every model enumeration): the model checks several
    /// per case read.
    /// </summary>
    private static class Defined<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly ulong Mask = MakeMask();

        public static bool Contains(TEnum value)
        {
            long raw = ToInt64(value);
            return Mask != 0 ? (ulong)raw < 64 && (Mask & (1UL << (int)raw)) != 0 : Enum.IsDefined(value);
        }

        private static ulong MakeMask()
        {
            ulong mask = 0;
            foreach (var member in Enum.GetValues<TEnum>())
            {
                long raw = ToInt64(member);
                if ((ulong)raw >= 64)
                {
                    return 0; // not every member fits: ask Enum.IsDefined
                }

                mask |= 1UL << (int)raw;
            }

            return mask;
        }

        private static long ToInt64(TEnum value) => System.Runtime.CompilerServices.Unsafe.SizeOf<TEnum>() switch
        {
            1 => System.Runtime.CompilerServices.Unsafe.As<TEnum, sbyte>(ref value),
            2 => System.Runtime.CompilerServices.Unsafe.As<TEnum, short>(ref value),
            4 => System.Runtime.CompilerServices.Unsafe.As<TEnum, int>(ref value),
            _ => System.Runtime.CompilerServices.Unsafe.As<TEnum, long>(ref value),
        };
    }
}
