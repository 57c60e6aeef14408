using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using CareRules.Model;
using NodaTime;

namespace CareRules.Serialization;

/// <summary>
/// The compact reading of a case: the shape <see cref="CaseJsonWriter"/> and <c>carerules generate</c> write, read
/// without a tokenizer. Only what is certainly valid is taken here; everything else is declined and read by
/// <see cref="Parse"/>, which gives every message.
/// </summary>
internal sealed partial class CaseParser
{
    // What ends the plain run of a string: its closing quote, an escape, or a control character (not allowed in JSON strings).
    private static readonly SearchValues<byte> s_stringStops = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    private static readonly SearchValues<byte> s_numberBytes = SearchValues.Create("0123456789."u8);

    /// <summary>
    /// Reads a case written compactly — no white space between tokens, no escapes in strings, the fields of every
    /// object in the documented order (optional ones may be left out), every value valid and <c>now</c> given — as
    /// <see cref="CaseJsonWriter"/> writes it. Returns false for anything else, and the caller reads the text with
    /// <see cref="Parse"/>: this path declines rather than reports, so every message comes from one place. A case it
    /// accepts gets the context <see cref="Parse"/> would build: the same value parsers (<see cref="IsoText"/>,
    /// <see cref="TryParsePlainAmount"/>, <see cref="CatalogJson{TEnum}"/>), drafts and model constructors.
    /// </summary>
    /// <param name="json">One JSON value (white space around it allowed).</param>
    /// <param name="index">The case's index in its input.</param>
    /// <param name="result">The valid case read, when true.</param>
    public bool TryParseCompact(ReadOnlySpan<byte> json, int index, [NotNullWhen(true)] out CaseReadResult? result)
    {
        result = null;
        var c = new Compact(json.Trim(" \t\r\n"u8));
        var root = new RootDraft { Order = OrderDraft.Defaults, Case = CaseDraft.Defaults };
        const int nowAndCustomer = 0b11; // without now, the clock decides: that is Parse's
        if (!CompactObject<RootFields, RootDraft>(ref c, s_root, ref root, out int seen) || (seen & nowAndCustomer) != nowAndCustomer || !c.AtEnd)
        {
            return false;
        }

        try
        {
            var context = new CareContext(
                root.Now, root.Customer.Build(), root.HasOrder ? root.Order.Build() : null, root.HasCase ? root.Case.Build() : null);
            result = new CaseReadResult(index, root.HasCase ? root.Case.Id : null, context, []);
            return true;
        }
        catch (CareRulesValidationException)
        {
            return false; // a domain rule is broken: Parse says which, with its JSON path
        }
    }

    /// <summary>
    /// An object of <paramref name="schema"/>: its fields in the documented order, each read by
    /// <typeparamref name="TFields"/> into <paramref name="draft"/>; <paramref name="seen"/> has a bit per field read.
    /// </summary>
    private bool CompactObject<TFields, TDraft>(ref Compact c, ObjectSchema schema, ref TDraft draft, out int seen)
        where TFields : struct, ICompactFields<TDraft>
        where TDraft : struct
    {
        seen = 0;
        if (!c.Take((byte)'{'))
        {
            return false;
        }

        if (c.Take((byte)'}'))
        {
            return true;
        }

        int next = 0;
        do
        {
            int field = c.Field(schema, next);
            if (field < 0 || !TFields.Read(this, ref c, field, ref draft))
            {
                return false;
            }

            seen |= 1 << field;
            next = field + 1;
        }
        while (c.Take((byte)','));

        return c.Take((byte)'}');
    }

    /// <summary>An object of <paramref name="schema"/> with all its required fields.</summary>
    private bool CompactRequired<TFields, TDraft>(ref Compact c, ObjectSchema schema, ref TDraft draft)
        where TFields : struct, ICompactFields<TDraft>
        where TDraft : struct =>
        CompactObject<TFields, TDraft>(ref c, schema, ref draft, out int seen) && (schema.RequiredMask & ~seen) == 0;

    /// <summary>Reads the value of one field of an object into its draft (a struct, so each object's loop is its own code).</summary>
    private interface ICompactFields<TDraft>
        where TDraft : struct
    {
        static abstract bool Read(CaseParser parser, ref Compact c, int field, ref TDraft draft);
    }

    private struct RootDraft
    {
        public Instant Now;
        public CustomerDraft Customer;
        public OrderDraft Order;
        public CaseDraft Case;
        public bool HasOrder;
        public bool HasCase;
    }

    private readonly struct RootFields : ICompactFields<RootDraft>
    {
        public static bool Read(CaseParser parser, ref Compact c, int field, ref RootDraft d) => field switch
        {
            0 => CompactIso(ref c, s_fastInstant, out d.Now),
            1 => parser.CompactRequired<CustomerFields, CustomerDraft>(ref c, s_customer, ref d.Customer),
            2 => c.Null() || (d.HasOrder = parser.CompactRequired<OrderFields, OrderDraft>(ref c, s_order, ref d.Order)),
            _ => c.Null() || (d.HasCase = parser.CompactRequired<CaseFields, CaseDraft>(ref c, s_case, ref d.Case)),
        };
    }

    private readonly struct CustomerFields : ICompactFields<CustomerDraft>
    {
        public static bool Read(CaseParser parser, ref Compact c, int field, ref CustomerDraft d) => field switch
        {
            CustomerField.Id => CompactText(ref c, out d.Id),
            CustomerField.Since => CompactIso(ref c, s_fastDate, out d.Since),
            CustomerField.Orders => c.Count(out d.Orders),
            CustomerField.LifetimeValue => parser.CompactMoney(ref c, s_lifetimeValue, out d.LifetimeValue),
            CustomerField.ContactsLast7Days => c.Count(out d.ContactsLast7Days),
            CustomerField.IncidentsLast90Days => c.Count(out d.IncidentsLast90Days),
            CustomerField.UnfoundedComplaintsLast90Days => c.Count(out d.UnfoundedComplaintsLast90Days),
            _ => parser.CompactMoney(ref c, s_goodwill, out var goodwill) && Set(out d.GoodwillLast90Days, goodwill),
        };
    }

    private readonly struct OrderFields : ICompactFields<OrderDraft>
    {
        public static bool Read(CaseParser parser, ref Compact c, int field, ref OrderDraft d) => field switch
        {
            OrderField.Id => CompactText(ref c, out d.Id),
            OrderField.PlacedAt => CompactIso(ref c, s_fastInstant, out d.PlacedAt),
            OrderField.Total => parser.CompactMoney(ref c, s_total, out d.Total),
            OrderField.Payment => CompactName(ref c, out d.Payment),
            OrderField.Status => CompactName(ref c, out d.Status),
            OrderField.PromisedBy => CompactOptionalIso(ref c, s_fastDate, out d.PromisedBy),
            OrderField.ShippedAt => CompactOptionalIso(ref c, s_fastInstant, out d.ShippedAt),
            OrderField.DeliveredAt => CompactOptionalIso(ref c, s_fastInstant, out d.DeliveredAt),
            OrderField.DelayNotified => c.Bool(out d.DelayNotified),
            OrderField.Tracking => CompactName(ref c, out d.Tracking),
            OrderField.WithdrawalInformed => c.Bool(out d.WithdrawalInformed),
            OrderField.WithdrawalExempt => c.Bool(out d.WithdrawalExempt),
            _ => CompactOptionalIso(ref c, s_fastDate, out d.BackorderUntil),
        };
    }

    private readonly struct CaseFields : ICompactFields<CaseDraft>
    {
        public static bool Read(CaseParser parser, ref Compact c, int field, ref CaseDraft d) => field switch
        {
            CaseField.Id => CompactText(ref c, out var id) && Set(out d.Id, id),
            CaseField.OpenedAt => d.OpenedAtValid = CompactIso(ref c, s_fastInstant, out d.OpenedAt),
            CaseField.Kind => CompactName(ref c, out d.Kind),
            CaseField.Channel => CompactName(ref c, out d.Channel),
            CaseField.Fault => CompactName(ref c, out d.Fault),
            CaseField.FirstReplyAt => CompactOptionalIso(ref c, s_fastInstant, out d.FirstReplyAt),
            CaseField.Flags => CompactNameSet<CaseFlags>(ref c, out int flags) && Set(out d.Flags, (CaseFlags)flags),
            CaseField.CarrierClaim => CompactName(ref c, out d.CarrierClaim),
            _ => CompactNameSet<CustomerRequests>(ref c, out int requests) && Set(out d.Requests, (CustomerRequests)requests),
        };
    }

    /// <summary>A non-blank string, as <see cref="ReadText"/> takes it.</summary>
    private static bool CompactText(ref Compact c, out string value)
    {
        value = string.Empty;
        if (!c.String(out var utf8) || !Utf8.IsValid(utf8))
        {
            return false; // invalid UTF-8 is an error, and Parse words it
        }

        value = Encoding.UTF8.GetString(utf8);
        return !string.IsNullOrWhiteSpace(value);
    }

    /// <summary>A string in the strict ISO grammar of <paramref name="parse"/> (<see cref="IsoText"/>).</summary>
    private static bool CompactIso<T>(ref Compact c, Utf8Parser<T> parse, out T value)
    {
        value = default!;
        return c.String(out var utf8) && parse(utf8, out value);
    }

    /// <summary>Null, or a string in the strict ISO grammar of <paramref name="parse"/>.</summary>
    private static bool CompactOptionalIso<T>(ref Compact c, Utf8Parser<T> parse, out T? value)
        where T : struct
    {
        value = null;
        if (c.Null())
        {
            return true;
        }

        bool ok = CompactIso(ref c, parse, out var parsed);
        value = parsed;
        return ok;
    }

    /// <summary><c>{"amount":…,"currency":"…"}</c> in the reader's currency, the amount in the common shape.</summary>
    private bool CompactMoney(ref Compact c, ObjectSchema schema, out Money value)
    {
        value = default;
        if (!c.Take((byte)'{') || c.Field(schema, 0) != 0 || !c.Number(out var amount) || !TryParsePlainAmount(amount, out var parsed)
            || !c.Take((byte)',') || c.Field(schema, 1) != 1 || !c.String(out var currency) || !currency.SequenceEqual(_currencyUtf8)
            || !c.Take((byte)'}'))
        {
            return false;
        }

        value = new Money(parsed, _currency);
        return true;
    }

    private static bool CompactName<TEnum>(ref Compact c, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        int i = c.String(out var utf8) ? CatalogJson<TEnum>.Match(utf8) : -1;
        if (i < 0)
        {
            return false;
        }

        value = CatalogJson<TEnum>.Value(i);
        return true;
    }

    private static bool CompactNameSet<TEnum>(ref Compact c, out int bits)
        where TEnum : struct, Enum
    {
        bits = 0;
        if (!c.Take((byte)'['))
        {
            return false;
        }

        if (!c.Take((byte)']'))
        {
            do
            {
                int i = c.String(out var utf8) ? CatalogJson<TEnum>.Match(utf8) : -1;
                if (i < 0 || (bits & CatalogJson<TEnum>.Bits(i)) != 0)
                {
                    return false; // unknown or repeated: Parse reports it by element
                }

                bits |= CatalogJson<TEnum>.Bits(i);
            }
            while (c.Take((byte)','));

            if (!c.Take((byte)']'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Stores a value read (for the switches above); always true.</summary>
    private static bool Set<T>(out T field, T value)
    {
        field = value;
        return true;
    }

    /// <summary>A cursor over compact JSON: each method takes one token of the expected kind, or returns false.</summary>
    private ref struct Compact(ReadOnlySpan<byte> text)
    {
        private readonly ReadOnlySpan<byte> _text = text;
        private int _at;

        public readonly bool AtEnd => _at == _text.Length;

        public bool Take(byte b)
        {
            if ((uint)_at < (uint)_text.Length && _text[_at] == b)
            {
                _at++;
                return true;
            }

            return false;
        }

        public bool Null() => Literal("null"u8);

        public bool Bool(out bool value)
        {
            value = Literal("true"u8);
            return value || Literal("false"u8);
        }

        /// <summary>
        /// A field name without escapes and its colon, matched in place: the index of the field among those from
        /// <paramref name="from"/> on, or -1 — fields in the documented order, so a repeated or misplaced one is declined.
        /// </summary>
        public int Field(ObjectSchema schema, int from)
        {
            int field = schema.CompactIndexOf(_text[_at..], from);
            if (field >= 0)
            {
                _at += schema.CompactLength(field);
            }

            return field;
        }

        /// <summary>A string without escapes or control characters; its bytes between the quotes.</summary>
        public bool String(out ReadOnlySpan<byte> value)
        {
            value = default;
            if (!Take((byte)'"'))
            {
                return false;
            }

            var rest = _text[_at..];
            int end = rest.IndexOfAny(s_stringStops);
            if (end < 0 || rest[end] != (byte)'"')
            {
                return false;
            }

            value = rest[..end];
            _at += end + 1;
            return true;
        }

        /// <summary>
        /// A number's bytes: digits and points, not starting with a point nor with a zero followed by a digit (which
        /// JSON forbids); signs and exponents are declined. The value's own parser checks the rest of its shape.
        /// </summary>
        public bool Number(out ReadOnlySpan<byte> value)
        {
            var rest = _text[_at..];
            int end = rest.IndexOfAnyExcept(s_numberBytes);
            if (end < 0)
            {
                end = rest.Length;
            }

            value = rest[..end];
            if (end == 0 || value[0] == (byte)'.' || (value[0] == (byte)'0' && end > 1 && value[1] != (byte)'.'))
            {
                return false;
            }

            _at += end;
            return true;
        }

        /// <summary>A whole number from 0 to <see cref="int.MaxValue"/> written in digits only.</summary>
        public bool Count(out int value)
        {
            value = 0;
            return Number(out var digits) // no sign: Number takes digits and points only
                && System.Buffers.Text.Utf8Parser.TryParse(digits, out value, out int used) && used == digits.Length;
        }

        private bool Literal(ReadOnlySpan<byte> literal)
        {
            if (_text[_at..].StartsWith(literal))
            {
                _at += literal.Length;
                return true;
            }

            return false;
        }
    }
}
