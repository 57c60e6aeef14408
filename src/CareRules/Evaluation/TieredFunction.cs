using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CareRules.Authoring;

namespace CareRules.Evaluation;

/// <summary>
/// A function of the rule context given as an expression tree (a workflow JSON decision's value, due-by or guard):
/// interpreted from the start, so that building a pack compiles nothing, and compiled to IL when the pack is
/// optimized (<see cref="CompiledPack.Optimize"/>), which then calls the compiled delegate directly instead of
/// <see cref="Invoke"/>. Thread-safe.
/// </summary>
/// <typeparam name="T">The function's result.</typeparam>
internal sealed class TieredFunction<T>
{
    private readonly Expression<Func<RuleContext, T>> _expression;
    private readonly Func<RuleContext, T> _interpreted;
    private Func<RuleContext, T>? _compiled;

    private TieredFunction(Expression<Func<RuleContext, T>> expression)
    {
        _expression = expression;
        _interpreted = expression.Compile(preferInterpretation: true);
    }

    /// <summary>A delegate running <paramref name="expression"/> interpreted, which the pack replaces by its compiled form when optimized.</summary>
    public static Func<RuleContext, T> Create(Expression<Func<RuleContext, T>> expression) => new TieredFunction<T>(expression).Invoke;

    /// <summary>The expression tree of <paramref name="function"/> when it is a tiered function, else null.</summary>
    public static Expression<Func<RuleContext, T>>? ExpressionOf(Func<RuleContext, T> function) =>
        function.Target is TieredFunction<T> tiered ? tiered._expression : null;

    /// <summary>Runs the interpreted function.</summary>
    public T Invoke(RuleContext context) => _interpreted(context);

    /// <summary>
    /// The delegate to call from now on: <paramref name="function"/> compiled when it is a tiered function (once; the
    /// interpreted one where this runtime cannot compile code), else <paramref name="function"/> itself.
    /// </summary>
    public static Func<RuleContext, T>? Optimized(Func<RuleContext, T>? function) =>
        function?.Target is TieredFunction<T> tiered ? tiered.Compiled() : function;

    private Func<RuleContext, T> Compiled()
    {
        if (_compiled is { } compiled)
        {
            return compiled;
        }

        compiled = RuntimeFeature.IsDynamicCodeCompiled ? _expression.Compile() : _interpreted;
        return Interlocked.CompareExchange(ref _compiled, compiled, null) ?? compiled;
    }
}
