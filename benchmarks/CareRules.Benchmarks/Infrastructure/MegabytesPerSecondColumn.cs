using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CareRules.Benchmarks.Infrastructure;

/// <summary>
/// Input read per second, in MB (10^6 bytes): the bytes of one operation divided by the mean time of one operation.
/// A benchmark class takes part by declaring a public static <c>double BytesPerOperation</c> property (computed the
/// same way in the host process, so it needs no setup); for every other class the column shows <c>-</c>.
/// </summary>
public sealed class MegabytesPerSecondColumn : IColumn
{
    public static MegabytesPerSecondColumn Instance { get; } = new();

    public string Id => nameof(MegabytesPerSecondColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Input read per second, in 10^6 bytes (BytesPerOperation / Mean)";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var property = benchmarkCase.Descriptor.Type.GetProperty("BytesPerOperation", BindingFlags.Public | BindingFlags.Static);
        if (property?.GetValue(null) is not double bytes)
        {
            return "-";
        }

        var statistics = summary[benchmarkCase]?.ResultStatistics;
        return statistics is null || statistics.Mean <= 0
            ? "NA"
            : (bytes * 1e9 / statistics.Mean / 1e6).ToString("N1", CultureInfo.InvariantCulture);
    }
}
