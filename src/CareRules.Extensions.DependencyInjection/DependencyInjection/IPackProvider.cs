using CareRules.Evaluation;

namespace CareRules.DependencyInjection;

/// <summary>
/// Holds the pack in force. A hot reload replaces <see cref="Current"/> atomically with a newly built pack;
/// a pack that fails to build is rejected and the pack in force stays. Thread-safe: read <see cref="Current"/>
/// once per evaluation and use that instance to the end of it.
/// </summary>
public interface IPackProvider
{
    /// <summary>The pack in force (never null). Each read may return a newer pack after a reload.</summary>
    CompiledPack Current { get; }
}
