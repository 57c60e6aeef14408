using System.Diagnostics;

namespace CareRules.Tool.Tests;

/// <summary>Runs the built tool (<c>CareRules.Tool.dll</c>, copied beside the tests) as a process.</summary>
internal static class ToolProcess
{
    public static (int Exit, string Out, string Err) Run(string? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CareRules.Tool.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
        }

        p.StandardInput.Close();
        Assert.True(p.WaitForExit(60_000), "the tool did not finish within 60 s");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
