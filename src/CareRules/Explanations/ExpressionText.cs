using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CareRules.Authoring;

namespace CareRules.Explanations;

/// <summary>
/// Prints a condition's expression tree as a pack author reads it: the rule context's parts by their names
/// (<c>order</c>, <c>customer</c>, <c>case</c>, <c>today</c>, <c>now</c>, <c>calendar</c>), captured values and
/// workflow <c>params</c> by their names, static facts without their type, conversions and <c>.Value</c> of nullables
/// left out, and enum constants compared with an enum by their names.
/// </summary>
internal sealed class ExpressionText(ParameterExpression context)
{
    /// <summary>The name of a parameter a captured value or a <c>params</c> member stands for, or null.</summary>
    public static string? ParameterName(Expression e, ParameterValues parameters) => Strip(e) switch
    {
        MemberExpression { Expression: ConstantExpression, Member.Name: var name } when parameters.Find(name) is not null => name,
        MethodCallExpression { Method.Name: nameof(ParameterValues.Get), Object: ConstantExpression { Value: ParameterValues }, Arguments: [var definition] }
            when Evaluate(definition) is ParameterDefinition d => d.Name,
        _ => null,
    };

    /// <summary>Removes conversions and <c>.Value</c> of nullables: they change nothing a reader sees.</summary>
    public static Expression Strip(Expression e)
    {
        while (true)
        {
            switch (e)
            {
                case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u:
                    e = u.Operand;
                    continue;
                case MemberExpression { Member.Name: "Value", Expression: { } inner } when Nullable.GetUnderlyingType(inner.Type) is not null:
                    e = inner;
                    continue;
                default:
                    return e;
            }
        }
    }

    public string Print(Expression e) => Print(e, 0);

    private string Print(Expression e, int parentPrecedence)
    {
        string text = e switch
        {
            ParameterExpression p when p == context => "context",
            ParameterExpression p => p.Name ?? "value",
            ConstantExpression c => Constant(c.Value, c.Type),
            UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.Quote } u => Print(u.Operand, parentPrecedence),
            UnaryExpression { NodeType: ExpressionType.Not } u when u.Type == typeof(bool) => "!" + Print(u.Operand, 14),
            UnaryExpression { NodeType: ExpressionType.Not } u => "~" + Print(u.Operand, 14),
            UnaryExpression { NodeType: ExpressionType.Negate or ExpressionType.NegateChecked } u => "-" + Print(u.Operand, 14),
            MemberExpression m => Member(m),
            MethodCallExpression call => Call(call),
            BinaryExpression b => Binary(b),
            ConditionalExpression c => $"{Print(c.Test, 2)} ? {Print(c.IfTrue, 2)} : {Print(c.IfFalse, 2)}",
            InvocationExpression { Expression: ConstantExpression } i => $"opaque function({string.Join(", ", i.Arguments.Select(a => Print(a)))})",
            InvocationExpression i => $"{Print(i.Expression, 15)}({string.Join(", ", i.Arguments.Select(a => Print(a)))})",
            BlockExpression block => Print(block.Result, parentPrecedence),
            TryExpression t => Print(t.Body, parentPrecedence),
            NewExpression n => $"new {n.Type.Name}({string.Join(", ", n.Arguments.Select(a => Print(a)))})",
            TypeBinaryExpression t => $"{Print(t.Expression, 10)} is {t.TypeOperand.Name}",
            _ => e.ToString(),
        };
        int precedence = Precedence(e);
        return precedence < parentPrecedence ? "(" + text + ")" : text;
    }

    private string Member(MemberExpression m) => m switch
    {
        { Expression: ParameterExpression p } when p == context => m.Member.Name switch
        {
            nameof(RuleContext.Case) => "case",
            var name => char.ToLowerInvariant(name[0]) + name[1..],
        },
        { Member.Name: "Value", Expression: { } inner } when Nullable.GetUnderlyingType(inner.Type) is not null => Print(inner, 15),
        { Member.Name: "HasValue", Expression: { } inner } when Nullable.GetUnderlyingType(inner.Type) is not null => Print(inner, 15) + " != null",
        { Expression: ConstantExpression } => m.Member.Name, // a captured value or a workflow params member: its name
        { Expression: null } => m.Member.DeclaringType is { } t && !IsFactType(t) ? t.Name + "." + m.Member.Name : m.Member.Name,
        _ => Print(m.Expression!, 15) + "." + m.Member.Name,
    };

    private string Call(MethodCallExpression call)
    {
        if (call is { Method.Name: nameof(ParameterValues.Get), Object: ConstantExpression { Value: ParameterValues }, Arguments: [var definition] }
            && Evaluate(definition) is ParameterDefinition d)
        {
            return d.Name;
        }

        string args = string.Join(", ", call.Arguments.Select(a => Print(a)));
        if (call.Object is { } target)
        {
            return $"{Print(target, 15)}.{call.Method.Name}({args})";
        }

        var type = call.Method.DeclaringType;
        return type is null || IsFactType(type) ? $"{call.Method.Name}({args})" : $"{type.Name}.{call.Method.Name}({args})";
    }

    private string Binary(BinaryExpression b)
    {
        string op = Operator(b.NodeType);
        int precedence = Precedence(b);

        // C# compares enums as their underlying numbers in expression trees: print the number back as the enum.
        if (EnumOf(b.Left) is { } leftEnum && Strip(b.Right) is ConstantExpression rightConstant)
        {
            return $"{Print(b.Left, precedence)} {op} {EnumConstant(leftEnum, rightConstant.Value)}";
        }

        if (EnumOf(b.Right) is { } rightEnum && Strip(b.Left) is ConstantExpression leftConstant)
        {
            return $"{EnumConstant(rightEnum, leftConstant.Value)} {op} {Print(b.Right, precedence + 1)}";
        }

        return $"{Print(b.Left, precedence)} {op} {Print(b.Right, precedence + 1)}";
    }

    /// <summary>The enum type of an operand C# converted to its underlying number, or null.</summary>
    public static Type? EnumOf(Expression e)
    {
        var inner = e;
        while (inner is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u)
        {
            inner = u.Operand;
        }

        var type = Nullable.GetUnderlyingType(inner.Type) ?? inner.Type;
        return type.IsEnum && !ReferenceEquals(inner, e) ? type : null;
    }

    private static string EnumConstant(Type enumType, object? value) =>
        value is null ? "null" : enumType.Name + "." + Enum.ToObject(enumType, value);

    private static string Constant(object? value, Type type) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        Enum e => type.Name + "." + e,
        IFormattable f when type.IsPrimitive || type == typeof(decimal) => f.ToString(null, CultureInfo.InvariantCulture),
        _ => ExplanationText.FormatValue(value, null),
    };

    private static bool IsFactType(Type type) =>
        type.IsAbstract && type.IsSealed && (type.Name is "StandardFacts" or "Care" || type.IsDefined(typeof(CompilerGeneratedAttribute), false));

    private static string Operator(ExpressionType type) => type switch
    {
        ExpressionType.Equal => "==",
        ExpressionType.NotEqual => "!=",
        ExpressionType.LessThan => "<",
        ExpressionType.LessThanOrEqual => "<=",
        ExpressionType.GreaterThan => ">",
        ExpressionType.GreaterThanOrEqual => ">=",
        ExpressionType.AndAlso => "&&",
        ExpressionType.OrElse => "||",
        ExpressionType.And => "&",
        ExpressionType.Or => "|",
        ExpressionType.ExclusiveOr => "^",
        ExpressionType.Add or ExpressionType.AddChecked => "+",
        ExpressionType.Subtract or ExpressionType.SubtractChecked => "-",
        ExpressionType.Multiply or ExpressionType.MultiplyChecked => "*",
        ExpressionType.Divide => "/",
        ExpressionType.Modulo => "%",
        ExpressionType.Coalesce => "??",
        ExpressionType.ArrayIndex => "[]",
        _ => type.ToString(),
    };

    private static int Precedence(Expression e) => e switch
    {
        BinaryExpression b => b.NodeType switch
        {
            ExpressionType.Coalesce => 3,
            ExpressionType.OrElse => 4,
            ExpressionType.AndAlso => 5,
            ExpressionType.Or => 6,
            ExpressionType.ExclusiveOr => 7,
            ExpressionType.And => 8,
            ExpressionType.Equal or ExpressionType.NotEqual => 9,
            ExpressionType.LessThan or ExpressionType.LessThanOrEqual or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual => 10,
            ExpressionType.Add or ExpressionType.AddChecked or ExpressionType.Subtract or ExpressionType.SubtractChecked => 12,
            _ => 13,
        },
        ConditionalExpression => 2,
        _ => 16,
    };

    internal static object? Evaluate(Expression e) =>
        e is ConstantExpression c ? c.Value : Expression.Lambda<Func<object?>>(Expression.Convert(e, typeof(object))).Compile(preferInterpretation: true)();
}
