using System.Collections.Frozen;
using CareRules.Evaluation;
using CareRules.Packs;

namespace CareRules.Testing;

/// <summary>
/// Which rules of a pack a <see cref="RuleCoverage"/> holds the shop's tests to: every rule, the shop's own rules (those
/// not in the Standard pack, whose coverage is CareRules' job), the rules whose ids start with a prefix, or an explicit
/// set. Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// new RuleCoverage(ShopPack.Default, RuleScope.OwnRules);          // a pack that extends the Standard pack
/// new RuleCoverage(ShopPack.Default, RuleScope.WithPrefix("shop.")); // the rules named shop.*
/// new RuleCoverage(ShopPack.Default, RuleScope.Only("shop.vip-late-gift", "delay.gift"));
/// </code>
/// </example>
public sealed class RuleScope
{
    private static readonly Lazy<FrozenSet<string>> StandardIds = new(() => StandardPack.Default.Rules.Select(r => r.Id).ToFrozenSet(StringComparer.Ordinal));

    private readonly Func<string, bool> _contains;
    private readonly FrozenSet<string>? _named;

    private RuleScope(string description, Func<string, bool> contains, FrozenSet<string>? named = null)
    {
        Description = description;
        _contains = contains;
        _named = named;
    }

    /// <summary>Every rule of the pack (the default).</summary>
    public static RuleScope All { get; } = new("every rule", _ => true);

    /// <summary>
    /// The shop's own rules: those whose id is not a rule of the Standard pack (<see cref="StandardPack.Default"/>), so
    /// that a pack extending Standard is held to covering the rules it adds, not Standard's 24. A Standard rule the shop
    /// replaced under the same id is not in this scope; name it with <see cref="Only(string[])"/> if the shop's tests
    /// must cover it.
    /// </summary>
    public static RuleScope OwnRules { get; } = new("the pack's own rules (not in the Standard pack)", id => !StandardIds.Value.Contains(id));

    /// <summary>The rules of the pack that are not rules of <paramref name="basePack"/> (by id): the rules a pack adds to the one it extends.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="basePack"/> is null.</exception>
    public static RuleScope NotIn(CompiledPack basePack)
    {
        ArgumentNullException.ThrowIfNull(basePack);
        var ids = basePack.Rules.Select(r => r.Id).ToFrozenSet(StringComparer.Ordinal);
        return new($"the rules not in pack {basePack.Id}", id => !ids.Contains(id));
    }

    /// <summary>The rules whose id starts with one of the prefixes (ordinal), e.g. <c>"shop."</c>.</summary>
    /// <exception cref="ArgumentException">No prefix, or an empty one.</exception>
    public static RuleScope WithPrefix(params string[] prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        if (prefixes.Length == 0 || prefixes.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Give at least one prefix, none of them empty (e.g. \"shop.\").", nameof(prefixes));
        }

        string[] copy = [.. prefixes];
        return new(
            "the rules " + string.Join(" or ", copy.Select(p => $"'{p}*'")),
            id => copy.Any(p => id.StartsWith(p, StringComparison.Ordinal)));
    }

    /// <summary>Exactly the rules named; each must be a rule of the pack (checked when the coverage is created).</summary>
    /// <exception cref="ArgumentException">No id, or an empty one.</exception>
    public static RuleScope Only(params string[] ruleIds) => Only((IEnumerable<string>)ruleIds);

    /// <summary>Exactly the rules named; each must be a rule of the pack (checked when the coverage is created).</summary>
    /// <exception cref="ArgumentException">No id, or an empty one.</exception>
    public static RuleScope Only(IEnumerable<string> ruleIds)
    {
        ArgumentNullException.ThrowIfNull(ruleIds);
        var ids = ruleIds.ToFrozenSet(StringComparer.Ordinal);
        if (ids.Count == 0 || ids.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Name at least one rule, none of them empty.", nameof(ruleIds));
        }

        return new(ids.Count == 1 ? "1 named rule" : $"{ids.Count} named rules", ids.Contains, ids);
    }

    /// <summary>How the scope reads in coverage reports, e.g. <c>the rules 'shop.*'</c>.</summary>
    public string Description { get; }

    /// <summary>True when the rule is in the scope.</summary>
    public bool Contains(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        return _contains(ruleId);
    }

    /// <summary>The scope's description.</summary>
    public override string ToString() => Description;

    /// <summary>The rules of the pack in the scope, in rule id order, or null and why the scope does not fit the pack.</summary>
    internal IReadOnlyList<string>? Select(CompiledPack pack, out string? problem)
    {
        problem = null;
        var selected = pack.Rules.Where(r => _contains(r.Id)).Select(r => r.Id).ToList();
        if (_named is not null)
        {
            var unknown = _named.Where(id => !pack.Rules.Any(r => string.Equals(r.Id, id, StringComparison.Ordinal))).Order(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                problem = $"Pack '{pack.Id}' has no rule {string.Join(", ", unknown.Select(id => "'" + id + "'"))}; the coverage scope names only rules of the pack.";
                return null;
            }
        }

        if (selected.Count == 0)
        {
            problem = $"The coverage scope ({Description}) selects no rule of pack '{pack.Id}', so it could never fail; use RuleScope.All, or a scope that names rules of the pack.";
            return null;
        }

        return selected;
    }
}
