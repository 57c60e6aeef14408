using System.Collections.Frozen;
using System.Text;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Serialization;
using NodaTime;

namespace CareRules.Testing;

/// <summary>
/// A table test: a JSON file of named cases, each with the decisions its verdict must show, run as one test per row.
/// Loading checks the whole file and reports every problem at once, each with its JSON path
/// (<c>$.rows[3].expect.decisions[0].offer</c>, <c>$.rows[5].case.order.total.currency</c>). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para><b>File format.</b> Either an object <c>{ "now": …, "rows": [ … ] }</c> — <c>now</c> (optional, ISO-8601 UTC)
/// is the evaluation instant of every case that has no <c>now</c> of its own — or just the array of rows. JSON
/// comments (<c>//</c>, <c>/* */</c>) are allowed. A row:</para>
/// <code>
/// {
///   "name": "late order: the small gift",          // required, unique in the file: it names the test
///   "note": "seed 002",                            // optional, free text
///   "case": { "customer": { … }, "order": { … }, "case": { … } },   // required: a case of catalog section 5
///   "expect": {                                    // required, at least one of:
///     "fires": ["delay.gift"],                     //   rules that must fire
///     "notFires": ["fault.third-party"],           //   rules that must not fire
///     "firesExactly": ["delay.gift", "delay.notify-immediately"],  // exactly these rules fire
///     "decisions": [ { "type": "compensate", "offer": "gift-in-parcel", "maxValue": 20 } ],  // each must match a decision
///     "notDecisions": [ { "type": "stop" } ],      //   none may match a decision
///     "decisionCount": 4,                          //   exact number of decisions
///     "goodwillTotal": 20,                         //   exact goodwill total (pack currency)
///     "maxGoodwillTotal": 30                       //   the most the goodwill total may be
///   }
/// }
/// </code>
/// <para>A decision in <c>decisions</c> / <c>notDecisions</c> has a <c>type</c> (<c>compensate</c>, <c>stop</c>,
/// <c>escalate</c>, <c>notify</c>, <c>advise</c>) and any fields of that type in the catalog's spelling, all optional:
/// <c>rule</c>; compensate: <c>offer</c>, <c>value</c>, <c>minValue</c>, <c>maxValue</c>, <c>percent</c>, <c>legal</c>,
/// <c>dueBy</c>; stop: <c>stop</c>, <c>until</c>; escalate: <c>to</c>, <c>priority</c>, <c>dueBy</c>; notify:
/// <c>channel</c>, <c>message</c>, <c>dueBy</c>; advise: <c>advice</c>. See <see cref="DecisionMatcher"/> for how
/// they match (<c>dueBy</c> is "at the latest", <c>until</c> is exact). Unknown fields, fields of another decision
/// type, unknown catalog names and misspelt rule ids (checked against the pack when the row is checked) are errors.</para>
/// <para>The cases are read by <see cref="CaseJsonReader"/>, as strictly as the shop's own case files.</para>
/// </remarks>
public sealed class CaseTable
{
    private readonly FrozenDictionary<string, TableRow> _byName;

    internal CaseTable(string source, Instant? now, IReadOnlyList<TableRow> rows)
    {
        Source = source;
        Now = now;
        Rows = rows;
        _byName = rows.ToFrozenDictionary(r => r.Name, StringComparer.Ordinal);
        Names = [.. rows.Select(r => r.Name)];
    }

    /// <summary>Where the table comes from: the file path, or the source name given to <see cref="Parse"/>.</summary>
    public string Source { get; }

    /// <summary>The file's default evaluation instant (its top-level <c>now</c>), if any.</summary>
    public Instant? Now { get; }

    /// <summary>The rows, in file order.</summary>
    public IReadOnlyList<TableRow> Rows { get; }

    /// <summary>The rows' names, in file order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The row with that name.</summary>
    /// <exception cref="KeyNotFoundException">No row has that name; the message lists the names.</exception>
    public TableRow this[string name] => _byName.TryGetValue(name, out var row)
        ? row
        : throw new KeyNotFoundException($"The case table '{Source}' has no row named '{name}'; its rows are: {string.Join(", ", Names.Select(n => "'" + n + "'"))}.");

    /// <summary>
    /// Reads a table file (UTF-8). A relative path is resolved against <see cref="AppContext.BaseDirectory"/> — the
    /// test assembly's folder — so copy the file to the output directory (<c>CopyToOutputDirectory</c>).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The pack's currency and a clock for cases without <c>now</c> (the file's own <c>now</c> wins over the clock).</param>
    /// <exception cref="CareRulesValidationException">The file has problems; every one is listed with its JSON path.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static CaseTable Load(string path, CaseReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(AppContext.BaseDirectory, path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"The case table '{path}' does not exist (looked for '{full}'). Is it copied to the test output directory?", full);
        }

        return Parse(File.ReadAllText(full, Encoding.UTF8), path, options);
    }

    /// <summary>Reads a table from JSON text.</summary>
    /// <param name="json">The table.</param>
    /// <param name="source">A name for the table in messages (e.g. the file it came from).</param>
    /// <param name="options">The pack's currency and a clock for cases without <c>now</c> (the table's own <c>now</c> wins over the clock).</param>
    /// <exception cref="CareRulesValidationException">The table has problems; every one is listed with its JSON path.</exception>
    public static CaseTable Parse(string json, string source = "(inline)", CaseReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        return CaseTableParser.Parse(json, source, options ?? CaseReadOptions.Default);
    }

    /// <summary>
    /// One <c>object[] { name }</c> per row, for data-driven test attributes (xunit's <c>[MemberData]</c>, NUnit's
    /// <c>[TestCaseSource]</c>): the runner shows one test per row, named by the row; look the row up with the indexer.
    /// </summary>
    public IEnumerable<object[]> AsArguments() => Names.Select(n => new object[] { n });

    /// <summary>
    /// Checks every row with <paramref name="pack"/> and fails once for all failing rows — for a runner without
    /// data-driven tests. Prefer one test per row (<see cref="AsArguments"/>).
    /// </summary>
    /// <exception cref="VerdictAssertionException">One or more rows fail; each is listed with its failures and verdict.</exception>
    public void CheckAll(CompiledPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var failed = new List<string>();
        foreach (var row in Rows)
        {
            try
            {
                row.Check(pack);
            }
            catch (VerdictAssertionException ex)
            {
                failed.Add(ex.Message);
            }
#pragma warning disable CA1031 // one row's unexpected failure fails that row; the other rows are still checked
            catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                failed.Add($"Row '{row.Name}' could not be evaluated: {ex.GetType().Name}: {ex.Message}");
            }
        }

        if (failed.Count > 0)
        {
            throw new VerdictAssertionException(
                $"{VerdictChecks.Plural(failed.Count, "row")} of {Rows.Count} in the case table '{Source}' failed:{Environment.NewLine}{Environment.NewLine}"
                + string.Join(Environment.NewLine + Environment.NewLine, failed));
        }
    }
}
