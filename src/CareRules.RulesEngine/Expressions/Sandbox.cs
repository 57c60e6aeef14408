using System.Linq.Dynamic.Core;
using System.Linq.Expressions;
using System.Reflection;

namespace CareRules.RulesEngine.Expressions;

/// <summary>
/// Walks a parsed expression and rejects everything outside a whitelist: expressions may read the context
/// (<c>customer</c>, <c>order</c>, <c>case</c>, <c>now</c>, <c>today</c>, <c>calendar</c>), the declared parameters
/// (<c>params.*</c>), the helpers of <see cref="Care"/>, the members of the catalog's model, NodaTime and primitive
/// types listed in <see cref="ExpressionTypes"/>, a few string, <see cref="Math"/> and <see cref="Enumerable"/>
/// methods, and nothing else: no <see cref="Type"/> or reflection, no <c>new</c> of other types, no static members
/// of other types, no delegates, no dynamic binding. Every value an expression produces must itself be of an
/// allowed type, so nothing outside the whitelist can even be held. Thread-safe once made.
/// </summary>
internal sealed class Sandbox
{
    private const string Rule = "pack expressions may use only customer, order, case, now, today, calendar, params.*, the Care helpers and the documented types";

    private static readonly HashSet<string> MathMethods = new(StringComparer.Ordinal) { "Min", "Max", "Abs", "Round", "Floor", "Ceiling", "Sign", "Clamp", "Truncate" };

    private static readonly HashSet<string> EnumerableMethods = new(StringComparer.Ordinal)
    {
        "Any", "All", "Count", "Contains", "Sum", "Min", "Max", "Average", "Where", "Select", "First", "FirstOrDefault", "Last", "LastOrDefault", "Distinct",
    };

    private static readonly HashSet<string> StringMethods = new(StringComparer.Ordinal)
    {
        "Contains", "StartsWith", "EndsWith", "Equals", "Compare", "CompareTo", "CompareOrdinal", "IndexOf", "LastIndexOf", "IsNullOrEmpty",
        "IsNullOrWhiteSpace", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant", "Trim", "TrimStart", "TrimEnd", "Substring",
        "ToString", "GetHashCode", "get_Chars", "get_Length", "op_Equality", "op_Inequality",
    };

    private static readonly HashSet<string> ObjectMethods = new(StringComparer.Ordinal) { "Equals", "ToString", "GetHashCode", "CompareTo", "ReferenceEquals", "HasFlag" };

    private static readonly HashSet<Type> Allowed = [.. ExpressionTypes.Primitives, .. ExpressionTypes.Enums, .. ExpressionTypes.Values, .. ExpressionTypes.Entities];

    private static readonly HashSet<Type> Constructible = [.. ExpressionTypes.Values];

    private readonly ParamsType _params;

    public Sandbox(ParamsType @params) => _params = @params;

    /// <summary>Every violation in <paramref name="expression"/>, each a sentence; empty when the expression is allowed.</summary>
    public IReadOnlyList<string> Check(Expression expression)
    {
        var walker = new Walker(this);
        walker.Visit(expression);
        return walker.Problems;
    }

    private bool IsAllowedType(Type t)
    {
        if (t == typeof(object) || t == typeof(Enum) || Allowed.Contains(t) || t == _params.Type)
        {
            return true;
        }

        if (Nullable.GetUnderlyingType(t) is { } underlying)
        {
            return IsAllowedType(underlying);
        }

        if (t.IsSZArray)
        {
            return IsAllowedType(t.GetElementType()!);
        }

        if (t.IsGenericType)
        {
            var definition = t.GetGenericTypeDefinition();
            bool container = definition == typeof(IEnumerable<>) || definition == typeof(IOrderedEnumerable<>)
                || definition == typeof(Func<>) || definition == typeof(Func<,>) || definition == typeof(Func<,,>);
            return container && t.GetGenericArguments().All(IsAllowedType);
        }

        return false;
    }

    private bool IsAllowedMethod(MethodInfo m, out string? why)
    {
        why = null;
        var declaring = m.DeclaringType!;
        string name = m.Name;
        if (name is "GetType" or "MemberwiseClone" or "Finalize" || typeof(MemberInfo).IsAssignableFrom(declaring) || declaring.Namespace?.StartsWith("System.Reflection", StringComparison.Ordinal) == true)
        {
            why = "reflection";
            return false;
        }

        bool allowed;
        if (declaring == typeof(Care))
        {
            allowed = m.IsPublic && m.IsStatic;
        }
        else if (declaring == typeof(Math))
        {
            allowed = MathMethods.Contains(name);
        }
        else if (declaring == typeof(Enumerable))
        {
            allowed = EnumerableMethods.Contains(name);
        }
        else if (declaring == typeof(string))
        {
            allowed = StringMethods.Contains(name);
            if (!allowed && name is "Concat" or "Join" or "PadLeft" or "PadRight" or "Replace" or "Insert" or "Format")
            {
                why = "building text (expressions test facts; reasons are written in the decision's \"reason\")";
            }
        }
        else if (declaring == typeof(object) || declaring == typeof(ValueType) || declaring == typeof(Enum))
        {
            allowed = ObjectMethods.Contains(name);
        }
        else if (Allowed.Contains(declaring) || (Nullable.GetUnderlyingType(declaring) is { } u && IsAllowedType(u)))
        {
            allowed = IsAllowedType(m.ReturnType) && m.GetParameters().All(p => !p.ParameterType.IsByRef && IsAllowedType(p.ParameterType));
        }
        else
        {
            allowed = false;
        }

        if (allowed && m.IsGenericMethod)
        {
            allowed = m.GetGenericArguments().All(IsAllowedType);
        }

        return allowed;
    }

    private static string Name(Type t)
    {
        if (Nullable.GetUnderlyingType(t) is { } u)
        {
            return Name(u) + "?";
        }

        if (t.IsGenericType)
        {
            string raw = t.Name;
            int tick = raw.IndexOf('`', StringComparison.Ordinal);
            return (tick > 0 ? raw[..tick] : raw) + "<" + string.Join(", ", t.GetGenericArguments().Select(Name)) + ">";
        }

        return Allowed.Contains(t) || t == typeof(Care) || t == typeof(Math) || t == typeof(object) ? t.Name : t.FullName ?? t.Name;
    }

    private sealed class Walker(Sandbox sandbox) : ExpressionVisitor
    {
        private readonly Sandbox _s = sandbox;

        public List<string> Problems { get; } = [];

        public override Expression? Visit(Expression? node)
        {
            if (node is null)
            {
                return null;
            }

            int before = Problems.Count;
            var result = base.Visit(node);
            if (Problems.Count == before && node.Type != typeof(void) && !_s.IsAllowedType(node.Type))
            {
                Add($"it produces a value of type {Name(node.Type)}, which is not allowed");
            }

            return result;
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var m = node.Method;
            if (typeof(DynamicClass).IsAssignableFrom(m.DeclaringType))
            {
                if (node.Arguments is [ConstantExpression { Value: string unknown }])
                {
                    Add($"params has no parameter '{unknown}'; the pack's parameters are: {_s._params.KnownNames}", plain: true);
                }
                else
                {
                    Add($"it calls {m.Name} on params, which is not allowed");
                }

                return node;
            }

            int before = Problems.Count;
            var visited = base.VisitMethodCall(node);
            if (Problems.Count == before && !_s.IsAllowedMethod(m, out string? why))
            {
                string what = $"{Name(m.DeclaringType!)}.{m.Name}(…)";
                Add(why is null ? $"it calls {what}, which is not allowed" : $"it calls {what}: {why} is not allowed");
            }

            return visited;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            var member = node.Member;
            var declaring = member.DeclaringType!;
            if (declaring == _s._params.Type || node.Expression?.Type == _s._params.Type)
            {
                if (member is PropertyInfo && declaring == _s._params.Type && _s._params.Properties.ContainsKey(member.Name))
                {
                    return base.VisitMember(node);
                }

                Add($"params has no parameter '{member.Name}'; the pack's parameters are: {_s._params.KnownNames}", plain: true);
                return node;
            }

            int before = Problems.Count;
            var visited = base.VisitMember(node);
            var type = member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType;
            if (Problems.Count == before
                && (!_s.IsAllowedType(declaring) || declaring == typeof(object) || !_s.IsAllowedType(type) || typeof(DynamicClass).IsAssignableFrom(declaring)))
            {
                Add($"it reads {Name(declaring)}.{member.Name}, which is not allowed");
            }

            return visited;
        }

        protected override Expression VisitNew(NewExpression node)
        {
            if (!Constructible.Contains(node.Type) || node.Constructor is null || node.Constructor.GetParameters().Any(p => !_s.IsAllowedType(p.ParameterType)))
            {
                Add($"it creates a {Name(node.Type)} with 'new', which is not allowed (only {string.Join(", ", Constructible.Select(Name))} may be created)");
                return node;
            }

            return base.VisitNew(node);
        }

        protected override Expression VisitNewArray(NewArrayExpression node)
        {
            if (node.NodeType != ExpressionType.NewArrayInit || !_s.IsAllowedType(node.Type))
            {
                Add($"it creates an array of {Name(node.Type.GetElementType() ?? node.Type)}, which is not allowed");
                return node;
            }

            return base.VisitNewArray(node);
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            if (node.Method is { } m && !_s.IsAllowedMethod(m, out _))
            {
                Add($"it converts with {Name(m.DeclaringType!)}.{m.Name}, which is not allowed");
                return node;
            }

            if (!_s.IsAllowedType(node.Type))
            {
                Add($"it converts to {Name(node.Type)}, which is not allowed");
                return node;
            }

            return base.VisitUnary(node);
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.Method is { } m && !_s.IsAllowedMethod(m, out string? why))
            {
                Add(why is null ? $"it uses the operator {Name(m.DeclaringType!)}.{m.Name}, which is not allowed" : $"it uses {Name(m.DeclaringType!)}.{m.Name}: {why} is not allowed");
                return node;
            }

            return base.VisitBinary(node);
        }

        protected override Expression VisitTypeBinary(TypeBinaryExpression node)
        {
            if (!_s.IsAllowedType(node.TypeOperand))
            {
                Add($"it tests for the type {Name(node.TypeOperand)}, which is not allowed");
                return node;
            }

            return base.VisitTypeBinary(node);
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is not null && !_s.IsAllowedType(node.Value.GetType()))
            {
                Add($"it holds a constant of type {Name(node.Value.GetType())}, which is not allowed");
            }

            return node;
        }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            foreach (var p in node.Parameters)
            {
                if (!_s.IsAllowedType(p.Type))
                {
                    Add($"it declares a lambda over {Name(p.Type)}, which is not allowed");
                    return node;
                }
            }

            return base.VisitLambda(node);
        }

        protected override Expression VisitParameter(ParameterExpression node) => node;

        protected override Expression VisitConditional(ConditionalExpression node) => base.VisitConditional(node);

        protected override Expression VisitDefault(DefaultExpression node) => node;

        protected override Expression VisitInvocation(InvocationExpression node) => Reject(node, "it invokes a delegate");

        protected override Expression VisitDynamic(DynamicExpression node) => Reject(node, "it binds a member dynamically (on an untyped value)");

        protected override Expression VisitIndex(IndexExpression node) => Reject(node, $"it indexes a {Name(node.Object?.Type ?? node.Type)}");

        protected override Expression VisitBlock(BlockExpression node) => Reject(node, "it is a block of statements");

        protected override Expression VisitLoop(LoopExpression node) => Reject(node, "it loops");

        protected override Expression VisitTry(TryExpression node) => Reject(node, "it catches exceptions");

        protected override Expression VisitGoto(GotoExpression node) => Reject(node, "it jumps");

        protected override Expression VisitLabel(LabelExpression node) => Reject(node, "it declares a label");

        protected override Expression VisitSwitch(SwitchExpression node) => Reject(node, "it switches");

        protected override Expression VisitMemberInit(MemberInitExpression node) => Reject(node, $"it initialises a {Name(node.Type)}");

        protected override Expression VisitListInit(ListInitExpression node) => Reject(node, $"it initialises a {Name(node.Type)}");

        protected override Expression VisitExtension(Expression node) => Reject(node, $"it holds a {node.GetType().Name} node");

        protected override Expression VisitRuntimeVariables(RuntimeVariablesExpression node) => Reject(node, "it reads runtime variables");

        private Expression Reject(Expression node, string what)
        {
            Add(what + ", which is not allowed");
            return node;
        }

        private void Add(string problem, bool plain = false)
        {
            string text = plain ? problem : problem + " (" + Rule + ")";
            if (!Problems.Contains(text))
            {
                Problems.Add(text);
            }
        }
    }
}
