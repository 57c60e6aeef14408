using CareRules.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CareRules.DependencyInjection;

/// <summary>
/// Reads <see cref="CareRulesOptions"/> from a configuration section, strictly: the settings are <c>Parameters</c> (a
/// section of name/value pairs) and <c>PackFile</c> (a value); anything else is recorded as an error naming its
/// configuration path. Also tells the options system when the configuration reloads. Needs only
/// <c>Microsoft.Extensions.Configuration.Abstractions</c> (no binder, which would ignore unknown keys). Thread-safe.
/// </summary>
internal sealed class CareRulesConfiguration(IConfiguration configuration) : IConfigureOptions<CareRulesOptions>, IOptionsChangeTokenSource<CareRulesOptions>
{
    private const string ParametersKey = "Parameters";
    private const string PackFileKey = "PackFile";

    public IConfiguration Configuration { get; } = configuration;

    /// <summary>The section's path (<c>CareRules</c>), or empty for a configuration root.</summary>
    public string Path { get; } = configuration is IConfigurationSection section ? section.Path : string.Empty;

    string IOptionsChangeTokenSource<CareRulesOptions>.Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => Configuration.GetReloadToken();

    public void Configure(CareRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Path.Length > 0)
        {
            options.SectionPath = Path;
        }

        bool empty = true;
        foreach (var setting in Configuration.GetChildren())
        {
            empty = false;
            if (string.Equals(setting.Key, ParametersKey, StringComparison.OrdinalIgnoreCase))
            {
                if (!string.IsNullOrEmpty(setting.Value))
                {
                    options.ConfigurationErrors.Add(new ValidationError(setting.Path, "expected a section of parameters by name (e.g. \"stance\": \"firm\"), found a value."));
                }

                foreach (var parameter in setting.GetChildren())
                {
                    if (parameter.Value is null)
                    {
                        options.ConfigurationErrors.Add(new ValidationError(parameter.Path, "expected a value (e.g. \"firm\" or \"25\"), found a section."));
                    }
                    else
                    {
                        options.Parameters[parameter.Key] = parameter.Value;
                    }
                }
            }
            else if (string.Equals(setting.Key, PackFileKey, StringComparison.OrdinalIgnoreCase))
            {
                if (setting.Value is null)
                {
                    options.ConfigurationErrors.Add(new ValidationError(setting.Path, "expected the path of a pack file, found a section."));
                }
                else
                {
                    options.PackFile = setting.Value.Length == 0 ? null : setting.Value;
                }
            }
            else
            {
                options.ConfigurationErrors.Add(new ValidationError(setting.Path, $"is not a CareRules setting; the settings are '{ParametersKey}' and '{PackFileKey}'."));
            }
        }

        // A section without any setting is what a configuration file that is missing, empty or half-written (which
        // the JSON provider empties without announcing it) leaves behind: the pack source keeps the pack in force then.
        options.ConfigurationEmpty = (options.ConfigurationEmpty ?? true) && empty;
    }
}
