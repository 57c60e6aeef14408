using System.Linq.Expressions;
using CareRules.Evaluation;
using CareRules.Model;
using NodaTime;

namespace CareRules.Analysis;

/// <summary>
/// The values at which the pack's clauses flip, harvested from every rule's condition tree: each comparison of a context
/// member with a constant or a parameter gives its threshold and the values either side (whole numbers t−1, t, t+1;
/// amounts t−0.01, t, t+0.01), each enum compared gives its value, each flag or request tested is set; the pack's day
/// parameters give day offsets for dates. The sampler draws from these beside its generic values.
/// </summary>
internal sealed class Boundaries
{
    private readonly Dictionary<string, List<int>> _ints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<decimal>> _amounts = new(StringComparer.Ordinal);

    public List<int> DayOffsets { get; } = [0, 1, 2, 14, 15, 30, 31];

    public CaseFlags FlagsTested { get; private set; }

    public CustomerRequests RequestsTested { get; private set; }

    /// <summary>Counts the harvested thresholds (for the report).</summary>
    public int Count => _ints.Values.Sum(v => v.Count) + _amounts.Values.Sum(v => v.Count);

    public static Boundaries Of(CompiledPack pack)
    {
        var b = new Boundaries();
        foreach (var definition in pack.Parameters.Definitions)
        {
            if (pack.Parameters.Find(definition.Name) is int days && days is >= 0 and <= 400)
            {
                b.AddDays(days);
            }
        }

        foreach (var rule in pack.CompiledRules)
        {
            if (ConditionTrees.Of(rule) is { } tree)
            {
                new Harvest(b, tree.Context).Visit(tree.Body);
            }
        }

        return b;
    }

    private void AddDays(int days)
    {
        foreach (int d in (int[])[days - 1, days, days + 1])
        {
            if (d >= 0 && !DayOffsets.Contains(d))
            {
                DayOffsets.Add(d);
            }
        }
    }

    /// <summary>The thresholds of a whole-number member (<c>Customer.Orders</c>), or null.</summary>
    public List<int>? Ints(string path) => _ints.GetValueOrDefault(path);

    /// <summary>The thresholds of an amount member (<c>Order.Total.Amount</c>), or null.</summary>
    public List<decimal>? Amounts(string path) => _amounts.GetValueOrDefault(path);

    private void Add(string path, object? value)
    {
        switch (value)
        {
            case int i:
                var ints = _ints.TryGetValue(path, out var l) ? l : _ints[path] = [];
                foreach (long v in (long[])[(long)i - 1, i, (long)i + 1])
                {
                    if (v is >= 0 and <= int.MaxValue && !ints.Contains((int)v))
                    {
                        ints.Add((int)v);
                    }
                }

                break;
            case decimal d:
                var amounts = _amounts.TryGetValue(path, out var a) ? a : _amounts[path] = [];
                foreach (decimal v in (decimal[])[d - 0.01m, d, d + 0.01m])
                {
                    if (v >= 0m && !amounts.Contains(v))
                    {
                        amounts.Add(decimal.Round(v, 2));
                    }
                }

                break;
            case double x when x is > -1e15 and < 1e15:
                Add(path, (decimal)x);
                break;
            case long n when n is >= int.MinValue and <= int.MaxValue:
                Add(path, (int)n);
                break;
            case Period p:
                AddDays(p.Days);
                break;
        }
    }

    private sealed class Harvest(Boundaries into, ParameterExpression context) : ExpressionVisitor
    {
        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual)
            {
                Compare(node.Left, node.Right);
                Compare(node.Right, node.Left);
            }

            return base.VisitBinary(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name is "Has" or "Requested" && node.Arguments.Count == 1 && ConditionTrees.IsClosed(node.Arguments[0]))
            {
                switch (ConditionTrees.ValueOf(node.Arguments[0]))
                {
                    case CaseFlags f:
                        into.FlagsTested |= f;
                        break;
                    case CustomerRequests r:
                        into.RequestsTested |= r;
                        break;
                }
            }

            // today.PlusDays(n), Period.FromDays(n) and the like: n is a day offset worth trying.
            if (node.Method.Name is "PlusDays" or "FromDays" && node.Arguments.Count >= 1 && ConditionTrees.IsClosed(node.Arguments[^1])
                && ConditionTrees.ValueOf(node.Arguments[^1]) is int days and >= 0 and <= 400)
            {
                into.AddDays(days);
            }

            return base.VisitMethodCall(node);
        }

        private void Compare(Expression member, Expression threshold)
        {
            if (ConditionTrees.PathOf(member, context) is { } path && ConditionTrees.IsClosed(threshold))
            {
                into.Add(path, ConditionTrees.ValueOf(threshold));
            }
        }
    }
}
