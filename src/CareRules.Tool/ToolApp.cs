using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using NodaTime;

namespace CareRules.Tool;

/// <summary>
/// The <c>carerules</c> command line (catalog section 6): <c>evaluate</c> (also the default), <c>check</c> and
/// <c>generate</c> and <c>backtest</c>, parsed by System.CommandLine. Exit codes: 0 success, 1 rejected cases or invalid packs, 2 usage error.
/// </summary>
internal static class ToolApp
{
    public const int Ok = 0;
    public const int Rejected = 1;
    public const int UsageError = 2;

    /// <summary>Runs the command line with standard input as <c>-</c>.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, IClock clock) =>
        Run(args, stdout, stderr, clock, Console.OpenStandardInput);

    /// <summary>Runs the command line; <paramref name="stdin"/> opens what <c>-</c> reads.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, IClock clock, Func<Stream> stdin) =>
        Run(args, new ToolIO(stdout, stderr, clock, stdin));

    /// <summary>Runs the command line with the process's streams: machine output (<c>--json</c>) goes to standard output as UTF-8 bytes, and a progress bar to standard error when it is a terminal.</summary>
    public static int RunProcess(IReadOnlyList<string> args, IClock clock)
    {
        using var stdoutBytes = Console.OpenStandardOutput();
        var io = new ToolIO(Console.Out, Console.Error, clock, Console.OpenStandardInput) { OutBytes = stdoutBytes, ErrIsTerminal = !Console.IsErrorRedirected };
        int exit = Run(args, io);
        Console.Out.Flush();
        return exit;
    }

    /// <summary>Runs the command line with <paramref name="io"/>.</summary>
    public static int Run(IReadOnlyList<string> args, ToolIO io)
    {
        var (stdout, stderr) = (io.Out, io.Err);
        var root = new RootCommand("carerules: evaluates customer-care cases with the CareRules Standard pack (catalog section 6).");
        var defaultEvaluate = EvaluateCommand.AddTo(root, io);
        var evaluate = new Command("evaluate", "Evaluates case files (the default command).");
        EvaluateCommand.AddTo(evaluate, io);
        root.Add(evaluate);
        root.Add(ExplainCommand.Create(io));
        root.Add(CheckCommand.Create(io));
        root.Add(GenerateCommand.Create(io));
        var (backtest, history) = BacktestCommand.Create(io);
        root.Add(backtest);
        root.Add(SchemaCommand.Create(io));

        var result = root.Parse(args);
        if (result.Action is HelpAction)
        {
            return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }

        var errors = result.Errors.Select(e => e.Message).ToList();
        if (result.CommandResult.Command == root || result.CommandResult.Command == evaluate || result.CommandResult.Command == backtest)
        {
            var files = result.CommandResult.Command == root ? defaultEvaluate : result.CommandResult.Command == backtest ? history : (Argument)evaluate.Arguments[0];
            errors.AddRange(UnknownOptions(result, files));
        }

        if (errors.Count > 0)
        {
            return Usage(io, result.CommandResult.Command, root, errors);
        }

        int exit = result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        if (exit == UsageError && io.UsageErrors.Count > 0)
        {
            return Usage(io, result.CommandResult.Command, root, io.UsageErrors);
        }

        return exit;
    }

    /// <summary>A file argument that looks like an option (before any <c>--</c>) is an unknown option, not a file.</summary>
    private static IEnumerable<string> UnknownOptions(ParseResult result, Argument files)
    {
        var fileTokens = result.GetResult(files)?.Tokens ?? [];
        foreach (var token in result.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                yield break;
            }

            if (token.Value.Length > 1 && token.Value[0] == '-' && fileTokens.Any(t => ReferenceEquals(t, token)))
            {
                yield return $"unknown option '{token.Value}'";
            }
        }
    }

    private static int Usage(ToolIO io, Command command, RootCommand root, IReadOnlyList<string> errors)
    {
        foreach (var error in errors)
        {
            io.Err.WriteLine("error: " + error);
        }

        string[] help = command == root ? ["--help"] : [command.Name, "--help"];
        root.Parse(help).Invoke(new InvocationConfiguration { Output = io.Err, Error = io.Err, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        return UsageError;
    }
}

/// <summary>What a command writes to and reads from, and the clock for cases without <c>now</c>.</summary>
internal sealed class ToolIO(TextWriter stdout, TextWriter stderr, IClock clock, Func<Stream> stdin)
{
    public TextWriter Out { get; } = stdout;

    /// <summary>Standard output as a byte stream, for machine output written as UTF-8; null to write through <see cref="Out"/>.</summary>
    public Stream? OutBytes { get; init; }

    /// <summary>True when standard error is a terminal (a progress bar is drawn there).</summary>
    public bool ErrIsTerminal { get; init; }

    /// <summary>Writes UTF-8 bytes to standard output.</summary>
    public void WriteOut(ReadOnlySpan<byte> utf8)
    {
        if (OutBytes is { } bytes)
        {
            bytes.Write(utf8);
        }
        else
        {
            Out.Write(System.Text.Encoding.UTF8.GetString(utf8));
        }
    }

    public TextWriter Err { get; } = stderr;

    public IClock Clock { get; } = clock;

    public Func<Stream> OpenStdin { get; } = stdin;

    /// <summary>Usage errors found by a command's action (exit 2; written with the usage by <see cref="ToolApp"/>).</summary>
    public List<string> UsageErrors { get; } = [];

    public int Usage(string message)
    {
        UsageErrors.Add(message);
        return ToolApp.UsageError;
    }
}
