namespace CareRules.Testing;

/// <summary>
/// Asserts a <see cref="RuleCoverage"/> when disposed — the way to check coverage once every test has run, with any
/// test framework: dispose it at the end of the run and a rule no test made fire fails the run with a
/// <see cref="RuleCoverageException"/> naming it. Thread-safe; asserts at most once.
/// </summary>
/// <remarks>
/// <para><b>xunit 2</b> has no assembly fixture; use a collection fixture that every test class that records coverage
/// joins. xunit creates it before the collection's first test and disposes it after its last one, and reports the
/// exception as a failed cleanup, which fails <c>dotnet test</c>. The tests of one collection run one after another
/// (classes in other collections still run in parallel with them).</para>
/// <code>
/// public sealed class ShopCoverage() : RuleCoverageFixture(Shop.Coverage);   // xunit needs a parameterless constructor
///
/// [CollectionDefinition(Shop.Tests)]
/// public sealed class ShopTestCollection : ICollectionFixture&lt;ShopCoverage&gt;;
///
/// [Collection(Shop.Tests)]                                                     // on every class that records coverage
/// public sealed class ShopScenarioTests { … }
/// </code>
/// <para><b>xunit v3:</b> <c>[assembly: AssemblyFixture(typeof(ShopCoverage))]</c>, no collection needed.
/// <b>NUnit:</b> a <c>[SetUpFixture]</c> in the tests' root namespace whose <c>[OneTimeTearDown]</c> disposes it.
/// <b>MSTest:</b> <c>[AssemblyCleanup]</c> disposes it.</para>
/// <para>A run of only some tests (a <c>--filter</c>, one test run from the IDE) leaves rules uncovered and so fails.
/// Set the environment variable <c>CARERULES_COVERAGE=off</c> for such runs (<c>dotnet test --filter … -e CARERULES_COVERAGE=off</c>,
/// or in a <c>.runsettings</c> file's <c>EnvironmentVariables</c>): the fixture then does not assert.</para>
/// </remarks>
public class RuleCoverageFixture : IDisposable
{
    /// <summary>The environment variable that turns the assertion off when its value is <c>off</c> (any case).</summary>
    public const string SwitchVariable = "CARERULES_COVERAGE";

    private int _disposed;

    /// <summary>Creates the fixture for a coverage that the tests record into (usually a static field they share).</summary>
    /// <param name="coverage">The coverage to assert when disposed.</param>
    public RuleCoverageFixture(RuleCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        Coverage = coverage;
        Enabled = !string.Equals(Environment.GetEnvironmentVariable(SwitchVariable)?.Trim(), "off", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The coverage asserted when the fixture is disposed.</summary>
    public RuleCoverage Coverage { get; }

    /// <summary>Whether disposing asserts: true unless <c>CARERULES_COVERAGE=off</c> was set when the fixture was created.</summary>
    public bool Enabled { get; init; }

    /// <summary>Asserts the coverage (<see cref="RuleCoverage.AssertAllRulesCovered"/>) unless <see cref="Enabled"/> is false; only the first call asserts.</summary>
    /// <exception cref="RuleCoverageException">Some rules in the coverage's scope never fired.</exception>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Asserts the coverage on the first call with <paramref name="disposing"/> true, when <see cref="Enabled"/>.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    /// <exception cref="RuleCoverageException">Some rules in the coverage's scope never fired.</exception>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0 && Enabled)
        {
#pragma warning disable CA1065 // throwing on dispose is the point: the end of the run is when coverage is known
            Coverage.AssertAllRulesCovered();
#pragma warning restore CA1065
        }
    }
}
