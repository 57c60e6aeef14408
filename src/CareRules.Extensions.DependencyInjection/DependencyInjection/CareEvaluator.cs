using CareRules.Diagnostics;
using CareRules.Evaluation;
using CareRules.Model;
using NodaTime;

namespace CareRules.DependencyInjection;

/// <summary>
/// The <see cref="ICareEvaluator"/> <c>AddCareRules</c> registers: reads the pack in force once per evaluation and
/// measures the evaluation (metrics and an activity). Thread-safe.
/// </summary>
internal sealed class CareEvaluator(IPackProvider packs, IClock clock, CareRulesInstrumentation instrumentation) : ICareEvaluator
{
    public Verdict Evaluate(CareContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pack = packs.Current; // one read: a reload during this evaluation does not affect it
        return instrumentation.Evaluate(pack, context);
    }

    public Verdict Evaluate(Customer customer, Order? order = null, CareCase? @case = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return Evaluate(new CareContext(clock.GetCurrentInstant(), customer, order, @case));
    }
}
