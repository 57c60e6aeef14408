using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace CareRules.Fuzz.Tests.Cases;

/// <summary>The shape of a case file (catalog 5.1).</summary>
internal enum BatchShape
{
    Lines,
    Array,
    Single,
}

/// <summary>A case file of several cases, some mutated, some good, as the bytes handed to the reader.</summary>
internal sealed record CaseBatch(BatchShape Shape, IReadOnlyList<CaseEntry> Entries, byte[] Utf8, string Layout)
{
    /// <summary>What FsCheck prints for a failing input: the shape and each case's mutation and first bytes.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"{Shape} batch ({Layout}, {Utf8.Length} bytes) of {Entries.Count} cases:");
        for (int i = 0; i < Entries.Count; i++)
        {
            text.Append($"\n  [{i}] {(Entries[i].Good ? "good" : "bad?")} {Entries[i]}");
        }

        return text.ToString();
    }
}

/// <summary>FsCheck generators of case batches.</summary>
internal static class CaseBatches
{
    private static readonly CaseMutation[] Structural =
    [
        CaseMutation.WrongType, CaseMutation.RemovedField, CaseMutation.UnknownField, CaseMutation.DuplicateField,
        CaseMutation.ExtremeNumber, CaseMutation.ExtremeDate, CaseMutation.DeepNesting, CaseMutation.HugeText,
        CaseMutation.EnumSpelling,
    ];

    private static readonly CaseMutation[] Lexical = [CaseMutation.Truncated, CaseMutation.InvalidUtf8, CaseMutation.CharEdits];

    public static Gen<CaseEntry> Good { get; } =
        CaseSeeds.Any().Select(json => new CaseEntry(Encoding.UTF8.GetBytes(json), true, "unchanged seed", false));

    /// <summary>A mutated case; <paramref name="lexicalWeight"/> sets how often the mutation is on bytes rather than on the JSON tree.</summary>
    public static Gen<CaseEntry> Mutated(int lexicalWeight) =>
        from seed in CaseSeeds.Any()
        from mutation in Gen.Frequency((10, Gen.Elements(Structural)), (lexicalWeight, Gen.Elements(Lexical)))
        from detail in Gen.Choose(0, int.MaxValue)
        select CaseMutator.Apply(seed, mutation, detail);

    private static Gen<CaseEntry> Junk(bool arrayElement) =>
        Gen.Choose(0, int.MaxValue).Select(s => CaseMutator.Junk(new Random(s), arrayElement));

    /// <summary>JSON Lines with broken lines beside good ones; at least one good case, never a junk first line.</summary>
    public static Gen<CaseBatch> Lines { get; } =
        from good in Good
        from others in Gen.Choose(1, 5).SelectMany(n => Gen.ListOf(Gen.Frequency((3, Good), (6, Mutated(6)), (2, Junk(false))), n))
        from layout in Gen.Choose(0, int.MaxValue)
        select BuildLines(good, others, new Random(layout));

    /// <summary>A JSON array of good and mutated cases (mostly mutations that keep the array parsable).</summary>
    public static Gen<CaseBatch> Array { get; } =
        from good in Good
        from others in Gen.Choose(1, 5).SelectMany(n => Gen.ListOf(Gen.Frequency((3, Good), (6, Mutated(1)), (1, Junk(true))), n))
        from layout in Gen.Choose(0, int.MaxValue)
        select BuildArray(good, others, new Random(layout));

    /// <summary>One case alone, good or mutated.</summary>
    public static Gen<CaseBatch> Single { get; } =
        from entry in Gen.Frequency((1, Good), (4, Mutated(4)))
        from bom in Gen.Elements(false, false, true)
        select new CaseBatch(BatchShape.Single, [entry], bom ? [0xEF, 0xBB, 0xBF, .. entry.Utf8] : entry.Utf8, bom ? "BOM" : "plain");

    public static Gen<CaseBatch> Any { get; } = Gen.Frequency((5, Lines), (4, Array), (1, Single));

    private static CaseBatch BuildLines(CaseEntry good, IReadOnlyList<CaseEntry> others, Random random)
    {
        var entries = others.ToList();
        entries.Insert(random.Next(entries.Count + 1), good);
        if (entries[0].Description.StartsWith("Junk", StringComparison.Ordinal))
        {
            int at = entries.IndexOf(good);
            (entries[0], entries[at]) = (entries[at], entries[0]);
        }

        bool crlf = random.Next(3) == 0;
        bool blanks = random.Next(3) == 0;
        bool bom = random.Next(5) == 0;
        bool trailing = random.Next(2) == 0;
        var bytes = new List<byte>();
        if (bom)
        {
            bytes.AddRange([0xEF, 0xBB, 0xBF]);
        }

        byte[] end = crlf ? "\r\n"u8.ToArray() : "\n"u8.ToArray();
        for (int i = 0; i < entries.Count; i++)
        {
            if (blanks && random.Next(2) == 0)
            {
                bytes.AddRange(random.Next(2) == 0 ? end : [(byte)' ', (byte)'\t', .. end]);
            }

            bytes.AddRange(entries[i].Utf8);
            if (i < entries.Count - 1 || trailing)
            {
                bytes.AddRange(end);
            }
        }

        string layout = $"{(crlf ? "CRLF" : "LF")}{(blanks ? ", blank lines" : "")}{(bom ? ", BOM" : "")}{(trailing ? ", trailing line end" : "")}";
        return new CaseBatch(BatchShape.Lines, entries, [.. bytes], layout);
    }

    private static CaseBatch BuildArray(CaseEntry good, IReadOnlyList<CaseEntry> others, Random random)
    {
        var entries = others.ToList();
        entries.Insert(random.Next(entries.Count + 1), good);
        bool pretty = random.Next(2) == 0;
        bool bom = random.Next(5) == 0;
        var bytes = new List<byte>();
        if (bom)
        {
            bytes.AddRange([0xEF, 0xBB, 0xBF]);
        }

        bytes.AddRange(pretty ? "[\n  "u8.ToArray() : "["u8.ToArray());
        for (int i = 0; i < entries.Count; i++)
        {
            if (i > 0)
            {
                bytes.AddRange(pretty ? ",\n  "u8.ToArray() : ","u8.ToArray());
            }

            bytes.AddRange(entries[i].Utf8);
        }

        bytes.AddRange(pretty ? "\n]\n"u8.ToArray() : "]"u8.ToArray());
        return new CaseBatch(BatchShape.Array, entries, [.. bytes], $"{(pretty ? "indented" : "compact")}{(bom ? ", BOM" : "")}");
    }
}
