using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace CareRules.Evaluation;

/// <summary>
/// Common-subexpression sharing for the rules fused into one method (<see cref="FusedRules"/>): a method call (or a
/// delegate invocation) that appears, with the same arguments, in more than one place — <c>StandardFacts.WithdrawalInWindow(…)</c> in the
/// conditions of <c>withdrawal.in-window</c> and <c>withdrawal.out-of-window</c>, the reply-SLA <c>HasElapsed(…)</c>
/// of two reply rules, the due-by function two outcomes of a rule share — is computed at most once per evaluation. Each shared call gets two locals of the fused method,
/// a flag and a value; every place it appeared reads the value, computing it first when the flag is not yet set. The
/// call is made where the first of its places is reached and only if one is reached, so short-circuiting and the
/// exceptions a condition can throw are as before; only repeats are saved. Sound because conditions and outcome
/// functions are pure functions of the context (<see cref="Authoring.RuleBuilder.WhenExpression"/>).
/// <para>
/// Values captured from the code that built a rule (the fields of a C# closure, such as a parameter read into a local)
/// are read once, when the pack is built, and become constants, so that two rules' captures of the same value compare
/// equal.
/// </para>
/// </summary>
internal static class SharedCalls
{
    /// <summary>
    /// Rewrites <paramref name="bodies"/> (expressions over <paramref name="context"/> only) so that repeated calls are
    /// computed once; <paramref name="variables"/> receives the locals to declare (flags and values, in pairs) and
    /// <paramref name="initialize"/> the assignments that clear the flags, to put before the first body.
    /// </summary>
    public static Expression[] Share(IReadOnlyList<Expression> bodies, ParameterExpression context, List<ParameterExpression> variables, List<Expression> initialize)
    {
        var folded = new Expression[bodies.Count];
        var counts = new Dictionary<Expression, int>(StructuralComparer.Instance);
        var counter = new Counter(context, counts);
        for (int i = 0; i < folded.Length; i++)
        {
            folded[i] = CaptureFolder.Instance.Visit(bodies[i])!;
            counter.Visit(folded[i]);
        }

        var slots = new Dictionary<Expression, (ParameterExpression Flag, ParameterExpression Value)>(StructuralComparer.Instance);
        foreach (var (call, count) in counts)
        {
            if (count > 1)
            {
                int n = slots.Count;
                var flag = Expression.Variable(typeof(bool), "shared" + n + "Known");
                var value = Expression.Variable(call.Type, "shared" + n);
                slots[call] = (flag, value);
                variables.Add(flag);
                variables.Add(value);
                initialize.Add(Expression.Assign(flag, Expression.Constant(false)));
            }
        }

        if (slots.Count == 0)
        {
            return folded;
        }

        var rewriter = new Rewriter(slots);
        return Array.ConvertAll(folded, b => rewriter.Visit(b)!);
    }

    /// <summary>True for a call worth sharing: it returns a value and reads nothing but the context and constants.</summary>
    private static bool IsCandidate(MethodCallExpression call, ParameterExpression context) =>
        call.Type != typeof(void) && !call.Method.IsSpecialName && OnlyReads.Check(call, context);

    /// <summary>True for an invocation of a delegate held as a constant (a C# outcome function) on the context alone.</summary>
    private static bool IsCandidate(InvocationExpression invocation, ParameterExpression context) =>
        invocation.Type != typeof(void) && invocation.Expression is ConstantExpression && OnlyReads.Check(invocation, context);

    /// <summary>Counts the candidate calls, by structure.</summary>
    private sealed class Counter(ParameterExpression context, Dictionary<Expression, int> counts) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (IsCandidate(node, context))
            {
                counts[node] = counts.GetValueOrDefault(node) + 1;
            }

            return base.VisitMethodCall(node);
        }

        protected override Expression VisitInvocation(InvocationExpression node)
        {
            if (IsCandidate(node, context))
            {
                counts[node] = counts.GetValueOrDefault(node) + 1;
            }

            return base.VisitInvocation(node);
        }

        // A nested lambda's body runs in another scope and maybe never: nothing in it is shared.
        protected override Expression VisitLambda<T>(Expression<T> node) => node;
    }

    /// <summary>Replaces each shared call by a read of its value, computed on first use.</summary>
    private sealed class Rewriter(Dictionary<Expression, (ParameterExpression Flag, ParameterExpression Value)> slots) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) => Shared(node, base.VisitMethodCall(node));

        protected override Expression VisitInvocation(InvocationExpression node) => Shared(node, base.VisitInvocation(node));

        private Expression Shared(Expression node, Expression visited)
        {
            if (!slots.TryGetValue(node, out var slot))
            {
                return visited;
            }

            return Expression.Condition(
                slot.Flag,
                slot.Value,
                Expression.Block(
                    Expression.Assign(slot.Value, visited),
                    Expression.Assign(slot.Flag, Expression.Constant(true)),
                    slot.Value));
        }

        protected override Expression VisitLambda<T>(Expression<T> node) => node;
    }

    /// <summary>True when an expression reads no parameter or variable other than the context.</summary>
    private sealed class OnlyReads : ExpressionVisitor
    {
        private readonly ParameterExpression _context;
        private bool _other;

        private OnlyReads(ParameterExpression context) => _context = context;

        public static bool Check(Expression e, ParameterExpression context)
        {
            var check = new OnlyReads(context);
            check.Visit(e);
            return !check._other;
        }

        public override Expression? Visit(Expression? node) => _other ? node : base.Visit(node);

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _other |= node != _context;
            return node;
        }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _other = true;
            return node;
        }

        protected override Expression VisitBlock(BlockExpression node)
        {
            _other = true;
            return node;
        }
    }

    /// <summary>Turns the reads of captured locals (fields of a compiler-generated closure held as a constant) into constants.</summary>
    private sealed class CaptureFolder : ExpressionVisitor
    {
        public static readonly CaptureFolder Instance = new();

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is ConstantExpression { Value: { } closure } && node.Member is FieldInfo field
                && field.DeclaringType is { } owner && owner.IsDefined(typeof(CompilerGeneratedAttribute), false))
            {
                return Expression.Constant(field.GetValue(closure), node.Type);
            }

            return base.VisitMember(node);
        }
    }

    /// <summary>
    /// Structural equality of the expressions a condition is made of: same node types, members, methods, constants
    /// (by value) and the same parameters. Node kinds it does not know compare by reference, so they are never shared.
    /// </summary>
    private sealed class StructuralComparer : IEqualityComparer<Expression>
    {
        public static readonly StructuralComparer Instance = new();

        public bool Equals(Expression? x, Expression? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.NodeType != y.NodeType || x.Type != y.Type)
            {
                return false;
            }

            return (x, y) switch
            {
                (ConstantExpression a, ConstantExpression b) => Equals(a.Value, b.Value),
                (MemberExpression a, MemberExpression b) => a.Member == b.Member && Equals(a.Expression, b.Expression),
                (MethodCallExpression a, MethodCallExpression b) => a.Method == b.Method && Equals(a.Object, b.Object) && All(a.Arguments, b.Arguments),
                (InvocationExpression a, InvocationExpression b) => Equals(a.Expression, b.Expression) && All(a.Arguments, b.Arguments),
                (UnaryExpression a, UnaryExpression b) => a.Method == b.Method && Equals(a.Operand, b.Operand),
                (BinaryExpression a, BinaryExpression b) => a.Method == b.Method && a.Conversion is null && b.Conversion is null
                    && Equals(a.Left, b.Left) && Equals(a.Right, b.Right),
                (ConditionalExpression a, ConditionalExpression b) => Equals(a.Test, b.Test) && Equals(a.IfTrue, b.IfTrue) && Equals(a.IfFalse, b.IfFalse),
                (TypeBinaryExpression a, TypeBinaryExpression b) => a.TypeOperand == b.TypeOperand && Equals(a.Expression, b.Expression),
                (DefaultExpression, DefaultExpression) => true,
                _ => false,
            };
        }

        public int GetHashCode(Expression obj)
        {
            var hash = new HashCode();
            hash.Add(obj.NodeType);
            hash.Add(obj.Type);
            switch (obj)
            {
                case ConstantExpression c:
                    hash.Add(c.Value);
                    break;
                case MemberExpression m:
                    hash.Add(m.Member);
                    hash.Add(m.Expression is null ? 0 : GetHashCode(m.Expression));
                    break;
                case MethodCallExpression call:
                    hash.Add(call.Method);
                    foreach (var argument in call.Arguments)
                    {
                        hash.Add(GetHashCode(argument));
                    }

                    break;
                case InvocationExpression invocation:
                    hash.Add(GetHashCode(invocation.Expression));
                    break;
                case UnaryExpression u:
                    hash.Add(GetHashCode(u.Operand));
                    break;
                case BinaryExpression b:
                    hash.Add(GetHashCode(b.Left));
                    hash.Add(GetHashCode(b.Right));
                    break;
                case ParameterExpression p:
                    hash.Add(p);
                    break;
            }

            return hash.ToHashCode();
        }

        private bool All(System.Collections.ObjectModel.ReadOnlyCollection<Expression> a, System.Collections.ObjectModel.ReadOnlyCollection<Expression> b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }

            for (int i = 0; i < a.Count; i++)
            {
                if (!Equals(a[i], b[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
