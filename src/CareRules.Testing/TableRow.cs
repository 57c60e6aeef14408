using System.Text;
using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Testing;

/// <summary>
/// One row of a <see cref="CaseTable"/>: a named case and what its verdict must show. <see cref="Check(CompiledPack)"/>
/// evaluates the case and checks every expectation, reporting all that fail at once. Immutable and thread-safe.
/// </summary>
public sealed class TableRow
{
    internal TableRow(string source, string path, int index, string name, string? note, CareContext context, TableExpectation expect)
    {
        Source = source;
        Path = path;
        Index = index;
        Name = name;
        Note = note;
        Context = context;
        Expect = expect;
    }

    /// <summary>The table the row comes from (the file path, or the source name given to <see cref="CaseTable.Parse"/>).</summary>
    public string Source { get; }

    /// <summary>The row's JSON path in its table, e.g. <c>$.rows[3]</c>.</summary>
    public string Path { get; }

    /// <summary>The row's 0-based position in its table.</summary>
    public int Index { get; }

    /// <summary>The row's name, unique in its table; it names the test.</summary>
    public string Name { get; }

    /// <summary>The row's free-text <c>note</c>, if any.</summary>
    public string? Note { get; }

    /// <summary>The case to evaluate.</summary>
    public CareContext Context { get; }

    /// <summary>What the verdict must show.</summary>
    public TableExpectation Expect { get; }

    /// <summary>Evaluates the case with <paramref name="pack"/> and checks every expectation.</summary>
    /// <returns>The verdict, when every expectation holds.</returns>
    /// <exception cref="VerdictAssertionException">One or more expectations fail; the message lists them all, then shows the verdict.</exception>
    public Verdict Check(CompiledPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var verdict = pack.Evaluate(Context);
        Verify(verdict, pack);
        return verdict;
    }

    /// <summary>Evaluates the case with the coverage's pack, recording the rules that fired, and checks every expectation.</summary>
    /// <returns>The verdict, when every expectation holds.</returns>
    /// <exception cref="VerdictAssertionException">One or more expectations fail.</exception>
    public Verdict Check(RuleCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        var verdict = coverage.Evaluate(Context);
        Verify(verdict, coverage.Pack);
        return verdict;
    }

    /// <summary>Checks every expectation against a verdict already made.</summary>
    /// <param name="verdict">The verdict of <see cref="Context"/>.</param>
    /// <param name="pack">The pack that made it, to check that the rule ids of the row are rules of the pack; null skips that check.</param>
    /// <exception cref="VerdictAssertionException">One or more expectations fail.</exception>
    public void Verify(Verdict verdict, CompiledPack? pack = null)
    {
        var failures = Failures(verdict, pack);
        if (failures.Count == 0)
        {
            return;
        }

        var text = new StringBuilder();
        text.Append("Table row '").Append(Name).Append("' (").Append(Source).Append(", ").Append(Path).Append(") failed ")
            .Append(VerdictChecks.Plural(failures.Count, "expectation")).Append(':');
        foreach (var f in failures)
        {
            text.AppendLine().Append("  - ").Append(f);
        }

        text.AppendLine().AppendLine().Append(VerdictText.Format(verdict));
        throw new VerdictAssertionException(text.ToString(), verdict);
    }

    /// <summary>Every expectation the verdict fails, one sentence each; empty when the row passes.</summary>
    /// <param name="verdict">The verdict of <see cref="Context"/>.</param>
    /// <param name="pack">The pack that made it, to check the row's rule ids; null skips that check.</param>
    public IReadOnlyList<string> Failures(Verdict verdict, CompiledPack? pack = null)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (pack is not null && !string.Equals(pack.Id, verdict.Pack, StringComparison.Ordinal))
        {
            pack = null;
        }

        var failures = new List<string>();
        void Add(string? failure)
        {
            if (failure is not null)
            {
                failures.Add(failure);
            }
        }

        var e = Expect;
        foreach (var id in e.Fires)
        {
            Add(VerdictChecks.UnknownRule(pack, id) ?? VerdictChecks.Fires(verdict, id, pack, Context));
        }

        foreach (var id in e.NotFires)
        {
            Add(VerdictChecks.UnknownRule(pack, id) ?? VerdictChecks.DoesNotFire(verdict, id, pack, Context));
        }

        if (e.FiresExactly is { } exactly)
        {
            foreach (var id in exactly)
            {
                Add(VerdictChecks.UnknownRule(pack, id));
            }

            Add(VerdictChecks.FiresExactly(verdict, exactly));
        }

        foreach (var m in e.Decisions)
        {
            Add((m.Rule is { } rule ? VerdictChecks.UnknownRule(pack, rule, allowResolution: true) : null) ?? VerdictChecks.Has(verdict, m));
        }

        foreach (var m in e.NotDecisions)
        {
            Add((m.Rule is { } rule ? VerdictChecks.UnknownRule(pack, rule, allowResolution: true) : null) ?? VerdictChecks.DoesNotHave(verdict, m));
        }

        if (e.DecisionCount is { } count)
        {
            Add(VerdictChecks.DecisionCount(verdict, count));
        }

        if (e.GoodwillTotal is { } total)
        {
            Add(VerdictChecks.GoodwillTotal(verdict, total));
        }

        if (e.MaxGoodwillTotal is { } max)
        {
            Add(VerdictChecks.GoodwillTotalAtMost(verdict, max));
        }

        return failures;
    }

    /// <summary>The row's name (how test runners display a row passed as test data).</summary>
    public override string ToString() => Name;
}
