using System.Diagnostics.CodeAnalysis;

namespace CareRules.Authoring;

/// <summary>Parses a parameter value from text; on failure sets <paramref name="error"/> to what was expected.</summary>
public delegate bool ParameterParser<T>(string text, [MaybeNullWhen(false)] out T value, out string? error);

/// <summary>A typed pack parameter. Create one with the factories of <see cref="Parameter"/>.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class ParameterDefinition<T> : ParameterDefinition
    where T : notnull
{
    private readonly ParameterParser<T> _parse;
    private readonly Func<T, string> _format;
    private readonly Func<T, string?> _validate;

    /// <summary>Creates a parameter.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="defaultValue">Its default; must pass <paramref name="validate"/>.</param>
    /// <param name="description">What it controls.</param>
    /// <param name="parse">Reads a value from text.</param>
    /// <param name="format">Writes a value as text <paramref name="parse"/> reads back.</param>
    /// <param name="validate">Returns null for an acceptable value, else what was expected.</param>
    public ParameterDefinition(string name, T defaultValue, string description, ParameterParser<T> parse, Func<T, string>? format = null, Func<T, string?>? validate = null)
        : base(name, description)
    {
        ArgumentNullException.ThrowIfNull(defaultValue);
        ArgumentNullException.ThrowIfNull(parse);
        _parse = parse;
        _format = format ?? (v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        _validate = validate ?? (_ => null);
        if (_validate(defaultValue) is { } problem)
        {
            throw new ArgumentException($"The default of parameter '{name}' is invalid: {problem}", nameof(defaultValue));
        }

        Default = defaultValue;
    }

    /// <summary>The default value.</summary>
    public T Default { get; }

    /// <inheritdoc />
    public override Type ValueType => typeof(T);

    /// <inheritdoc />
    public override object DefaultValue => Default;

    /// <inheritdoc />
    public override bool TryParse(string text, out object? value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_parse(text.Trim(), out var typed, out error))
        {
            error = _validate(typed);
            value = error is null ? typed : null;
            return error is null;
        }

        value = null;
        error ??= "the value could not be read.";
        return false;
    }

    /// <inheritdoc />
    public override string Format(object value) => value is T typed
        ? _format(typed)
        : throw new ArgumentException($"Parameter '{Name}' holds {typeof(T).Name} values, not {value?.GetType().Name ?? "null"}.", nameof(value));

    /// <inheritdoc />
    public override string? Validate(object value) => value is T typed
        ? _validate(typed)
        : $"expected a {typeof(T).Name}, was {value?.GetType().Name ?? "null"}.";
}
