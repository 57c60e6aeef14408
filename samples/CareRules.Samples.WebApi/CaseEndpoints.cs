using CareRules.Evaluation;
using CareRules.Explanations;
using CareRules.Model;
using CareRules.Serialization;
using NodaTime;
using CareRules.DependencyInjection;
using Microsoft.AspNetCore.Http.Features;

namespace CareRules.Samples.WebApi;

/// <summary>
/// <c>POST /cases/evaluate</c>: one case in the catalog's JSON format in, its verdict out. A client's mistake is never a
/// 500: a body over <see cref="MaxBodyBytes"/> answers 413, a content type other than JSON 415, a body that breaks off
/// (bad chunked encoding, a dropped connection), is not one JSON object or holds a bad case 400 — each as problem
/// details.
/// </summary>
public static class CaseEndpoints
{
    /// <summary>The largest body accepted: 1 MiB, far above any case and far below Kestrel's 30 MB default.</summary>
    public const int MaxBodyBytes = 1 << 20;

    /// <summary>
    /// Reads one case object strictly (a case without <c>now</c> is evaluated at the injected clock's instant) and
    /// answers 200 with the verdict (the catalog's verdict JSON, byte for byte), or 400 with problem details whose <c>errors</c> name every bad path.
    /// </summary>
    public static async Task<IResult> EvaluateAsync(HttpRequest request, ICareEvaluator evaluator, IPackProvider packs, IClock clock, CancellationToken cancellationToken)
    {
        var (result, problem) = await ReadCaseAsync(request, packs.Current, clock, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        Verdict verdict;
        try
        {
            verdict = evaluator.Evaluate(result!.Context!);
        }
        catch (CareRulesValidationException ex)
        {
            // Only if a hot reload changed the pack's currency between reading and evaluating.
            return InvalidCase(result!.CaseId, ex.Errors);
        }

        return TypedResults.Ok(verdict); // written by VerdictJsonConverter (CareApi registers it): the console's verdict JSON
    }

    /// <summary>
    /// <c>POST /cases/explain[?rule=RULE…]</c>: one case in, a JSON array out with the explanation of each rule named by
    /// <c>rule</c> (repeatable; every rule when none), each in the shape of catalog section 2.6 — why it fired or not,
    /// clause by clause, with the nearest flip. The body is read and checked as <see cref="EvaluateAsync"/> reads it; a
    /// rule the pack does not have answers 400 naming the pack's rules.
    /// </summary>
    public static async Task<IResult> ExplainAsync(HttpRequest request, IPackProvider packs, IClock clock, CancellationToken cancellationToken)
    {
        var pack = packs.Current;
        var known = pack.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        string[] rules = [.. request.Query["rule"].Where(r => !string.IsNullOrEmpty(r)).Select(r => r!)];
        var unknown = rules.Where(r => !known.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["rule"] = [.. unknown.Select(r => $"'{r}' is not a rule of {pack.Id}; its rules are: {string.Join(", ", known.Order(StringComparer.Ordinal))}.")] },
                title: "Unknown rule.");
        }

        var (result, problem) = await ReadCaseAsync(request, pack, clock, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var json = new MemoryStream();
        try
        {
            using var writer = new System.Text.Json.Utf8JsonWriter(json, VerdictJsonWriter.WriterOptions());
            writer.WriteStartArray();
            foreach (var id in rules.Length > 0 ? rules : [.. known.Order(StringComparer.Ordinal)])
            {
                ExplanationJsonWriter.Write(writer, pack.Explain(result!.Context!, id));
            }

            writer.WriteEndArray();
        }
        catch (CareRulesValidationException ex)
        {
            return InvalidCase(result!.CaseId, ex.Errors);
        }

        return TypedResults.Bytes(json.ToArray(), "application/json");
    }

    /// <summary>
    /// Reads one case object strictly (a case without <c>now</c> gets the clock's instant): the case, or the problem to
    /// answer — 415 for a content type other than JSON, 413 for a body over <see cref="MaxBodyBytes"/>, 400 for a body
    /// that breaks off, is not one case object, or holds a bad case.
    /// </summary>
    private static async Task<(CaseReadResult? Case, IResult? Problem)> ReadCaseAsync(HttpRequest request, CompiledPack pack, IClock clock, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.", $"Send the case as application/json, not '{request.ContentType ?? "(none)"}'."));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        byte[] body;
        try
        {
            body = await ReadBodyAsync(request, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
        catch (BadHttpRequestException ex)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "The request body could not be read.", ex.Message));
        }

        var first = body.AsSpan().TrimStart(" \t\r\n"u8);
        if (first.Length > 0 && first[0] != (byte)'{')
        {
            return (null, InvalidCase(null, [new ValidationError("$", first[0] == (byte)'[' ? "expected one case object, found an array; send one case per request." : "expected one case object.")]));
        }

        var options = CaseReadOptions.Default with { Currency = pack.Parameters.Currency, Clock = clock };
        var results = CaseJsonReader.Read(body, options);
        if (results.Count != 1)
        {
            string problem = results.Count == 0 ? "expected one case object, the body is empty." : $"expected one case object, found {results.Count} cases; send one case per request.";
            return (null, InvalidCase(null, [new ValidationError("$", problem)]));
        }

        var result = results[0];
        return result.IsValid ? (result, null) : (null, InvalidCase(result.CaseId, result.Errors));
    }

    /// <summary>Reads the body, never more than <see cref="MaxBodyBytes"/> (Kestrel stops a longer one with a 413).</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"A case may have at most {MaxBodyBytes} bytes; send one case per request.");

    private static IResult Problem(int status, string title, string detail) => TypedResults.Problem(detail: detail, statusCode: status, title: title);

    private static IResult InvalidCase(string? caseId, IReadOnlyList<ValidationError> errors)
    {
        var byPath = errors
            .GroupBy(e => e.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        var extensions = new Dictionary<string, object?> { ["caseId"] = caseId };
        return TypedResults.ValidationProblem(
            byPath,
            detail: $"The case has {errors.Count} problem{(errors.Count == 1 ? "" : "s")}; each is listed under its JSON path.",
            title: "The case is invalid.",
            extensions: extensions);
    }
}
