using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Analysis;

/// <summary>
/// One side of a conflict: a kind of decision kept in a verdict (a stop, an offer, a notification by a channel), or a
/// rule that fired. Immutable.
/// </summary>
public sealed class DecisionPattern
{
    private readonly DecisionType? _type;
    private readonly StopKind[] _stops;
    private readonly OfferKind[] _offers;
    private readonly NotifyChannel? _channel;

    private DecisionPattern(string text, DecisionType? type, string? ruleId, StopKind[]? stops = null, OfferKind[]? offers = null, NotifyChannel? channel = null)
    {
        Text = text;
        _type = type;
        RuleId = ruleId;
        _stops = stops ?? [];
        _offers = offers ?? [];
        _channel = channel;
    }

    /// <summary>How the pattern reads in docs and messages: <c>stop hold-pending-carrier-claim</c>, <c>compensate reship|full-refund</c>.</summary>
    public string Text { get; }

    /// <summary>The rule whose firing the pattern matches, or null when it matches decisions.</summary>
    public string? RuleId { get; }

    /// <summary>A kept <c>stop</c> decision of one of <paramref name="stops"/>.</summary>
    public static DecisionPattern Stop(params StopKind[] stops) =>
        new("stop " + string.Join("|", stops.Select(s => CatalogNames.Of(s))), DecisionType.Stop, null, stops: stops);

    /// <summary>A kept <c>compensate</c> decision offering one of <paramref name="offers"/> (legal or goodwill).</summary>
    public static DecisionPattern Compensate(params OfferKind[] offers) =>
        new("compensate " + string.Join("|", offers.Select(o => CatalogNames.Of(o))), DecisionType.Compensate, null, offers: offers);

    /// <summary>A kept <c>notify</c> decision by <paramref name="channel"/>.</summary>
    public static DecisionPattern Notify(NotifyChannel channel) =>
        new("notify " + CatalogNames.Of(channel), DecisionType.Notify, null, channel: channel);

    /// <summary>The rule <paramref name="ruleId"/> fired (whatever became of its decisions).</summary>
    public static DecisionPattern Fired(string ruleId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        return new("rule " + ruleId, null, ruleId);
    }

    /// <summary>True when <paramref name="decision"/> is of this pattern.</summary>
    internal bool Matches(in Decision decision)
    {
        if (_type is not { } type || decision.Type != type)
        {
            return false;
        }

        return type switch
        {
            DecisionType.Stop => Array.IndexOf(_stops, decision.Stop) >= 0,
            DecisionType.Compensate => Array.IndexOf(_offers, decision.Offer) >= 0,
            DecisionType.Notify => decision.Channel == _channel,
            _ => false,
        };
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
