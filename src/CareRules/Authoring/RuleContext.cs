using CareRules.Model;
using CareRules.Time;
using NodaTime;

namespace CareRules.Authoring;

/// <summary>
/// What a rule's condition and outcome functions read: the context being evaluated and facts derived from it once
/// per evaluation (the shop's local date, the business calendar). One instance belongs to one
/// <see cref="Evaluation.EvaluationBuffer"/> and is refilled for each evaluation, so reading it allocates nothing;
/// rule functions must not keep a reference to it beyond the call.
/// </summary>
public sealed class RuleContext
{
    internal RuleContext(BusinessCalendar calendar) => Calendar = calendar;

    /// <summary>The context being evaluated.</summary>
    public CareContext Context { get; private set; } = null!;

    /// <summary>The evaluation instant.</summary>
    public Instant Now { get; private set; }

    private LocalDate _today;
    private bool _hasToday;

    /// <summary>The shop's local date at <see cref="Now"/> (computed on first use in each evaluation).</summary>
    public LocalDate Today => _hasToday ? _today : ComputeToday();

    /// <summary>The customer.</summary>
    public Customer Customer => Context.Customer;

    /// <summary>The order, if any.</summary>
    public Order? Order => Context.Order;

    /// <summary>The case, if any.</summary>
    public CareCase? Case => Context.Case;

    /// <summary>The pack's business calendar (time zone, working hours, holidays).</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>The shop's local date of an instant.</summary>
    public LocalDate LocalDate(Instant instant) => Calendar.LocalDate(instant);

    internal void Load(CareContext context)
    {
        Context = context; // the customer, order and case are read through it: one reference stored per evaluation
        Now = context.Now;
        _hasToday = false;
    }

    private LocalDate ComputeToday()
    {
        _today = Calendar.LocalDate(Now);
        _hasToday = true;
        return _today;
    }
}
