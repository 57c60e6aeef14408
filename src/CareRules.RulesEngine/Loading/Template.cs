using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using CareRules.Model;
using CareRules.RulesEngine.Expressions;
using NodaTime;
using NodaTime.Text;

namespace CareRules.RulesEngine.Loading;

/// <summary>
/// A reason or description with <c>{placeholders}</c>, filled once when the pack is built (never while evaluating):
/// <c>{smallGift}</c> (or <c>{params.smallGift}</c>) is a parameter's value — an amount parameter written as money, as
/// <c>{value}</c> is — <c>{value}</c> the decision's own value (when it does not depend on the
/// context), and any other <c>{…}</c> an expression over <c>params</c> (e.g. <c>{Math.Max(0, params.complaintResponseDeadline - 4)}</c>).
/// <c>{{</c> and <c>}}</c> stand for literal braces. Values are written invariantly: whole numbers as digits, money
/// as <c>20.00 PLN</c>, business time as <c>8h</c> or <c>90m</c>, dates as <c>2026-11-23</c>, enumerations in the
/// catalog's spelling.
/// </summary>
internal sealed class Template
{
    private readonly List<object> _parts; // string literal, Expression, AmountPart or ValueMarker

    private Template(List<object> parts) => _parts = parts;

    public static Template Literal(string text) => new([text]);

    /// <summary>Parses a template; problems (unbalanced braces, bad or context-dependent placeholders) go to <paramref name="errors"/>.</summary>
    public static Template? Parse(string text, string path, ExpressionEnvironment env, bool allowValue, List<ValidationError> errors)
    {
        var parts = new List<object>();
        var literal = new StringBuilder();
        bool ok = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i++;
                continue;
            }

            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append('}');
                i++;
                continue;
            }

            if (c == '}')
            {
                errors.Add(new ValidationError(path, $"has a '}}' without its '{{' at position {i + 1}; write '}}}}' for a literal brace."));
                ok = false;
                continue;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            int close = text.IndexOf('}', i + 1);
            if (close < 0)
            {
                errors.Add(new ValidationError(path, $"has a '{{' without its '}}' at position {i + 1}; write '{{{{' for a literal brace."));
                ok = false;
                break;
            }

            string inner = text[(i + 1)..close].Trim();
            i = close;
            if (literal.Length > 0)
            {
                parts.Add(literal.ToString());
                literal.Clear();
            }

            if (inner == "value")
            {
                if (allowValue)
                {
                    parts.Add(ValueMarker.Instance);
                }
                else
                {
                    errors.Add(new ValidationError(path, "uses {value}, but this decision has no value."));
                    ok = false;
                }

                continue;
            }

            if (env.Params.Properties.TryGetValue(inner, out var property))
            {
                var read = Expression.Property(env.ParamsParameter, property);
                parts.Add(IsAmount(env, inner) ? new AmountPart(read) : read);
                continue;
            }

            var parsed = env.Parse(inner, null, env.Inputs, path + "{" + inner + "}", errors);
            if (parsed is null)
            {
                ok = false;
                continue;
            }

            var context = FreeParameters.Of(parsed).Where(p => p != env.ParamsParameter).Select(p => p.Name).ToList();
            if (context.Count > 0)
            {
                errors.Add(new ValidationError(path, $"placeholder {{{inner}}} reads {string.Join(", ", context)}: placeholders may use only params, because reasons are fixed when the pack is built."));
                ok = false;
                continue;
            }

            // {params.smallGift} reads as money, like {smallGift}; arithmetic on an amount stays a number.
            parts.Add(parsed is MemberExpression { Expression: { } on, Member.Name: { } name } && on == env.ParamsParameter && IsAmount(env, name)
                ? new AmountPart(parsed)
                : parsed);
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        return ok ? new Template(parts) : null;
    }

    /// <summary>Fills the placeholders.</summary>
    /// <param name="binder">The binder of the pack being built.</param>
    /// <param name="value">The decision's value, for <c>{value}</c>.</param>
    public string Render(Binder binder, Func<object?>? value = null)
    {
        if (_parts is [string only])
        {
            return only;
        }

        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            switch (part)
            {
                case string s:
                    text.Append(s);
                    break;
                case ValueMarker:
                    text.Append(Format(value?.Invoke()));
                    break;
                case Expression e:
                    text.Append(Format(binder.Constant(e, "a placeholder")));
                    break;
                case AmountPart amount:
                    text.Append(Format(binder.Constant(amount.Read, "a placeholder") is decimal d ? new Money(d, binder.Currency) : null));
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Writes a placeholder's value (see the type's summary).</summary>
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        Money m => m.ToString(),
        Duration d => d.TotalMinutes % 60 == 0
            ? ((long)d.TotalHours).ToString(CultureInfo.InvariantCulture) + "h"
            : ((long)d.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m",
        LocalDate date => LocalDatePattern.Iso.Format(date),
        Instant instant => InstantPattern.ExtendedIso.Format(instant),
        bool b => b ? "true" : "false",
        Enum e => CatalogName(e),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string CatalogName(Enum e)
    {
        var of = typeof(CatalogNames).GetMethod(nameof(CatalogNames.Of))!.MakeGenericMethod(e.GetType());
        return (string)of.Invoke(null, [e])!;
    }

    private static bool IsAmount(ExpressionEnvironment env, string parameter) =>
        env.Params.Definitions.Any(d => d.IsAmount && string.Equals(d.Name, parameter, StringComparison.Ordinal));

    /// <summary>A placeholder that reads an amount parameter: written as money in the pack's currency (<c>20.00 PLN</c>), as <c>{value}</c> is.</summary>
    private sealed record AmountPart(Expression Read);

    private sealed class ValueMarker
    {
        public static readonly ValueMarker Instance = new();
    }
}
