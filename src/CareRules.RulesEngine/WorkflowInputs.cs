using System.Runtime.CompilerServices;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Authoring;
using CareRules.RulesEngine.Expressions;
using RulesEngine.Models;

namespace CareRules.RulesEngine;

/// <summary>
/// The named inputs CareRules gives workflow expressions, and the same inputs for RulesEngine's own executor: with
/// <see cref="CreateSettings(CompiledPack)"/> and <see cref="Create"/>, <c>RulesEngine.ExecuteAllRulesAsync</c> runs a
/// pack's workflow JSON unchanged on the same context (to check a pack, or to debug one). Thread-safe.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><c>customer</c></term><description>the <see cref="Model.Customer"/>; never null.</description></item>
/// <item><term><c>order</c></term><description>the <see cref="Model.Order"/>, or null when the context has none.</description></item>
/// <item><term><c>case</c></term><description>the <see cref="CareCase"/>, or null for a proactive evaluation.</description></item>
/// <item><term><c>now</c></term><description>the evaluation instant (NodaTime <c>Instant</c>).</description></item>
/// <item><term><c>today</c></term><description>the shop's local date at <c>now</c> (NodaTime <c>LocalDate</c>).</description></item>
/// <item><term><c>params</c></term><description>the pack's parameters, one typed property each (<c>params.smallGift</c>).</description></item>
/// <item><term><c>calendar</c></term><description>the pack's <see cref="Time.BusinessCalendar"/> (time zone, hours, holidays).</description></item>
/// </list>
/// </remarks>
public static class WorkflowInputs
{
    /// <summary>The factory of <c>params</c> objects of each pack's parameter values, compiled on first use.</summary>
    private static readonly ConditionalWeakTable<ParameterValues, Func<object>> ParamsFactories = [];

    /// <summary><c>customer</c>.</summary>
    public const string Customer = "customer";

    /// <summary><c>order</c> (may be null).</summary>
    public const string Order = "order";

    /// <summary><c>case</c> (may be null).</summary>
    public const string Case = "case";

    /// <summary><c>now</c>.</summary>
    public const string Now = "now";

    /// <summary><c>today</c>.</summary>
    public const string Today = "today";

    /// <summary><c>params</c>.</summary>
    public const string Params = "params";

    /// <summary><c>calendar</c>.</summary>
    public const string Calendar = "calendar";

    /// <summary>Every input name, in the order above.</summary>
    public static IReadOnlyList<string> Names { get; } = [Customer, Order, Case, Now, Today, Params, Calendar];

    /// <summary>
    /// RulesEngine settings that parse expressions exactly as CareRules does: the helper class <see cref="Care"/>, the
    /// catalog's enumerations, the NodaTime and model types and the pack's parameter type registered as custom types.
    /// </summary>
    /// <param name="pack">The pack whose parameters <c>params</c> holds.</param>
    public static ReSettings CreateSettings(CompiledPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return CreateSettings(ParamsType.For(pack.Parameters.Definitions).Type);
    }

    /// <summary>
    /// The inputs of one context for <c>RulesEngine.ExecuteAllRulesAsync(workflowName, inputs)</c>, typed as CareRules
    /// types them (a missing order or case is a typed null).
    /// </summary>
    /// <param name="pack">The pack whose parameters and calendar the expressions read.</param>
    /// <param name="context">The context.</param>
    /// <remarks>Each call gets its own <c>params</c> object, made by a factory compiled once per pack.</remarks>
    public static RuleParameter[] Create(CompiledPack pack, CareContext context)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(context);
        var parameters = ParamsFactories.GetValue(pack.Parameters, static values => ParamsType.For(values.Definitions).CreateFactory(values))();
        return
        [
            RuleParameter.Create(Customer, context.Customer),
            RuleParameter.Create<Order?>(Order, context.Order),
            RuleParameter.Create<CareCase?>(Case, context.Case),
            RuleParameter.Create(Now, context.Now),
            RuleParameter.Create(Today, pack.Calendar.LocalDate(context.Now)),
            new RuleParameter(Params, parameters),
            RuleParameter.Create(Calendar, pack.Calendar),
        ];
    }

    internal static ReSettings CreateSettings(Type paramsType) => new()
    {
        CustomTypes = ExpressionTypes.CustomFor(paramsType),
        EnableExceptionAsErrorMessageForRuleExpressionParsing = true,
    };
}
