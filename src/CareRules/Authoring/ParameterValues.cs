using System.Collections.Frozen;
using CareRules.Model;

namespace CareRules.Authoring;

/// <summary>
/// The resolved parameter values of a built pack (defaults overridden by the shop). Read when rules are built,
/// and for display; never on the evaluation path. Immutable and thread-safe.
/// </summary>
public sealed class ParameterValues
{
    private readonly FrozenDictionary<string, (ParameterDefinition Definition, object Value)> _values;
    private readonly ParameterDefinition[] _order;

    internal ParameterValues(IReadOnlyList<ParameterDefinition> order, IReadOnlyDictionary<string, object> values)
    {
        _order = [.. order];
        _values = order.ToFrozenDictionary(d => d.Name, d => (d, values[d.Name]), StringComparer.Ordinal);
        Currency = Get(CoreParameters.Currency);
    }

    /// <summary>The pack's currency.</summary>
    public Currency Currency { get; }

    /// <summary>The parameters, in the order they were defined (core parameters first).</summary>
    public IReadOnlyList<ParameterDefinition> Definitions => _order;

    /// <summary>The value of a parameter.</summary>
    /// <exception cref="KeyNotFoundException">The pack does not define the parameter.</exception>
    public T Get<T>(ParameterDefinition<T> parameter)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return _values.TryGetValue(parameter.Name, out var entry) && entry.Value is T value
            ? value
            : throw new KeyNotFoundException($"The pack defines no parameter '{parameter.Name}' of type {typeof(T).Name}.");
    }

    /// <summary>The value of an amount parameter as money in the pack's currency.</summary>
    public Money Money(ParameterDefinition<decimal> amountParameter) => new(Get(amountParameter), Currency);

    /// <summary>The value of a parameter by name, or null when there is none.</summary>
    public object? Find(string name) => _values.TryGetValue(name, out var entry) ? entry.Value : null;

    /// <summary>The definition of a parameter by name, or null when there is none.</summary>
    internal ParameterDefinition? Definition(string name) => _values.TryGetValue(name, out var entry) ? entry.Definition : null;

    /// <summary>The value of a parameter as text (the form configuration and <c>--param</c> accept).</summary>
    public string Format(string name) => _values.TryGetValue(name, out var entry)
        ? entry.Definition.Format(entry.Value)
        : throw new KeyNotFoundException($"The pack defines no parameter '{name}'.");
}
