using System.CommandLine;
using CareRules.Backtesting;
using CareRules.Evaluation;
using CareRules.Serialization;

namespace CareRules.Tool;

/// <summary>
/// <c>carerules backtest HISTORY... (--candidate PACK.json | --candidate-param NAME=VALUE...) [--baseline PACK.json]
/// [--baseline-param NAME=VALUE...] [--json] [--html REPORT.html]</c>: replays past cases through the baseline pack
/// (default: the Standard pack) and the candidate, and reports what the change does (catalog section 6.4). Reads the
/// input once, evaluates each case with both packs on the workers of a <see cref="BatchEvaluator"/>, each worker
/// aggregating into its own <see cref="Backtest"/>, merged at the end.
/// </summary>
internal static class BacktestCommand
{
    public static (Command Command, Argument<string[]> History) Create(ToolIO io)
    {
        var history = new Argument<string[]>("HISTORY")
        {
            Description = "case files of past cases (JSON Lines, an array or one object); - reads stdin",
            Arity = ArgumentArity.OneOrMore,
        };
        var candidate = new Option<string[]>("--candidate") { Description = "a workflow JSON pack extending the Standard pack: the candidate (repeatable)", HelpName = "PACK.json" };
        var candidateParams = new Option<string[]>("--candidate-param") { Description = "a parameter of the candidate, e.g. --candidate-param stance=generous (repeatable)", HelpName = "NAME=VALUE" };
        var baseline = new Option<string[]>("--baseline") { Description = "a workflow JSON pack extending the Standard pack: the baseline (default: the Standard pack; repeatable)", HelpName = "PACK.json" };
        var baselineParams = new Option<string[]>("--baseline-param") { Description = "a parameter of the baseline (repeatable)", HelpName = "NAME=VALUE" };
        var json = new Option<bool>("--json") { Description = "write the figures as one JSON object on stdout instead of the text summary" };
        var html = new Option<string>("--html") { Description = "also write a self-contained HTML report with charts", HelpName = "REPORT.html" };
        var command = new Command("backtest", "Replays past cases through a baseline and a candidate pack and reports what the change does.")
        {
            history, candidate, candidateParams, baseline, baselineParams, json, html,
        };
        command.SetAction(r => Run(
            io, r.GetValue(history) ?? [], r.GetValue(candidate) ?? [], r.GetValue(candidateParams) ?? [], r.GetValue(baseline) ?? [],
            r.GetValue(baselineParams) ?? [], r.GetValue(json), r.GetValue(html)));
        return (command, history);
    }

    private static int Run(ToolIO io, string[] files, string[] candidatePacks, string[] candidateSpecs, string[] baselinePacks, string[] baselineSpecs, bool json, string? html)
    {
        if (candidatePacks.Length == 0 && candidateSpecs.Length == 0)
        {
            return io.Usage("backtest needs a candidate: --candidate PACK.json or --candidate-param NAME=VALUE");
        }

        if (PackLoader.ParseParameters(io, baselineSpecs, "--baseline-param") is not { } baselineParameters
            || PackLoader.ParseParameters(io, candidateSpecs, "--candidate-param") is not { } candidateParameters)
        {
            return ToolApp.UsageError;
        }

        var baseline = PackLoader.Build(io, baselinePacks, baselineParameters, "--baseline", "--baseline-param");
        var candidate = PackLoader.Build(io, candidatePacks, candidateParameters, "--candidate", "--candidate-param");
        if (baseline is null || candidate is null)
        {
            return ToolApp.UsageError;
        }

        if (baseline.Currency != candidate.Currency)
        {
            return io.Usage($"the candidate decides in {candidate.Currency}, the baseline in {baseline.Currency}; a backtest compares packs of one currency");
        }

        foreach (var file in files)
        {
            if (file != "-" && !File.Exists(file))
            {
                return io.Usage($"no such file '{file}'");
            }
        }

        if (html is not null && Path.GetDirectoryName(Path.GetFullPath(html)) is { } folder && !Directory.Exists(folder))
        {
            return io.Usage($"--html: no such folder '{folder}'");
        }

        var options = new CaseReadOptions { Currency = baseline.Currency, Clock = io.Clock };
        var workers = new List<Worker>();
        long totalBytes = files.All(f => f != "-") ? files.Sum(f => new FileInfo(f).Length) : -1;
        using var progress = io.ErrIsTerminal ? new Progress(io.Err, totalBytes) : null;
        int rejected = 0;
        var chunks = files.SelectMany(f => EvaluateCommand.Chunks(EvaluateCommand.Opener(io, f), options));
        Worker CreateWorker()
        {
            var worker = new Worker(baseline, candidate, options);
            lock (workers)
            {
                workers.Add(worker);
            }

            return worker;
        }

        foreach (var result in BatchEvaluator.Run(chunks, CreateWorker, (worker, chunk) => worker.Run(chunk), EvaluateCommand.Pipeline))
        {
            var output = result.Value ?? throw new InvalidOperationException("A chunk of cases failed as a whole.", result.Error);
            if (output.Errors.Count > 0)
            {
                progress?.Clear();
            }

            foreach (var error in output.Errors)
            {
                io.Err.WriteLine(error);
            }

            rejected += output.Errors.Count;
            progress?.Advance(output.InputBytes, output.Cases);
        }

        progress?.Clear();
        var backtest = new Backtest(baseline, candidate);
        foreach (var worker in workers)
        {
            backtest.Merge(worker.Backtest);
        }

        var summary = backtest.ToSummary();
        var report = new BacktestReport(summary, baseline, candidate, rejected);
        if (html is not null)
        {
            try
            {
                File.WriteAllText(html, BacktestHtml.Render(report));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return io.Usage($"--html: cannot write '{html}': {ex.Message}");
            }
        }

        if (json)
        {
            io.WriteOut(BacktestJson.ToUtf8Bytes(report));
            io.WriteOut("\n"u8);
            io.OutBytes?.Flush();
        }
        else
        {
            BacktestText.Write(io.Out, report);
        }

        return rejected > 0 ? ToolApp.Rejected : ToolApp.Ok;
    }

    /// <summary>One worker: a buffer per pack and its share of the backtest.</summary>
    private sealed class Worker(CompiledPack baseline, CompiledPack candidate, CaseReadOptions options)
    {
        private readonly EvaluationBuffer _before = baseline.CreateBuffer();
        private readonly EvaluationBuffer _after = candidate.CreateBuffer();
        private readonly CaseParser _parser = new(options);

        public Backtest Backtest { get; } = new(baseline, candidate);

        public ChunkResult Run(CaseChunk chunk)
        {
            List<string>? errors = null;
            for (int i = 0; i < chunk.Count; i++)
            {
                var result = CaseSource.Read(chunk, i, _parser, out int index);
                if (!result.IsValid)
                {
                    (errors ??= []).Add(CaseErrorJson.ToJson(result));
                    continue;
                }

                var context = result.Context!;
                try
                {
                    baseline.Evaluate(context, _before);
                    candidate.Evaluate(context, _after);
                }
#pragma warning disable CA1031 // one case's failure is that case's error line; the other cases go on
                catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
                {
                    (errors ??= []).Add(CaseSource.EvaluationError(index, result.CaseId, ex));
                    continue;
                }

                Backtest.Add(result.CaseId, context.Now, _before, _after);
            }

            chunk.Release();
            return new ChunkResult(errors ?? (IReadOnlyList<string>)[], chunk.InputBytes, chunk.Count);
        }
    }

    private sealed record ChunkResult(IReadOnlyList<string> Errors, long InputBytes, int Cases);
}
