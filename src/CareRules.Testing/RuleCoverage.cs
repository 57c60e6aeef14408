using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Testing;

/// <summary>
/// Rule coverage of one pack across a test run: which of its rules fired in the verdicts recorded, how often, and
/// which never did — the rules no test exercises. Evaluate through it (<see cref="Evaluate"/>, <see cref="Expect(CareContext)"/>,
/// <see cref="TableRow.Check(RuleCoverage)"/>), or <see cref="Record"/> verdicts made elsewhere; at the end of the run,
/// <see cref="AssertAllRulesCovered"/> fails listing every rule that never fired. Thread-safe: share one instance (a
/// static field) between all the tests of an assembly, running in parallel.
/// </summary>
/// <remarks>
/// <para>A pack that extends the Standard pack holds its tests to its own rules with a scope:
/// <c>new RuleCoverage(pack, RuleScope.OwnRules)</c> (or <see cref="RuleScope.WithPrefix"/>, <see cref="RuleScope.Only(string[])"/>);
/// the Standard rules are covered by CareRules' own tests. Every rule's hits are still counted.</para>
/// <para>To assert once every test has run, wrap the coverage in a <see cref="RuleCoverageFixture"/> (an
/// <see cref="IDisposable"/> that asserts when disposed): an xunit collection fixture, NUnit's
/// <c>[OneTimeTearDown]</c> of a <c>[SetUpFixture]</c>, MSTest's <c>[AssemblyCleanup]</c>.</para>
/// Coverage counts only verdicts of the pack given to the constructor (the same <c>name@version</c>): a rule that
/// fires only in a variant pack built with other parameters is not covered. Record deterministic tests (scenarios,
/// table rows) rather than random ones (properties), so that coverage does not depend on the seed.
/// </remarks>
public sealed class RuleCoverage
{
    private readonly FrozenDictionary<string, int> _position;
    private readonly long[] _hits;
    private readonly IReadOnlyList<string> _inScope;
    private long _evaluations;

    /// <summary>Starts recording coverage of <paramref name="pack"/>'s rules; every rule must fire (<see cref="RuleScope.All"/>).</summary>
    public RuleCoverage(CompiledPack pack)
        : this(pack, RuleScope.All)
    {
    }

    /// <summary>Starts recording coverage of <paramref name="pack"/>'s rules; the rules in <paramref name="scope"/> must fire.</summary>
    /// <exception cref="ArgumentException">The scope names a rule the pack does not have, or selects no rule of the pack.</exception>
    public RuleCoverage(CompiledPack pack, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(scope);
        Pack = pack;
        Scope = scope;
        _position = pack.Rules.Select((r, i) => (r.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        _hits = new long[pack.Rules.Count];
        _inScope = pack.Rules.Count == 0 && ReferenceEquals(scope, RuleScope.All)
            ? []
            : scope.Select(pack, out string? problem) ?? throw new ArgumentException(problem, nameof(scope));
    }

    /// <summary>The pack whose rules are covered.</summary>
    public CompiledPack Pack { get; }

    /// <summary>The rules the tests must make fire: <see cref="Covered"/>, <see cref="Uncovered"/>, <see cref="Percent"/> and <see cref="AssertAllRulesCovered"/> count only these.</summary>
    public RuleScope Scope { get; }

    /// <summary>The ids of the rules in <see cref="Scope"/>, in rule id order.</summary>
    public IReadOnlyList<string> InScope => _inScope;

    /// <summary>How many verdicts were recorded.</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    /// <summary>The ids of the rules in <see cref="Scope"/> that fired at least once, in rule id order.</summary>
    public IReadOnlyList<string> Covered => [.. _inScope.Where(id => Hits(id) > 0)];

    /// <summary>The ids of the rules in <see cref="Scope"/> that never fired, in rule id order.</summary>
    public IReadOnlyList<string> Uncovered => [.. _inScope.Where(id => Hits(id) == 0)];

    /// <summary>The share of the rules in <see cref="Scope"/> that fired at least once, from 0 to 100 (100 for a pack without rules).</summary>
    public double Percent => _inScope.Count == 0 ? 100.0 : 100.0 * Covered.Count / _inScope.Count;

    /// <summary>Evaluates a context with <see cref="Pack"/> and records the rules that fired.</summary>
    public Verdict Evaluate(CareContext context)
    {
        var verdict = Pack.Evaluate(context);
        Record(verdict);
        return verdict;
    }

    /// <summary>Evaluates a context, records the rules that fired, and returns assertions on the verdict (rule ids checked against the pack).</summary>
    public VerdictExpectation Expect(CareContext context) => new(Evaluate(context), Pack);

    /// <summary>Builds the scenario, evaluates it, records the rules that fired, and returns assertions on the verdict.</summary>
    public VerdictExpectation Expect(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Expect(scenario.Build());
    }

    /// <summary>Records the rules that fired in a verdict of <see cref="Pack"/>.</summary>
    /// <exception cref="ArgumentException">The verdict comes from another pack.</exception>
    public void Record(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (!string.Equals(verdict.Pack, Pack.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The verdict comes from pack '{verdict.Pack}', but this coverage records pack '{Pack.Id}'.", nameof(verdict));
        }

        Interlocked.Increment(ref _evaluations);
        foreach (var id in verdict.Fired)
        {
            if (_position.TryGetValue(id, out int i))
            {
                Interlocked.Increment(ref _hits[i]);
            }
        }
    }

    /// <summary>How many recorded verdicts the rule fired in.</summary>
    /// <exception cref="ArgumentException">The pack has no rule with that id.</exception>
    public long Hits(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        return _position.TryGetValue(ruleId, out int i)
            ? Interlocked.Read(ref _hits[i])
            : throw new ArgumentException($"Pack '{Pack.Id}' has no rule '{ruleId}'.", nameof(ruleId));
    }

    /// <summary>Fails unless every rule in <see cref="Scope"/> (every rule of the pack by default) fired at least once in the verdicts recorded so far.</summary>
    /// <exception cref="RuleCoverageException">Some rules never fired; the message names each with its description.</exception>
    public void AssertAllRulesCovered()
    {
        var uncovered = Uncovered;
        if (uncovered.Count == 0)
        {
            return;
        }

        var text = new StringBuilder(Summary()).Append(". ")
            .Append(uncovered.Count == 1 ? "This rule never fired:" : "These rules never fired:");
        foreach (var rule in Pack.Rules.Where(r => uncovered.Contains(r.Id, StringComparer.Ordinal)))
        {
            text.AppendLine().Append("  - ").Append(rule.Id).Append(": ").Append(rule.Description);
        }

        text.AppendLine().Append(uncovered.Count == 1
            ? "Add a scenario or a table row in which it fires, or the pack has a rule no test exercises."
            : "Add a scenario or a table row in which each of them fires, or the pack has rules no test exercises.");
        throw new RuleCoverageException(text.ToString(), uncovered);
    }

    /// <summary>The summary line and every rule with the number of verdicts it fired in, e.g. for test output (rules outside <see cref="Scope"/> marked so).</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Summary()).Append(':');
        int width = Pack.Rules.Count == 0 ? 0 : Pack.Rules.Max(r => r.Id.Length);
        bool scoped = _inScope.Count != Pack.Rules.Count;
        foreach (var rule in Pack.Rules)
        {
            long hits = Hits(rule.Id);
            text.AppendLine().Append("  ").Append(rule.Id.PadRight(width)).Append("  ")
                .Append(hits == 0 ? "never" : hits.ToString(CultureInfo.InvariantCulture));
            if (scoped && !_inScope.Contains(rule.Id, StringComparer.Ordinal))
            {
                text.Append("  (not in scope)");
            }
        }

        return text.ToString();
    }

    private string Summary() => ReferenceEquals(Scope, RuleScope.All)
        ? string.Create(CultureInfo.InvariantCulture, $"Rule coverage of pack {Pack.Id}: {Covered.Count} of {_inScope.Count} rules fired ({Percent:0.#}%) in {Evaluations} evaluations")
        : string.Create(CultureInfo.InvariantCulture, $"Rule coverage of pack {Pack.Id}, scope {Scope.Description}: {Covered.Count} of {_inScope.Count} rules fired ({Percent:0.#}%) in {Evaluations} evaluations");
}
