using System.Text.RegularExpressions;
using CareRules.Model;
using CareRules.Time;

namespace CareRules.Authoring;

/// <summary>
/// Authors a pack: parameters with defaults, overrides, rules and disabled rules. <c>Build</c> validates
/// everything at once (a <see cref="CareRulesValidationException"/> lists every problem, each naming the rule or
/// parameter) and returns a sealed, immutable, thread-safe <c>CompiledPack</c> (<c>Build</c> is an extension in
/// <c>CareRules.Evaluation</c>, so that authoring never depends on evaluation). A builder that has built
/// refuses further changes. Not thread-safe.
/// </summary>
public sealed partial class PackBuilder
{
    private readonly List<ParameterDefinition> _parameters = [.. CoreParameters.All];
    private readonly List<(ParameterDefinition? Definition, string Name, object? Value, string? Text)> _overrides = [];
    private readonly List<(string Id, Action<RuleBuilder, ParameterValues> Configure)> _rules = [];
    private readonly List<string> _disabled = [];
    private IHolidayCalendar _holidays = PolishPublicHolidays.Instance;
    private bool _built;

    /// <summary>Starts a pack.</summary>
    /// <param name="name">The pack's name, e.g. <c>standard</c>.</param>
    /// <param name="version">The pack's version, e.g. <c>1.0.0</c>.</param>
    public PackBuilder(string name, string version = "1.0.0")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        Name = name;
        Version = version;
    }

    /// <summary>The pack's name.</summary>
    public string Name { get; private set; }

    /// <summary>The pack's version.</summary>
    public string Version { get; private set; }

    /// <summary>The ids of the rules added so far, in the order added.</summary>
    public IReadOnlyList<string> RuleIds => _rules.ConvertAll(r => r.Id);

    /// <summary>The parameters defined so far (core parameters first).</summary>
    public IReadOnlyList<ParameterDefinition> Parameters => _parameters;

    /// <summary>Renames the pack (a shop extending a base pack names its own).</summary>
    public PackBuilder Named(string name, string version)
    {
        EnsureNotBuilt();
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        Name = name;
        Version = version;
        return this;
    }

    /// <summary>Declares a parameter of the pack, with its default.</summary>
    public PackBuilder Define(ParameterDefinition parameter)
    {
        EnsureNotBuilt();
        ArgumentNullException.ThrowIfNull(parameter);
        _parameters.Add(parameter);
        return this;
    }

    /// <summary>Overrides a parameter's default with a typed value.</summary>
    public PackBuilder Set<T>(ParameterDefinition<T> parameter, T value)
        where T : notnull
    {
        EnsureNotBuilt();
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(value);
        _overrides.Add((parameter, parameter.Name, value, null));
        return this;
    }

    /// <summary>
    /// Overrides a parameter by name with a value in text form (as configuration and <c>--param NAME=VALUE</c> give it).
    /// An unknown name or a bad value is reported by <c>Build</c>.
    /// </summary>
    public PackBuilder Set(string name, string value)
    {
        EnsureNotBuilt();
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        _overrides.Add((null, name, null, value));
        return this;
    }

    /// <summary>Adds a rule whose outcomes do not depend on parameters.</summary>
    public PackBuilder Rule(string id, Action<RuleBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Rule(id, (r, _) => configure(r));
    }

    /// <summary>
    /// Adds a rule built from the resolved parameter values: <paramref name="configure"/> runs once, in
    /// <c>Build</c>, so values it reads are fixed in the compiled rule (nothing is looked up while evaluating).
    /// </summary>
    public PackBuilder Rule(string id, Action<RuleBuilder, ParameterValues> configure)
    {
        EnsureNotBuilt();
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(configure);
        _rules.Add((id, configure));
        return this;
    }

    /// <summary>Disables a rule by id (reported by <c>Build</c> when no rule has that id).</summary>
    public PackBuilder DisableRule(string id)
    {
        EnsureNotBuilt();
        ArgumentNullException.ThrowIfNull(id);
        _disabled.Add(id);
        return this;
    }

    /// <summary>Sets the public holidays the business calendar keeps off (default: Polish public holidays).</summary>
    public PackBuilder Holidays(IHolidayCalendar holidays)
    {
        EnsureNotBuilt();
        _holidays = holidays ?? throw new ArgumentNullException(nameof(holidays));
        return this;
    }

    /// <summary>
    /// Validates everything and returns the pack's validated parts, rules in id order, for compilation by
    /// <c>CareRules.Evaluation.PackBuilderExtensions.Build</c>. Every problem is collected before anything is thrown.
    /// The builder cannot be changed or built again afterwards.
    /// </summary>
    /// <exception cref="CareRulesValidationException">The pack has one or more problems; all are listed.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built.</exception>
    internal ValidatedPack Validate()
    {
        EnsureNotBuilt();
        _built = true;
        var errors = new List<ValidationError>();
        var values = ResolveParameters(errors);
        if (values is null)
        {
            throw new CareRulesValidationException($"Pack '{Name}@{Version}'", errors);
        }

        var calendar = new BusinessCalendar(values.Get(CoreParameters.TimeZone), values.Get(CoreParameters.BusinessHours), _holidays);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var disabled = new HashSet<string>(_disabled, StringComparer.Ordinal);
        var rules = new List<RuleBuilder>();
        foreach (var (id, configure) in _rules)
        {
            string path = $"rules['{PackLimits.Quote(id)}']";
            if (PackLimits.LengthProblem(id, PackLimits.MaxRuleIdLength, "a rule id") is { } tooLong)
            {
                errors.Add(new ValidationError(path + ".id", tooLong));
                continue;
            }

            if (!RuleIdPattern().IsMatch(id))
            {
                errors.Add(new ValidationError(path + ".id", "must be lower-case words joined by '.' or '-', e.g. 'delay.gift'."));
            }

            if (!seen.Add(id))
            {
                errors.Add(new ValidationError(path + ".id", "is used by more than one rule; rule ids must be unique."));
                continue;
            }

            if (disabled.Contains(id))
            {
                continue;
            }

            var rule = new RuleBuilder(id);
            try
            {
                configure(rule, values);
            }
#pragma warning disable CA1031 // a failing rule definition is reported with the others, naming the rule
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors.Add(new ValidationError(path, $"could not be built: {ex.Message}"));
                continue;
            }

            var language = values.Get(CoreParameters.Language);
            if (rule.DescriptionText.In(language) is { } description)
            {
                rule.RuleDescription = description;
            }
            else
            {
                errors.Add(new ValidationError(path + ".description", $"has no text in '{CatalogNames.Of(language)}', the pack's language; give the description in every language the pack is built in."));
            }

            if (PackLimits.LengthProblem(rule.RuleDescription, PackLimits.MaxDescriptionLength, "a description") is { } longDescription)
            {
                errors.Add(new ValidationError(path + ".description", longDescription));
            }

            if (!rule.HasCondition)
            {
                errors.Add(new ValidationError(path + ".when", "has no condition; call When(...)."));
            }

            if (rule.Outcomes.Count == 0 && !rule.Suppresses && rule.CapMultiplier == 1m)
            {
                errors.Add(new ValidationError(path + ".outcomes", "has no outcome and no effect on resolution; add a decision."));
            }

            for (int i = 0; i < rule.Outcomes.Count; i++)
            {
                rule.Outcomes[i].Validate(id, i, values.Currency, language, errors);
            }

            if (rule.HasCondition)
            {
                rules.Add(rule);
            }
        }

        foreach (var id in _disabled)
        {
            if (!seen.Contains(id))
            {
                errors.Add(new ValidationError($"disabled['{id}']", "no rule has this id, so it cannot be disabled."));
            }
        }

        if (errors.Count > 0)
        {
            throw new CareRulesValidationException($"Pack '{Name}@{Version}'", errors);
        }

        rules.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new ValidatedPack(Name, Version, values, calendar, rules);
    }

    private ParameterValues? ResolveParameters(List<ValidationError> errors)
    {
        var byName = new Dictionary<string, ParameterDefinition>(StringComparer.Ordinal);
        foreach (var p in _parameters)
        {
            if (!byName.TryAdd(p.Name, p))
            {
                errors.Add(new ValidationError($"parameters['{p.Name}']", "is defined more than once."));
            }
        }

        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var p in byName.Values)
        {
            values[p.Name] = p.DefaultValue;
        }

        var amountCurrencies = new List<(string Path, Currency Code, string Text)>();
        foreach (var (definition, name, value, text) in _overrides)
        {
            string path = $"parameters['{name}']";
            if (!byName.TryGetValue(name, out var known) || (definition is not null && !ReferenceEquals(known, definition) && known.ValueType != definition.ValueType))
            {
                errors.Add(new ValidationError(path, $"is not a parameter of this pack; known parameters: {string.Join(", ", byName.Keys)}."));
                continue;
            }

            if (text is not null)
            {
                if (known.TryParse(text, out var parsed, out var error))
                {
                    values[name] = parsed!;
                    if (known.IsAmount && Parameter.TryGetAmountCurrency(text, out var code))
                    {
                        amountCurrencies.Add((path, code, text.Trim()));
                    }
                }
                else
                {
                    errors.Add(new ValidationError(path, error ?? "the value could not be read."));
                }
            }
            else if (known.Validate(value!) is { } problem)
            {
                errors.Add(new ValidationError(path, problem));
            }
            else
            {
                values[name] = value!;
            }
        }

        // An amount written with a currency code must be in the pack's currency (catalog section 3.2), whichever
        // override set the currency.
        if (values.TryGetValue(CoreParameters.Currency.Name, out var packCurrency) && packCurrency is Currency currency)
        {
            foreach (var (path, code, text) in amountCurrencies)
            {
                if (code != currency)
                {
                    errors.Add(new ValidationError(path, $"expected an amount in {currency.Code}, the pack's currency, was '{text}'."));
                }
            }
        }

        return errors.Count > 0 ? null : new ParameterValues(_parameters.DistinctBy(p => p.Name).ToList(), values);
    }

    private void EnsureNotBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException($"The builder of pack '{Name}@{Version}' has already built; start a new builder to make another pack.");
        }
    }

    [GeneratedRegex("^[a-z0-9]+([.-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPattern();
}
