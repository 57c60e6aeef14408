namespace CareRules.Benchmarks.HandWritten;

/// <summary>
/// The caller-owned result area of <see cref="HandWrittenStandardPack.Evaluate"/>, reused by every evaluation
/// (like the engine's <c>EvaluationBuffer</c>): decisions in canonical order, the fired rules as a bit mask and the
/// goodwill total. There is no trace. Not thread-safe: one per thread.
/// </summary>
public sealed class HandWrittenResult
{
    internal const int SlotCount = 64;

    internal HandDecision[] DecisionArray { get; } = new HandDecision[SlotCount];

    /// <summary>Per-slot scratch: the value and instant of each decision while it is being resolved.</summary>
    internal decimal[] Values { get; } = new decimal[SlotCount];

    internal NodaTime.Instant[] Instants { get; } = new NodaTime.Instant[SlotCount];

    public int Count { get; internal set; }

    public ReadOnlySpan<HandDecision> Decisions => DecisionArray.AsSpan(0, Count);

    /// <summary>Bit <c>i</c> set: rule <c>RuleIds.Ordered[i]</c> fired.</summary>
    public uint FiredMask { get; internal set; }

    /// <summary>The goodwill left after resolution, in PLN.</summary>
    public decimal GoodwillTotal { get; internal set; }

    /// <summary>The ids of the rules that fired, in ordinal order (allocates: for tests and display).</summary>
    public IReadOnlyList<string> Fired
    {
        get
        {
            var fired = new List<string>();
            for (int i = 0; i < RuleIds.Ordered.Count; i++)
            {
                if ((FiredMask & (1u << i)) != 0)
                {
                    fired.Add(RuleIds.Ordered[i]);
                }
            }

            return fired;
        }
    }
}
