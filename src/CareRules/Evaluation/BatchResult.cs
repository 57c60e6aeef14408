namespace CareRules.Evaluation;

/// <summary>
/// The result of one input of a batch (<see cref="BatchEvaluator"/>): its position in the input and either its
/// <see cref="Value"/> or the <see cref="Error"/> its evaluation threw. Immutable.
/// </summary>
/// <typeparam name="T">The type of a result.</typeparam>
public readonly struct BatchResult<T> : IEquatable<BatchResult<T>>
{
    /// <summary>Creates a result.</summary>
    /// <param name="index">The 0-based position of the input.</param>
    /// <param name="value">The result, when evaluation succeeded.</param>
    /// <param name="error">The exception evaluation threw, or null when it succeeded.</param>
    public BatchResult(long index, T? value, Exception? error)
    {
        Index = index;
        Value = value;
        Error = error;
    }

    /// <summary>The 0-based position of the input in the batch.</summary>
    public long Index { get; }

    /// <summary>The result; the type's default when evaluation failed.</summary>
    public T? Value { get; }

    /// <summary>The exception evaluating this input threw, or null. The other inputs are evaluated regardless.</summary>
    public Exception? Error { get; }

    /// <summary>True when evaluation succeeded (<see cref="Error"/> is null).</summary>
    public bool Succeeded => Error is null;

    /// <inheritdoc />
    public bool Equals(BatchResult<T> other) =>
        Index == other.Index && EqualityComparer<T?>.Default.Equals(Value, other.Value) && Equals(Error, other.Error);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BatchResult<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Index, Value, Error);

    /// <summary>Equality.</summary>
    public static bool operator ==(BatchResult<T> left, BatchResult<T> right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(BatchResult<T> left, BatchResult<T> right) => !left.Equals(right);

    /// <summary><c>#index: value</c> or <c>#index: failed: message</c>.</summary>
    public override string ToString() => Error is null ? $"#{Index}: {Value}" : $"#{Index}: failed: {Error.Message}";
}
