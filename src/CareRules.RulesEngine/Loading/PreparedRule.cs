using System.Linq.Expressions;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Authoring;
using CareRules.RulesEngine.Expressions;
using NodaTime;

namespace CareRules.RulesEngine.Loading;

/// <summary>The condition of a rule or nested rule: its local params, then its expression or its nested rules combined.</summary>
internal sealed class PreparedCondition
{
    public List<ScopedValue> Locals { get; } = [];

    public Expression? Body { get; set; }

    public bool All { get; set; }

    public List<PreparedCondition>? Children { get; set; }
}

/// <summary>A decision of a rule, its expressions parsed and checked.</summary>
internal sealed class PreparedDecision
{
    public required DecisionDoc Doc { get; init; }

    public required LocalizedTemplate Reason { get; init; }

    public Expression? When { get; init; }

    public Expression? Value { get; init; }

    public Expression? Percent { get; init; }

    public Expression? Instant { get; init; }
}

/// <summary>
/// A top-level workflow rule parsed, type-checked and sandboxed at load, waiting for the parameter values of a
/// build: <see cref="Configure"/> binds them and fills a <see cref="RuleBuilder"/> exactly as a C# rule would.
/// Immutable; <see cref="Configure"/> may run concurrently for different builds.
/// </summary>
internal sealed class PreparedRule
{
    public required string Id { get; init; }

    public required bool Enabled { get; init; }

    public required int Priority { get; init; }

    public required LocalizedTemplate Description { get; init; }

    public required IReadOnlyList<ScopedValue> Globals { get; init; }

    public required PreparedCondition Condition { get; init; }

    public required IReadOnlyList<PreparedDecision> Decisions { get; init; }

    public Expression? SuppressesGoodwill { get; init; }

    public Expression? GoodwillCapMultiplier { get; init; }

    public void Configure(RuleBuilder rule, ParameterValues values, ExpressionEnvironment env)
    {
        var binder = new Binder(env, values);
        rule.Description(Description.Render(binder)).Priority(Priority);
        var condition = Binder.Guard(binder.WithScope(Globals, null, s => Build(binder, Condition, s)), Expression.Constant(false));
        rule.WhenExpression(binder.Condition(condition));
        rule.ExplanationExpression = () =>
        {
            var unfolded = new Binder(env, values, fold: false);
            return unfolded.Condition(Binder.Guard(unfolded.WithScope(Globals, null, s => Build(unfolded, Condition, s)), Expression.Constant(false)));
        };

        if (SuppressesGoodwill is not null && binder.Constant(SuppressesGoodwill, "suppressesGoodwill") is true)
        {
            rule.SuppressGoodwill();
        }

        if (GoodwillCapMultiplier is not null && Convert.ToDecimal(binder.Constant(GoodwillCapMultiplier, "goodwillCapMultiplier"), System.Globalization.CultureInfo.InvariantCulture) is var factor && factor != 1m)
        {
            rule.MultiplyGoodwillCap(factor);
        }

        foreach (var decision in Decisions)
        {
            AddDecision(rule, binder, decision);
        }
    }

    private static Expression Build(Binder binder, PreparedCondition c, IReadOnlyDictionary<ParameterExpression, Expression> scope) =>
        binder.WithScope(c.Locals, scope, inner => c.Children is null
            ? binder.Bind(c.Body!, inner)
            : binder.Combine([.. c.Children.Select(child => Binder.Guard(Build(binder, child, inner), Expression.Constant(false)))], c.All));

    private void AddDecision(RuleBuilder rule, Binder binder, PreparedDecision decision)
    {
        var d = decision.Doc;
        Func<RuleContext, bool>? when = null;
        if (decision.When is not null)
        {
            var guard = Outcome(binder, decision.When, Expression.Constant(false));
            if (guard is ConstantExpression { Value: false })
            {
                return; // never produced under these parameters: not part of the rule at all, as in a C# pack
            }

            if (guard is not ConstantExpression { Value: true })
            {
                when = binder.Compile<bool>(guard);
            }
        }

        Func<RuleContext, Instant?>? instant = decision.Instant is null
            ? null
            : binder.Compile<Instant?>(Outcome(binder, Binder.ToInstant(decision.Instant), Expression.Constant(null, typeof(Instant?))));

        Money? fixedValue = null;
        Func<RuleContext, Money?>? valueOf = null;
        if (decision.Value is not null)
        {
            var value = Outcome(binder, binder.ToMoney(decision.Value), Expression.Constant(null, typeof(Money?)));
            if (value is ConstantExpression constant)
            {
                fixedValue = (Money?)constant.Value;
            }
            else
            {
                valueOf = binder.Compile<Money?>(value);
            }
        }

        decimal? percent = decision.Percent is null
            ? null
            : Convert.ToDecimal(binder.Constant(decision.Percent, "percent"), System.Globalization.CultureInfo.InvariantCulture);
        var reason = decision.Reason.Render(binder, () => fixedValue ?? (valueOf is null ? null : throw new InvalidOperationException("{value} needs a value that does not depend on the context.")));

        switch (d.Type)
        {
            case DecisionType.Compensate when valueOf is not null:
                rule.Compensate(d.Offer, reason, valueOf, percent, d.Legal, instant, when, d.OfferPriority);
                break;
            case DecisionType.Compensate:
                rule.Compensate(d.Offer, reason, fixedValue, percent, d.Legal, instant, when, d.OfferPriority);
                break;
            case DecisionType.Stop:
                rule.Stop(d.Stop, reason, instant, when);
                break;
            case DecisionType.Escalate:
                rule.Escalate(d.To, d.Priority, reason, instant, when);
                break;
            case DecisionType.Notify:
                rule.Notify(d.Channel, d.Message, reason, instant, when);
                break;
            default:
                rule.Advise(d.Advice, reason, when);
                break;
        }
    }

    /// <summary>An outcome expression in the rule's scope (its workflow's globals and its own locals), failure giving <paramref name="fallback"/>.</summary>
    private Expression Outcome(Binder binder, Expression body, Expression fallback) =>
        Binder.Guard(binder.WithScope(Globals.Concat(Condition.Locals), null, s => binder.Bind(body, s), pruneUnused: true), fallback);
}
