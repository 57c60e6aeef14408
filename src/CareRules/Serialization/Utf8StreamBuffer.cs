using System.Buffers;

namespace CareRules.Serialization;

/// <summary>
/// The unread bytes of a stream in one pooled buffer: <see cref="Data"/> is what has been read and not yet consumed;
/// <see cref="Fill"/> (or <see cref="FillAsync"/>) reads once more, first moving the unconsumed bytes to the front and
/// doubling the buffer only when they fill it. So the buffer grows to the largest unit its reader keeps unconsumed (one
/// line, one array element), never to the input. Not thread-safe.
/// </summary>
internal sealed class Utf8StreamBuffer : IDisposable
{
    private const int InitialSize = 64 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int _start;
    private int _end;

    /// <summary>The bytes read and not yet consumed.</summary>
    public ReadOnlySpan<byte> Data => _buffer.AsSpan(_start, _end - _start);

    /// <summary>True once the stream has no more bytes: <see cref="Data"/> is all that is left.</summary>
    public bool IsEnd { get; private set; }

    /// <summary>The size of the buffer (for tests: it is bounded by the largest unit kept, not by the input).</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Drops the first <paramref name="count"/> bytes of <see cref="Data"/>.</summary>
    public void Consume(int count)
    {
        if ((uint)count > (uint)(_end - _start))
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _start += count;
    }

    /// <summary>Reads once from <paramref name="stream"/> (at end of stream, sets <see cref="IsEnd"/>).</summary>
    public void Fill(Stream stream)
    {
        MakeRoom();
        Advance(stream.Read(_buffer, _end, _buffer.Length - _end));
    }

    /// <summary>Reads once from <paramref name="stream"/> asynchronously (at end of stream, sets <see cref="IsEnd"/>).</summary>
    public async ValueTask FillAsync(Stream stream, CancellationToken cancellationToken)
    {
        MakeRoom();
        Advance(await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _start = _end = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void MakeRoom()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }

    private void Advance(int read)
    {
        if (read == 0)
        {
            IsEnd = true;
        }

        _end += read;
    }
}
