using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Explanations;

/// <summary>
/// The explanation plans of one pack: for each rule, its condition as a tree of nodes, each with a function that
/// evaluates it alone (interpreted: built fast, run rarely). Built once per pack on first use; thread-safe.
/// </summary>
internal sealed class PackExplainer
{
    private static readonly ConditionalWeakTable<CompiledPack, PackExplainer> Cache = [];

    private readonly CompiledPack _pack;
    private readonly Dictionary<string, CompiledRule> _rules;
    private readonly ConcurrentDictionary<string, Node.Root?> _plans = new(StringComparer.Ordinal);

    private PackExplainer(CompiledPack pack)
    {
        _pack = pack;
        _rules = pack.CompiledRules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public static PackExplainer For(CompiledPack pack) => Cache.GetValue(pack, p => new PackExplainer(p));

    /// <param name="context">The context.</param>
    /// <param name="verdict">The pack's verdict for the context, or null when evaluating it threw.</param>
    /// <param name="ruleId">The rule to explain.</param>
    public RuleExplanation Explain(CareContext context, Verdict? verdict, string ruleId)
    {
        if (!_rules.TryGetValue(ruleId, out var rule))
        {
            throw new ArgumentException($"'{ruleId}' is not an enabled rule of pack '{_pack.Id}'; its rules are: {string.Join(", ", _rules.Keys.Order(StringComparer.Ordinal))}.", nameof(ruleId));
        }

        var rc = new RuleContext(_pack.Calendar);
        rc.Load(context);
        Clause? condition = null;
        if (_plans.GetOrAdd(ruleId, _ => Plan(rule, _pack.Parameters)) is { } plan)
        {
            condition = plan.Explain(new State(rc, new object?[plan.VariableCount], _pack));
        }

        // Without a verdict (evaluation threw), a rule counts as fired when its condition holds; a throw counts as false.
        bool fired = verdict is not null ? verdict.HasFired(ruleId)
            : condition is not null ? condition.Value == ClauseValue.True
            : Holds(rule, rc);
        var fates = fired && verdict is not null ? Fates(rule, context, verdict) : [];
        return new RuleExplanation(context.Case?.Id, ruleId, rule.Description, fired, condition, fates);
    }

    private static bool Holds(CompiledRule rule, RuleContext rc)
    {
        try
        {
            return rule.Condition(rc);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }

    private List<DecisionFate> Fates(CompiledRule rule, CareContext context, Verdict verdict)
    {
        var buffer = _pack.CreateBuffer();
        CompiledPack.Produce(rule, context, buffer);
        var produced = new List<Decision>(buffer.DecisionCount);
        foreach (ref readonly var decision in buffer.Produced)
        {
            produced.Add(decision);
        }

        var trace = verdict.Trace.Where(t => t.RuleId == rule.Id && t.Kind != TraceKind.RuleFired).ToList();
        bool budgetExhausted = verdict.Trace.Any(t => t.Kind == TraceKind.BudgetExhausted);
        var kept = verdict.Decisions.Where(d => d.RuleId == rule.Id).ToList();
        var fates = new List<DecisionFate>(produced.Count);
        foreach (var decision in produced)
        {
            string what = ExplanationText.Describe(decision);
            int entry = trace.FindIndex(t => t.Type == decision.Type && (decision.Type != DecisionType.Compensate || t.Offer == decision.Offer));
            int inVerdict = kept.FindIndex(d => d.Type == decision.Type && d.Offer == decision.Offer && d.Stop == decision.Stop && d.To == decision.To
                && d.Channel == decision.Channel && d.Message == decision.Message && d.Advice == decision.Advice);
            DecisionFate fate;
            if (entry >= 0)
            {
                var t = trace[entry];
                trace.RemoveAt(entry);
                fate = t.Kind switch
                {
                    TraceKind.CapReduced => new DecisionFate(decision, FateKind.Reduced, null, t.After, $"{what}: kept, reduced to {t.After} to fit the goodwill cap of {t.Limit}."),
                    TraceKind.GoodwillSuppressed => new DecisionFate(decision, FateKind.Suppressed, t.CauseRuleId, null, $"{what}: suppressed, because {t.CauseRuleId} withholds goodwill."),
                    TraceKind.DuplicateMerged or TraceKind.EscalationMerged or TraceKind.DecisionMerged =>
                        new DecisionFate(decision, FateKind.Merged, t.CauseRuleId, null, $"{what}: merged into the one from {t.CauseRuleId}."),
                    // Resolution drops goodwill by the cap first and then adds the budget stop (catalog 7.5): that stop stands in for it.
                    TraceKind.CapDropped or TraceKind.BelowMinimumDropped when budgetExhausted && decision.IsGoodwill =>
                        new DecisionFate(decision, FateKind.BudgetExhausted, null, null, BudgetExhaustedText(what)),
                    TraceKind.CapDropped => new DecisionFate(decision, FateKind.Dropped, null, null, $"{what}: dropped, the goodwill cap of {t.Limit} leaves no room for it."),
                    TraceKind.BelowMinimumDropped => new DecisionFate(decision, FateKind.Dropped, null, null, $"{what}: dropped, the {t.After} left under the cap is below the minimum meaningful gift of {t.Limit}."),
                    _ => new DecisionFate(decision, FateKind.Kept, null, null, $"{what}: {t.Describe()}"),
                };
            }
            else if (inVerdict >= 0)
            {
                kept.RemoveAt(inVerdict);
                fate = new DecisionFate(decision, FateKind.Kept, null, null, $"{what}: kept.");
            }
            else if (budgetExhausted && decision.IsGoodwill)
            {
                fate = new DecisionFate(decision, FateKind.BudgetExhausted, null, null, BudgetExhaustedText(what));
            }
            else
            {
                fate = new DecisionFate(decision, FateKind.Dropped, null, null, $"{what}: removed by resolution.");
            }

            fates.Add(fate);
        }

        return fates;
    }

    private static string BudgetExhaustedText(string what) =>
        $"{what}: removed, the customer's goodwill budget is exhausted, so stop no-goodwill stands in for it.";

    /// <summary>The rule's plan, or null when its condition is a delegate (opaque).</summary>
    private static Node.Root? Plan(CompiledRule rule, ParameterValues parameters)
    {
        if (rule.ExplanationExpression is not { } tree)
        {
            return null;
        }

        var builder = new PlanBuilder(tree.Parameters[0], parameters);
        var root = builder.Build(tree.Body);
        return new Node.Root(root, builder.VariableCount);
    }

    /// <summary>What explaining one context needs: the loaded rule context, the values of block variables, the pack.</summary>
    internal sealed record State(RuleContext Context, object?[] Variables, CompiledPack Pack);

    /// <summary>Turns a condition tree into plan nodes.</summary>
    private sealed class PlanBuilder(ParameterExpression context, ParameterValues parameters)
    {
        private readonly Dictionary<ParameterExpression, int> _variables = [];
        private readonly ParameterExpression _values = Expression.Parameter(typeof(object?[]), "variables");
        private readonly ExpressionText _text = new(context);

        public int VariableCount => _variables.Count;

        public Node Build(Expression e)
        {
            switch (e)
            {
                case TryExpression t:
                    return Build(t.Body);
                case BlockExpression block:
                    var steps = new List<(int, Func<RuleContext, object?[], object?>)>();
                    foreach (var variable in block.Variables)
                    {
                        _variables[variable] = _variables.Count;
                    }

                    foreach (var step in block.Expressions.Take(block.Expressions.Count - 1))
                    {
                        if (step is BinaryExpression { NodeType: ExpressionType.Assign, Left: ParameterExpression target } assign && _variables.TryGetValue(target, out int index))
                        {
                            steps.Add((index, Compile(assign.Right)));
                        }
                    }

                    return new Node.Scoped(steps, Build(block.Result));
                case UnaryExpression { NodeType: ExpressionType.Convert, Operand: var operand } when operand.Type == typeof(bool) && e.Type == typeof(bool):
                    return Build(operand);
                case BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.OrElse, Method: null } b when b.Type == typeof(bool):
                    var parts = new List<Expression>();
                    Flatten(b, b.NodeType, parts);
                    return new Node.Combine(b.NodeType == ExpressionType.AndAlso, _text.Print(b), [.. parts.Select(Build)]);
                case UnaryExpression { NodeType: ExpressionType.Not } not when not.Type == typeof(bool):
                    return new Node.Negate(_text.Print(not), Build(not.Operand));
                case BinaryExpression { NodeType: ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual } cmp:
                    return Comparison(cmp);
                case MethodCallExpression call when call.Object is null && FactDefinitions.Of(call.Method) is { } definition:
                    return new Node.Leaf(ClauseKind.Call, _text.Print(call), Compile(call), Operands(call.Arguments), null, Build(FactDefinitions.Bind(definition, call.Arguments)));
                case MethodCallExpression call:
                    return new Node.Leaf(ClauseKind.Call, _text.Print(call), Compile(call), Operands(call.Object is null ? call.Arguments : [call.Object, .. call.Arguments]), null, null);
                case InvocationExpression { Expression: ConstantExpression } invoke:
                    return new Node.Leaf(ClauseKind.Opaque, _text.Print(invoke), Compile(invoke), Operands(invoke.Arguments), null, null);
                default:
                    return new Node.Leaf(ClauseKind.Value, _text.Print(e), Compile(e), [], BoolFlip(e), null);
            }
        }

        private static void Flatten(Expression e, ExpressionType type, List<Expression> parts)
        {
            if (e is BinaryExpression { Method: null } b && b.NodeType == type)
            {
                Flatten(b.Left, type, parts);
                Flatten(b.Right, type, parts);
            }
            else
            {
                parts.Add(e);
            }
        }

        private Node.Compare Comparison(BinaryExpression cmp)
        {
            var left = Operand(cmp.Left);
            var right = Operand(cmp.Right);
            var enumType = ExpressionText.EnumOf(cmp.Left) ?? ExpressionText.EnumOf(cmp.Right);
            if (enumType is not null)
            {
                left = left with { EnumType = enumType };
                right = right with { EnumType = enumType };
            }

            FlipPlan? flip = null;
            bool leftClock = IsClock(cmp.Left), rightClock = IsClock(cmp.Right);
            bool leftClosed = IsClosed(cmp.Left), rightClosed = IsClosed(cmp.Right);
            if (leftClock || (!rightClock && rightClosed && !leftClosed))
            {
                flip = new FlipPlan(0, cmp.NodeType, leftClock);
            }
            else if (rightClock || (leftClosed && !rightClosed))
            {
                flip = new FlipPlan(1, Mirror(cmp.NodeType), rightClock);
            }

            var operands = new List<OperandPlan>(2);
            if (!IsLiteral(cmp.Left) && !IsPart(cmp.Left))
            {
                operands.Add(left);
            }

            if (!IsLiteral(cmp.Right) && !IsPart(cmp.Right))
            {
                operands.Add(right);
            }

            return new Node.Compare(_text.Print(cmp), Compile(cmp), left, right, operands, flip);
        }

        private FlipPlan? BoolFlip(Expression e) =>
            ExpressionText.Strip(e) is MemberExpression && e.Type == typeof(bool) && !IsClosed(e) ? new FlipPlan(-1, ExpressionType.Equal, false) : null;

        private static ExpressionType Mirror(ExpressionType type) => type switch
        {
            ExpressionType.LessThan => ExpressionType.GreaterThan,
            ExpressionType.LessThanOrEqual => ExpressionType.GreaterThanOrEqual,
            ExpressionType.GreaterThan => ExpressionType.LessThan,
            ExpressionType.GreaterThanOrEqual => ExpressionType.LessThanOrEqual,
            _ => type,
        };

        private bool IsClock(Expression e) =>
            ExpressionText.Strip(e) is MemberExpression { Expression: ParameterExpression p, Member.Name: nameof(RuleContext.Today) or nameof(RuleContext.Now) } && p == context;

        private static bool IsLiteral(Expression e) => ExpressionText.Strip(e) is ConstantExpression;

        private bool IsClosed(Expression e) => !new Reads(context, _variables.Keys).Any(e);

        private List<OperandPlan> Operands(IEnumerable<Expression> arguments) =>
            [.. arguments.Where(a => !IsLiteral(a) && !IsPart(a)).Select(Operand)];

        /// <summary>A whole part of the context (the customer, order, case, calendar): its value says nothing a reader needs.</summary>
        private static bool IsPart(Expression e) =>
            ExpressionText.Strip(e).Type is var t && (t == typeof(Customer) || t == typeof(Order) || t == typeof(CareCase) || t == typeof(CareContext)
                || t == typeof(Time.BusinessCalendar) || t == typeof(RuleContext));

        private OperandPlan Operand(Expression e) =>
            new(_text.Print(e), Compile(e), ExpressionText.ParameterName(e, parameters), Parameters(e), null);

        private List<string> Parameters(Expression e)
        {
            var names = new List<string>();
            new Walk(x =>
            {
                if (ExpressionText.ParameterName(x, parameters) is { } name && !names.Contains(name))
                {
                    names.Add(name);
                }
            }).Visit(e);
            return names;
        }

        private Func<RuleContext, object?[], object?> Compile(Expression e)
        {
            var body = new ReadVariables(_variables, _values).Visit(e)!;
            return Expression.Lambda<Func<RuleContext, object?[], object?>>(Expression.Convert(body, typeof(object)), context, _values)
                .Compile(preferInterpretation: true);
        }
    }

    /// <summary>True when an expression reads the rule context or a block variable.</summary>
    private sealed class Reads(ParameterExpression context, IEnumerable<ParameterExpression> variables) : ExpressionVisitor
    {
        private readonly HashSet<ParameterExpression> _inputs = [context, .. variables];
        private bool _found;

        public bool Any(Expression e)
        {
            _found = false;
            Visit(e);
            return _found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _found |= _inputs.Contains(node);
            return node;
        }
    }

    private sealed class Walk(Action<Expression> action) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node)
        {
            if (node is not null)
            {
                action(node);
            }

            return base.Visit(node);
        }
    }

    /// <summary>Replaces block variables by reads of the variable values array.</summary>
    private sealed class ReadVariables(Dictionary<ParameterExpression, int> variables, ParameterExpression values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            variables.TryGetValue(node, out int index)
                ? Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(index)), node.Type)
                : node;
    }

    /// <summary>
    /// An operand's value as an explanation shows it: an enumeration by its catalog name, an amount parameter with two
    /// decimals as its configuration is written (<c>vipLifetimeValue = 2000.00</c>), anything else as
    /// <see cref="ExplanationText.FormatValue"/> writes it.
    /// </summary>
    internal static string FormatOperand(OperandPlan plan, object? value, CompiledPack pack) =>
        plan.EnumType is not null && value is not null and not Enum ? ExplanationText.FormatValue(Enum.ToObject(plan.EnumType, value), pack.Calendar)
        : value is decimal amount && plan.Parameter is { } name && pack.Parameters.Definition(name) is { IsAmount: true } ? amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)
        : ExplanationText.FormatValue(value, pack.Calendar);

    internal sealed record OperandPlan(string Text, Func<RuleContext, object?[], object?> Evaluate, string? Parameter, IReadOnlyList<string> Parameters, Type? EnumType);

    /// <summary>A comparison's flip: which side is the fact (0 left, 1 right, -1 a yes/no value), the operator with the fact on the left, and whether the fact is the clock.</summary>
    internal sealed record FlipPlan(int FactIndex, ExpressionType Operator, bool Clock);

    /// <summary>One node of a plan.</summary>
    internal abstract class Node
    {
        public abstract Clause Explain(State state);

        /// <summary>The clause of a node that was not evaluated (short-circuit): its text, no values.</summary>
        public abstract Clause Skipped();

        protected static (object? Value, string? Error) Run(Func<RuleContext, object?[], object?> f, State state)
        {
            try
            {
                return (f(state.Context, state.Variables), null);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var inner = ex is TargetInvocationException { InnerException: { } i } ? i : ex;
                return (null, inner.GetType().Name + ": " + inner.Message);
            }
        }

        internal sealed class Root(Node node, int variableCount) : Node
        {
            public int VariableCount { get; } = variableCount;

            public Node Node { get; } = node;

            public override Clause Explain(State state) => Node.Explain(state);

            public override Clause Skipped() => Node.Skipped();
        }

        internal sealed class Scoped(List<(int Index, Func<RuleContext, object?[], object?> Value)> steps, Node body) : Node
        {
            public override Clause Explain(State state)
            {
                foreach (var (index, value) in steps)
                {
                    var (result, error) = Run(value, state);
                    if (error is not null)
                    {
                        var skipped = body.Skipped();
                        return new Clause(skipped.Kind, skipped.Expression, ClauseValue.Failed, [], [], null, error);
                    }

                    state.Variables[index] = result;
                }

                return body.Explain(state);
            }

            public override Clause Skipped() => body.Skipped();
        }

        internal sealed class Combine(bool all, string text, Node[] parts) : Node
        {
            public override Clause Explain(State state)
            {
                var clauses = new Clause[parts.Length];
                bool? decided = null;
                for (int i = 0; i < parts.Length; i++)
                {
                    if (decided is not null)
                    {
                        clauses[i] = parts[i].Skipped();
                        continue;
                    }

                    clauses[i] = parts[i].Explain(state);
                    bool holds = clauses[i].Value == ClauseValue.True;
                    if (holds != all)
                    {
                        decided = holds;
                    }
                }

                bool value = decided ?? all;
                if (!all && value)
                {
                    // An || that holds: its false operands changed nothing, so where they would flip is noise.
                    clauses = Array.ConvertAll(clauses, c => c.WithoutFlip());
                }

                return new Clause(all ? ClauseKind.All : ClauseKind.Any, text, value ? ClauseValue.True : ClauseValue.False, [], clauses, null, null);
            }

            public override Clause Skipped() => new(all ? ClauseKind.All : ClauseKind.Any, text, ClauseValue.NotEvaluated, [], [], null, null);
        }

        internal sealed class Negate(string text, Node operand) : Node
        {
            public override Clause Explain(State state)
            {
                var inner = operand.Explain(state);
                var value = inner.Value switch
                {
                    ClauseValue.True => ClauseValue.False,
                    ClauseValue.False => ClauseValue.True,
                    var other => other,
                };
                NearestFlip? flip = null;
                if (value == ClauseValue.False && operand is Leaf { Flippable: true })
                {
                    flip = new NearestFlip(inner.Expression, "==", "false", [], "true", $"fires when {inner.Expression} is false");
                }

                // The operand's own flip ("fires when x is true") reads backwards under the negation: the negation words it.
                return new Clause(ClauseKind.Not, text, value, [], [inner.WithoutFlip()], flip, inner.Value == ClauseValue.Failed ? inner.Error : null);
            }

            public override Clause Skipped() => new(ClauseKind.Not, text, ClauseValue.NotEvaluated, [], [], null, null);
        }

        internal sealed class Leaf(ClauseKind kind, string text, Func<RuleContext, object?[], object?> evaluate, List<OperandPlan> operands, FlipPlan? flip, Node? definition) : Node
        {
            /// <summary>A yes/no value read from the context: it flips by being the other way.</summary>
            public bool Flippable => flip is not null;

            public override Clause Explain(State state)
            {
                var (result, error) = Run(evaluate, state);
                var values = operands.Select(o => Value(o, state)).ToList();
                Clause[] nested = definition is null ? [] : [definition.Explain(state)];
                if (error is not null)
                {
                    return new Clause(kind, text, ClauseValue.Failed, values, nested, null, error);
                }

                var value = result is true ? ClauseValue.True : ClauseValue.False;
                var nearest = value == ClauseValue.False && Flippable ? new NearestFlip(text, "==", "true", [], "false", $"fires when {text} is true") : null;
                return new Clause(kind, text, value, values, nested, nearest, null);
            }

            public override Clause Skipped() => new(kind, text, ClauseValue.NotEvaluated, [], [], null, null);
        }

        internal sealed class Compare(string text, Func<RuleContext, object?[], object?> evaluate, OperandPlan left, OperandPlan right, List<OperandPlan> shown, FlipPlan? flip) : Node
        {
            public override Clause Explain(State state)
            {
                var (result, error) = Run(evaluate, state);
                var values = shown.Select(o => Value(o, state)).ToList();
                if (error is not null)
                {
                    return new Clause(ClauseKind.Comparison, text, ClauseValue.Failed, values, [], null, error);
                }

                bool holds = result is true;
                NearestFlip? nearest = null;
                if (!holds && flip is not null)
                {
                    var fact = flip.FactIndex == 0 ? left : right;
                    var threshold = flip.FactIndex == 0 ? right : left;
                    var (factValue, factError) = Run(fact.Evaluate, state);
                    var (thresholdValue, thresholdError) = Run(threshold.Evaluate, state);
                    if (factError is null && thresholdError is null)
                    {
                        nearest = Flips.Describe(fact, factValue, flip.Operator, threshold, thresholdValue, flip.Clock, state.Pack);
                    }
                }

                return new Clause(ClauseKind.Comparison, text, holds ? ClauseValue.True : ClauseValue.False, values, [], nearest, null);
            }

            public override Clause Skipped() => new(ClauseKind.Comparison, text, ClauseValue.NotEvaluated, [], [], null, null);
        }

        private static Operand Value(OperandPlan plan, State state)
        {
            var (value, error) = Run(plan.Evaluate, state);
            string text = error is not null ? "failed (" + error + ")" : FormatOperand(plan, value, state.Pack);
            return new Operand(plan.Text, text, plan.Parameter);
        }
    }
}
