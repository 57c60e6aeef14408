using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.Loader;
using CareRules.Model;
using CareRules.Serialization;

namespace CareRules.Benchmarks.Infrastructure;

/// <summary>
/// <c>--interleaved N --baseline path/to/CareRules.dll</c>: the C# Standard pack of another build of CareRules (e.g.
/// the last commit's, built from a <c>git worktree</c>), loaded into an assembly load context of its own beside this
/// build's, so that an engine change is compared with the code before it in one process, taking turns — on a host
/// whose speed comes and goes, separate runs of the two builds differ by more than most changes do. Its contexts are
/// the mix's, written with this build's <see cref="CaseJsonWriter"/> and read with the baseline's own reader.
/// </summary>
public static class BaselineBuild
{
    /// <summary>Evaluates context <c>i</c> of <paramref name="contexts"/> with the baseline build's <c>StandardPack.Default</c> into a buffer of its own.</summary>
    public static Action<int> StandardPackEvaluator(string path, IReadOnlyList<CareContext> contexts)
    {
        var assembly = new AssemblyLoadContext("baseline").LoadFromAssemblyPath(Path.GetFullPath(path));
        Type Type(string name) => assembly.GetType(name, throwOnError: true)!;

        var read = Type("CareRules.Serialization.CaseJsonReader").GetMethod("Read", [typeof(string), Type("CareRules.Serialization.CaseReadOptions")])!;
        string lines = string.Join("\n", contexts.Select(c => CaseJsonWriter.ToJson(c)));
        var theirs = ((System.Collections.IEnumerable)read.Invoke(null, [lines, null])!).Cast<object>()
            .Select(r => r.GetType().GetProperty("Context")!.GetValue(r) ?? throw new InvalidOperationException("The baseline build could not read a context of the mix."))
            .ToArray();

        var pack = Type("CareRules.Packs.StandardPack").GetProperty("Default")!.GetValue(null)!;
        pack.GetType().GetMethod("Optimize")!.Invoke(pack, null);
        object buffer = pack.GetType().GetMethod("CreateBuffer")!.Invoke(pack, null)!;
        var contextType = Type("CareRules.Model.CareContext");
        var evaluate = pack.GetType().GetMethod("Evaluate", [contextType, buffer.GetType()])!;

        // pack.Evaluate((CareContext)theirs[i], buffer), compiled, so that it pays no reflection per call.
        var typed = Array.CreateInstance(contextType, theirs.Length);
        Array.Copy(theirs, typed, theirs.Length);
        var i = Expression.Parameter(typeof(int), "i");
        var call = Expression.Call(Expression.Constant(pack), evaluate, Expression.ArrayIndex(Expression.Constant(typed), i), Expression.Constant(buffer));
        return Expression.Lambda<Action<int>>(call, i).Compile();
    }
}
