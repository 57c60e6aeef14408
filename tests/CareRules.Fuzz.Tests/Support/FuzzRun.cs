using System.Globalization;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace CareRules.Fuzz.Tests.Support;

/// <summary>
/// Runs a fuzz property with FsCheck from a fixed seed, so that every run tries the same inputs (docs/fuzzing.md).
/// The number of inputs is the category's normal count, multiplied by 20 when <c>CARERULES_FUZZ=long</c>; a failure
/// reports FsCheck's replay (seed, gamma and size), which <c>CARERULES_FUZZ_REPLAY</c> feeds back in.
/// </summary>
internal static partial class FuzzRun
{
    /// <summary>The environment variable that selects the long run (<c>long</c>).</summary>
    public const string ModeVariable = "CARERULES_FUZZ";

    /// <summary>The environment variable that replays a failure: <c>"(seed,gamma)"</c> or <c>"(seed,gamma,size)"</c> as FsCheck printed it.</summary>
    public const string ReplayVariable = "CARERULES_FUZZ_REPLAY";

    /// <summary>The multiplier of the long run.</summary>
    public const int LongFactor = 20;

    /// <summary>True for the long run of release checks.</summary>
    public static bool IsLong => string.Equals(Environment.GetEnvironmentVariable(ModeVariable), "long", StringComparison.OrdinalIgnoreCase);

    /// <summary>How many inputs a category tries in this run.</summary>
    public static int Count(int normal) => IsLong ? normal * LongFactor : normal;

    /// <summary>
    /// Checks <paramref name="body"/> for <see cref="Count"/>(<paramref name="normal"/>) inputs drawn from
    /// <paramref name="gen"/>, starting from the fixed <paramref name="seed"/> (or the replay given in
    /// <see cref="ReplayVariable"/>). Throws FsCheck's failure report (input, replay) on the first failing input;
    /// inputs are not shrunk (they are whole files), the failing one is printed whole.
    /// </summary>
    public static void Check<T>(string name, ulong seed, int normal, Gen<T> gen, Action<T> body)
    {
        var replay = ReplayFromEnvironment() ?? new Replay(new Rnd(seed, Gamma), FSharpOption<int>.None);
        var config = Config.QuickThrowOnFailure
            .WithName(name)
            .WithMaxTest(Count(normal))
            .WithStartSize(10)
            .WithEndSize(100)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(replay));
        FsCheck.Check.One(config, Prop.ForAll(gen.ToArbitrary(), body));
    }

    /// <summary>The fixed gamma of every category (odd, as SplitMix needs); categories differ by seed.</summary>
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private static Replay? ReplayFromEnvironment()
    {
        string? text = Environment.GetEnvironmentVariable(ReplayVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var numbers = Numbers().Matches(text).Select(m => ulong.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
        if (numbers.Length < 2)
        {
            throw new InvalidOperationException($"{ReplayVariable} must hold the replay FsCheck printed, e.g. (123,456) or (123,456,7); was '{text}'.");
        }

        var size = numbers.Length > 2 ? FSharpOption<int>.Some((int)numbers[2]) : FSharpOption<int>.None;
        return new Replay(new Rnd(numbers[0], numbers[1]), size);
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Numbers();
}
