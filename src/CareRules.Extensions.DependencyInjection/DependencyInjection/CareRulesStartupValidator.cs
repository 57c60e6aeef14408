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
            // One failure whose text lists one problem a line: the options system joins several failures with "; " on
            // one line, which is unreadable for more than one problem.
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
