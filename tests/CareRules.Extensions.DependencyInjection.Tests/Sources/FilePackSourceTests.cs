using CareRules.DependencyInjection.Tests.Support;
using CareRules.Model;
using CareRules.Sources;

namespace CareRules.DependencyInjection.Tests.Sources;

public sealed class FilePackSourceTests
{
    [Fact]
    public void Constructor_ChecksItsArguments()
    {
        using var directory = new TempDirectory();

        Assert.Throws<ArgumentNullException>(() => new FilePackSource(null!, ParameterPack.Load));
        Assert.Throws<ArgumentException>(() => new FilePackSource(" ", ParameterPack.Load));
        Assert.Throws<ArgumentNullException>(() => new FilePackSource(directory.File("pack.json"), null!));
        Assert.Throws<ArgumentException>(() => new FilePackSource(directory.File("pack.json"), ParameterPack.Load, TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentException>(() => new FilePackSource(Path.Combine(directory.Path, "missing", "pack.json"), ParameterPack.Load));
    }

    [Fact]
    public void Load_BuildsThePackTheFileDescribes()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("pack.json"), ParameterPack.Json("3", ("stance", "generous"), ("smallGift", "40")));
        using var source = new FilePackSource(directory.File("pack.json"), ParameterPack.Load);

        var pack = source.Load();

        Assert.Equal("shop@3", pack.Id);
        Assert.Equal("40.00", pack.Parameters.Format("smallGift"));
        Assert.Equal($"file '{directory.File("pack.json")}'", source.Description);
    }

    [Fact]
    public void Load_ABadPack_Throws_ListingEveryProblem()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("pack.json"), ParameterPack.Json("3", ("stance", "rude"), ("smallGift", "x")));
        using var source = new FilePackSource(directory.File("pack.json"), ParameterPack.Load);

        var ex = Assert.Throws<CareRulesValidationException>(source.Load);

        Assert.Equal(["parameters['smallGift']", "parameters['stance']"], ex.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_AMissingFile_ThrowsFileNotFound()
    {
        using var directory = new TempDirectory();
        using var source = new FilePackSource(directory.File("pack.json"), ParameterPack.Load);

        Assert.Throws<FileNotFoundException>(source.Load);
    }

    [Fact]
    public async Task Changed_IsRaisedOnceABurstOfWritesSettles_ForWritesRenamesAndDeletes()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("pack.json"), ParameterPack.Json("1"));
        File.WriteAllText(directory.File("other.json"), "{}");
        using var source = new FilePackSource(directory.File("pack.json"), ParameterPack.Load, TimeSpan.FromMilliseconds(30));
        int changes = 0;
        source.Changed += (_, _) => Interlocked.Increment(ref changes);

        File.WriteAllText(directory.File("pack.json"), ParameterPack.Json("2"));
        await Eventually.TrueAsync(() => Volatile.Read(ref changes) >= 1, "an in-place write is reported");
        Assert.Equal("shop@2", source.Load().Id);

        directory.Replace("pack.json", ParameterPack.Json("3"));
        await Eventually.TrueAsync(() => Volatile.Read(ref changes) >= 2, "a replacing rename is reported");
        Assert.Equal("shop@3", source.Load().Id);

        File.Delete(directory.File("pack.json"));
        await Eventually.TrueAsync(() => Volatile.Read(ref changes) >= 3, "a delete is reported");

        int before = Volatile.Read(ref changes);
        File.WriteAllText(directory.File("other.json"), "{\"x\":1}"); // another file of the directory
        await Task.Delay(300);
        Assert.Equal(before, Volatile.Read(ref changes));
    }
}
