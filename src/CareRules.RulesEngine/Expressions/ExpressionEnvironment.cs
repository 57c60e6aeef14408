using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using CareRules.Model;
using CareRules.Time;
using NodaTime;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace CareRules.RulesEngine.Expressions;

/// <summary>
/// Parses workflow expressions exactly as RulesEngine does — with its own <see cref="RuleExpressionParser"/>, the same
/// custom types and the same named inputs — and then puts each parsed tree through the <see cref="Sandbox"/>.
/// One environment serves one load (one parameter set). Not thread-safe.
/// </summary>
internal sealed partial class ExpressionEnvironment
{
    /// <summary>The longest expression accepted, in characters.</summary>
    public const int MaxLength = 4000;

    /// <summary>The deepest nesting of brackets accepted (the parser is recursive; this bounds its stack).</summary>
    public const int MaxNesting = 48;

    private readonly RuleExpressionParser _parser;
    private readonly Sandbox _sandbox;
    private readonly Dictionary<ParameterExpression, long> _sizes = [];

    public ExpressionEnvironment(ParamsType @params)
    {
        Params = @params;
        Customer = Expression.Parameter(typeof(Customer), WorkflowInputs.Customer);
        Order = Expression.Parameter(typeof(Order), WorkflowInputs.Order);
        Case = Expression.Parameter(typeof(CareCase), WorkflowInputs.Case);
        Now = Expression.Parameter(typeof(Instant), WorkflowInputs.Now);
        Today = Expression.Parameter(typeof(LocalDate), WorkflowInputs.Today);
        ParamsParameter = Expression.Parameter(@params.Type, WorkflowInputs.Params);
        Calendar = Expression.Parameter(typeof(BusinessCalendar), WorkflowInputs.Calendar);
        Inputs = [Customer, Order, Case, Now, Today, ParamsParameter, Calendar];
        _parser = new RuleExpressionParser(WorkflowInputs.CreateSettings(@params.Type));
        _sandbox = new Sandbox(@params);
    }

    public ParamsType Params { get; }

    public ParameterExpression Customer { get; }

    public ParameterExpression Order { get; }

    public ParameterExpression Case { get; }

    public ParameterExpression Now { get; }

    public ParameterExpression Today { get; }

    public ParameterExpression ParamsParameter { get; }

    public ParameterExpression Calendar { get; }

    /// <summary>The inputs every expression sees, in RulesEngine order-independent form (they are matched by name).</summary>
    public IReadOnlyList<ParameterExpression> Inputs { get; }

    /// <summary>
    /// Parses <paramref name="text"/> with the parameters in <paramref name="scope"/> (the inputs, then global and local
    /// params in order) and checks it against the sandbox. On any problem adds one error naming
    /// <paramref name="path"/> and the expression, and returns null.
    /// </summary>
    /// <param name="text">The expression.</param>
    /// <param name="returnType">The type the expression must have (the parser converts to it), or null for any.</param>
    /// <param name="scope">The named values in scope.</param>
    /// <param name="path">Where the expression is, for the error.</param>
    /// <param name="errors">Where problems go.</param>
    public Expression? Parse(string text, Type? returnType, IReadOnlyList<ParameterExpression> scope, string path, List<ValidationError> errors)
    {
        if (text.Length > MaxLength)
        {
            errors.Add(new ValidationError(path, $"is {text.Length} characters long; an expression may have at most {MaxLength}. Split it with LocalParams."));
            return null;
        }

        if (Nesting(text) > MaxNesting)
        {
            errors.Add(new ValidationError(path, $"nests brackets more than {MaxNesting} deep in \"{Shorten(text)}\"; split it with LocalParams."));
            return null;
        }

        bool unknown = false;
        foreach (Match m in ParamsMember().Matches(text))
        {
            string name = m.Groups[1].Value;
            if (!Params.Properties.Keys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new ValidationError(path, $"\"{Shorten(text)}\" is rejected: params has no parameter '{Shorten(name)}'; the pack's parameters are: {Params.KnownNames}."));
                unknown = true;
            }
        }

        if (unknown)
        {
            return null;
        }

        Expression parsed;
        try
        {
            parsed = _parser.Parse(text, [.. scope], returnType);
        }
        catch (ParseException ex)
        {
            string at = ex.Position >= 0 ? $" at position {ex.Position + 1}" : string.Empty;
            errors.Add(new ValidationError(path, $"{Sentence(ex.Message)}{at} in \"{Shorten(text)}\"."));
            return null;
        }
#pragma warning disable CA1031 // the parser throws several exception types for bad input; each is reported with the others, naming the expression
        catch (Exception ex)
#pragma warning restore CA1031
        {
            errors.Add(new ValidationError(path, $"{Sentence(ex.Message)} in \"{Shorten(text)}\"."));
            return null;
        }

        var problems = _sandbox.Check(parsed);
        foreach (var problem in problems)
        {
            errors.Add(new ValidationError(path, $"\"{Shorten(text)}\" is rejected: {problem}."));
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var (work, _) = CostBound.Of(parsed, _sizes);
        if (work > CostBound.MaxWork)
        {
            string bound = work == long.MaxValue ? "more than 9.2e18" : work.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            errors.Add(new ValidationError(path, $"\"{Shorten(text)}\" is rejected: it may take up to {bound} steps to run, more than the {CostBound.MaxWork:N0} an expression may take (nested loops over collections multiply); loop over fewer elements or nest less."));
            return null;
        }

        return parsed;
    }

    /// <summary>
    /// Records a <c>GlobalParams</c>/<c>LocalParams</c> value under its variable, so that expressions using it are
    /// bounded with the size of the collection it may hold (<see cref="CostBound"/>).
    /// </summary>
    public void Define(ParameterExpression variable, Expression value) => _sizes[variable] = CostBound.Of(value, _sizes).Size;

    [GeneratedRegex(@"\bparams\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex ParamsMember();

    private static string Sentence(string message) => message.TrimEnd('.', ' ');

    private static string Shorten(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 297), "...");

    private static int Nesting(string text)
    {
        int depth = 0, max = 0;
        char quote = '\0';
        bool escaped = false;
        foreach (char c in text)
        {
            if (quote != '\0')
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '(' or '[' or '{':
                    max = Math.Max(max, ++depth);
                    break;
                case ')' or ']' or '}':
                    depth--;
                    break;
            }
        }

        return max;
    }
}
