using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CareRules.Benchmarks.Infrastructure;

/// <summary>
/// Contexts evaluated per second: one second divided by the mean time of one operation, where an operation is one
/// context (the evaluation benchmarks set <c>OperationsPerInvoke</c> to the number of contexts they run). For the
/// batch, whose operations run on all cores at once, this is the throughput of the whole machine.
/// </summary>
public sealed class CasesPerSecondColumn : IColumn
{
    public static CasesPerSecondColumn Instance { get; } = new();

    public string Id => nameof(CasesPerSecondColumn);

    public string ColumnName => "Cases/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Contexts evaluated per second (1 s / Mean; the batch runs on all cores)";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.HasCategory(Categories.Build))
        {
            return "-";
        }

        var statistics = summary[benchmarkCase]?.ResultStatistics;
        return statistics is null || statistics.Mean <= 0
            ? "NA"
            : (1e9 / statistics.Mean).ToString("N0", CultureInfo.InvariantCulture);
    }
}
