using System.Globalization;
using System.Text;
using System.Text.Json;
using CareRules.Model;
using NodaTime;
using NodaTime.Text;

namespace CareRules.Serialization;

/// <summary>
/// Reads one case object of the case format (catalog section 5) from a <see cref="Utf8JsonReader"/> positioned on
/// it, and collects every problem instead of stopping at the first. Paths are relative to the case object
/// (<c>$.order.total.currency</c>). Leaves the reader on the last token of the value. Not thread-safe: one instance
/// per read call. Syntax errors are not caught here: the <see cref="JsonException"/> reaches the caller, which
/// knows whether one line or the whole input is lost.
/// </summary>
internal sealed partial class CaseParser
{
    private static readonly ObjectSchema s_root = new(JsonPath.Root, new(["now", "customer", "order", "case"], ["customer"]));

    private static readonly ObjectSchema s_customer = new(
        "$.customer",
        new(["id", "since", "orders", "lifetimeValue", "contactsLast7Days", "incidentsLast90Days", "unfoundedComplaintsLast90Days", "goodwillLast90Days"],
            ["id", "since", "orders", "lifetimeValue"]));

    private static readonly ObjectSchema s_order = new(
        "$.order",
        new(["id", "placedAt", "total", "payment", "status", "promisedBy", "shippedAt", "deliveredAt", "delayNotified", "tracking", "withdrawalInformed", "withdrawalExempt", "backorderUntil"],
            ["id", "placedAt", "total", "status"]));

    private static readonly ObjectSchema s_case = new(
        "$.case",
        new(["id", "openedAt", "kind", "channel", "fault", "firstReplyAt", "flags", "carrierClaim", "requests"], ["id", "openedAt", "kind"]));

    private static readonly Utf8Parser<Instant> s_fastInstant = IsoText.TryParseInstant;
    private static readonly Utf8Parser<LocalDate> s_fastDate = IsoText.TryParseDate;
    private static readonly Func<string, string> s_instantMessage = JsonProblems.InstantMessage;
    private static readonly Func<string, string> s_dateMessage = JsonProblems.DateMessage;

    private static readonly JsonFields s_money = new(["amount", "currency"], ["amount", "currency"]);

    private static readonly ObjectSchema s_lifetimeValue = MoneySchema(s_customer.PathOf(CustomerField.LifetimeValue));
    private static readonly ObjectSchema s_goodwill = MoneySchema(s_customer.PathOf(CustomerField.GoodwillLast90Days));
    private static readonly ObjectSchema s_total = MoneySchema(s_order.PathOf(OrderField.Total));

    private readonly Currency _currency;
    private readonly byte[] _currencyUtf8;
    private readonly IClock? _clock;
    private readonly JsonProblems _problems = new();

    public CaseParser(CaseReadOptions options)
    {
        _currency = options.Currency;
        _currencyUtf8 = Encoding.UTF8.GetBytes(options.Currency.Code);
        _clock = options.Clock;
    }

    private int ErrorCount => _problems.Count;

    /// <summary>An error for the whole input or line: the JSON does not parse.</summary>
    public static CaseReadResult Malformed(int index, JsonException exception, long? line = null, bool rest = false) =>
        new(index, null, null, [new ValidationError(JsonPath.Root, JsonProblems.SyntaxErrorMessage(exception, line)
            + (rest ? " The rest of the array from there is not read; the cases before it are." : string.Empty))]);

    /// <summary>Reads the case whose first token the reader is on.</summary>
    public CaseReadResult Parse(ref Utf8JsonReader r, int index)
    {
        _problems.Clear();
        if (r.TokenType != JsonTokenType.StartObject)
        {
            Add(JsonPath.Root, "a case must be a JSON object, was " + JsonProblems.Describe(ref r) + ".");
            r.Skip();
            return Invalid(index, null);
        }

        int seen = 0;
        bool nowGiven = false;
        Instant? now = null;
        var customer = default(CustomerDraft);
        bool customerOk = false;
        var order = OrderDraft.Defaults;
        bool hasOrder = false, orderOk = false;
        var @case = CaseDraft.Defaults;
        bool hasCase = false, caseOk = false;

        while (r.Read() && r.TokenType != JsonTokenType.EndObject)
        {
            if (!NextField(ref r, s_root, ref seen, out int field))
            {
                continue;
            }

            switch (field)
            {
                case 0: // now
                    if (r.TokenType != JsonTokenType.Null)
                    {
                        nowGiven = true;
                        if (ReadInstant(ref r, s_root.PathOf(0), out var n))
                        {
                            now = n;
                        }
                    }

                    break;
                case 1: // customer
                    customerOk = ReadCustomer(ref r, ref customer);
                    break;
                case 2: // order
                    if (r.TokenType != JsonTokenType.Null)
                    {
                        hasOrder = true;
                        orderOk = ReadOrder(ref r, ref order);
                    }

                    break;
                default: // case
                    if (r.TokenType != JsonTokenType.Null)
                    {
                        hasCase = true;
                        caseOk = ReadCase(ref r, ref @case);
                    }

                    break;
            }
        }

        RequireFields(s_root, seen);
        if (!nowGiven)
        {
            if (_clock is not null)
            {
                now = _clock.GetCurrentInstant();
            }
            else
            {
                Add(s_root.PathOf(0), "is required: the case has no 'now' and no clock was configured (CaseReadOptions.Clock).");
            }
        }

        string? caseId = hasCase ? @case.Id : null;

        // Build every object whose fields are valid, even when another object is bad: the model constructors check
        // the domain rules (the order of events among them), and their errors are mapped to JSON paths.
        Customer? builtCustomer = customerOk ? Build<CustomerDraft, Customer>(in customer) : null;
        Order? builtOrder = hasOrder && orderOk ? Build<OrderDraft, Order>(in order) : null;
        CareCase? builtCase = hasCase && caseOk ? Build<CaseDraft, CareCase>(in @case) : null;
        if (ErrorCount > 0 || builtCustomer is null || now is null)
        {
            // The context is not built, so the model's check of the case against now runs on what could be read.
            var errors = new ErrorCollector(JsonPath.Root);
            CareContext.CheckOpened(errors, now, hasCase && @case.OpenedAtValid ? @case.OpenedAt : null);
            AddAll(errors);
            return Invalid(index, caseId);
        }

        try
        {
            return new CaseReadResult(index, caseId, new CareContext(now.Value, builtCustomer, builtOrder, builtCase), []);
        }
        catch (CareRulesValidationException ex)
        {
            AddModelErrors(ex);
            return Invalid(index, caseId);
        }
    }

    private bool ReadCustomer(ref Utf8JsonReader r, ref CustomerDraft d)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return WrongType(ref r, s_customer.Path, "an object");
        }

        int before = ErrorCount;
        int seen = 0;
        while (r.Read() && r.TokenType != JsonTokenType.EndObject)
        {
            if (!NextField(ref r, s_customer, ref seen, out int field))
            {
                continue;
            }

            string path = s_customer.PathOf(field);
            switch (field)
            {
                case CustomerField.Id:
                    ReadText(ref r, path, out d.Id);
                    break;
                case CustomerField.Since:
                    if (ReadDate(ref r, path, nullable: false, out var since))
                    {
                        d.Since = since!.Value;
                    }

                    break;
                case CustomerField.Orders:
                    ReadCount(ref r, path, out d.Orders);
                    break;
                case CustomerField.LifetimeValue:
                    ReadMoney(ref r, s_lifetimeValue, out d.LifetimeValue);
                    break;
                case CustomerField.ContactsLast7Days:
                    ReadCount(ref r, path, out d.ContactsLast7Days);
                    break;
                case CustomerField.IncidentsLast90Days:
                    ReadCount(ref r, path, out d.IncidentsLast90Days);
                    break;
                case CustomerField.UnfoundedComplaintsLast90Days:
                    ReadCount(ref r, path, out d.UnfoundedComplaintsLast90Days);
                    break;
                default: // goodwillLast90Days
                    if (ReadMoney(ref r, s_goodwill, out var goodwill))
                    {
                        d.GoodwillLast90Days = goodwill;
                    }

                    break;
            }
        }

        RequireFields(s_customer, seen);
        return ErrorCount == before;
    }

    private bool ReadOrder(ref Utf8JsonReader r, ref OrderDraft d)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return WrongType(ref r, s_order.Path, "an object or null");
        }

        int before = ErrorCount;
        int seen = 0;
        bool placedOk = false, shippedOk = true, deliveredOk = true, statusOk = false;
        while (r.Read() && r.TokenType != JsonTokenType.EndObject)
        {
            if (!NextField(ref r, s_order, ref seen, out int field))
            {
                continue;
            }

            string path = s_order.PathOf(field);
            switch (field)
            {
                case OrderField.Id:
                    ReadText(ref r, path, out d.Id);
                    break;
                case OrderField.PlacedAt:
                    placedOk = ReadInstant(ref r, path, out d.PlacedAt);
                    break;
                case OrderField.Total:
                    ReadMoney(ref r, s_total, out d.Total);
                    break;
                case OrderField.Payment:
                    ReadEnum(ref r, path, out d.Payment);
                    break;
                case OrderField.Status:
                    statusOk = ReadEnum(ref r, path, out d.Status);
                    break;
                case OrderField.PromisedBy:
                    ReadDate(ref r, path, nullable: true, out d.PromisedBy);
                    break;
                case OrderField.ShippedAt:
                    shippedOk = ReadOptionalInstant(ref r, path, out d.ShippedAt);
                    break;
                case OrderField.DeliveredAt:
                    deliveredOk = ReadOptionalInstant(ref r, path, out d.DeliveredAt);
                    break;
                case OrderField.DelayNotified:
                    ReadBool(ref r, path, out d.DelayNotified);
                    break;
                case OrderField.Tracking:
                    ReadEnum(ref r, path, out d.Tracking);
                    break;
                case OrderField.WithdrawalInformed:
                    ReadBool(ref r, path, out d.WithdrawalInformed);
                    break;
                case OrderField.WithdrawalExempt:
                    ReadBool(ref r, path, out d.WithdrawalExempt);
                    break;
                default: // backorderUntil
                    ReadDate(ref r, path, nullable: true, out d.BackorderUntil);
                    break;
            }
        }

        RequireFields(s_order, seen);
        if (ErrorCount == before)
        {
            return true; // the Order constructor checks the order of events
        }

        // The order is not built: the model's check of the order of events runs on the instants that could be read.
        var errors = new ErrorCollector(s_order.Path);
        Order.CheckEvents(
            errors, placedOk ? d.PlacedAt : null, shippedOk ? d.ShippedAt : null, deliveredOk ? d.DeliveredAt : null,
            deliveredOk && statusOk ? d.Status : null);
        AddAll(errors);
        return false;
    }

    private bool ReadCase(ref Utf8JsonReader r, ref CaseDraft d)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return WrongType(ref r, s_case.Path, "an object or null");
        }

        int before = ErrorCount;
        int seen = 0;
        bool replyOk = true;
        while (r.Read() && r.TokenType != JsonTokenType.EndObject)
        {
            if (!NextField(ref r, s_case, ref seen, out int field))
            {
                continue;
            }

            string path = s_case.PathOf(field);
            switch (field)
            {
                case CaseField.Id:
                    if (ReadText(ref r, path, out var id))
                    {
                        d.Id = id;
                    }

                    break;
                case CaseField.OpenedAt:
                    d.OpenedAtValid = ReadInstant(ref r, path, out d.OpenedAt);
                    break;
                case CaseField.Kind:
                    ReadEnum(ref r, path, out d.Kind);
                    break;
                case CaseField.Channel:
                    ReadEnum(ref r, path, out d.Channel);
                    break;
                case CaseField.Fault:
                    ReadEnum(ref r, path, out d.Fault);
                    break;
                case CaseField.FirstReplyAt:
                    replyOk = ReadOptionalInstant(ref r, path, out d.FirstReplyAt);
                    break;
                case CaseField.Flags:
                    if (ReadNameSet<CaseFlags>(ref r, path, "flag", out int flags))
                    {
                        d.Flags = (CaseFlags)flags;
                    }

                    break;
                case CaseField.CarrierClaim:
                    ReadEnum(ref r, path, out d.CarrierClaim);
                    break;
                default: // requests
                    if (ReadNameSet<CustomerRequests>(ref r, path, "request", out int requests))
                    {
                        d.Requests = (CustomerRequests)requests;
                    }

                    break;
            }
        }

        RequireFields(s_case, seen);
        if (ErrorCount == before)
        {
            return true; // the CareCase constructor checks the first reply against the opening
        }

        var errors = new ErrorCollector(s_case.Path);
        CareCase.CheckReply(errors, d.OpenedAtValid ? d.OpenedAt : null, replyOk ? d.FirstReplyAt : null);
        AddAll(errors);
        return false;
    }

    // ---- fields and objects -------------------------------------------------------------------------------------

    /// <summary>
    /// On a property name: matches it against the schema and moves to its value. Reports (and skips) unknown and
    /// repeated fields, returning false for them.
    /// </summary>
    private bool NextField(ref Utf8JsonReader r, ObjectSchema schema, ref int seen, out int field)
    {
        // Fields usually come in the documented order: look first after the last field seen.
        int hint = seen == 0 ? 0 : 32 - int.LeadingZeroCount(seen);
        if (hint >= schema.Count)
        {
            hint = 0;
        }

        return NextField(ref r, schema, hint, ref seen, out field);
    }

    private bool NextField(ref Utf8JsonReader r, ObjectSchema schema, int hint, ref int seen, out int field)
    {
        field = schema.Match(ref r, hint);
        if (field < 0)
        {
            string name = JsonProblems.SafeString(ref r);
            r.Read();
            r.Skip();
            _problems.UnknownField(schema.Path, name, schema.Fields);
            return false;
        }

        r.Read();
        int bit = 1 << field;
        if ((seen & bit) != 0)
        {
            r.Skip();
            _problems.DuplicateField(schema.PathOf(field));
            return false;
        }

        seen |= bit;
        return true;
    }

    private void RequireFields(ObjectSchema schema, int seen)
    {
        int missing = schema.RequiredMask & ~seen;
        for (int i = 0; missing != 0 && i < schema.Count; i++)
        {
            if ((missing & (1 << i)) != 0)
            {
                _problems.Required(schema.PathOf(i));
            }
        }
    }

    private bool ReadMoney(ref Utf8JsonReader r, ObjectSchema schema, out Money value)
    {
        value = default;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return WrongType(ref r, schema.Path, $"a money object like {{ \"amount\": 12.50, \"currency\": \"{_currency.Code}\" }}");
        }

        int before = ErrorCount;
        int seen = 0;
        decimal amount = 0m;
        while (r.Read() && r.TokenType != JsonTokenType.EndObject)
        {
            if (!NextField(ref r, schema, ref seen, out int field))
            {
                continue;
            }

            if (field == 0)
            {
                ReadAmount(ref r, schema.PathOf(0), out amount);
            }
            else
            {
                ReadCurrency(ref r, schema.PathOf(1));
            }
        }

        RequireFields(schema, seen);
        if (ErrorCount != before)
        {
            return false;
        }

        value = new Money(amount, _currency);
        return true;
    }

    private bool ReadAmount(ref Utf8JsonReader r, string path, out decimal value)
    {
        value = 0m;
        if (r.TokenType != JsonTokenType.Number)
        {
            return WrongType(ref r, path, "a number");
        }

        if (!r.HasValueSequence && TryParsePlainAmount(r.ValueSpan, out value))
        {
            return true; // the common case, parsed directly: digits with at most two decimals
        }

        string Raw(ref Utf8JsonReader reader) => JsonProblems.Shorten(Encoding.UTF8.GetString(reader.ValueSpan));
        if (r.ValueSpan.IndexOfAny((byte)'e', (byte)'E') >= 0)
        {
            Add(path, $"must be written without an exponent, e.g. 20.00, was {Raw(ref r)}.");
            return false;
        }

        if (!r.TryGetDecimal(out var amount))
        {
            Add(path, $"must be a number within the decimal range, was {Raw(ref r)}.");
            return false;
        }

        if (amount < 0m)
        {
            Add(path, $"must not be negative, was {Raw(ref r)}.");
            return false;
        }

        if (decimal.Round(amount, 2) != amount)
        {
            Add(path, $"must have at most 2 decimal places, was {Raw(ref r)}.");
            return false;
        }

        value = amount;
        return true;
    }

    /// <summary>
    /// Parses a JSON number token of the common shape of an amount — 1 to 16 digits, optionally a point and one or two
    /// more digits, no sign or exponent — to exactly the decimal <see cref="Utf8JsonReader.TryGetDecimal"/> gives
    /// (same value and scale). False for anything else, which then takes the general path and its messages.
    /// </summary>
    internal static bool TryParsePlainAmount(ReadOnlySpan<byte> text, out decimal value)
    {
        value = 0m;
        long mantissa = 0;
        int i = 0, digits = 0;
        for (; i < text.Length && (uint)(text[i] - '0') <= 9; i++, digits++)
        {
            mantissa = (mantissa * 10) + (text[i] - '0');
        }

        if (digits is 0 or > 16)
        {
            return false;
        }

        byte scale = 0;
        if (i < text.Length)
        {
            if (text[i] != (byte)'.' || text.Length - i - 1 is < 1 or > 2)
            {
                return false;
            }

            for (i++; i < text.Length; i++, scale++)
            {
                int digit = text[i] - '0';
                if ((uint)digit > 9)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + digit;
            }
        }

        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, isNegative: false, scale);
        return true;
    }

    private void ReadCurrency(ref Utf8JsonReader r, string path)
    {
        if (r.TokenType != JsonTokenType.String)
        {
            WrongType(ref r, path, $"a currency code string ({_currency.Code})");
        }
        else if (!r.ValueTextEquals(_currencyUtf8))
        {
            string code = JsonProblems.SafeString(ref r);
            Add(path, Currency.TryParse(code, out var other)
                ? $"expected {_currency.Code}, was {other.Code}."
                : $"expected {_currency.Code}, was '{JsonProblems.Shorten(code)}', which is not an ISO 4217 code (three upper-case letters).");
        }
    }

    // ---- values -------------------------------------------------------------------------------------------------

    private bool ReadText(ref Utf8JsonReader r, string path, out string value)
    {
        value = string.Empty;
        if (r.TokenType != JsonTokenType.String)
        {
            return WrongType(ref r, path, "a non-empty string");
        }

        if (!TryGetString(ref r, path, out var text))
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            Add(path, "must be a non-empty string.");
            return false;
        }

        value = text;
        return true;
    }

    private bool ReadInstant(ref Utf8JsonReader r, string path, out Instant value)
    {
        value = default;
        if (r.TokenType != JsonTokenType.String)
        {
            return WrongType(ref r, path, JsonProblems.InstantExpected);
        }

        return ReadIso(ref r, path, s_fastInstant, s_instantMessage, out value);
    }

    private bool ReadOptionalInstant(ref Utf8JsonReader r, string path, out Instant? value)
    {
        value = null;
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.String)
        {
            return WrongType(ref r, path, JsonProblems.InstantExpected + ", or null");
        }

        bool ok = ReadInstant(ref r, path, out var instant);
        value = ok ? instant : null;
        return ok;
    }

    private bool ReadDate(ref Utf8JsonReader r, string path, bool nullable, out LocalDate? value)
    {
        value = null;
        if (nullable && r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.String)
        {
            return WrongType(ref r, path, nullable ? "a local date string (yyyy-MM-dd), or null" : "a local date string (yyyy-MM-dd)");
        }

        bool ok = ReadIso(ref r, path, s_fastDate, s_dateMessage, out var date);
        value = ok ? date : null;
        return ok;
    }

    /// <summary>
    /// Parses the string under the reader with the one strict grammar (<see cref="IsoText"/>, catalog section 5.4):
    /// straight from UTF-8 when the string has no escapes, else from its unescaped bytes. There is no lenient fallback:
    /// whatever the grammar refuses is reported with <paramref name="message"/>.
    /// </summary>
    private bool ReadIso<T>(ref Utf8JsonReader r, string path, Utf8Parser<T> parse, Func<string, string> message, out T value)
    {
        if (!r.ValueIsEscaped && parse(r.ValueSpan, out value))
        {
            return true;
        }

        value = default!;
        if (!TryGetString(ref r, path, out var text))
        {
            return false;
        }

        if (r.ValueIsEscaped && text.Length <= 64 && parse(Encoding.UTF8.GetBytes(text), out value))
        {
            return true;
        }

        Add(path, message(text));
        return false;
    }

    private bool ReadCount(ref Utf8JsonReader r, string path, out int value)
    {
        value = 0;
        if (r.TokenType != JsonTokenType.Number)
        {
            return WrongType(ref r, path, "a whole number");
        }

        if (!r.TryGetInt32(out var count))
        {
            string raw = JsonProblems.Shorten(Encoding.UTF8.GetString(r.ValueSpan));
            Add(path, r.TryGetDecimal(out var d) && decimal.Truncate(d) == d
                ? $"must be a whole number from 0 to 2147483647, was {raw}."
                : $"must be a whole number, was {raw}.");
            return false;
        }

        if (count < 0)
        {
            Add(path, string.Create(CultureInfo.InvariantCulture, $"must be zero or more, was {count}."));
            return false;
        }

        value = count;
        return true;
    }

    private bool ReadBool(ref Utf8JsonReader r, string path, out bool value)
    {
        value = r.TokenType == JsonTokenType.True;
        return r.TokenType is JsonTokenType.True or JsonTokenType.False || WrongType(ref r, path, "true or false");
    }

    private bool ReadEnum<TEnum>(ref Utf8JsonReader r, string path, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (r.TokenType != JsonTokenType.String)
        {
            return WrongType(ref r, path, JsonProblems.NameExpected<TEnum>());
        }

        int i = CatalogJson<TEnum>.Match(ref r);
        if (i < 0)
        {
            _problems.UnknownName<TEnum>(path, JsonProblems.SafeString(ref r));
            return false;
        }

        value = CatalogJson<TEnum>.Value(i);
        return true;
    }

    /// <summary>Reads an array of catalog names into a flag set; reports unknown names, non-strings and duplicates by element.</summary>
    private bool ReadNameSet<TEnum>(ref Utf8JsonReader r, string path, string noun, out int bits)
        where TEnum : struct, Enum
    {
        bits = 0;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return WrongType(ref r, path, $"an array of {noun} names");
        }

        int before = ErrorCount;
        int index = 0;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.String)
            {
                WrongType(ref r, JsonPath.Element(path, index), JsonProblems.NameExpected<TEnum>(noun));
            }
            else
            {
                int i = CatalogJson<TEnum>.Match(ref r);
                if (i < 0)
                {
                    _problems.UnknownName<TEnum>(JsonPath.Element(path, index), JsonProblems.SafeString(ref r), noun);
                }
                else if ((bits & CatalogJson<TEnum>.Bits(i)) != 0)
                {
                    Add(JsonPath.Element(path, index), $"duplicate {noun} '{CatalogJson<TEnum>.Name(i)}'; give each {noun} once.");
                }
                else
                {
                    bits |= CatalogJson<TEnum>.Bits(i);
                }
            }

            index++;
        }

        return ErrorCount == before;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /// <summary>Reports a value of the wrong JSON type, skips it, and returns false.</summary>
    private bool WrongType(ref Utf8JsonReader r, string path, string expected)
    {
        Add(path, JsonProblems.WrongTypeMessage(expected, JsonProblems.Describe(ref r)));
        r.Skip();
        return false;
    }

    private bool TryGetString(ref Utf8JsonReader r, string path, out string value)
    {
        try
        {
            value = r.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = string.Empty;
            Add(path, "must be valid text: the string holds invalid UTF-8 or an unpaired surrogate escape.");
            return false;
        }
    }

    private static ObjectSchema MoneySchema(string path) => new(path, s_money);

    /// <summary>A rejected case: its errors, copied so that the result is immutable.</summary>
    private CaseReadResult Invalid(int index, string? caseId) =>
        new(index, caseId, null, ErrorCount > 0 ? _problems.ToArray() : [new ValidationError(JsonPath.Root, "is invalid.")]);

    private void Add(string path, string message) => _problems.Add(path, message);

    private void AddAll(ErrorCollector errors)
    {
        foreach (var e in errors.Errors)
        {
            _problems.Add(e.Path, e.Message);
        }
    }

    /// <summary>Builds a model object from its draft; the constructor's errors become JSON paths.</summary>
    private T? Build<TDraft, T>(in TDraft draft)
        where TDraft : struct, IDraft<T>
        where T : class
    {
        try
        {
            return draft.Build();
        }
        catch (CareRulesValidationException ex)
        {
            AddModelErrors(ex);
            return null;
        }
    }

    /// <summary>Maps the errors of a model constructor (<c>order.deliveredAt</c>) to JSON paths (<c>$.order.deliveredAt</c>).</summary>
    private void AddModelErrors(CareRulesValidationException ex)
    {
        if (ex.Errors.Count == 0)
        {
            Add(JsonPath.Root, ex.Message);
        }

        foreach (var e in ex.Errors)
        {
            Add(ToJsonPath(e.Path), e.Message);
        }
    }

    /// <summary>A model path (<c>order.deliveredAt</c>, relative to the context) as a JSON path (<c>$.order.deliveredAt</c>).</summary>
    internal static string ToJsonPath(string modelPath) =>
        modelPath.Length == 0 ? "$" : modelPath.StartsWith('$') ? modelPath : "$." + modelPath;

    private static class CustomerField
    {
        public const int Id = 0, Since = 1, Orders = 2, LifetimeValue = 3, ContactsLast7Days = 4, IncidentsLast90Days = 5,
            UnfoundedComplaintsLast90Days = 6, GoodwillLast90Days = 7;
    }

    private static class OrderField
    {
        public const int Id = 0, PlacedAt = 1, Total = 2, Payment = 3, Status = 4, PromisedBy = 5, ShippedAt = 6, DeliveredAt = 7,
            DelayNotified = 8, Tracking = 9, WithdrawalInformed = 10, WithdrawalExempt = 11, BackorderUntil = 12;
    }

    private static class CaseField
    {
        public const int Id = 0, OpenedAt = 1, Kind = 2, Channel = 3, Fault = 4, FirstReplyAt = 5, Flags = 6, CarrierClaim = 7, Requests = 8;
    }

    private delegate bool Utf8Parser<T>(ReadOnlySpan<byte> text, out T value);

    private interface IDraft<out T>
    {
        T Build();
    }

    private struct CustomerDraft : IDraft<Customer>
    {
        public string Id;
        public LocalDate Since;
        public int Orders;
        public Money LifetimeValue;
        public int ContactsLast7Days;
        public int IncidentsLast90Days;
        public int UnfoundedComplaintsLast90Days;
        public Money? GoodwillLast90Days;

        public readonly Customer Build() => new(
            Id, Since, Orders, LifetimeValue, ContactsLast7Days, IncidentsLast90Days, UnfoundedComplaintsLast90Days, GoodwillLast90Days);
    }

    /// <summary>An order being read; fields not in the JSON keep the defaults of the <see cref="Order"/> constructor.</summary>
    private struct OrderDraft : IDraft<Order>
    {
        public string Id;
        public Instant PlacedAt;
        public Money Total;
        public OrderStatus Status;
        public PaymentMethod Payment;
        public LocalDate? PromisedBy;
        public Instant? ShippedAt;
        public Instant? DeliveredAt;
        public bool DelayNotified;
        public TrackingStatus Tracking;
        public bool WithdrawalInformed;
        public bool WithdrawalExempt;
        public LocalDate? BackorderUntil;

        public static OrderDraft Defaults => new()
        {
            Id = string.Empty,
            Payment = PaymentMethod.Prepaid,
            Tracking = TrackingStatus.None,
            WithdrawalInformed = true,
        };

        public readonly Order Build() => new(
            Id, PlacedAt, Total, Status, Payment, PromisedBy, ShippedAt, DeliveredAt, DelayNotified, Tracking, WithdrawalInformed, WithdrawalExempt, BackorderUntil);
    }

    /// <summary>A case being read; fields not in the JSON keep the defaults of the <see cref="CareCase"/> constructor.</summary>
    private struct CaseDraft : IDraft<CareCase>
    {
        public string? Id;
        public Instant OpenedAt;
        public CaseKind Kind;
        public ContactChannel Channel;
        public Fault Fault;
        public Instant? FirstReplyAt;
        public CaseFlags Flags;
        public CarrierClaimState CarrierClaim;
        public CustomerRequests Requests;
        public bool OpenedAtValid;

        public static CaseDraft Defaults => new()
        {
            Channel = ContactChannel.Email,
            Fault = Fault.Unknown,
            Flags = CaseFlags.None,
            CarrierClaim = CarrierClaimState.None,
            Requests = CustomerRequests.None,
        };

        public readonly CareCase Build() => new(Id!, OpenedAt, Kind, Channel, Fault, FirstReplyAt, Flags, CarrierClaim, Requests);
    }
}
