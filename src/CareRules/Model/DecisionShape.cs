using System.Collections.ObjectModel;

namespace CareRules.Model;

/// <summary>A field a decision may have besides <c>type</c>, <c>rule</c> and <c>reason</c> (catalog 2.2).</summary>
public enum DecisionField
{
    /// <summary><c>offer</c> (compensate): an <see cref="OfferKind"/>.</summary>
    Offer,
    /// <summary><c>value</c> (compensate): money, where the offer has one.</summary>
    Value,
    /// <summary><c>percent</c> (compensate): the percentage, for discounts.</summary>
    Percent,
    /// <summary><c>legal</c> (compensate): true when the law requires it; false when not given.</summary>
    Legal,
    /// <summary><c>dueBy</c> (escalate, notify, compensate): the instant by which it must be done.</summary>
    DueBy,
    /// <summary><c>stop</c> (stop): a <see cref="StopKind"/>.</summary>
    Stop,
    /// <summary><c>until</c> (stop): the instant until which a hold lasts.</summary>
    Until,
    /// <summary><c>to</c> (escalate): an <see cref="EscalationTarget"/>.</summary>
    To,
    /// <summary><c>priority</c> (escalate): an <see cref="EscalationPriority"/>.</summary>
    Priority,
    /// <summary><c>channel</c> (notify): a <see cref="NotifyChannel"/>.</summary>
    Channel,
    /// <summary><c>message</c> (notify): a <see cref="NotifyMessage"/>.</summary>
    Message,
    /// <summary><c>advice</c> (advise): an <see cref="AdviceKind"/>.</summary>
    Advice,
}

/// <summary>Whether a decision field must be given, and whether a verdict always holds it.</summary>
public enum DecisionFieldPresence
{
    /// <summary>Must be given when the decision is authored; always written.</summary>
    Required,
    /// <summary>May be left out (<c>legal</c> is then false); always written.</summary>
    Defaulted,
    /// <summary>May be left out; written only when present (<c>value</c>, <c>percent</c>, <c>dueBy</c>, <c>until</c>).</summary>
    Optional,
}

/// <summary>How resolution picks the one decision kept among decisions of one merge slot (catalog 2.5, step 3).</summary>
public enum DecisionMerge
{
    /// <summary>Identical stops, notifications and advice: the first in canonical order is kept (trace <c>decision-merged</c>).</summary>
    KeepFirst,
    /// <summary>
    /// Offers of the same kind: a legal one beats a goodwill one, then the larger value (one without a value loses),
    /// then the first in canonical order (trace <c>duplicate-merged</c>).
    /// </summary>
    KeepLarger,
    /// <summary>
    /// Escalations to the same target: the first in canonical order, that is the most urgent, then the higher rule
    /// priority, then the lower rule id (trace <c>escalation-merged</c>, catalog 7.8).
    /// </summary>
    KeepMostUrgent,
}

/// <summary>One field of a decision type: which field, its JSON name and whether it must be present.</summary>
public sealed class DecisionFieldShape
{
    internal DecisionFieldShape(DecisionField field, string name, DecisionFieldPresence presence, bool isMergeKey)
    {
        Field = field;
        Name = name;
        Presence = presence;
        IsMergeKey = isMergeKey;
    }

    /// <summary>The field.</summary>
    public DecisionField Field { get; }

    /// <summary>Its name in the verdict JSON and in workflow JSON, e.g. <c>dueBy</c>.</summary>
    public string Name { get; }

    /// <summary>Whether it must be given and whether a verdict always holds it.</summary>
    public DecisionFieldPresence Presence { get; }

    /// <summary>True when it is part of the type's merge key: decisions of the type that agree on every key field merge.</summary>
    public bool IsMergeKey { get; }

    /// <inheritdoc />
    public override string ToString() => Presence == DecisionFieldPresence.Optional ? Name + "?" : Name;
}

/// <summary>
/// The shape of one decision type (catalog 2.2, 2.5 and 5.6), described once for the whole library: its catalog name,
/// its fields in verdict JSON order with which are required, its merge key and how duplicates merge. The verdict JSON
/// writer, resolution, <see cref="object.ToString"/> of a decision, the testing kit and the workflow JSON reader all read
/// it rather than switching over <see cref="DecisionType"/>. Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var shape = DecisionShape.Of(DecisionType.Compensate);
/// // shape.FieldNames: offer, value, percent, legal, dueBy; shape.RequiredFieldNames: offer; shape.MergeKey: Offer
/// </code>
/// </example>
public sealed class DecisionShape
{
    private static readonly DecisionShape[] Shapes =
    [
        new(DecisionType.Stop, DecisionMerge.KeepFirst,
            Key(DecisionField.Stop, "stop"),
            Field(DecisionField.Until, "until", DecisionFieldPresence.Optional)),
        new(DecisionType.Escalate, DecisionMerge.KeepMostUrgent,
            Key(DecisionField.To, "to"),
            Field(DecisionField.Priority, "priority", DecisionFieldPresence.Required),
            Field(DecisionField.DueBy, "dueBy", DecisionFieldPresence.Optional)),
        new(DecisionType.Compensate, DecisionMerge.KeepLarger,
            Key(DecisionField.Offer, "offer"),
            Field(DecisionField.Value, "value", DecisionFieldPresence.Optional),
            Field(DecisionField.Percent, "percent", DecisionFieldPresence.Optional),
            Field(DecisionField.Legal, "legal", DecisionFieldPresence.Defaulted),
            Field(DecisionField.DueBy, "dueBy", DecisionFieldPresence.Optional)),
        new(DecisionType.Notify, DecisionMerge.KeepFirst,
            Key(DecisionField.Channel, "channel"),
            Key(DecisionField.Message, "message"),
            Field(DecisionField.DueBy, "dueBy", DecisionFieldPresence.Optional)),
        new(DecisionType.Advise, DecisionMerge.KeepFirst,
            Key(DecisionField.Advice, "advice")),
    ];

    private readonly ulong _fieldBits;

    private DecisionShape(DecisionType type, DecisionMerge merge, params DecisionFieldShape[] fields)
    {
        Type = type;
        Name = CatalogNames.Of(type);
        Merge = merge;
        Fields = new ReadOnlyCollection<DecisionFieldShape>(fields);
        var names = new List<string>();
        var required = new List<string>();
        var key = new List<DecisionField>();
        foreach (var f in fields)
        {
            _fieldBits |= 1UL << (int)f.Field;
            names.Add(f.Name);
            if (f.Presence == DecisionFieldPresence.Required)
            {
                required.Add(f.Name);
            }

            if (f.IsMergeKey)
            {
                key.Add(f.Field);
            }

            if (f.Field is DecisionField.DueBy or DecisionField.Until)
            {
                InstantField = f.Field;
            }
        }

        FieldNames = names.AsReadOnly();
        RequiredFieldNames = required.AsReadOnly();
        MergeKey = key.AsReadOnly();
    }

    /// <summary>The five shapes in canonical verdict order (stop, escalate, compensate, notify, advise); index by <see cref="DecisionType"/>.</summary>
    public static IReadOnlyList<DecisionShape> All { get; } = Array.AsReadOnly(Shapes);

    /// <summary>The decision type.</summary>
    public DecisionType Type { get; }

    /// <summary>Its catalog name, the <c>type</c> of the verdict JSON: <c>stop</c>, <c>escalate</c>, <c>compensate</c>, <c>notify</c> or <c>advise</c>.</summary>
    public string Name { get; }

    /// <summary>Its fields in verdict JSON order (after <c>type</c>, <c>rule</c> and <c>reason</c>, which every decision has).</summary>
    public IReadOnlyList<DecisionFieldShape> Fields { get; }

    /// <summary>The JSON names of <see cref="Fields"/>, in order: the fields a decision of this type may have.</summary>
    public IReadOnlyList<string> FieldNames { get; }

    /// <summary>The JSON names of the fields that must be given, in order (besides <c>reason</c>, which every decision needs).</summary>
    public IReadOnlyList<string> RequiredFieldNames { get; }

    /// <summary>The fields whose values together are the merge slot: two decisions of this type that agree on all of them merge (catalog 2.5, step 3).</summary>
    public IReadOnlyList<DecisionField> MergeKey { get; }

    /// <summary>How the decision kept among those of one merge slot is chosen.</summary>
    public DecisionMerge Merge { get; }

    /// <summary>
    /// The field holding this type's instant, computed from the context: <see cref="DecisionField.DueBy"/>,
    /// <see cref="DecisionField.Until"/> (stop), or null (advise has none).
    /// </summary>
    public DecisionField? InstantField { get; }

    /// <summary>
    /// True when a merged decision takes the earlier <c>dueBy</c> of the two (every type with a <c>dueBy</c>); a stop keeps
    /// its own <c>until</c>.
    /// </summary>
    public bool MergesEarliestDueBy => InstantField == DecisionField.DueBy;

    /// <summary>The shape of a decision type.</summary>
    /// <param name="type">The decision type.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined decision type.</exception>
    public static DecisionShape Of(DecisionType type) =>
        (uint)type < (uint)Shapes.Length ? Shapes[(int)type] : throw new ArgumentOutOfRangeException(nameof(type), type, "not a decision type.");

    /// <summary>True when decisions of this type have <paramref name="field"/>.</summary>
    /// <param name="field">The field.</param>
    public bool Has(DecisionField field) => (_fieldBits & (1UL << (int)field)) != 0;

    /// <summary>The shape of <paramref name="field"/> in this type, if the type has it.</summary>
    /// <param name="field">The field.</param>
    /// <param name="shape">The field's shape, or null.</param>
    public bool TryGetField(DecisionField field, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DecisionFieldShape? shape)
    {
        for (int i = 0; i < Fields.Count; i++)
        {
            if (Fields[i].Field == field)
            {
                shape = Fields[i];
                return true;
            }
        }

        shape = null;
        return false;
    }

    /// <summary>The catalog name and fields, e.g. <c>compensate: offer, value?, percent?, legal, dueBy?</c>.</summary>
    public override string ToString() => Name + (Fields.Count == 0 ? "" : ": " + string.Join(", ", Fields));

    private static DecisionFieldShape Key(DecisionField field, string name) => new(field, name, DecisionFieldPresence.Required, isMergeKey: true);

    private static DecisionFieldShape Field(DecisionField field, string name, DecisionFieldPresence presence) => new(field, name, presence, isMergeKey: false);
}
