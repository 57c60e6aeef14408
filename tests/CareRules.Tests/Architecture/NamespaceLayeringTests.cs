using System.Reflection;
using System.Reflection.Emit;
using CareRules.Evaluation;

namespace CareRules.Tests.Architecture;

/// <summary>
/// The namespaces of the core package depend one way only (docs/architecture.md): a namespace may use the namespaces
/// of lower layers, never one of its own layer or above. Read from the compiled assembly — signatures, attributes and
/// every method body's IL — so a fully qualified name or a compiler-generated closure cannot hide a use.
/// </summary>
public sealed class NamespaceLayeringTests
{
    /// <summary>The layers, lowest first. A namespace may use only namespaces of a lower layer.</summary>
    internal static readonly string[][] Layers =
    [
        ["CareRules.Time", "CareRules.Model"],
        ["CareRules.Authoring"],
        ["CareRules.Evaluation"],
        ["CareRules.Packs", "CareRules.Explanations", "CareRules.Backtesting"],
        ["CareRules.Serialization"],
    ];

    private static readonly Assembly Core = typeof(CompiledPack).Assembly;

    [Fact]
    public void EveryNamespaceOfTheCore_HasALayer()
    {
        var known = Layers.SelectMany(l => l).ToHashSet(StringComparer.Ordinal);
        var unplaced = Core.GetTypes()
            .Select(t => t.Namespace)
            .Where(ns => ns is not null && ns.StartsWith("CareRules", StringComparison.Ordinal) && !known.Contains(ns))
            .Distinct()
            .ToList();
        Assert.True(unplaced.Count == 0, $"Namespaces with no layer in NamespaceLayeringTests.Layers: {string.Join(", ", unplaced)}");
    }

    [Fact]
    public void NoNamespaceOfTheCore_UsesItsOwnLayerOrAHigherOne()
    {
        var violations = Uses(Core)
            .Where(u => !Allowed(u.From, u.To))
            .Select(u => $"{u.From} uses {u.To} ({u.Where})")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(violations.Count == 0, "One-way namespaces broken:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheCheck_SeesUsesInMethodBodies()
    {
        // The check must see what the compiler emits in bodies, not only signatures: Evaluation calls into Authoring
        // inside PackBuilderExtensions.Build, and its signature also names PackBuilder.
        var uses = Uses(Core).ToList();
        Assert.Contains(uses, u => u is { From: "CareRules.Evaluation", To: "CareRules.Authoring" } && u.Where.Contains("PackBuilderExtensions.Build", StringComparison.Ordinal));
        Assert.Contains(uses, u => u is { From: "CareRules.Packs", To: "CareRules.Evaluation" });
        Assert.False(Allowed("CareRules.Authoring", "CareRules.Evaluation"));
        Assert.False(Allowed("CareRules.Packs", "CareRules.Serialization"));
        Assert.True(Allowed("CareRules.Serialization", "CareRules.Model"));
    }

    private static bool Allowed(string from, string to)
    {
        if (from == to)
        {
            return true;
        }

        int fromLayer = Array.FindIndex(Layers, l => l.Contains(from));
        int toLayer = Array.FindIndex(Layers, l => l.Contains(to));
        return fromLayer < 0 || toLayer < 0 || toLayer < fromLayer;
    }

    private static IEnumerable<(string From, string To, string Where)> Uses(Assembly assembly)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            if (type.Namespace is not { } from || !from.StartsWith("CareRules", StringComparison.Ordinal))
            {
                continue;
            }

            var referenced = new List<(Type Type, string Where)>();
            void Add(Type? t, string where)
            {
                foreach (var inner in Flatten(t))
                {
                    referenced.Add((inner, where));
                }
            }

            Add(type.BaseType, type.Name + " base type");
            foreach (var i in type.GetInterfaces())
            {
                Add(i, type.Name + " interfaces");
            }

            foreach (var a in type.CustomAttributes)
            {
                Add(a.AttributeType, type.Name + " attributes");
            }

            foreach (var field in type.GetFields(All))
            {
                Add(field.FieldType, $"{type.Name}.{field.Name}");
            }

            foreach (var property in type.GetProperties(All))
            {
                Add(property.PropertyType, $"{type.Name}.{property.Name}");
            }

            foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                string where = $"{type.Name}.{method.Name}";
                if (method is MethodInfo info)
                {
                    Add(info.ReturnType, where);
                }

                foreach (var p in method.GetParameters())
                {
                    Add(p.ParameterType, where);
                }

                foreach (var t in BodyReferences(method))
                {
                    Add(t, where);
                }
            }

            foreach (var (t, where) in referenced)
            {
                if (t.Assembly == assembly && t.Namespace is { } to && to != from)
                {
                    yield return (from, to, where);
                }
            }
        }
    }

    private static IEnumerable<Type> Flatten(Type? type)
    {
        if (type is null)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var t in Flatten(type.GetElementType()))
            {
                yield return t;
            }

            yield break;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            yield return type.GetGenericTypeDefinition();
            foreach (var arg in type.GetGenericArguments())
            {
                foreach (var t in Flatten(arg))
                {
                    yield return t;
                }
            }

            yield break;
        }

        if (!type.IsGenericParameter)
        {
            yield return type;
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types a method body names: in type, field, method and token operands.</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok:
                    int token = BitConverter.ToInt32(il, i);
                    i += 4;
                    var member = method.Module.ResolveMember(token, typeArgs, methodArgs);
                    if (member is Type t)
                    {
                        yield return t;
                    }
                    else if (member is not null)
                    {
                        yield return member.DeclaringType!;
                        if (member is FieldInfo f)
                        {
                            yield return f.FieldType;
                        }
                        else if (member is MethodInfo m)
                        {
                            yield return m.ReturnType;
                            foreach (var a in m.IsGenericMethod ? m.GetGenericArguments() : [])
                            {
                                yield return a;
                            }
                        }
                    }

                    break;
                case OperandType.InlineSwitch:
                    int count = BitConverter.ToInt32(il, i);
                    i += 4 + (4 * count);
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }
}
