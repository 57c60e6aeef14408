namespace CareRules.Evaluation;

/// <summary>
/// Holds the policy in force. A hot reload replaces <see cref="Current"/> atomically with a newly built policy;
/// a pack that fails to build is rejected and the policy in force stays. Thread-safe: read <see cref="Current"/>
/// once per evaluation and use that instance to the end of it.
/// </summary>
public interface IPolicyProvider
{
    /// <summary>The policy in force (never null). Each read may return a newer policy after a reload.</summary>
    CompiledPolicy Current { get; }
}
