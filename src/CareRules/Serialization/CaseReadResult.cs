using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using CareRules.Model;

namespace CareRules.Serialization;

/// <summary>
/// The outcome of reading one case of a case file: either a <see cref="Context"/> ready to evaluate, or every
/// problem found in it (<see cref="Errors"/>), never both. Immutable and thread-safe.
/// </summary>
public sealed class CaseReadResult
{
    internal CaseReadResult(int index, string? caseId, CareContext? context, IReadOnlyList<ValidationError> errors)
    {
        Index = index;
        CaseId = caseId;
        Context = context;
        Errors = errors;
    }

    /// <summary>
    /// A rejected case: for a context read from a file that a later step refused (for example a pack whose
    /// currency differs from the one the file was read with), so it is reported like a reading error.
    /// </summary>
    /// <param name="index">The case's position in its input.</param>
    /// <param name="caseId">The case id, if known.</param>
    /// <param name="errors">Every problem, with paths relative to the case object.</param>
    public static CaseReadResult Rejected(int index, string? caseId, IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A rejected case needs at least one error.", nameof(errors));
        }

        return new CaseReadResult(index, caseId, null, errors);
    }

    /// <summary>
    /// The 0-based position of the case in the input: 0 for a single object, the element index for an array, the
    /// number of non-blank lines before it for JSON Lines (blank lines are skipped and not counted).
    /// </summary>
    public int Index { get; }

    /// <summary>
    /// The <c>case.id</c> when it could be read (even if other fields of the case are invalid), else null — the same
    /// id the verdict carries as <c>caseId</c>. A proactive context without a case has none: use <see cref="Index"/>.
    /// </summary>
    public string? CaseId { get; }

    /// <summary>The context to evaluate, or null when the case is invalid.</summary>
    public CareContext? Context { get; }

    /// <summary>Every problem found in the case, each with its JSON path relative to the case object; empty when valid.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>True when the case is valid and <see cref="Context"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Context))]
    public bool IsValid => Context is not null;

    /// <summary>A one-line summary for logs and test output, e.g. <c>case 1 (K-2): 2 errors: $.now: is required.; …</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("case ").Append(Index.ToString(CultureInfo.InvariantCulture));
        if (CaseId is not null)
        {
            text.Append(" (").Append(CaseId).Append(')');
        }

        if (IsValid)
        {
            return text.Append(": valid").ToString();
        }

        text.Append(": ").Append(Errors.Count.ToString(CultureInfo.InvariantCulture)).Append(Errors.Count == 1 ? " error: " : " errors: ");
        text.AppendJoin("; ", Errors);
        return text.ToString();
    }
}
