using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Sources;

/// <summary>
/// Where a pack comes from — the Standard pack with configured parameters, a JSON pack file, a database — and when
/// it may have changed. A pack provider calls <see cref="Load"/> once at start and again after each
/// <see cref="Changed"/>; when a load fails the provider keeps the pack it has. Implementations must be thread-safe.
/// </summary>
public interface IPackSource
{
    /// <summary>A short human description for logs, e.g. <c>file '/etc/shop/pack.json'</c>.</summary>
    string Description { get; }

    /// <summary>
    /// Raised (on any thread) when the source may have changed and <see cref="Load"/> should be called again. Handlers
    /// must not throw.
    /// </summary>
    event EventHandler? Changed;

    /// <summary>Builds the pack the source describes now.</summary>
    /// <returns>A compiled pack; the same instance as before when nothing changed is allowed.</returns>
    /// <exception cref="CareRulesValidationException">The pack is invalid; every problem is listed.</exception>
    /// <remarks>Other exceptions (I/O, a loader's own) may also be thrown; the caller treats any exception as a bad pack.</remarks>
    CompiledPack Load();
}
