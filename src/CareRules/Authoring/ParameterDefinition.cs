namespace CareRules.Authoring;

/// <summary>
/// A named, documented pack parameter with a default, as listed in the catalog's parameter table. Values are
/// resolved once, when a pack is built; nothing reads parameters by name while evaluating.
/// Immutable and thread-safe.
/// </summary>
public abstract class ParameterDefinition
{
    private protected ParameterDefinition(string name, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(description);
        Name = name;
        Description = description;
    }

    /// <summary>The parameter's name as written in configuration, <c>--param</c> and the catalog (e.g. <c>smallGift</c>).</summary>
    public string Name { get; }

    /// <summary>What the parameter controls, and its unit.</summary>
    public string Description { get; }

    /// <summary>
    /// True for an amount of money in the pack's currency (<see cref="Parameter.Amount"/>): its value is a
    /// <see cref="decimal"/>, its text may name the currency (<c>20 PLN</c>), <see cref="ParameterValues.Money"/> reads it
    /// as money, and a workflow reason's placeholder writes it as money (<c>20.00 PLN</c>).
    /// </summary>
    public bool IsAmount { get; internal init; }

    /// <summary>The CLR type of the value.</summary>
    public abstract Type ValueType { get; }

    /// <summary>The default value.</summary>
    public abstract object DefaultValue { get; }

    /// <summary>Parses a value from text (configuration, command line); on failure <paramref name="error"/> says what was expected.</summary>
    public abstract bool TryParse(string text, out object? value, out string? error);

    /// <summary>Formats a value as text that <see cref="TryParse"/> reads back.</summary>
    public abstract string Format(object value);

    /// <summary>Checks a value; returns null when it is acceptable, else what was expected.</summary>
    public abstract string? Validate(object value);

    /// <inheritdoc />
    public override string ToString() => Name;
}
