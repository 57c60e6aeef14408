using System.Reflection;
using System.Runtime.InteropServices;

namespace CareRules.Analysis.Z3;

/// <summary>
/// The few functions of Z3's C API the prover needs: a context, and SMT-LIB 2 text in, the solver's answer out. These
/// have been stable since Z3 4.0, so the prover runs on the native library of the Microsoft.Z3 package (Windows, macOS)
/// and on a distribution's <c>libz3</c> (Debian's libz3-4 is 4.8.12: too old for the package's managed API, which calls
/// functions added later, but fine for these).
/// </summary>
internal static partial class Z3Native
{
    private const string Library = "libz3";
    private static readonly Lazy<string?> Loaded = new(Load);

    static Z3Native() => NativeLibrary.SetDllImportResolver(typeof(Z3Native).Assembly, Resolve);

    /// <summary>The Z3 version, or null when no native library could be loaded.</summary>
    public static string? Version => Loaded.Value;

    [LibraryImport(Library)]
    private static partial IntPtr Z3_mk_config();

    [LibraryImport(Library)]
    private static partial void Z3_del_config(IntPtr config);

    [LibraryImport(Library)]
    private static partial IntPtr Z3_mk_context(IntPtr config);

    [LibraryImport(Library)]
    private static partial void Z3_del_context(IntPtr context);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr Z3_eval_smtlib2_string(IntPtr context, string text);

    [LibraryImport(Library)]
    private static partial IntPtr Z3_get_full_version();

    private static readonly Lock Gate = new();

    /// <summary>Runs SMT-LIB 2 <paramref name="script"/> in a fresh context and returns what the solver printed.</summary>
    public static string Run(string script)
    {
        lock (Gate)
        {
            var config = Z3_mk_config();
            var context = Z3_mk_context(config);
            Z3_del_config(config);
            try
            {
                return Marshal.PtrToStringUTF8(Z3_eval_smtlib2_string(context, script)) ?? "";
            }
            finally
            {
                Z3_del_context(context);
            }
        }
    }

    private static string? Load()
    {
        try
        {
            return Marshal.PtrToStringUTF8(Z3_get_full_version());
        }
        catch (DllNotFoundException)
        {
            return null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        foreach (var candidate in (string[])[name, "libz3.so.4", "libz3.so", "libz3.dylib"])
        {
            if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}
