using System.Text;
using System.Text.Json.Nodes;
using CareRules.Serialization;
using CareRules.Tests.Evaluation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CareRules.Tests.Serialization;

// Run alone (the collection of the allocation tests): the large-array test measures the process's live memory, which
// other tests running beside it raise (it once read 23.5 MB against its 16 MB bound).
[Collection(AllocationMeasurement.Name)]
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
        "[" + CaseSamples.Line("K-1") + ",\n" + CaseSamples.Line("K-2") + "\n",
        "[" + CaseSamples.Line("K-1") + "]\n" + CaseSamples.Line("K-2") + "\n" + CaseSamples.Line("K-3") + "\n",
        "[{\"now\": oops}\n" + CaseSamples.Line("K-2") + "\n" + CaseSamples.Line("K-3"),
        "[ ] x\n" + CaseSamples.Line("K-2") + "\n" + CaseSamples.Line("K-3"),
        "[{\"now\": oops}, " + CaseSamples.Line("K-2") + "]",
        "[ ]",
        "[ ]  \n\n ",
        "\uFEFF\n  [\r\n" + CaseSamples.Line("K-1") + " ,\r\n\"text\", 12.5e3, null, true, [[1], {}], {}, " + CaseSamples.Minimal + "\r\n]\r\n",
        "[" + CaseSamples.Line("K-1") + ", " + CaseSamples.Line("K-2") + "] x",
        "[" + CaseSamples.Line("K-1") + ", {\"customer\": " + new string('[', 70) + new string(']', 70) + "}, " + CaseSamples.Line("K-3") + "]",
        "[" + CaseSamples.Line("K-1") + ", " + CaseSamples.Line(new string('x', 70_000)) + ", " + CaseSamples.Line("K-3") + "]",
        "[" + CaseSamples.Line("K-1") + ", " + CaseSamples.Line("K-2") + ",",
        "[" + CaseSamples.Line("K-1") + ", " + CaseSamples.Line("K-2"),
        "[" + CaseSamples.Line("K-1") + ", 12",
        "[" + CaseSamples.Line("K-1") + ", tru",
        "[" + CaseSamples.Line("K-1") + "}",
        "]",
        "x\n" + CaseSamples.Line("K-2"),
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

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task EnumerateAsync_TricklingStream_SameResultsAsReadingTheBytes(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);

        var streamed = new List<CaseReadResult>();
        await foreach (var result in CaseJsonReader.EnumerateAsync(new RandomChunkStream(bytes, maxChunk: 7, seed: json.Length)))
        {
            streamed.Add(result);
        }

        AssertSame(CaseJsonReader.Read(bytes), streamed);
        AssertSame(CaseJsonReader.Read(bytes), await CaseJsonReader.ReadAsync(new RandomChunkStream(bytes, maxChunk: 4096, seed: 1)));
    }

    [Property(MaxTest = 300)]
    public Property EnumerateAndEnumerateAsync_RandomInputsAndReadSizes_SameResultsAsRead() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            byte[] bytes = Encoding.UTF8.GetBytes(RandomInput(random));
            int maxChunk = random.Next(4) == 0 ? random.Next(1, 100_000) : random.Next(1, 24);
            var expected = CaseJsonReader.Read(bytes);

            AssertSame(expected, [.. CaseJsonReader.Enumerate(new RandomChunkStream(bytes, maxChunk, seed))]);
            AssertSame(expected, CollectAsync(CaseJsonReader.EnumerateAsync(new RandomChunkStream(bytes, maxChunk, seed + 1))).GetAwaiter().GetResult());
        });

    [Fact]
    public void Enumerate_Array_YieldsBeforeTheStreamIsRead()
    {
        string array = "[" + string.Join(",\n", Enumerable.Range(0, 1000).Select(i => CaseSamples.Line("K-" + i))) + "]";
        var stream = new TrickleStream(Encoding.UTF8.GetBytes(array), chunk: 1000);

        using var results = CaseJsonReader.Enumerate(stream).GetEnumerator();

        Assert.True(results.MoveNext());
        Assert.Equal("K-0", results.Current.CaseId);
        Assert.True(stream.Position < 100_000, $"read {stream.Position} of {stream.Length} bytes for the first case");
    }

    [Fact]
    public async Task EnumerateAsync_LargeArray_ReadsElementByElement_MemoryBoundedByOneCase()
    {
        // 200,000 cases (about 130 MB) made on the fly: the reader must never ask for much more than the case it reads,
        // and must not hold the cases it has handed out.
        const int Count = 200_000;
        var stream = new GeneratedArrayStream(Count);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        long maxAhead = 0, peak = 0;
        int read = 0;

        await foreach (var result in CaseJsonReader.EnumerateAsync(stream))
        {
            Assert.True(result.IsValid, result.ToString());
            Assert.Equal(read, result.Index);
            maxAhead = Math.Max(maxAhead, stream.Position - stream.EndOfElement(read));
            if (++read % 50_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
            }
        }

        Assert.Equal(Count, read);
        Assert.True(stream.Position == stream.Length, "the whole input was read");
        Assert.True(maxAhead < 1_000_000, $"the reader read {maxAhead} bytes ahead of the case it returned");
        Assert.True(peak < 16_000_000, $"memory grew by {peak} bytes while reading a {stream.Length}-byte array");
    }

    [Fact]
    public void Enumerate_LargeArray_BufferStaysTheSizeOfOneCase()
    {
        var stream = new GeneratedArrayStream(20_000);
        using var buffer = new Utf8StreamBuffer();
        var reader = new CaseStreamReader(CaseReadOptions.Default);
        int read = 0;
        while (true)
        {
            var step = reader.Next(buffer, out var result);
            if (step == CaseStreamReader.Step.Done)
            {
                break;
            }

            if (step == CaseStreamReader.Step.NeedMore)
            {
                buffer.Fill(stream);
                continue;
            }

            Assert.True(result!.IsValid);
            read++;
        }

        Assert.Equal(20_000, read);
        Assert.True(buffer.Capacity <= 128 * 1024, $"the buffer grew to {buffer.Capacity} bytes");
    }

    [Fact]
    public async Task EnumerateAsync_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        byte[] bytes = Encoding.UTF8.GetBytes("[" + CaseSamples.Line("K-1") + "," + CaseSamples.Line("K-2") + "]");
        var results = new List<CaseReadResult>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var result in CaseJsonReader.EnumerateAsync(new MemoryStream(bytes), cancellationToken: cancel.Token))
            {
                results.Add(result);
                await cancel.CancelAsync();
            }
        });
        Assert.Single(results);
    }

    [Fact]
    public void EnumerateAsync_NullStream_ThrowsAtOnce() =>
        Assert.Throws<ArgumentNullException>(() => CaseJsonReader.EnumerateAsync(null!));

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

    private static async Task<List<CaseReadResult>> CollectAsync(IAsyncEnumerable<CaseReadResult> results)
    {
        var list = new List<CaseReadResult>();
        await foreach (var result in results)
        {
            list.Add(result);
        }

        return list;
    }

    /// <summary>A case file of a random shape (array, JSON Lines, one object), maybe broken, from good and bad cases.</summary>
    private static string RandomInput(Random random)
    {
        string[] elements =
        [
            CaseSamples.Line("K-1"), CaseSamples.Minimal, CaseSamples.Line("K-" + new string('y', random.Next(0, 300))), "7", "\"text\"", "[]", "{}", "null",
            CaseSamples.Edit(n => n["order"]!["total"]!["currency"] = "EUR"), CaseSamples.Edit(n => n["order"]!["colour"] = "red"),
            JsonNode.Parse(CaseSamples.CatalogExample)!.ToJsonString(new() { WriteIndented = true }),
        ];
        var picked = Enumerable.Range(0, random.Next(0, 8)).Select(_ => elements[random.Next(elements.Length)]).ToList();
        string newline = random.Next(3) == 0 ? "\r\n" : "\n";
        string text = random.Next(4) switch
        {
            0 => "[" + string.Join(",", picked) + "]",
            1 => "[" + newline + "  " + string.Join("," + newline + "  ", picked) + newline + "]" + newline,
            2 => string.Join(newline + (random.Next(3) == 0 ? newline : ""), picked.Select(p => p.Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal))),
            _ => picked.Count > 0 ? picked[0] : CaseSamples.CatalogExample,
        };
        const string Alphabet = "{}[],:\"\\ 0123456789-.eEZtruefalsn\n\r\u00ff";
        switch (random.Next(4))
        {
            case 0 when text.Length > 0:
                text = text[..random.Next(text.Length)];
                break;
            case 1:
                int at = random.Next(text.Length + 1);
                text = text[..at] + Alphabet[random.Next(Alphabet.Length)] + text[at..];
                break;
            case 2:
                text += random.Next(2) == 0 ? newline + CaseSamples.Line("K-9") : " x";
                break;
        }

        return (random.Next(5) == 0 ? "\uFEFF" : "") + (random.Next(4) == 0 ? newline + " " + newline : "") + text;
    }

    /// <summary>A stream that returns between 1 and <c>maxChunk</c> bytes per read, and sometimes completes asynchronously.</summary>
    private sealed class RandomChunkStream(byte[] bytes, int maxChunk, int seed) : ReadOnlyTestStream
    {
        private readonly Random _random = new(seed);
        private int _position;

        public override long Length => bytes.Length;

        protected override long At => _position;

        public override int Read(Span<byte> buffer)
        {
            int n = Math.Min(Math.Min(buffer.Length, _random.Next(1, maxChunk + 1)), bytes.Length - _position);
            bytes.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_random.Next(4) == 0)
            {
                await Task.Yield();
            }

            return Read(buffer.Span);
        }
    }

    /// <summary>A JSON array of <c>count</c> valid cases of equal length, made as it is read (never held whole).</summary>
    private sealed class GeneratedArrayStream : ReadOnlyTestStream
    {
        private readonly int _count;
        private readonly int _elementLength;
        private long _position;

        public GeneratedArrayStream(int count)
        {
            _count = count;
            _elementLength = Element(0).Length;
            Length = 1 + ((long)count * (_elementLength + 1)); // "[" + (element + "," or "]") each
        }

        public override long Length { get; }

        protected override long At => _position;

        /// <summary>The offset just after element <paramref name="index"/>.</summary>
        public long EndOfElement(int index) => 1 + ((long)(index + 1) * (_elementLength + 1)) - 1;

        public override int Read(Span<byte> buffer)
        {
            int written = 0;
            while (written < buffer.Length && _position < Length)
            {
                if (_position == 0)
                {
                    buffer[written++] = (byte)'[';
                    _position++;
                    continue;
                }

                long i = (_position - 1) / (_elementLength + 1);
                int at = (int)((_position - 1) % (_elementLength + 1));
                byte[] element = Element((int)i);
                if (at < _elementLength)
                {
                    int n = Math.Min(_elementLength - at, buffer.Length - written);
                    element.AsSpan(at, n).CopyTo(buffer[written..]);
                    written += n;
                    _position += n;
                }
                else
                {
                    buffer[written++] = i == _count - 1 ? (byte)']' : (byte)',';
                    _position++;
                }
            }

            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        private static byte[] Element(int index) => Encoding.UTF8.GetBytes(
            "{\"now\":\"2026-11-23T10:00:00Z\",\"customer\":{\"id\":\"C-" + index.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)
            + "\",\"since\":\"2024-01-01\",\"orders\":3,\"lifetimeValue\":{\"amount\":640.00,\"currency\":\"PLN\"}},\"order\":{\"id\":\"O-1\",\"placedAt\":\"2026-11-16T09:12:00Z\","
            + "\"total\":{\"amount\":249.90,\"currency\":\"PLN\"},\"status\":\"shipped\",\"promisedBy\":\"2026-11-20\",\"tracking\":\"in-transit\"},"
            + "\"case\":{\"id\":\"K-" + index.ToString("D7", System.Globalization.CultureInfo.InvariantCulture) + "\",\"openedAt\":\"2026-11-20T08:30:00Z\",\"kind\":\"delivery-delay\",\"flags\":[\"legalThreat\"]}}");
    }

    /// <summary>A read-only, non-seekable-in-spirit stream that returns at most <c>chunk</c> bytes per read.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : ReadOnlyTestStream
    {
        private int _position;

        public override long Length => bytes.Length;

        protected override long At => _position;

        public override int Read(Span<byte> buffer)
        {
            int n = Math.Min(Math.Min(buffer.Length, chunk), bytes.Length - _position);
            bytes.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
    }

    /// <summary>What the test streams share: read-only, not seekable, <see cref="Stream.Position"/> readable.</summary>
    private abstract class ReadOnlyTestStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Position
        {
            get => At;
            set => throw new NotSupportedException();
        }

        protected abstract long At { get; }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public abstract override int Read(Span<byte> buffer);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
