using CareRules.Model;
using CareRules.Packs;
using CareRules.Time;
using NodaTime;

namespace CareRules.RulesEngine.Expressions;

/// <summary>
/// The types workflow expressions may see, in one place: what the parser is told about (RulesEngine's
/// <c>ReSettings.CustomTypes</c>) and what the sandbox lets values be.
/// </summary>
internal static class ExpressionTypes
{
    /// <summary>The catalog's enumerations, usable as <c>CaseKind.DeliveryDelay</c> or compared with <c>"DeliveryDelay"</c>.</summary>
    public static IReadOnlyList<Type> Enums { get; } =
    [
        typeof(PaymentMethod), typeof(OrderStatus), typeof(TrackingStatus), typeof(CaseKind), typeof(ContactChannel), typeof(Fault),
        typeof(CaseFlags), typeof(CarrierClaimState), typeof(CustomerRequests), typeof(Stance), typeof(IsoDayOfWeek),
    ];

    /// <summary>Immutable value types whose members (and static factories) expressions may use.</summary>
    public static IReadOnlyList<Type> Values { get; } =
    [
        typeof(Money), typeof(Currency), typeof(Instant), typeof(LocalDate), typeof(LocalTime), typeof(LocalDateTime), typeof(Duration),
    ];

    /// <summary>The context and calendar classes whose public members expressions may read.</summary>
    public static IReadOnlyList<Type> Entities { get; } =
    [
        typeof(Customer), typeof(Order), typeof(CareCase), typeof(BusinessCalendar), typeof(WeeklyHours),
    ];

    /// <summary>Built-in scalar types.</summary>
    public static IReadOnlyList<Type> Primitives { get; } =
    [
        typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong),
        typeof(float), typeof(double), typeof(decimal), typeof(char), typeof(string),
    ];

    /// <summary>The types handed to RulesEngine's parser as custom types (besides the parameter type of the pack).</summary>
    public static IReadOnlyList<Type> Custom { get; } = [typeof(Care), .. Enums, .. Values, .. Entities];

    /// <summary>The custom types for a pack whose <c>params</c> has <paramref name="paramsType"/>.</summary>
    public static Type[] CustomFor(Type paramsType) => [.. Custom, paramsType];
}
