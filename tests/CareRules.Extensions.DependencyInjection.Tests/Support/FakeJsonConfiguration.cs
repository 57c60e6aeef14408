using System.Text;
using Microsoft.Extensions.Configuration;

namespace CareRules.DependencyInjection.Tests.Support;

/// <summary>
/// A configuration source that behaves like a reloading appsettings.json without the file system's timing: the test
/// "writes" JSON text and the provider does what the JSON file provider does on a reload — readable JSON replaces the
/// settings and announces the reload (synchronously, on the writing thread); an empty, half-written or otherwise
/// unreadable text empties the settings and announces nothing (the file provider swallows the parse error). A missing
/// file (<see cref="Delete"/>) empties the settings and announces it.
/// </summary>
public sealed class FakeJsonConfiguration : IConfigurationSource
{
    private readonly Provider _provider = new();

    public IConfigurationProvider Build(IConfigurationBuilder builder) => _provider;

    /// <summary>Writes the file; returns true when the JSON provider would have announced a reload.</summary>
    public bool Write(string json)
    {
        Dictionary<string, string?>? data = null;
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
            data = new ConfigurationBuilder().AddJsonStream(stream).Build().AsEnumerable()
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        }
#pragma warning disable CA1031 // what the JSON provider does on a reload: any parse error empties the settings, silently
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        _provider.Replace(data ?? new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase), announce: data is not null);
        return data is not null;
    }

    /// <summary>Deletes the file: the settings are emptied and the reload announced.</summary>
    public void Delete() => _provider.Replace(new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase), announce: true);

    /// <summary>Announces a reload without changing anything (another configuration source reloading, for instance).</summary>
    public void Announce() => _provider.Replace(null, announce: true);

    private sealed class Provider : ConfigurationProvider
    {
        public void Replace(IDictionary<string, string?>? data, bool announce)
        {
            if (data is not null)
            {
                Data = data;
            }

            if (announce)
            {
                OnReload();
            }
        }
    }
}
