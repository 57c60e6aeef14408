using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using CareRules.Model;
using NodaTime;

namespace CareRules.Analysis.Z3;

/// <summary>
/// Translates a rule's condition (fact definitions inlined) to SMT-LIB 2 over linear integer and real arithmetic: the
/// context's counts, amounts, enums (as integers), flags and requests (one boolean each), yes/no fields, dates (day
/// numbers) and instants (Unix seconds), null checks (a presence boolean per optional part), <c>&amp;&amp;</c>,
/// <c>||</c>, <c>!</c>, comparisons, addition and multiplication by constants. Anything else (a calendar computation,
/// a helper call) becomes a fresh unconstrained variable of its type: an over-approximation, so "unsat" stays a proof
/// while "sat" is only a candidate. Adds the model's invariants (catalog 1.2–1.4, 1.8) for the members it declares.
/// </summary>
internal sealed class SmtTranslator(ParameterExpression context)
{
    private static readonly CaseKind[] IncidentKinds =
        [CaseKind.DeliveryDelay, CaseKind.DamagedPackaging, CaseKind.DamagedGoods, CaseKind.MissingItem, CaseKind.WrongItem, CaseKind.LostParcel, CaseKind.StatutoryComplaint];

    private const int UnixEpochDay = 719_162; // DateOnly(1970, 1, 1).DayNumber: dates are days since the Unix epoch, instants seconds since it

    private readonly Dictionary<string, string> _sorts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _enums = new(StringComparer.Ordinal);
    private int _fresh;

    /// <summary>How many subexpressions were abstracted as free variables.</summary>
    public int Abstracted { get; private set; }

    /// <summary>The declared variables (quoted names) that came from the context, for reading a model.</summary>
    public IEnumerable<string> ContextVariables => _sorts.Keys.Where(k => !k.StartsWith("fresh", StringComparison.Ordinal));

    /// <summary>The command that prints the values of the context's variables after a <c>sat</c> (empty when there are none).</summary>
    public string GetValues()
    {
        var shown = ContextVariables.ToList();
        return shown.Count == 0 ? "" : "(get-value (" + string.Join(' ', shown.Select(Q)) + "))\n";
    }

    /// <summary>The script: declarations, invariants, the condition and <c>(check-sat)</c>.</summary>
    public string Script(Expression body)
    {
        string condition = Bool(body);
        var sb = new StringBuilder();
        foreach (var invariant in Invariants())
        {
            sb.Append("(assert ").Append(invariant).Append(")\n");
        }

        sb.Append("(assert ").Append(condition).Append(")\n(check-sat)\n");
        var declarations = new StringBuilder();
        foreach (var (name, sort) in _sorts)
        {
            declarations.Append("(declare-const ").Append(Q(name)).Append(' ').Append(sort).Append(")\n");
        }

        return declarations.ToString() + sb;
    }

    private static string Q(string name) => "|" + name + "|";

    private string Var(string name, string sort)
    {
        _sorts.TryAdd(name, sort);
        return Q(name);
    }

    private string Fresh(Type type)
    {
        Abstracted++;
        return Var("fresh" + _fresh++, SortOf(type) ?? "Bool");
    }

    private static string? SortOf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(bool) ? "Bool"
            : t == typeof(int) || t == typeof(long) || t.IsEnum || t == typeof(LocalDate) || t == typeof(Instant) ? "Int"
            : t == typeof(decimal) || t == typeof(double) ? "Real"
            : null;
    }

    private string Bool(Expression e)
    {
        var (text, sort) = Term(e);
        return sort == "Bool" ? text : Fresh(typeof(bool));
    }

    private (string Text, string Sort) Term(Expression e)
    {
        e = ConditionTrees.Strip(e);
        if (ConditionTrees.IsClosed(e))
        {
            return Literal(ConditionTrees.ValueOf(e), e.Type);
        }

        switch (e)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.OrElse } b:
                return ($"({(b.NodeType == ExpressionType.AndAlso ? "and" : "or")} {Bool(b.Left)} {Bool(b.Right)})", "Bool");
            case UnaryExpression { NodeType: ExpressionType.Not } n when n.Type == typeof(bool) || n.Type == typeof(bool?):
                return ($"(not {Bool(n.Operand)})", "Bool");
            case BinaryExpression { NodeType: ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual } c:
                return (Compare(c), "Bool");
            case BinaryExpression { NodeType: ExpressionType.Add or ExpressionType.Subtract or ExpressionType.Multiply } a when SortOf(a.Type) is "Int" or "Real":
                return Arithmetic(a);
            case ConditionalExpression cond when SortOf(cond.Type) is { } s:
                var (t, ts) = Term(cond.IfTrue);
                var (f, fs) = Term(cond.IfFalse);
                return ts == fs ? ($"(ite {Bool(cond.Test)} {t} {f})", ts) : (Fresh(cond.Type), s);
            case MethodCallExpression { Method.Name: "Has" or "Requested", Object: { } target, Arguments: [var flag] } call
                when ConditionTrees.PathOf(target, context) == "Case" && ConditionTrees.IsClosed(flag) && ConditionTrees.ValueOf(flag) is Enum value && IsSingleBit(value):
                return (Var($"Case.{call.Method.Name}.{value}", "Bool"), "Bool");
        }

        if (ConditionTrees.PathOf(e, context) is { } path && Member(path, e.Type) is { } member)
        {
            return member;
        }

        return SortOf(e.Type) is { } sort ? (Fresh(e.Type), sort) : throw new NotSupportedException(e.ToString());
    }

    private static bool IsSingleBit(Enum value)
    {
        long v = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        return v > 0 && (v & (v - 1)) == 0;
    }

    private (string, string)? Member(string path, Type type)
    {
        if (path is "Order" or "Case")
        {
            return null; // an object: only its presence is translated (Compare)
        }

        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
        {
            _enums[path] = t;
        }

        return SortOf(t) is { } sort ? (Var(path, sort), sort) : null;
    }

    private string Compare(BinaryExpression c)
    {
        string op = c.NodeType switch
        {
            ExpressionType.Equal or ExpressionType.NotEqual => "=",
            ExpressionType.LessThan => "<",
            ExpressionType.LessThanOrEqual => "<=",
            ExpressionType.GreaterThan => ">",
            _ => ">=",
        };
        bool negate = c.NodeType == ExpressionType.NotEqual;

        // x == null, x != null: the presence of an optional part or value.
        var (left, right) = (ConditionTrees.Strip(c.Left), ConditionTrees.Strip(c.Right));
        Expression? other = IsNull(right) ? left : IsNull(left) ? right : null;
        if (other is not null)
        {
            string present = ConditionTrees.PathOf(other, context) is { } p && p != "Customer" ? Var(p + ".present", "Bool") : Fresh(typeof(bool));
            return negate ? present : $"(not {present})";
        }

        var (a, sa) = Term(c.Left);
        var (b, sb) = Term(c.Right);
        if (sa != sb)
        {
            if (sa == "Bool" || sb == "Bool")
            {
                return Fresh(typeof(bool));
            }

            a = sa == "Int" ? $"(to_real {a})" : a;
            b = sb == "Int" ? $"(to_real {b})" : b;
        }

        string cmp = $"({op} {a} {b})";
        return negate ? $"(not {cmp})" : cmp;
    }

    private static bool IsNull(Expression e) => e is ConstantExpression { Value: null } || (ConditionTrees.IsClosed(e) && ConditionTrees.ValueOf(e) is null && !e.Type.IsValueType);

    private (string, string) Arithmetic(BinaryExpression a)
    {
        var (l, sl) = Term(a.Left);
        var (r, sr) = Term(a.Right);
        string sort = sl == "Real" || sr == "Real" ? "Real" : "Int";
        if (a.NodeType == ExpressionType.Multiply && !ConditionTrees.IsClosed(a.Left) && !ConditionTrees.IsClosed(a.Right))
        {
            return (Fresh(a.Type), sort); // not linear
        }

        l = sl == "Int" && sort == "Real" ? $"(to_real {l})" : l;
        r = sr == "Int" && sort == "Real" ? $"(to_real {r})" : r;
        string op = a.NodeType switch { ExpressionType.Add => "+", ExpressionType.Subtract => "-", _ => "*" };
        return ($"({op} {l} {r})", sort);
    }

    private (string, string) Literal(object? value, Type type) => value switch
    {
        bool b => (b ? "true" : "false", "Bool"),
        Enum en => (Int(Convert.ToInt64(en, CultureInfo.InvariantCulture)), "Int"),
        int i => (Int(i), "Int"),
        long l => (Int(l), "Int"),
        decimal d => (Real(d), "Real"),
        double x => (Real((decimal)x), "Real"),
        LocalDate date => (Int(date.ToDateOnly().DayNumber - UnixEpochDay), "Int"),
        Instant instant => (Int(instant.ToUnixTimeSeconds()), "Int"),
        _ => SortOf(type) is { } sort ? (Fresh(type), sort) : throw new NotSupportedException($"constant {value}"),
    };

    private static string Int(long v) => v < 0 ? $"(- {(-v).ToString(CultureInfo.InvariantCulture)})" : v.ToString(CultureInfo.InvariantCulture);

    private static string Real(decimal d)
    {
        string text = Math.Abs(d).ToString("0.0###########################", CultureInfo.InvariantCulture);
        return d < 0 ? $"(- {text})" : text;
    }

    /// <summary>The model's invariants over the declared members (catalog 1.2–1.4, 1.8).</summary>
    private IEnumerable<string> Invariants()
    {
        // Members some invariants tie together are declared with the member that needs them.
        if (_sorts.ContainsKey("Order.IsDelivered") || _sorts.ContainsKey("Order.Status"))
        {
            Var("Order.Status", "Int");
            _enums["Order.Status"] = typeof(OrderStatus);
            Var("Order.DeliveredAt.present", "Bool");
        }

        if (_sorts.ContainsKey("Case.IsIncident"))
        {
            Var("Case.Kind", "Int");
            _enums["Case.Kind"] = typeof(CaseKind);
        }

        foreach (var (name, sort) in _sorts.ToList())
        {
            if (name.StartsWith("Customer.", StringComparison.Ordinal) && sort is "Int" or "Real")
            {
                yield return $"(>= {Q(name)} {(sort == "Int" ? "0" : "0.0")})";
            }
            else if (name.EndsWith(".Amount", StringComparison.Ordinal))
            {
                yield return $"(>= {Q(name)} 0.0)";
            }
        }

        foreach (var (path, type) in _enums)
        {
            var values = Enum.GetValues(type).Cast<object>().Select(v => Int(Convert.ToInt64(v, CultureInfo.InvariantCulture))).Distinct();
            yield return "(or " + string.Join(' ', values.Select(v => $"(= {Q(path)} {v})")) + ")";
        }

        if (_sorts.ContainsKey("Order.Status"))
        {
            // status delivered requires a delivery instant (catalog 1.8)
            yield return $"(=> (= {Q("Order.Status")} {Int((int)OrderStatus.Delivered)}) {Q("Order.DeliveredAt.present")})";
        }

        if (_sorts.ContainsKey("Order.IsDelivered"))
        {
            yield return $"(= {Q("Order.IsDelivered")} (or (= {Q("Order.Status")} {Int((int)OrderStatus.Delivered)}) (= {Q("Order.Status")} {Int((int)OrderStatus.Returned)}) {Q("Order.DeliveredAt.present")}))";
        }

        if (_sorts.ContainsKey("Case.IsIncident"))
        {
            yield return $"(= {Q("Case.IsIncident")} (or {string.Join(' ', IncidentKinds.Select(k => $"(= {Q("Case.Kind")} {Int((int)k)})"))}))";
        }

        foreach (var (later, earlier) in (IEnumerable<(string, string)>)[("Order.ShippedAt", "Order.PlacedAt"), ("Order.DeliveredAt", "Order.PlacedAt"), ("Order.DeliveredAt", "Order.ShippedAt"), ("Now", "Case.OpenedAt"), ("Case.FirstReplyAt", "Case.OpenedAt")])
        {
            if (_sorts.ContainsKey(later) && _sorts.ContainsKey(earlier))
            {
                yield return $"(>= {Q(later)} {Q(earlier)})";
            }
        }

        if (_sorts.ContainsKey("Today") && _sorts.ContainsKey("Now"))
        {
            // today is the local date at now, in a zone within a day of UTC: its midnight is within two days of now.
            yield return $"(<= (- (* 86400 {Q("Today")}) {Q("Now")}) 172800)";
            yield return $"(>= (- (* 86400 {Q("Today")}) {Q("Now")}) (- 172800))";
        }
    }
}
