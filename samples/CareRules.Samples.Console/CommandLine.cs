namespace CareRules.Samples.Console;

/// <summary>The parsed command line (catalog section 6).</summary>
internal sealed record CommandLine(bool Json, IReadOnlyList<KeyValuePair<string, string>> Parameters, IReadOnlyList<string> Files, bool Help)
{
    public const string Usage =
        """
        usage: carerules [--json] [--param NAME=VALUE]... [FILE...]

          FILE               case files: one JSON object, a JSON array, or JSON Lines
                             (none: the bundled sample cases)
          --json             one verdict per line (JSON Lines) on stdout, nothing else
          --param NAME=VALUE override a Standard pack parameter, e.g. --param stance=firm
          -h, --help         this text

        exit codes: 0 all cases evaluated, 1 one or more cases rejected, 2 usage error
        """;

    /// <summary>Parses arguments; returns null and sets <paramref name="error"/> on a usage error.</summary>
    public static CommandLine? Parse(IReadOnlyList<string> args, out string? error)
    {
        bool json = false, help = false, onlyFiles = false;
        var parameters = new List<KeyValuePair<string, string>>();
        var files = new List<string>();
        error = null;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (onlyFiles || !a.StartsWith('-') || a == "-")
            {
                files.Add(a);
            }
            else if (a == "--")
            {
                onlyFiles = true;
            }
            else if (a == "--json")
            {
                json = true;
            }
            else if (a is "-h" or "--help")
            {
                help = true;
            }
            else if (a == "--param" || a.StartsWith("--param=", StringComparison.Ordinal))
            {
                string? spec = a == "--param" ? (i + 1 < args.Count ? args[++i] : null) : a["--param=".Length..];
                int eq = spec?.IndexOf('=', StringComparison.Ordinal) ?? -1;
                if (spec is null || eq <= 0)
                {
                    error = $"--param expects NAME=VALUE, e.g. --param stance=firm (got '{spec ?? ""}')";
                    return null;
                }

                parameters.Add(new(spec[..eq], spec[(eq + 1)..]));
            }
            else
            {
                error = $"unknown option '{a}'";
                return null;
            }
        }

        return new CommandLine(json, parameters, files, help);
    }
}
