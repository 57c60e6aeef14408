using System.Linq.Expressions;
using System.Reflection;
using CareRules.Model;
using CareRules.Evaluation;
using CareRules.Authoring;
using NodaTime;

namespace CareRules.RulesEngine.Expressions;

/// <summary>
/// Turns parsed workflow expressions into the delegates of a compiled pack, once, when the pack is built:
/// the inputs become reads of the evaluation's <see cref="RuleContext"/>, <c>params</c> becomes a constant holding the
/// resolved parameter values, every sub-expression that no longer depends on the context is evaluated once and
/// replaced by its value (so <c>params.stance == Stance.Firm &amp;&amp; …</c> costs nothing per evaluation, and a
/// decision guarded by a false constant is dropped), and whatever can fail at run time is wrapped so that a failure
/// counts as RulesEngine counts it: a condition that throws is not satisfied. One binder per rule build; not
/// thread-safe.
/// </summary>
internal sealed class Binder
{
    private static readonly ConstructorInfo MoneyConstructor = typeof(Money).GetConstructor([typeof(decimal), typeof(Currency)])!;

    private readonly ExpressionEnvironment _env;
    private readonly Dictionary<ParameterExpression, Expression> _inputs;
    private readonly bool _fold;

    /// <param name="env">The expression environment of the pack.</param>
    /// <param name="values">The resolved parameter values.</param>
    /// <param name="fold">
    /// False to leave constant sub-expressions as written (<c>params.contactBoundary</c> stays a read of the parameter):
    /// the form explanations show. Evaluation uses the folded form.
    /// </param>
    public Binder(ExpressionEnvironment env, ParameterValues values, bool fold = true)
    {
        _env = env;
        _fold = fold;
        Currency = values.Currency;
        Rc = Expression.Parameter(typeof(RuleContext), "rc");
        _inputs = new Dictionary<ParameterExpression, Expression>
        {
            [env.Customer] = Expression.Property(Rc, nameof(RuleContext.Customer)),
            [env.Order] = Expression.Property(Rc, nameof(RuleContext.Order)),
            [env.Case] = Expression.Property(Rc, nameof(RuleContext.Case)),
            [env.Now] = Expression.Property(Rc, nameof(RuleContext.Now)),
            [env.Today] = Expression.Property(Rc, nameof(RuleContext.Today)),
            [env.Calendar] = Expression.Property(Rc, nameof(RuleContext.Calendar)),
            [env.ParamsParameter] = Expression.Constant(env.Params.CreateInstance(values), env.Params.Type),
        };
    }

    public ParameterExpression Rc { get; }

    public Currency Currency { get; }

    /// <summary>Binds the inputs and the given scoped values, then folds constants.</summary>
    public Expression Bind(Expression expression, IReadOnlyDictionary<ParameterExpression, Expression>? scoped = null)
    {
        var bound = new Replacer(_inputs, scoped).Visit(expression)!;
        return _fold ? new Folder().Visit(bound)! : bound;
    }

    /// <summary>
    /// Evaluates an expression that must not depend on the context (a parameter-only expression) to its value.
    /// </summary>
    /// <exception cref="InvalidOperationException">It depends on the context, or evaluating it failed.</exception>
    public object? Constant(Expression expression, string what)
    {
        var bound = Bind(expression);
        if (bound is ConstantExpression c)
        {
            return c.Value;
        }

        if (!FreeParameters.IsClosed(bound))
        {
            throw new InvalidOperationException($"{what} must not depend on the context (customer, order, case, now, today, calendar): it is fixed when the pack is built.");
        }

        try
        {
            return Folder.Evaluate(bound);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"{what} could not be computed: {(ex is TargetInvocationException { InnerException: { } inner } ? inner.Message : ex.Message)}", ex);
        }
    }

    /// <summary>
    /// Declares scoped values (global then local params) around a body: values that fold to constants are substituted,
    /// the others become block variables assigned in order, exactly as RulesEngine evaluates them before the rule —
    /// all of them, used or not, since one that fails makes the rule fail. With <paramref name="pruneUnused"/> (for
    /// decision fields, which only run once the condition, and so every scoped value, has succeeded) values the body
    /// does not need are left out.
    /// </summary>
    public Expression WithScope(IEnumerable<ScopedValue> scoped, IReadOnlyDictionary<ParameterExpression, Expression>? outer, Func<IReadOnlyDictionary<ParameterExpression, Expression>, Expression> body, bool pruneUnused = false)
    {
        var substitutions = outer is null ? new Dictionary<ParameterExpression, Expression>() : new Dictionary<ParameterExpression, Expression>(outer);
        var assigned = new List<(ParameterExpression Variable, Expression Value)>();
        foreach (var s in scoped)
        {
            var value = Bind(s.Value, substitutions);
            if (value is ConstantExpression)
            {
                substitutions[s.Variable] = value;
            }
            else
            {
                assigned.Add((s.Variable, value));
            }
        }

        var result = body(substitutions);
        if (pruneUnused)
        {
            var needed = new HashSet<ParameterExpression>(FreeParameters.Of(result));
            for (int i = assigned.Count - 1; i >= 0; i--)
            {
                if (needed.Contains(assigned[i].Variable))
                {
                    needed.UnionWith(FreeParameters.Of(assigned[i].Value));
                }
                else
                {
                    assigned.RemoveAt(i);
                }
            }
        }

        if (assigned.Count == 0)
        {
            return result;
        }

        var steps = assigned.Select(a => (Expression)Expression.Assign(a.Variable, a.Value)).Append(result);
        return Expression.Block(result.Type, assigned.Select(a => a.Variable), steps);
    }

    /// <summary>Wraps an expression so that an exception yields <paramref name="fallback"/> (nothing to wrap for a constant).</summary>
    public static Expression Guard(Expression body, Expression fallback) =>
        body is ConstantExpression ? body : Expression.TryCatch(body, Expression.Catch(typeof(Exception), fallback));

    /// <summary>The nested-rule combination: every child (And, AndAlso) or any child (Or, OrElse); none is false.</summary>
    public Expression Combine(IReadOnlyList<Expression> children, bool all)
    {
        if (children.Count == 0)
        {
            return Expression.Constant(false);
        }

        var result = children[0];
        for (int i = 1; i < children.Count; i++)
        {
            result = all ? Expression.AndAlso(result, children[i]) : Expression.OrElse(result, children[i]);
        }

        return _fold ? new Folder().Visit(result)! : result;
    }

    /// <summary>A condition as an expression tree over the rule context, for <see cref="RuleBuilder.WhenExpression"/>.</summary>
    public Expression<Func<RuleContext, bool>> Condition(Expression body) => Lambda<bool>(body);

    /// <summary>A decision function: interpreted until its pack is optimized (<see cref="TieredFunction{T}"/>).</summary>
    public Func<RuleContext, T> Compile<T>(Expression body) => TieredFunction<T>.Create(Lambda<T>(body));

    /// <summary>A function of the rule context returning <typeparamref name="T"/> (the body converted when it is another type).</summary>
    private Expression<Func<RuleContext, T>> Lambda<T>(Expression body) =>
        Expression.Lambda<Func<RuleContext, T>>(body.Type == typeof(T) ? body : Expression.Convert(body, typeof(T)), Rc);

    /// <summary>A money value: money as it is, a number as an amount in the pack's currency; null stays null.</summary>
    public Expression ToMoney(Expression e)
    {
        var t = e.Type;
        if (t == typeof(Money?))
        {
            return e;
        }

        if (t == typeof(Money))
        {
            return Expression.Convert(e, typeof(Money?));
        }

        var currency = Expression.Constant(Currency);
        if (Nullable.GetUnderlyingType(t) is { } u)
        {
            var value = Expression.Property(e, "Value");
            return Expression.Condition(
                Expression.Property(e, "HasValue"),
                Expression.Convert(Expression.New(MoneyConstructor, Expression.Convert(value, typeof(decimal)), currency), typeof(Money?)),
                Expression.Constant(null, typeof(Money?)));
        }

        return Expression.Convert(Expression.New(MoneyConstructor, t == typeof(decimal) ? e : Expression.Convert(e, typeof(decimal)), currency), typeof(Money?));
    }

    /// <summary>An instant or a missing one.</summary>
    public static Expression ToInstant(Expression e) => e.Type == typeof(Instant?) ? e : Expression.Convert(e, typeof(Instant?));

    /// <summary>Replaces the inputs by reads of the rule context, <c>params</c> by its value, and scoped names by their values.</summary>
    private sealed class Replacer(Dictionary<ParameterExpression, Expression> inputs, IReadOnlyDictionary<ParameterExpression, Expression>? scoped) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            inputs.TryGetValue(node, out var input) ? input
            : scoped is not null && scoped.TryGetValue(node, out var value) ? value
            : node;
    }

    /// <summary>
    /// Evaluates every sub-expression that reads nothing of the context, and simplifies <c>&amp;&amp;</c>, <c>||</c> and
    /// <c>?:</c> around the constants found. A sub-expression whose evaluation fails is left as it is (it fails at
    /// run time, where RulesEngine's rule "an exception means not satisfied" applies).
    /// </summary>
    private sealed class Folder : ExpressionVisitor
    {
        public static object? Evaluate(Expression e) =>
            Expression.Lambda<Func<object?>>(Expression.Convert(e, typeof(object))).Compile(preferInterpretation: true)();

        public override Expression? Visit(Expression? node)
        {
            if (node is null or ConstantExpression or ParameterExpression or LambdaExpression)
            {
                return base.Visit(node);
            }

            if (node.Type != typeof(void) && FreeParameters.IsClosed(node))
            {
                try
                {
                    return Expression.Constant(Evaluate(node), node.Type);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Left for run time: see the type's summary.
                }
            }

            return Simplify(base.Visit(node)!);
        }

        private static Expression Simplify(Expression node)
        {
            switch (node)
            {
                case BinaryExpression { NodeType: ExpressionType.AndAlso, Method: null } both when both.Type == typeof(bool):
                    if (IsBool(both.Left, false) || IsBool(both.Right, false))
                    {
                        return Expression.Constant(false); // false && x, and x && false (x failing is false too)
                    }

                    if (IsBool(both.Left, true))
                    {
                        return both.Right;
                    }

                    return IsBool(both.Right, true) ? both.Left : node;
                case BinaryExpression { NodeType: ExpressionType.OrElse, Method: null } either when either.Type == typeof(bool):
                    if (IsBool(either.Left, true))
                    {
                        return Expression.Constant(true); // x || true is left alone: x failing makes it false
                    }

                    if (IsBool(either.Left, false))
                    {
                        return either.Right;
                    }

                    return IsBool(either.Right, false) ? either.Left : node;
                case ConditionalExpression { Test: ConstantExpression { Value: bool test } } conditional:
                    var branch = test ? conditional.IfTrue : conditional.IfFalse;
                    return branch.Type == conditional.Type ? branch : Expression.Convert(branch, conditional.Type);
                default:
                    return node;
            }
        }

        private static bool IsBool(Expression e, bool value) => e is ConstantExpression { Value: bool b } && b == value;
    }
}
