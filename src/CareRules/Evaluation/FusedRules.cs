using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CareRules.Authoring;
using CareRules.Model;
using NodaTime;

namespace CareRules.Evaluation;

/// <summary>
/// A pack's rules fused into one method per 64 rules (rules in id order): for each rule, its condition, and when it
/// holds, the rule recorded as fired and its decisions produced into the buffer, guards, values and due-bys included —
/// what <see cref="CompiledPack"/>'s loop over the rules does, without a delegate call per condition, a loop over
/// outcomes or a closure per function. Made only for packs with conditions given as expression trees
/// (<see cref="RuleBuilder.WhenExpression"/>, as workflow JSON packs and the C# Standard pack give them): those are
/// inlined, and so are an outcome's guard, value and due-by when given as expression trees (a workflow JSON pack's,
/// <see cref="TieredFunction{T}"/>); delegate conditions and functions are invoked from the method. A call made with
/// the same arguments in several places is made once per evaluation (<see cref="SharedCalls"/>): two conditions that
/// ask the same fact, outcomes of one rule that share a due-by function.
/// <para>
/// Tiered: the methods are interpreted from the start (building a pack compiles nothing, so its first answer comes in
/// about a millisecond) and compiled to IL by <see cref="Compile"/> when the pack is optimized
/// (<see cref="CompiledPack.Optimize"/>, in the background after the pack's first evaluations); the compiled methods
/// replace the interpreted ones in one atomic swap. Both produce the same decisions. Needs dynamic code: where it is
/// only interpreted (NativeAOT), <see cref="TryCreate"/> returns null and the pack runs its rules one by one.
/// </para>
/// </summary>
internal sealed class FusedRules
{
    /// <summary>
    /// How many contexts may leave the compiled methods by an exception (each then evaluated again rule by rule)
    /// before the pack compiles them again with their exception handlers: a pack whose conditions throw now and then
    /// keeps the faster methods, one whose conditions throw often (a workflow rule reading <c>order.Total</c> of
    /// cases without an order) gets methods that handle them in place.
    /// </summary>
    internal const int FallbacksBeforeHandlers = 64;

    private readonly Expression<Action<RuleContext, EvaluationBuffer>>[] _trees;
    private Action<RuleContext, EvaluationBuffer>[] _chunks;
    private int _fallbacks;

    private FusedRules(Expression<Action<RuleContext, EvaluationBuffer>>[] trees)
    {
        _trees = trees;
        _chunks = Array.ConvertAll(trees, t => t.Compile(preferInterpretation: true));
    }

    /// <summary>The fused methods as expression trees, with the exception handlers of their parts (for tests).</summary>
    internal IReadOnlyList<Expression<Action<RuleContext, EvaluationBuffer>>> Trees => _trees;

    /// <summary>True once <see cref="Compile"/> has swapped the compiled methods in.</summary>
    public bool IsCompiled { get; private set; }

    /// <summary>True while the compiled methods run without the exception handlers of their parts (see <see cref="WithoutHandlers"/>).</summary>
    public bool IsLean { get; private set; }

    /// <summary>True when contexts left the lean methods by exceptions often enough that <see cref="Compile"/> should give them their handlers back.</summary>
    public bool WantsHandlers => IsLean && Volatile.Read(ref _fallbacks) >= FallbacksBeforeHandlers;

    /// <summary>
    /// Runs every rule on the loaded context: fired rules and their decisions go into <paramref name="buffer"/>, in rule
    /// id order. The compiled methods may run without the exception handlers of the conditions and functions inside them
    /// (see <see cref="WithoutHandlers"/>): then a part's exception ends the run and this returns false, and the caller
    /// evaluates the context rule by rule and calls <see cref="RecordFallback"/>. The exception handler is here, not in
    /// the caller, so that the caller's values stay in registers.
    /// </summary>
    public bool TryRun(RuleContext context, EvaluationBuffer buffer)
    {
        try
        {
            var chunks = _chunks;
            for (int c = 0; c < chunks.Length; c++)
            {
                chunks[c](context, buffer);
            }

            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>Counts a context that left the lean methods by an exception; true exactly once, when the count reaches <see cref="FallbacksBeforeHandlers"/>.</summary>
    public bool RecordFallback() => IsLean && Interlocked.Increment(ref _fallbacks) == FallbacksBeforeHandlers;

    /// <summary>How many contexts left the lean methods by an exception (for tests).</summary>
    internal int Fallbacks => Volatile.Read(ref _fallbacks);

    /// <summary>
    /// Compiles the fused methods to IL and swaps them in, all chunks at once: without their parts' exception handlers
    /// the first time, with them once <see cref="WantsHandlers"/>. Not thread-safe: the pack calls it under its lock.
    /// </summary>
    public void Compile()
    {
        if (!IsCompiled)
        {
            Volatile.Write(ref _chunks, Array.ConvertAll(_trees, t => ((Expression<Action<RuleContext, EvaluationBuffer>>)WithoutHandlers.Instance.Visit(t)!).Compile()));
            IsCompiled = true;
            IsLean = true;
        }
        else if (WantsHandlers)
        {
            Volatile.Write(ref _chunks, Array.ConvertAll(_trees, t => t.Compile()));
            IsLean = false;
        }
    }

    /// <summary>The fused rules (interpreted until <see cref="Compile"/>), or null when this runtime cannot compile code or no condition is an expression tree.</summary>
    public static FusedRules? TryCreate(CompiledRule[] rules)
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled || !Array.Exists(rules, r => r.ConditionExpression is not null))
        {
            return null;
        }

        var trees = new Expression<Action<RuleContext, EvaluationBuffer>>[(rules.Length + 63) / 64];
        for (int c = 0; c < trees.Length; c++)
        {
            var context = Expression.Parameter(typeof(RuleContext), "context");
            var buffer = Expression.Parameter(typeof(EvaluationBuffer), "buffer");
            var variables = new List<ParameterExpression>();
            var body = new List<Expression>();
            int start = c * 64;
            int end = Math.Min(rules.Length, start + 64);

            // Every condition and outcome function as an expression over the context, shared calls computed once.
            var parts = new List<Expression>();
            for (int r = start; r < end; r++)
            {
                parts.Add(Condition(rules[r], context));
                foreach (var outcome in rules[r].Outcomes)
                {
                    parts.Add(Function(outcome.When, context) ?? Expression.Empty());
                    parts.Add(Function(outcome.ValueOf, context) ?? Expression.Constant(outcome.FixedValue, typeof(Money?)));
                    parts.Add(Function(outcome.InstantOf, context) ?? Expression.Constant(null, typeof(Instant?)));
                }
            }

            // What the rules record lives in locals while the method runs, each bit a constant of the method, and is
            // written into the buffer once at its end: the rules fired (this chunk's word of FiredBits), the ranks and
            // production positions of the decisions produced, the merge slots seen and seen twice.
            var marks = new Marks(c, buffer);
            var shared = SharedCalls.Share(parts, context, variables, body);
            int p = 0;
            for (int r = start; r < end; r++)
            {
                var rule = rules[r];
                var condition = shared[p++];
                var fire = new List<Expression> { marks.Fired(r) };
                foreach (var outcome in rule.Outcomes)
                {
                    var when = shared[p++];
                    var value = shared[p++];
                    var instant = shared[p++];
                    var add = new List<Expression>
                    {
                        value is ConstantExpression { Value: null } && instant is ConstantExpression { Value: null }
                            ? Expression.Call(PutPlain, marks.ByRank, Expression.Constant(outcome.Rank))
                            : Expression.Call(Put, marks.ByRank, Expression.Constant(outcome.Rank), value, instant),
                    };
                    add.AddRange(marks.Produced(outcome));
                    fire.Add(outcome.When is null ? Expression.Block(add) : Expression.IfThen(when, Expression.Block(add)));
                }

                body.Add(Expression.IfThen(condition, Expression.Block(fire)));
            }

            body.AddRange(marks.WriteOut());
            variables.AddRange(marks.Variables);
            body.InsertRange(0, marks.Initialize);
            var inlined = FactDefinitions.Inline(Expression.Block(variables, body));
            trees[c] = Expression.Lambda<Action<RuleContext, EvaluationBuffer>>(ContextReads.Hoist(NullChecks.Instance.Visit(inlined)!, context), context, buffer);
        }

        return new FusedRules(trees);
    }

    private static readonly System.Reflection.MethodInfo Put = typeof(EvaluationBuffer).GetMethod(nameof(EvaluationBuffer.Put), System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!;

    private static readonly System.Reflection.MethodInfo PutPlain = typeof(EvaluationBuffer).GetMethod(nameof(EvaluationBuffer.PutPlain), System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!;

    private static readonly System.Reflection.MethodInfo OrWord = typeof(EvaluationBuffer).GetMethod(nameof(EvaluationBuffer.Or), System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!;

    private static readonly System.Reflection.MethodInfo AddSlots = typeof(EvaluationBuffer).GetMethod(nameof(EvaluationBuffer.AddSlots), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;

    /// <summary>
    /// The locals in which one fused method records what its rules do (what <see cref="EvaluationBuffer.AddFired"/>
    /// and <see cref="EvaluationBuffer.AddDecision"/> record in the buffer for the general engine), and the statements
    /// that set them and write them out.
    /// </summary>
    private sealed class Marks(int chunk, ParameterExpression buffer)
    {
        private readonly ParameterExpression _fired = Expression.Variable(typeof(ulong), "fired");
        private readonly ParameterExpression _seen = Expression.Variable(typeof(ulong), "slotsSeen");
        private readonly ParameterExpression _repeated = Expression.Variable(typeof(ulong), "slotsRepeated");
        private readonly SortedDictionary<int, ParameterExpression> _kept = [];
        private readonly SortedDictionary<int, ParameterExpression> _produced = [];

        /// <summary>The buffer's decisions by rank, read once.</summary>
        public ParameterExpression ByRank { get; } = Expression.Variable(typeof(Decision[]), "byRank");

        public IEnumerable<ParameterExpression> Variables => [ByRank, _fired, _seen, _repeated, .. _kept.Values, .. _produced.Values];

        /// <summary>The statements that set the locals, to run before the rules (once every rule has been added).</summary>
        public IEnumerable<Expression> Initialize =>
        [
            Expression.Assign(ByRank, Expression.Property(buffer, nameof(EvaluationBuffer.ByRank))),
            .. new[] { _fired, _seen, _repeated }.Concat(_kept.Values).Concat(_produced.Values).Select(v => Expression.Assign(v, Expression.Constant(0UL))),
        ];

        /// <summary>Rule <paramref name="index"/> (of the pack) fired: its bit in this chunk's word.</summary>
        public BinaryExpression Fired(int index) => Expression.OrAssign(_fired, Expression.Constant(1UL << (index - (chunk * 64))));

        /// <summary>An outcome's decision was produced: the bits of its rank and position, and its merge slot.</summary>
        public IEnumerable<Expression> Produced(CompiledOutcome outcome)
        {
            yield return Expression.OrAssign(Word(_kept, outcome.Rank >> 6, "kept"), Expression.Constant(1UL << outcome.Rank));
            yield return Expression.OrAssign(Word(_produced, outcome.Position >> 6, "produced"), Expression.Constant(1UL << outcome.Position));
            if (outcome.SlotBit != 0)
            {
                var slot = Expression.Constant(outcome.SlotBit);
                yield return Expression.OrAssign(_repeated, Expression.And(_seen, slot));
                yield return Expression.OrAssign(_seen, slot);
            }
        }

        /// <summary>The locals into the buffer; to run after the rules (the words were made zero before them).</summary>
        public IEnumerable<Expression> WriteOut()
        {
            var fired = Expression.Property(buffer, nameof(EvaluationBuffer.FiredBits));
            yield return Expression.Assign(Expression.ArrayAccess(fired, Expression.Constant(chunk)), _fired);
            foreach (var (word, bits) in _kept)
            {
                yield return Expression.Call(OrWord, Expression.Property(buffer, nameof(EvaluationBuffer.KeptBits)), Expression.Constant(word), bits);
            }

            foreach (var (word, bits) in _produced)
            {
                yield return Expression.Call(OrWord, Expression.Property(buffer, nameof(EvaluationBuffer.ProducedBits)), Expression.Constant(word), bits);
            }

            yield return Expression.Call(buffer, AddSlots, _seen, _repeated);
        }

        private static ParameterExpression Word(SortedDictionary<int, ParameterExpression> words, int word, string name)
        {
            if (!words.TryGetValue(word, out var local))
            {
                words[word] = local = Expression.Variable(typeof(ulong), name + word);
            }

            return local;
        }
    }

    /// <summary>One rule's condition as an expression over <paramref name="context"/> (fact calls not yet inlined).</summary>
    private static Expression Condition(CompiledRule rule, ParameterExpression context) =>
        rule.ConditionExpression is { } tree
            ? new Rebind(tree.Parameters[0], context).Visit(tree.Body)!
            : Expression.Invoke(Expression.Constant(rule.Condition), context);

    /// <summary>An outcome function as an expression over <paramref name="context"/>: its tree when it has one, else an invocation of the delegate; null for none.</summary>
    private static Expression? Function<T>(Func<RuleContext, T>? function, ParameterExpression context) =>
        function is null ? null
        : TieredFunction<T>.ExpressionOf(function) is { } tree ? new Rebind(tree.Parameters[0], context).Visit(tree.Body)!
        : Expression.Invoke(Expression.Constant(function), context);

    /// <summary>
    /// The fused method without the exception handlers of the conditions and functions inside it (a workflow JSON pack
    /// guards each of them: an exception makes a condition false and a value or due-by null, as in RulesEngine). An
    /// exception handler around a part keeps the JIT from holding the method's values in registers across it, and a JSON
    /// pack has one around almost every condition and function. Without them an exception leaves the fused method, and
    /// <see cref="CompiledPack"/> evaluates that context again rule by rule, where every condition and function runs
    /// with its own handlers (they are pure functions of the context, so the answer is the one the handlers would have
    /// given). Only handlers that catch are removed; a <c>finally</c> or <c>fault</c> stays. Used for the compiled methods
    /// until contexts fall back too often (<see cref="FallbacksBeforeHandlers"/>); the interpreted ones keep their handlers.
    /// </summary>
    private sealed class WithoutHandlers : ExpressionVisitor
    {
        public static readonly WithoutHandlers Instance = new();

        protected override Expression VisitTry(TryExpression node) =>
            node.Finally is null && node.Fault is null
                ? Convert(Visit(node.Body)!, node.Type)
                : base.VisitTry(node);

        private static Expression Convert(Expression body, Type type) =>
            body.Type == type ? body : type == typeof(void) ? Expression.Block(typeof(void), body) : Expression.Convert(body, type);
    }

    /// <summary>
    /// <c>x == null</c> and <c>x != null</c> for a nullable value <c>x</c> (<c>c.Order.PromisedBy != null</c>) as
    /// <c>!x.HasValue</c> and <c>x.HasValue</c>: the same answer, where the compiler's lifted comparison with null
    /// makes a dozen instructions of each.
    /// </summary>
    private sealed class NullChecks : ExpressionVisitor
    {
        public static readonly NullChecks Instance = new();

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual && (node.Method is null || node.IsLifted)
                && Nullable.GetUnderlyingType(node.Left.Type) is not null && node.Right is ConstantExpression { Value: null })
            {
                Expression hasValue = Expression.Property(Visit(node.Left)!, nameof(Nullable<int>.HasValue));
                return node.NodeType == ExpressionType.NotEqual ? hasValue : Expression.Not(hasValue);
            }

            return base.VisitBinary(node);
        }
    }

    /// <summary>
    /// The reads of the rule context's customer, order, case, calendar and now, each made once at the start of the fused
    /// method into a local instead of at every use (a condition reads the case or the order a few times, two dozen
    /// conditions do; each read is a getter for the JIT to inline, and a method this size runs out of inlining budget).
    /// </summary>
    private sealed class ContextReads : ExpressionVisitor
    {
        private static readonly HashSet<System.Reflection.MemberInfo> Fixed =
        [
            typeof(RuleContext).GetProperty(nameof(RuleContext.Customer))!,
            typeof(RuleContext).GetProperty(nameof(RuleContext.Order))!,
            typeof(RuleContext).GetProperty(nameof(RuleContext.Case))!,
            typeof(RuleContext).GetProperty(nameof(RuleContext.Calendar))!,
            typeof(RuleContext).GetProperty(nameof(RuleContext.Now))!,
        ];

        private readonly ParameterExpression _context;
        private readonly Dictionary<System.Reflection.MemberInfo, ParameterExpression> _locals = [];

        private ContextReads(ParameterExpression context) => _context = context;

        public static Expression Hoist(Expression body, ParameterExpression context)
        {
            var reads = new ContextReads(context);
            var rewritten = reads.Visit(body)!;
            if (reads._locals.Count == 0)
            {
                return rewritten;
            }

            // Into the method's own block, first: one block of variables for the whole method.
            var steps = reads._locals.Select(l => (Expression)Expression.Assign(l.Value, Expression.MakeMemberAccess(context, l.Key))).ToList();
            if (rewritten is BlockExpression block)
            {
                return Expression.Block(block.Type, reads._locals.Values.Concat(block.Variables), steps.Concat(block.Expressions));
            }

            steps.Add(rewritten);
            return Expression.Block(reads._locals.Values, steps);
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == _context && Fixed.Contains(node.Member))
            {
                if (!_locals.TryGetValue(node.Member, out var local))
                {
                    _locals[node.Member] = local = Expression.Variable(node.Type, node.Member.Name.ToLowerInvariant());
                }

                return local;
            }

            return base.VisitMember(node);
        }
    }

    /// <summary>Replaces a function's own parameter by the fused method's.</summary>
    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
