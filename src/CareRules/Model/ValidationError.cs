namespace CareRules.Model;

/// <summary>
/// One problem found while checking input: where it is (<see cref="Path"/>, e.g. <c>$.order.total.amount</c> or
/// <c>order.total</c>) and what was expected. Failures are data: every problem is collected before anything is thrown.
/// </summary>
/// <param name="Path">The field or JSON path of the problem.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record ValidationError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Path + ": " + Message;
}
