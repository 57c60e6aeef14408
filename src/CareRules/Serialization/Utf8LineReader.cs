using System.Buffers;

namespace CareRules.Serialization;

/// <summary>
/// Splits a stream of UTF-8 into lines at <c>\n</c> with one pooled buffer that grows to the longest line; skips a
/// byte order mark at the start. A returned line is valid until the next call. Not thread-safe.
/// </summary>
internal sealed class Utf8LineReader(Stream stream) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;

    /// <summary>Whether the line last returned ended with <c>\n</c> (false for a last line at the end of the stream).</summary>
    public bool LastLineEnded { get; private set; }

    /// <summary>Reads the next line, without its <c>\n</c>; false at the end of the stream.</summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line)
    {
        int scanned = 0; // bytes after _start already searched for \n: each byte is searched once, however small the reads
        while (true)
        {
            int newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = new ReadOnlyMemory<byte>(_buffer, _start, scanned + newline);
                _start += scanned + newline + 1;
                LastLineEnded = true;
                return true;
            }

            scanned = _started ? _end - _start : 0; // before the byte order mark is known, _start may still move
            if (_eof)
            {
                line = new ReadOnlyMemory<byte>(_buffer, _start, _end - _start);
                bool any = _end > _start;
                _start = _end;
                LastLineEnded = false;
                return any;
            }

            Fill();
        }
    }

    /// <summary>Copies everything not yet returned as a line, then the rest of the stream, to <paramref name="destination"/>.</summary>
    public void CopyRestTo(Stream destination)
    {
        destination.Write(_buffer, _start, _end - _start);
        _start = _end;
        if (!_eof)
        {
            stream.CopyTo(destination);
            _eof = true;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Fill()
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

        int read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
        if (!_started && (_end >= 3 || _eof))
        {
            _started = true;
            if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
            {
                _start = 3;
            }
        }
    }
}
