using System.Globalization;
using CareRules.Backtesting;
using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Tool;

/// <summary>A backtest's summary with what the reports say about the packs, and the shared formatting of its figures.</summary>
internal sealed class BacktestReport(BacktestSummary summary, CompiledPack baseline, CompiledPack candidate, int rejected)
{
    public BacktestSummary Summary { get; } = summary;

    public int Rejected { get; } = rejected;

    /// <summary>The baseline as <c>standard@1.0.0 (stance balanced)</c>.</summary>
    public string BaselineLabel { get; } = Label(baseline);

    /// <summary>The candidate, with the parameters that differ from the baseline: <c>standard@1.0.0 (stance generous)</c>.</summary>
    public string CandidateLabel { get; } = Label(candidate, baseline);

    public static string Money(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);

    public static string Signed(decimal amount) => (amount > 0 ? "+" : "") + Money(amount);

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Signed(long count) => (count > 0 ? "+" : "") + Count(count);

    /// <summary>A decision in one line, without its reason: <c>compensate gift-in-parcel 20.00 PLN (delay.gift)</c>.</summary>
    public static string Describe(Decision d) => d.ToString();

    private static string Label(CompiledPack pack, CompiledPack? other = null)
    {
        var changed = pack.Parameters.Definitions
            .Select(p => p.Name)
            .Where(name => other is null ? name == "stance" : other.Parameters.Definitions.Any(o => o.Name == name) && other.Parameters.Format(name) != pack.Parameters.Format(name))
            .Select(name => $"{name} {pack.Parameters.Format(name)}")
            .ToList();
        return changed.Count == 0 ? pack.Id : $"{pack.Id} ({string.Join(", ", changed)})";
    }

    /// <summary>The catalog name of an enumeration value (<c>gift-in-parcel</c>, <c>public-relations</c>).</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => CatalogNames.Of(value);
}
