using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.DependencyInjection;

/// <summary>
/// Evaluates care contexts with the current pack: what a shop platform injects. Each evaluation reads the current
/// pack once, so an evaluation in flight finishes on the pack it started with even if a hot reload replaces it
/// meanwhile. Implementations are thread-safe.
/// </summary>
public interface ICareEvaluator
{
    /// <summary>Evaluates a context with the current pack.</summary>
    /// <param name="context">The snapshot to evaluate; its <see cref="CareContext.Now"/> is the evaluation instant.</param>
    /// <returns>The verdict; its <see cref="Verdict.Pack"/> names the pack that decided.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    /// <exception cref="CareRulesValidationException">The context's amounts are not in the pack's currency.</exception>
    Verdict Evaluate(CareContext context);

    /// <summary>Evaluates the customer, order and case at the current instant of the injected NodaTime <c>IClock</c>.</summary>
    /// <param name="customer">Who the customer is to the shop.</param>
    /// <param name="order">The order concerned, if any.</param>
    /// <param name="case">The contact or incident, if any.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is null.</exception>
    /// <exception cref="CareRulesValidationException">The context is invalid (amounts in another currency, a case opened after now).</exception>
    Verdict Evaluate(Customer customer, Order? order = null, CareCase? @case = null);
}
