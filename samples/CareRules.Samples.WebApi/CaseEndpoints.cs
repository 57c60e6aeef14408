using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Serialization;
using NodaTime;
using CareRules.DependencyInjection;

namespace CareRules.Samples.WebApi;

/// <summary><c>POST /cases/evaluate</c>: one case in the catalog's JSON format in, its verdict out.</summary>
public static class CaseEndpoints
{
    /// <summary>
    /// Reads one case object strictly (a case without <c>now</c> is evaluated at the injected clock's instant) and
    /// answers 200 with the verdict (the catalog's verdict JSON, byte for byte), or 400 with problem details whose <c>errors</c> name every bad path.
    /// </summary>
    public static async Task<IResult> EvaluateAsync(HttpRequest request, ICareEvaluator evaluator, IPackProvider packs, IClock clock, CancellationToken cancellationToken)
    {
        var pack = packs.Current;
        var options = CaseReadOptions.Default with { Currency = pack.Parameters.Currency, Clock = clock };
        var results = await CaseJsonReader.ReadAsync(request.Body, options, cancellationToken);
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
