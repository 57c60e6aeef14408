using CareRules.Evaluation;
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
        if (!request.HasJsonContentType())
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.", $"Send the case as application/json, not '{request.ContentType ?? "(none)"}'.");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        byte[] body;
        try
        {
            body = await ReadBodyAsync(request, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (BadHttpRequestException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "The request body could not be read.", ex.Message);
        }

        var first = body.AsSpan().TrimStart(" \t\r\n"u8);
        if (first.Length > 0 && first[0] != (byte)'{')
        {
            return InvalidCase(null, [new ValidationError("$", first[0] == (byte)'[' ? "expected one case object, found an array; send one case per request." : "expected one case object.")]);
        }

        var pack = packs.Current;
        var options = CaseReadOptions.Default with { Currency = pack.Parameters.Currency, Clock = clock };
        var results = CaseJsonReader.Read(body, options);
        if (results.Count != 1)
        {
            string problem = results.Count == 0 ? "expected one case object, the body is empty." : $"expected one case object, found {results.Count} cases; send one case per request.";
            return InvalidCase(null, [new ValidationError("$", problem)]);
        }

        var result = results[0];
        if (!result.IsValid)
        {
            return InvalidCase(result.CaseId, result.Errors);
        }

        Verdict verdict;
        try
        {
            verdict = evaluator.Evaluate(result.Context);
        }
        catch (CareRulesValidationException ex)
        {
            // Only if a hot reload changed the pack's currency between reading and evaluating.
            return InvalidCase(result.CaseId, ex.Errors);
        }

        return TypedResults.Ok(verdict); // written by VerdictJsonConverter (CareApi registers it): the console's verdict JSON
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
