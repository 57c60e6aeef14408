using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace CareRules.Authoring;

/// <summary>
/// Finds the expression-tree definitions of fact methods marked with <see cref="FactDefinitionAttribute"/>, inlines
/// them into condition trees, and compiles a definition into the delegate its method runs. Thread-safe.
/// </summary>
internal static class FactDefinitions
{
    private static readonly ConcurrentDictionary<MethodInfo, LambdaExpression?> Cache = new();

    /// <summary>The definition of <paramref name="method"/>, or null when it has none.</summary>
    /// <exception cref="InvalidOperationException">The attribute names no matching lambda.</exception>
    public static LambdaExpression? Of(MethodInfo method) => Cache.GetOrAdd(method, Find);

    /// <summary>Compiles a definition (interpreted where dynamic code is not compiled).</summary>
    public static TDelegate Compile<TDelegate>(Expression<TDelegate> definition)
        where TDelegate : Delegate =>
        definition.Compile(preferInterpretation: !RuntimeFeature.IsDynamicCodeCompiled);

    /// <summary>The definition's body with its parameters bound to <paramref name="arguments"/>.</summary>
    public static Expression Bind(LambdaExpression definition, IReadOnlyList<Expression> arguments)
    {
        var map = new Dictionary<ParameterExpression, Expression>();
        for (int i = 0; i < definition.Parameters.Count; i++)
        {
            map[definition.Parameters[i]] = arguments[i];
        }

        return new Substitute(map).Visit(definition.Body)!;
    }

    /// <summary>
    /// Inlines every call of a fact method with a definition, recursively. Each argument is evaluated once, before the
    /// body, as a call evaluates it: arguments other than parameters, constants and reads of a
    /// <see cref="RuleContext"/> property go to block variables. A <see cref="RuleContext"/> property is pure and cheap
    /// (<see cref="RuleContext.Today"/> is computed once per evaluation), so it is read where the body uses it, and
    /// not at all when the body does not get there (<c>IsLate(c.Order, c.Today)</c> needs no local date for an order
    /// that is delivered).
    /// </summary>
    public static Expression Inline(Expression expression) => new Inliner().Visit(expression)!;

    private static LambdaExpression? Find(MethodInfo method)
    {
        if (method.GetCustomAttribute<FactDefinitionAttribute>() is not { } attribute)
        {
            return null;
        }

        const BindingFlags flags = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        var parameters = method.GetParameters();
        object? value = attribute.DeclaringType.GetField(attribute.MemberName, flags)?.GetValue(null)
            ?? attribute.DeclaringType.GetProperty(attribute.MemberName, flags)?.GetValue(null);
        if (value is null && attribute.DeclaringType.GetMethod(attribute.MemberName, flags, [.. parameters.Select(p => p.ParameterType)]) is { } other && other != method)
        {
            value = Of(other); // a fact that forwards to another fact shares its definition
        }

        if (value is not LambdaExpression lambda || lambda.ReturnType != method.ReturnType || lambda.Parameters.Count != parameters.Length
            || !lambda.Parameters.Select(p => p.Type).SequenceEqual(parameters.Select(p => p.ParameterType)))
        {
            throw new InvalidOperationException(
                $"The fact definition of {method.DeclaringType?.Name}.{method.Name}, {attribute.DeclaringType.Name}.{attribute.MemberName}, is not a static lambda with the method's parameters and return type.");
        }

        return lambda;
    }

    private static bool IsContextRead(Expression argument) =>
        argument is MemberExpression { Expression: ParameterExpression { } owner, Member: PropertyInfo } && owner.Type == typeof(RuleContext);

    private sealed class Substitute(Dictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.TryGetValue(node, out var e) ? e : node;
    }

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var visited = (MethodCallExpression)base.VisitMethodCall(node);
            if (visited.Object is not null || Of(visited.Method) is not { } definition)
            {
                return visited;
            }

            var variables = new List<ParameterExpression>();
            var steps = new List<Expression>();
            var arguments = new Expression[visited.Arguments.Count];
            for (int i = 0; i < arguments.Length; i++)
            {
                var argument = visited.Arguments[i];
                if (argument is ParameterExpression or ConstantExpression || IsContextRead(argument))
                {
                    arguments[i] = argument;
                    continue;
                }

                var variable = Expression.Variable(argument.Type, definition.Parameters[i].Name);
                variables.Add(variable);
                steps.Add(Expression.Assign(variable, argument));
                arguments[i] = variable;
            }

            var body = Visit(Bind(definition, arguments));
            if (variables.Count == 0)
            {
                return body;
            }

            steps.Add(body);
            return Expression.Block(body.Type, variables, steps);
        }
    }
}
