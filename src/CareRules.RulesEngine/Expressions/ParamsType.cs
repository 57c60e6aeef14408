using System.Collections.Concurrent;
using System.Linq.Dynamic.Core;
using System.Linq.Expressions;
using System.Reflection;
using CareRules.Authoring;

namespace CareRules.RulesEngine.Expressions;

/// <summary>
/// The static type of <c>params</c> in expressions: a class made at load (System.Linq.Dynamic.Core's
/// <see cref="DynamicClassFactory"/>) with one typed property per parameter of the pack, so that
/// <c>params.smallGift</c> is a <see cref="decimal"/> to the parser and an unknown name is a load error. The same
/// parameter set always gives the same type. Values are fixed when the pack is built and bound as a constant.
/// </summary>
internal sealed class ParamsType
{
    private static readonly ConcurrentDictionary<string, ParamsType> Cache = new(StringComparer.Ordinal);

    private ParamsType(Type type, IReadOnlyList<ParameterDefinition> definitions)
    {
        Type = type;
        Definitions = definitions;
        Properties = definitions.ToDictionary(d => d.Name, d => type.GetProperty(d.Name)!, StringComparer.Ordinal);
    }

    public Type Type { get; }

    public IReadOnlyList<ParameterDefinition> Definitions { get; }

    public IReadOnlyDictionary<string, PropertyInfo> Properties { get; }

    public string KnownNames => string.Join(", ", Definitions.Select(d => d.Name));

    /// <summary>The type for a parameter set (the definitions' names and value types, in order).</summary>
    public static ParamsType For(IEnumerable<ParameterDefinition> definitions)
    {
        var list = definitions.DistinctBy(d => d.Name, StringComparer.Ordinal).ToList();
        string key = string.Join("|", list.Select(d => d.Name + ":" + d.ValueType.AssemblyQualifiedName));
        return Cache.GetOrAdd(key, _ =>
        {
            var properties = list.Select(d => new DynamicProperty(d.Name, d.ValueType)).ToList();
            return new ParamsType(DynamicClassFactory.CreateType(properties, createParameterCtor: false), list);
        });
    }

    /// <summary>
    /// A factory of instances holding the resolved values of a built pack: one compiled <c>new { a = …, b = … }</c>,
    /// so that each call costs an allocation instead of a reflection call per parameter. Each call returns a new
    /// instance, so no caller can change the values another sees.
    /// </summary>
    public Func<object> CreateFactory(ParameterValues values)
    {
        var bindings = new List<MemberBinding>(Properties.Count);
        foreach (var (name, property) in Properties)
        {
            bindings.Add(Expression.Bind(property, Expression.Constant(values.Find(name), property.PropertyType)));
        }

        var body = Expression.Convert(Expression.MemberInit(Expression.New(Type), bindings), typeof(object));
        return Expression.Lambda<Func<object>>(body).Compile(preferInterpretation: !System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeCompiled);
    }

    /// <summary>An instance holding the resolved values of a built pack.</summary>
    public object CreateInstance(ParameterValues values)
    {
        var instance = Activator.CreateInstance(Type)!;
        foreach (var (name, property) in Properties)
        {
            property.SetValue(instance, values.Find(name));
        }

        return instance;
    }
}
