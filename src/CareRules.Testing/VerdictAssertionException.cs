using CareRules.Evaluation;

namespace CareRules.Testing;

/// <summary>
/// Thrown by the kit's verdict assertions (<see cref="VerdictExpectation"/>, <see cref="TableRow.Check(CompiledPack)"/>)
/// when a verdict is not what the test expected. The message says what was expected and shows the whole verdict —
/// its decisions with their rules and reasons, the goodwill total, the rules that fired and the trace — so a failing
/// test explains itself without a debugger. Test-framework neutral: every runner reports it as a failure.
/// </summary>
public sealed class VerdictAssertionException : Exception
{
    /// <summary>Creates the exception for a verdict.</summary>
    /// <param name="message">What was expected and what was found, followed by the verdict.</param>
    /// <param name="verdict">The verdict that failed the expectation.</param>
    public VerdictAssertionException(string message, Verdict? verdict)
        : base(message)
    {
        Verdict = verdict;
    }

    /// <summary>Creates the exception with a message and no verdict.</summary>
    public VerdictAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public VerdictAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public VerdictAssertionException()
        : this("The verdict was not as expected.")
    {
    }

    /// <summary>The verdict that failed the expectation, when there was one.</summary>
    public Verdict? Verdict { get; }
}
