using System.Text;
using System.Text.Json.Nodes;
using CareRules.Serialization;

namespace CareRules.Tests.Serialization;

public sealed class CaseJsonReaderStreamTests
{
    public static TheoryData<string> Inputs => new()
    {
        CaseSamples.CatalogExample,
        "\uFEFF" + CaseSamples.CatalogExample,
        JsonNode.Parse(CaseSamples.CatalogExample)!.ToJsonString(new() { WriteIndented = true }),
        "[" + CaseSamples.Line("K-1") + ",\n7,\n" + CaseSamples.Line("K-3") + "]",
        "[" + CaseSamples.Line("K-1") + ",\n",
        "\n\r\n" + CaseSamples.Line("K-1") + "\r\n\r\n" + CaseSamples.Line("K-2") + "\n" + CaseSamples.Minimal,
        "\uFEFF" + CaseSamples.Line("K-1") + "\n{\"customer\": x}\n" + CaseSamples.Line("K-3"),
        "\n{\"customer\": \n" + CaseSamples.Line("K-2") + "\n" + CaseSamples.Line("K-3"),
        "\n\n" + CaseSamples.Line("K-1") + " trailing",
        CaseSamples.Line("K-1") + "\n" + CaseSamples.Line("K-2") + " " + CaseSamples.Line("K-3"),
        "{\n  \"now\": 1,\n  \"customer\": { \"id\": \"C-1\", }\n}",
        "42",
        "",
        " \n ",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Enumerate_TricklingStream_SameResultsAsReadingTheBytes(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);

        var streamed = CaseJsonReader.Enumerate(new TrickleStream(bytes, chunk: 7)).ToList();

        AssertSame(CaseJsonReader.Read(bytes), streamed);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Read_NonMemoryStream_SameResultsAsReadingTheBytes(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);

        AssertSame(CaseJsonReader.Read(bytes), CaseJsonReader.Read(new TrickleStream(bytes, chunk: 4096)));
    }

    [Fact]
    public void Enumerate_LineLongerThanTheBuffer_Read()
    {
        string longId = new('x', 200_000);
        byte[] bytes = Encoding.UTF8.GetBytes(CaseSamples.Line("K-1") + "\n" + CaseSamples.Line(longId) + "\n" + CaseSamples.Line("K-3"));

        var results = CaseJsonReader.Enumerate(new TrickleStream(bytes, chunk: 50_000)).ToList();

        Assert.Equal(["K-1", longId, "K-3"], results.Select(r => r.CaseId));
        Assert.All(results, r => Assert.True(r.IsValid));
    }

    [Fact]
    public void Enumerate_JsonLines_YieldsBeforeTheStreamIsRead()
    {
        string lines = string.Concat(Enumerable.Range(0, 1000).Select(i => CaseSamples.Line("K-" + i) + "\n"));
        var stream = new TrickleStream(Encoding.UTF8.GetBytes(lines), chunk: 1000);

        using var results = CaseJsonReader.Enumerate(stream).GetEnumerator();

        Assert.True(results.MoveNext());
        Assert.Equal("K-0", results.Current.CaseId);
        Assert.True(stream.Position < 100_000, $"read {stream.Position} of {stream.Length} bytes for the first case");
    }

    private static void AssertSame(IReadOnlyList<CaseReadResult> expected, IReadOnlyList<CaseReadResult> actual)
    {
        Assert.Equal(expected.Select(r => r.ToString()), actual.Select(r => r.ToString())); // index, case id, every error
        for (int i = 0; i < expected.Count; i++)
        {
            if (expected[i].IsValid)
            {
                ContextAssert.Equal(expected[i].Context!, actual[i].Context!);
            }
        }
    }

    /// <summary>A read-only, non-seekable-in-spirit stream that returns at most <c>chunk</c> bytes per read.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => bytes.Length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, chunk), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
