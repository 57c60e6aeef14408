using CareRules.Packs;
using CareRules.Testing;

namespace CareRules.RulesEngine.Tests.Expressions;

/// <summary>The inputs <see cref="WorkflowInputs.Create"/> gives Microsoft RulesEngine for one context.</summary>
public sealed class WorkflowInputsTests
{
    private static readonly Model.CareContext Context = Scenario.AtLocal(2026, 11, 23, 10, 0).LateBy(2).Build();

    private static object Params(Evaluation.CompiledPack pack) =>
        WorkflowInputs.Create(pack, Context).Single(p => p.Name == WorkflowInputs.Params).Value;

    private static object? Read(object parameters, string name) => parameters.GetType().GetProperty(name)!.GetValue(parameters);

    [Fact]
    public void Create_Params_HoldTheResolvedValuesOfThePack()
    {
        var firm = StandardPack.Build(b => b.Set("stance", "firm").Set("smallGift", "35"));

        var parameters = Params(firm);

        Assert.Equal(Stance.Firm, Read(parameters, "stance"));
        Assert.Equal(35m, Read(parameters, "smallGift"));
        Assert.Equal(20m, Read(Params(StandardPack.Default), "smallGift"));
    }

    [Fact]
    public void Create_EachCall_GetsItsOwnParamsObject()
    {
        // One caller's expression cannot change the values the next caller sees.
        var first = Params(StandardPack.Default);
        first.GetType().GetProperty("smallGift")!.SetValue(first, 1m);

        var second = Params(StandardPack.Default);

        Assert.NotSame(first, second);
        Assert.Equal(20m, Read(second, "smallGift"));
    }
}
