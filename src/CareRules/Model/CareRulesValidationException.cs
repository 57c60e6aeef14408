namespace CareRules.Model;

/// <summary>
/// Thrown when input (a domain object, a context, a pack) fails validation. Carries every problem found,
/// not only the first, each naming its field.
/// </summary>
public sealed class CareRulesValidationException : Exception
{
    /// <summary>Creates the exception from the collected problems.</summary>
    public CareRulesValidationException(string subject, IReadOnlyList<ValidationError> errors)
        : base(Format(subject, errors))
    {
        Subject = subject;
        Errors = errors;
    }

    /// <summary>Creates the exception with a single message and no structured errors.</summary>
    public CareRulesValidationException(string message)
        : base(message)
    {
        Subject = string.Empty;
        Errors = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public CareRulesValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Subject = string.Empty;
        Errors = [];
    }

    /// <summary>Creates an empty exception.</summary>
    public CareRulesValidationException()
        : this("Validation failed.")
    {
    }

    /// <summary>What was being validated (e.g. <c>Order</c>, <c>pack 'standard'</c>).</summary>
    public string Subject { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string Format(string subject, IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = new System.Text.StringBuilder();
        text.Append(subject).Append(" is invalid (").Append(errors.Count).Append(errors.Count == 1 ? " problem):" : " problems):");
        foreach (var e in errors)
        {
            text.Append(Environment.NewLine).Append("  - ").Append(e.Path).Append(": ").Append(e.Message);
        }

        return text.ToString();
    }
}
