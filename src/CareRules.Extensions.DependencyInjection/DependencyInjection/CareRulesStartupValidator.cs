using CareRules.Evaluation;
using CareRules.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareRules.DependencyInjection;

/// <summary>Validates <see cref="CareRulesStartupCheck"/> by resolving the pack provider (which builds the first pack).</summary>
internal sealed class CareRulesStartupValidator(IServiceProvider services) : IValidateOptions<CareRulesStartupCheck>
{
    public ValidateOptionsResult Validate(string? name, CareRulesStartupCheck options)
    {
        try
        {
            _ = services.GetRequiredService<IPackProvider>().Current;
            return ValidateOptionsResult.Success;
        }
        catch (CareRulesValidationException ex)
        {
            return ex.Errors.Count > 0
                ? ValidateOptionsResult.Fail(ex.Errors.Select(e => e.ToString()))
                : ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
