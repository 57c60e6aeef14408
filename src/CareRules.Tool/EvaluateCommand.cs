using System.CommandLine;
using System.Reflection;
using System.Text.Json;
using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.RulesEngine;
using CareRules.Serialization;

namespace CareRules.Tool;

/// <summary>
/// <c>carerules [evaluate] [--json] [--param NAME=VALUE]... [--pack PACK.json]... [FILE...]</c>: evaluates case files
/// (or the bundled cases) with the Standard pack, streaming — each verdict is written as its case is read, in input
/// order (catalog section 6).
/// </summary>
internal static class EvaluateCommand
{
    /// <summary>Adds the options, the FILE argument and the action to <paramref name="command"/>; returns the argument.</summary>
    public static Argument<string[]> AddTo(Command command, ToolIO io)
    {
        var json = new Option<bool>("--json") { Description = "one verdict per line (JSON Lines) on stdout, nothing else" };
        var parameters = new Option<string[]>("--param")
        {
            Description = "override a pack parameter, e.g. --param stance=firm or --param language=pl (repeatable)",
            HelpName = "NAME=VALUE",
        };
        var packs = new Option<string[]>("--pack")
        {
            Description = "a workflow JSON pack extending the Standard pack (repeatable)",
            HelpName = "PACK.json",
        };
        var files = new Argument<string[]>("FILE")
        {
            Description = "case files: one JSON object, a JSON array, or JSON Lines; - reads stdin (none: the bundled cases)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        command.Add(json);
        command.Add(parameters);
        command.Add(packs);
        command.Add(files);
        command.SetAction(r => Run(io, r.GetValue(json), r.GetValue(parameters) ?? [], r.GetValue(packs) ?? [], r.GetValue(files) ?? []));
        return files;
    }

    private static int Run(ToolIO io, bool json, string[] parameterSpecs, string[] packFiles, string[] files)
    {
        if (Prepare(io, parameterSpecs, packFiles, files) is not { } pack)
        {
            return ToolApp.UsageError;
        }

        if (json)
        {
            var options = new CaseReadOptions { Currency = pack.Parameters.Currency, Clock = io.Clock };
            return RunJson(io, pack, files.Length == 0 ? [OpenBundled] : [.. files.Select(f => Opener(io, f))], options);
        }

        int rejected = 0;
        var rows = new List<(CaseReadResult Case, Verdict Verdict)>();
        foreach (var result in ReadCases(io, pack, files))
        {
            var verdict = Evaluate(pack, result, io.Err);
            if (verdict is null)
            {
                rejected++;
            }
            else
            {
                rows.Add((result, verdict));
            }
        }

        Report.Write(io.Out, pack, rows, rejected);
        return rejected > 0 ? ToolApp.Rejected : ToolApp.Ok;
    }

    /// <summary>
    /// <c>--json</c>: read → evaluate → write as a pipeline (<see cref="BatchEvaluator"/>): this thread cuts the input
    /// into chunks of lines and writes each chunk's verdicts and error lines in input order; the workers parse,
    /// evaluate and format.
    /// </summary>
    private static int RunJson(ToolIO io, CompiledPack pack, IReadOnlyList<Func<Stream>> inputs, CaseReadOptions options)
    {
        int rejected = 0;
        var chunks = inputs.SelectMany(open => Chunks(open, options));
        foreach (var result in BatchEvaluator.Run(chunks, () => new JsonWorker(pack, options), (worker, chunk) => worker.Evaluate(chunk), Pipeline))
        {
            using var output = result.Value ?? throw new InvalidOperationException("A chunk of cases failed as a whole.", result.Error);
            io.WriteOut(output.Bytes.WrittenSpan);
            foreach (var error in output.Errors)
            {
                io.Err.WriteLine(error);
            }

            rejected += output.Errors.Count;
        }

        io.OutBytes?.Flush();
        return rejected > 0 ? ToolApp.Rejected : ToolApp.Ok;
    }

    /// <summary>
    /// The pack of <c>--param</c> and <c>--pack</c>, once the files are known to exist; null after recording a usage
    /// error. Shared by the commands that read cases.
    /// </summary>
    internal static CompiledPack? Prepare(ToolIO io, string[] parameterSpecs, string[] packFiles, string[] files)
    {
        if (PackLoader.ParseParameters(io, parameterSpecs, "--param") is not { } parameters)
        {
            return null;
        }

        var pack = PackLoader.Build(io, packFiles, parameters);
        if (pack is null)
        {
            return null;
        }

        foreach (var file in files)
        {
            if (file != "-" && !File.Exists(file))
            {
                io.Usage($"no such file '{file}'");
                return null;
            }
        }

        return pack;
    }

    /// <summary>The cases of the files in order (<c>-</c> is standard input), or the bundled cases when there are none, read lazily.</summary>
    internal static IEnumerable<CaseReadResult> ReadCases(ToolIO io, CompiledPack pack, string[] files)
    {
        var options = new CaseReadOptions { Currency = pack.Parameters.Currency, Clock = io.Clock };
        return files.Length == 0 ? Read(OpenBundled, options) : files.SelectMany(f => Read(Opener(io, f), options));
    }

    /// <summary>The batch options of the tool's pipelines: each input is already a chunk of cases.</summary>
    internal static BatchOptions Pipeline { get; } = new() { ChunkSize = 1 };

    internal static IEnumerable<CaseChunk> Chunks(Func<Stream> open, CaseReadOptions options)
    {
        using var stream = open();
        foreach (var chunk in CaseSource.Chunks(stream, options))
        {
            yield return chunk;
        }
    }

    internal static Func<Stream> Opener(ToolIO io, string file) => file == "-" ? io.OpenStdin : () => File.OpenRead(file);

    private static Stream OpenBundled() => Assembly.GetExecutingAssembly().GetManifestResourceStream("standard-cases.json")
        ?? throw new InvalidOperationException("The bundled cases are missing from the assembly.");

    /// <summary>One worker of the <c>--json</c> pipeline: its buffer and JSON writer.</summary>
    private sealed class JsonWorker(CompiledPack pack, CaseReadOptions options)
    {
        private readonly EvaluationBuffer _buffer = pack.CreateBuffer();
        private readonly CaseParser _parser = new(options);

        public ChunkOutput Evaluate(CaseChunk chunk)
        {
            var output = new ChunkOutput();
            using var writer = new Utf8JsonWriter(output.Bytes, VerdictJsonWriter.WriterOptions());
            for (int i = 0; i < chunk.Count; i++)
            {
                var result = CaseSource.Read(chunk, i, _parser, out int index);
                if (!result.IsValid)
                {
                    output.Errors.Add(CaseErrorJson.ToJson(result));
                    continue;
                }

                try
                {
                    pack.Evaluate(result.Context!, _buffer);
                }
#pragma warning disable CA1031 // one case's failure is that case's error line; the other cases go on
                catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
                {
                    output.Errors.Add(CaseSource.EvaluationError(index, result.CaseId, ex));
                    continue;
                }

                writer.Reset();
                VerdictJsonWriter.Write(writer, _buffer); // the verdict's bytes, without making the verdict
                writer.Flush();
                output.Bytes.Write((byte)'\n');
            }

            chunk.Release();
            return output;
        }
    }

    /// <summary>The verdict lines and error lines of one chunk, in input order.</summary>
    private sealed class ChunkOutput : IDisposable
    {
        public PooledBytes Bytes { get; } = new();

        public List<string> Errors { get; } = [];

        public void Dispose() => Bytes.Dispose();
    }

    /// <summary>The case's verdict, or null after writing its error line (5.7) on standard error.</summary>
    internal static Verdict? Evaluate(CompiledPack pack, CaseReadResult result, TextWriter stderr)
    {
        if (!result.IsValid)
        {
            stderr.WriteLine(CaseErrorJson.ToJson(result));
            return null;
        }

        try
        {
            return pack.Evaluate(result.Context!);
        }
        catch (CareRulesValidationException ex)
        {
            stderr.WriteLine(CaseErrorJson.ToJson(CaseReadResult.Rejected(result.Index, result.CaseId, ex.Errors.Select(e => e with { Path = "$." + e.Path }).ToList())));
            return null;
        }
#pragma warning disable CA1031 // one case's unexpected failure is that case's error line; the other cases go on
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            stderr.WriteLine(CaseErrorJson.ToJson(CaseReadResult.Rejected(result.Index, result.CaseId, [new ValidationError("$", $"could not be evaluated: {ex.GetType().Name}: {ex.Message}")])));
            return null;
        }
    }

    private static IEnumerable<CaseReadResult> Read(Func<Stream> open, CaseReadOptions options)
    {
        using var stream = open();
        foreach (var result in CaseJsonReader.Enumerate(stream, options))
        {
            yield return result;
        }
    }
}

/// <summary>The pack of a command line: the Standard pack, extended by <c>--pack</c> files, with <c>--param</c> values.</summary>
internal static class PackLoader
{
    /// <summary>The <c>NAME=VALUE</c> pairs of <paramref name="option"/>, or null after recording a usage error.</summary>
    public static List<KeyValuePair<string, string>>? ParseParameters(ToolIO io, IEnumerable<string> specs, string option)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var spec in specs)
        {
            int eq = spec.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                io.Usage($"{option} expects NAME=VALUE, e.g. {option} stance=firm (got '{spec}')");
                return null;
            }

            parameters.Add(new(spec[..eq], spec[(eq + 1)..]));
        }

        return parameters;
    }

    /// <summary>The built pack, or null after recording every problem as a usage error.</summary>
    public static CompiledPack? Build(ToolIO io, IReadOnlyList<string> packFiles, IReadOnlyList<KeyValuePair<string, string>> parameters, string packOption = "--pack", string paramOption = "--param")
    {
        var (builder, problems) = Load(packFiles, packOption);
        if (builder is not null)
        {
            try
            {
                foreach (var (name, value) in parameters)
                {
                    builder.Set(name, value);
                }

                return builder.Build();
            }
            catch (CareRulesValidationException ex)
            {
                problems = [.. ex.Errors.Select(e => e.Path.StartsWith("parameters['", StringComparison.Ordinal)
                    ? $"{paramOption} {e.Path.Replace("parameters['", "", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal)}: {e.Message}"
                    : $"{packOption} {e.Path}: {e.Message}")];
            }
        }

        foreach (var problem in problems)
        {
            io.UsageErrors.Add(problem);
        }

        return null;
    }

    /// <summary>The Standard pack's builder extended by the files, or null and every problem of every file.</summary>
    public static (PackBuilder? Builder, List<string> Problems) Load(IReadOnlyList<string> packFiles, string packOption = "--pack")
    {
        var problems = new List<string>();
        var sources = new List<WorkflowSource>();
        foreach (var file in packFiles)
        {
            if (!File.Exists(file))
            {
                problems.Add($"no such file '{file}'");
                continue;
            }

            try
            {
                sources.Add(WorkflowSource.FromFile(file));
            }
            catch (CareRulesValidationException ex)
            {
                problems.AddRange(ex.Errors.Select(e => $"{packOption} {e.Path}: {e.Message}"));
            }
            catch (IOException ex)
            {
                problems.Add($"{packOption} {file}: {ex.Message}");
            }
            catch (UnauthorizedAccessException ex)
            {
                problems.Add($"{packOption} {file}: {ex.Message}");
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var builder = StandardPack.CreateBuilder();
        if (sources.Count == 0)
        {
            return (builder, problems);
        }

        try
        {
            return (WorkflowPack.Extend(builder, [.. sources]), problems);
        }
        catch (CareRulesValidationException ex)
        {
            problems.AddRange(ex.Errors.Select(e => $"{packOption} {e.Path}: {e.Message}"));
            return (null, problems);
        }
    }
}
