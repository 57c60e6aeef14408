using System.Collections;

namespace CareRules.Evaluation;

/// <summary>
/// A verdict's trace as <see cref="EvaluationBuffer.ToVerdict"/> makes it: one <see cref="TraceKind.RuleFired"/> entry per
/// fired rule, then what resolution did. The rule-fired entries are made when read from the verdict's list of fired
/// rules instead of being stored: they are most of a trace, so a verdict allocates about half as much. Immutable.
/// </summary>
internal sealed class VerdictTrace : IReadOnlyList<TraceEntry>
{
    private readonly string[] _fired;
    private readonly TraceEntry[] _resolution;

    public VerdictTrace(string[] fired, TraceEntry[] resolution)
    {
        _fired = fired;
        _resolution = resolution;
    }

    public int Count => _fired.Length + _resolution.Length;

    public TraceEntry this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The trace has {Count} entries.");
            }

            return index < _fired.Length ? new TraceEntry(TraceKind.RuleFired, _fired[index]) : _resolution[index - _fired.Length];
        }
    }

    public IEnumerator<TraceEntry> GetEnumerator()
    {
        for (int i = 0; i < _fired.Length; i++)
        {
            yield return new TraceEntry(TraceKind.RuleFired, _fired[i]);
        }

        for (int i = 0; i < _resolution.Length; i++)
        {
            yield return _resolution[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
