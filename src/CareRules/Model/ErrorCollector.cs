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
        if (!Enum.IsDefined(value))
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
}
