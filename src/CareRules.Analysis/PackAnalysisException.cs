namespace CareRules.Analysis;

/// <summary>Thrown by <see cref="AnalysisAssertions.AssertAnalysisClean"/> when the analysis of a pack finds an error; the message lists every finding with its example.</summary>
public sealed class PackAnalysisException : Exception
{
    /// <summary>Creates the exception for <paramref name="report"/>.</summary>
    public PackAnalysisException(AnalysisReport report)
        : base(Describe(report)) => Report = report;

    /// <summary>Creates the exception with a message.</summary>
    public PackAnalysisException(string message)
        : base(message) => Report = null;

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public PackAnalysisException(string message, Exception innerException)
        : base(message, innerException) => Report = null;

    /// <summary>Creates the exception with no message.</summary>
    public PackAnalysisException()
        : base("The pack analysis found errors.") => Report = null;

    /// <summary>The report whose errors failed the assertion, when there is one.</summary>
    public AnalysisReport? Report { get; }

    private static string Describe(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"The analysis of pack {report.Pack} found errors:\n" + report.ToText();
    }
}
