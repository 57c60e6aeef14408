using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Authoring;
using CareRules.RulesEngine.Expressions;
using NodaTime;

namespace CareRules.RulesEngine.Loading;

/// <summary>
/// Loads workflow documents against a base pack's parameters and rule ids: reads them, defines and overrides
/// parameters, parses every expression with RulesEngine's parser, type-checks and sandboxes it, and checks rule ids,
/// decisions and disabled rules. Collects every problem of every document before throwing one
/// <see cref="CareRulesValidationException"/>.
/// </summary>
internal static partial class PackCompiler
{
    private static readonly Type[] NumberTypes = [typeof(decimal), typeof(int), typeof(long), typeof(double), typeof(float), typeof(short), typeof(byte)];

    public static LoadedPack Compile(IReadOnlyList<WorkflowSource> sources, IReadOnlyList<ParameterDefinition> baseParameters, IReadOnlyList<string> baseRuleIds)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            throw new ArgumentException("Give at least one workflow document.", nameof(sources));
        }

        var errors = new List<ValidationError>();
        var reader = new WorkflowReader(errors);
        var workflows = new List<WorkflowDoc>();
        foreach (var source in sources)
        {
            ArgumentNullException.ThrowIfNull(source, nameof(sources));
            workflows.AddRange(reader.Read(source));
        }

        string? packName = null, packVersion = null, packPath = null;
        foreach (var w in workflows.Where(w => w.Pack is not null))
        {
            if (packPath is not null)
            {
                errors.Add(new ValidationError(w.PackPath, $"names the pack a second time (it is named at {packPath}); name it once."));
                continue;
            }

            var parts = w.Pack!.Split('@');
            (packName, packVersion, packPath) = (parts[0], parts[1], w.PackPath);
        }

        var (definitions, overrides) = Parameters(workflows, baseParameters, errors);
        var paramsType = ParamsType.For(baseParameters.Concat(definitions));
        var env = new ExpressionEnvironment(paramsType);

        var rules = new List<PreparedRule>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in baseRuleIds)
        {
            ids.TryAdd(id, "the base pack");
        }

        foreach (var w in workflows)
        {
            var globals = Scoped(w.GlobalParams, [.. env.Inputs], env, errors, out var globalScope);
            foreach (var r in w.Rules)
            {
                if (Rule(r, globals, globalScope, env, ids, errors) is { } rule)
                {
                    rules.Add(rule);
                }
            }
        }

        var disabled = new List<string>();
        foreach (var w in workflows)
        {
            foreach (var (id, path) in w.DisabledRules)
            {
                if (ids.ContainsKey(id))
                {
                    disabled.Add(id);
                }
                else
                {
                    errors.Add(new ValidationError(path, $"no rule has the id '{PackLimits.Quote(id)}', so it cannot be disabled."));
                }
            }
        }

        if (errors.Count > 0)
        {
            string subject = sources.Count == 1 ? $"Workflow pack '{sources[0].Name}'" : $"Workflow pack '{string.Join(", ", sources.Select(s => s.Name))}'";
            throw new CareRulesValidationException(subject, errors);
        }

        return new LoadedPack(env, packName, packVersion, workflows.Count > 0 ? workflows[0].Name : null, definitions, overrides, rules, disabled);
    }

    private static (List<ParameterDefinition> Definitions, List<(string Name, string Text)> Overrides) Parameters(
        List<WorkflowDoc> workflows, IReadOnlyList<ParameterDefinition> baseParameters, List<ValidationError> errors)
    {
        var known = new Dictionary<string, ParameterDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in baseParameters)
        {
            known.TryAdd(p.Name, p);
        }

        var definitions = new List<ParameterDefinition>();
        foreach (var doc in workflows.SelectMany(w => w.Parameters).Where(p => p.Definition is not null))
        {
            if (!ParameterName().IsMatch(doc.Name) || WorkflowInputs.Names.Contains(doc.Name) || doc.Name == "value")
            {
                errors.Add(new ValidationError(doc.Path, "a new parameter's name is a lower-case letter then letters and digits (e.g. 'loyaltyGift'), and not 'value' or an input name."));
                continue;
            }

            if (known.TryGetValue(doc.Name, out var existing))
            {
                errors.Add(new ValidationError(doc.Path, string.Equals(existing.Name, doc.Name, StringComparison.Ordinal)
                    ? $"defines the parameter '{PackLimits.Quote(doc.Name)}', which the pack already has; to change its value, give the value instead of a definition."
                    : $"defines '{PackLimits.Quote(doc.Name)}', which differs from the existing parameter '{existing.Name}' only in case; expressions ignore case, so choose another name."));
                continue;
            }

            if (Define(doc.Name, doc.Definition!, doc.Path, errors) is { } definition)
            {
                definitions.Add(definition);
                known.Add(definition.Name, definition);
            }
        }

        var overrides = new List<(string Name, string Text)>();
        foreach (var doc in workflows.SelectMany(w => w.Parameters).Where(p => p.OverrideText is not null))
        {
            if (!known.TryGetValue(doc.Name, out var definition) || !string.Equals(definition.Name, doc.Name, StringComparison.Ordinal))
            {
                string hint = definition is not null ? $"did you mean '{definition.Name}'? " : string.Empty;
                errors.Add(new ValidationError(doc.Path, $"is not a parameter of this pack; {hint}known parameters: {string.Join(", ", known.Values.Select(k => k.Name))}. To add one, give {{ \"Kind\", \"Default\", \"Description\" }}."));
                continue;
            }

            if (definition.TryParse(doc.OverrideText!, out _, out var problem))
            {
                overrides.Add((doc.Name, doc.OverrideText!));
            }
            else
            {
                errors.Add(new ValidationError(doc.Path, problem ?? "the value could not be read."));
            }
        }

        return (definitions, overrides);
    }

    private static ParameterDefinition? Define(string name, ParameterDefinitionDoc doc, string path, List<ValidationError> errors)
    {
        try
        {
            ParameterDefinition definition = doc.Kind switch
            {
                "integer" => Parameter.Integer(name, (int)(doc.Min ?? 0), doc.Description, (int)(doc.Min ?? 0), (int)(doc.Max ?? int.MaxValue)),
                "decimal" => Parameter.Decimal(name, doc.Min ?? 0m, doc.Description, doc.Min ?? 0m, doc.Max ?? decimal.MaxValue),
                "amount" => Parameter.Amount(name, 0m, doc.Description),
                "days" => Parameter.Days(name, 0, doc.Description),
                "businessTime" => Parameter.BusinessTime(name, Duration.FromHours(1), doc.Description),
                _ => new ParameterDefinition<bool>(name, false, doc.Description, ParseBoolean, v => v ? "true" : "false"),
            };
            if (!definition.TryParse(doc.DefaultText, out var value, out var problem))
            {
                errors.Add(new ValidationError(path + ".Default", problem ?? "the value could not be read."));
                return null;
            }

            return doc.Kind switch
            {
                "integer" => Parameter.Integer(name, (int)value!, doc.Description, (int)(doc.Min ?? 0), (int)(doc.Max ?? int.MaxValue)),
                "decimal" => Parameter.Decimal(name, (decimal)value!, doc.Description, doc.Min ?? 0m, doc.Max ?? decimal.MaxValue),
                "amount" => Parameter.Amount(name, (decimal)value!, doc.Description),
                "days" => Parameter.Days(name, (int)value!, doc.Description),
                "businessTime" => Parameter.BusinessTime(name, (Duration)value!, doc.Description),
                _ => new ParameterDefinition<bool>(name, (bool)value!, doc.Description, ParseBoolean, v => v ? "true" : "false"),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or OverflowException)
        {
            errors.Add(new ValidationError(path, ex.Message));
            return null;
        }
    }

    private static bool ParseBoolean(string text, out bool value, out string? error)
    {
        bool ok = bool.TryParse(text, out value);
        error = ok ? null : $"expected true or false, was '{text}'.";
        return ok;
    }

    /// <summary>Parses named values in order, each seeing the ones before; returns them and the scope after them.</summary>
    private static List<ScopedValue> Scoped(List<ScopedParamDoc> docs, List<ParameterExpression> scope, ExpressionEnvironment env, List<ValidationError> errors, out List<ParameterExpression> after)
    {
        var values = new List<ScopedValue>();
        after = [.. scope];
        foreach (var doc in docs)
        {
            if (after.Any(p => string.Equals(p.Name, doc.Name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new ValidationError(doc.Path + ".Name", $"'{PackLimits.Quote(doc.Name)}' is already a name in scope (an input or an earlier param; names ignore case in expressions)."));
                continue;
            }

            var value = env.Parse(doc.Expression, null, after, doc.Path + ".Expression", errors);
            if (value is null)
            {
                continue;
            }

            var variable = Expression.Variable(value.Type, doc.Name);
            env.Define(variable, value);
            values.Add(new ScopedValue(variable, value));
            after.Add(variable);
        }

        return values;
    }

    private static PreparedRule? Rule(RuleDoc r, List<ScopedValue> globals, List<ParameterExpression> globalScope, ExpressionEnvironment env, Dictionary<string, string> ids, List<ValidationError> errors)
    {
        bool ok = true;
        if (r.Name.Length > 0)
        {
            if (!RuleId().IsMatch(r.Name))
            {
                errors.Add(new ValidationError(r.Path + ".RuleName", $"'{PackLimits.Quote(r.Name)}' is not a CareRules rule id: lower-case words joined by '.' or '-', e.g. 'loyalty.birthday-gift'."));
                ok = false;
            }

            if (!ids.TryAdd(r.Name, r.Path))
            {
                errors.Add(new ValidationError(r.Path + ".RuleName", $"'{PackLimits.Quote(r.Name)}' is already the name of a rule ({ids[r.Name]}); rule names are unique across the pack."));
                ok = false;
            }
        }
        else
        {
            ok = false;
        }

        var condition = Condition(r, globalScope, env, errors, out var ruleScope, ref ok);
        var description = LocalizedTemplate.Parse(r.Description, r.DescriptionPath, env, allowValue: false, errors);
        var suppress = Constant(r.SuppressesGoodwill, typeof(bool), env, errors, ref ok);
        var cap = Constant(r.GoodwillCapMultiplier, typeof(decimal), env, errors, ref ok);
        var decisions = new List<PreparedDecision>();
        foreach (var d in r.Decisions)
        {
            if (Decision(d, ruleScope, env, errors) is { } decision)
            {
                decisions.Add(decision);
            }
            else
            {
                ok = false;
            }
        }

        return ok && description is not null
            ? new PreparedRule
            {
                Id = r.Name,
                Enabled = r.Enabled,
                Priority = r.Priority,
                Description = description,
                Globals = globals,
                Condition = condition,
                Decisions = decisions,
                SuppressesGoodwill = suppress,
                GoodwillCapMultiplier = cap,
            }
            : null;
    }

    private static PreparedCondition Condition(RuleDoc r, List<ParameterExpression> scope, ExpressionEnvironment env, List<ValidationError> errors, out List<ParameterExpression> inner, ref bool ok)
    {
        var condition = new PreparedCondition();
        int before = errors.Count;
        condition.Locals.AddRange(Scoped(r.LocalParams, scope, env, errors, out inner));
        if (r.Operator is not null)
        {
            condition.All = r.Operator is "And" or "AndAlso";
            condition.Children = [];
            foreach (var child in r.Rules)
            {
                var c = Condition(child, inner, env, errors, out _, ref ok);
                if (child.Enabled)
                {
                    condition.Children.Add(c); // RulesEngine skips disabled nested rules
                }
            }
        }
        else if (!string.IsNullOrWhiteSpace(r.Expression))
        {
            condition.Body = env.Parse(r.Expression, typeof(bool), inner, r.Path + ".Expression", errors);
        }

        if (errors.Count > before || (r.Operator is null && condition.Body is null))
        {
            ok = false;
        }

        return condition;
    }

    private static PreparedDecision? Decision(DecisionDoc d, List<ParameterExpression> scope, ExpressionEnvironment env, List<ValidationError> errors)
    {
        int before = errors.Count;
        var when = d.When switch
        {
            { IsExpression: true } w => env.Parse(w.Expression!, typeof(bool), scope, w.Path, errors),
            { Boolean: { } b } => Expression.Constant(b),
            _ => null,
        };

        Expression? value = null;
        if (d.Value is { IsExpression: true } v)
        {
            value = env.Parse(v.Expression!, null, scope, v.Path, errors);
            if (value is not null && !IsMoney(value.Type))
            {
                errors.Add(new ValidationError(v.Path, $"must be money (e.g. order.Total) or a number (an amount in the pack's currency), but \"{v.Expression}\" is {Describe(value.Type)}."));
                value = null;
            }
        }
        else if (d.Value is { Number: { } amount })
        {
            value = Expression.Constant(amount);
        }

        if (d.Type == DecisionType.Compensate && d.Legal && d.Offer == OfferKind.Apology)
        {
            errors.Add(new ValidationError(d.Path + ".legal", "an apology is never a legal remedy; it is already never suppressed or capped."));
        }

        bool percentOk = true;
        var percent = Constant(d.Percent, typeof(decimal), env, errors, ref percentOk);

        Expression? instant = null;
        if (d.Instant is { IsExpression: true } i)
        {
            instant = env.Parse(i.Expression!, null, scope, i.Path, errors);
            if (instant is not null && instant.Type != typeof(Instant) && instant.Type != typeof(Instant?))
            {
                errors.Add(new ValidationError(i.Path, $"must be an instant (e.g. now, or calendar.AddBusinessTime(now, Duration.FromHours(2))), but \"{i.Expression}\" is {Describe(instant.Type)}."));
                instant = null;
            }
        }

        var reason = LocalizedTemplate.Parse(d.Reason, d.Path + ".reason", env, allowValue: d.Value is not null, errors);
        foreach (var (path, text) in d.Reason.Texts(d.Path + ".reason"))
        {
            if (text.Contains('\n', StringComparison.Ordinal))
            {
                errors.Add(new ValidationError(path, "must be one sentence on one line."));
            }

            if (d.Value is { IsExpression: true } && reason is not null && text.Contains("{value}", StringComparison.Ordinal) && value is not null
                && FreeParameters.Of(value).Any(p => p != env.ParamsParameter))
            {
                errors.Add(new ValidationError(path, "uses {value}, but the value depends on the context; reasons are fixed when the pack is built."));
            }
        }

        return errors.Count > before || reason is null
            ? null
            : new PreparedDecision { Doc = d, Reason = reason, When = when, Value = value, Percent = percent, Instant = instant };
    }

    /// <summary>A literal or a parameter-only expression of a number or boolean, parsed and checked.</summary>
    private static Expression? Constant(ValueDoc? doc, Type type, ExpressionEnvironment env, List<ValidationError> errors, ref bool ok)
    {
        switch (doc)
        {
            case null:
                return null;
            case { Number: { } n }:
                return Expression.Constant(n);
            case { Boolean: { } b }:
                return Expression.Constant(b);
        }

        var d = doc.Value;
        var parsed = env.Parse(d.Expression!, type == typeof(bool) ? typeof(bool) : null, env.Inputs, d.Path, errors);
        if (parsed is null)
        {
            ok = false;
            return null;
        }

        if (type == typeof(decimal) && !NumberTypes.Contains(parsed.Type))
        {
            errors.Add(new ValidationError(d.Path, $"must be a number, but \"{d.Expression}\" is {Describe(parsed.Type)}."));
            ok = false;
            return null;
        }

        var context = FreeParameters.Of(parsed).Where(p => p != env.ParamsParameter).Select(p => p.Name).ToList();
        if (context.Count > 0)
        {
            errors.Add(new ValidationError(d.Path, $"\"{d.Expression}\" reads {string.Join(", ", context)}, but this field is fixed when the pack is built: it may use only params and literals."));
            ok = false;
            return null;
        }

        return parsed;
    }

    private static bool IsMoney(Type t) =>
        t == typeof(Money) || t == typeof(Money?) || NumberTypes.Contains(t) || (Nullable.GetUnderlyingType(t) is { } u && NumberTypes.Contains(u));

    private static string Describe(Type t) =>
        Nullable.GetUnderlyingType(t) is { } u ? $"a {u.Name} or nothing" : "a " + t.Name;

    [GeneratedRegex("^[a-z0-9]+([.-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleId();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
