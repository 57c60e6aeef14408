using System.Buffers;
using CareRules.Model;
using CareRules.Serialization;

namespace CareRules.Tool;

/// <summary>
/// A run of consecutive cases of one input: raw JSON lines (JSON Lines input, parsed by a worker with
/// <see cref="CaseSource.Read"/>) or cases already read (any other input shape).
/// </summary>
internal sealed class CaseChunk
{
    /// <summary>The chunk's lines, on an array rented from the shared pool; <see cref="Release"/> gives it back.</summary>
    public byte[] Bytes = [];
    public readonly List<(int Start, int Length, long LineNumber, int Index)> Lines = [];
    public IReadOnlyList<CaseReadResult>? Results;

    /// <summary>The bytes of the input this chunk covers (for progress).</summary>
    public long InputBytes;

    public int Count => Results?.Count ?? Lines.Count;

    /// <summary>Returns the line bytes to the pool once every case of the chunk has been read.</summary>
    public void Release()
    {
        var bytes = Bytes;
        Bytes = [];
        if (bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}

/// <summary>
/// Splits case files into <see cref="CaseChunk"/>s for <c>BatchEvaluator.Run</c>, so that the JSON of JSON Lines is
/// parsed on the workers, in parallel, while this thread only cuts lines. Results are exactly those of
/// <see cref="CaseJsonReader.Enumerate"/>: the first non-blank line decides the shape as it does there, a line that
/// does not parse gets the same error (with its line number), and any other shape (an array, one object) is read by
/// <see cref="CaseJsonReader"/> itself. A chunk ends early when no more input is buffered, so cases piped in one at
/// a time are evaluated one at a time.
/// </summary>
internal static class CaseSource
{
    public const int MaxCasesPerChunk = 64;
    private const int BufferSize = 1 << 20;

    public static IEnumerable<CaseChunk> Chunks(Stream stream, CaseReadOptions options)
    {
        byte[] buffer = new byte[BufferSize];
        int start = 0, end = 0;
        bool eof = false, decided = false, first = true;
        long lineNumber = 0;
        int index = 0;
        using var prefix = new MemoryStream(); // blank lines before the first case, kept for the fallback
        while (true)
        {
            var chunk = new CaseChunk { Bytes = ArrayPool<byte>.Shared.Rent(64 * 1024) };
            int used = 0;
            while (chunk.Lines.Count < MaxCasesPerChunk)
            {
                int newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline < 0 && !eof)
                {
                    if (chunk.Lines.Count > 0 || (start == 0 && end == buffer.Length && !Grow(ref buffer)))
                    {
                        break; // hand over what is there before blocking on a read
                    }

                    Fill(stream, ref buffer, ref start, ref end, ref eof);
                    if (first && end - start >= 3 && buffer.AsSpan(start, 3).SequenceEqual("\uFEFF"u8))
                    {
                        start += 3;
                    }

                    first = false;
                    continue;
                }

                if (newline < 0 && start == end)
                {
                    break; // end of input
                }

                int length = newline < 0 ? end - start : newline;
                var line = buffer.AsSpan(start, length);
                int consumed = newline < 0 ? length : length + 1;
                lineNumber++;
                if (line.IndexOfAnyExcept(" \t\r\n"u8) is int nonBlank and >= 0)
                {
                    if (!decided)
                    {
                        if (line[nonBlank] != (byte)'{' || !CaseJsonReader.IsCompleteValue(line))
                        {
                            // Not JSON Lines: the whole input, as read so far and the rest, goes to the reader.
                            prefix.Write(buffer, start, end - start);
                            stream.CopyTo(prefix);
                            var results = CaseJsonReader.Read(prefix.GetBuffer().AsSpan(0, (int)prefix.Length), options);
                            for (int i = 0; i < results.Count; i += MaxCasesPerChunk)
                            {
                                var part = results.Skip(i).Take(MaxCasesPerChunk).ToArray();
                                yield return new CaseChunk { Results = part, InputBytes = i == 0 ? prefix.Length : 0 };
                            }

                            yield break;
                        }

                        decided = true;
                    }

                    if (used + length > chunk.Bytes.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(chunk.Bytes.Length * 2, used + length));
                        chunk.Bytes.AsSpan(0, used).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(chunk.Bytes);
                        chunk.Bytes = larger;
                    }

                    line.CopyTo(chunk.Bytes.AsSpan(used));
                    chunk.Lines.Add((used, length, lineNumber, index++));
                    used += length;
                }
                else if (!decided)
                {
                    prefix.Write(buffer, start, consumed);
                }

                chunk.InputBytes += consumed;
                start += consumed;
            }

            if (chunk.Lines.Count == 0)
            {
                chunk.Release();
                if (eof && start == end)
                {
                    yield break;
                }

                continue;
            }

            yield return chunk;
        }
    }

    /// <summary>
    /// Reads case <paramref name="i"/> of the chunk with the worker's own <paramref name="parser"/>, exactly as the
    /// JSON Lines reader reads that line (a line that does not parse gets its line number in the message); its index
    /// in the input is <paramref name="index"/>.
    /// </summary>
    public static CaseReadResult Read(CaseChunk chunk, int i, CaseParser parser, out int index)
    {
        if (chunk.Results is { } results)
        {
            index = results[i].Index;
            return results[i];
        }

        var (start, length, lineNumber, at) = chunk.Lines[i];
        index = at;
        return CaseJsonReader.ReadLine(chunk.Bytes.AsSpan(start, length), parser, at, lineNumber);
    }

    /// <summary>The error line (catalog 5.7) of a case the pack could not evaluate.</summary>
    public static string EvaluationError(int index, string? caseId, Exception exception) => exception is CareRulesValidationException validation
        ? CaseErrorJson.ToJson(CaseReadResult.Rejected(index, caseId, validation.Errors.Select(e => e with { Path = "$." + e.Path }).ToList()))
        : CaseErrorJson.ToJson(CaseReadResult.Rejected(index, caseId, [new ValidationError("$", $"could not be evaluated: {exception.GetType().Name}: {exception.Message}")]));

    private static bool Grow(ref byte[] buffer)
    {
        Array.Resize(ref buffer, buffer.Length * 2); // a line longer than the buffer
        return true;
    }

    private static void Fill(Stream stream, ref byte[] buffer, ref int start, ref int end, ref bool eof)
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        int read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            eof = true;
        }

        end += read;
    }
}
