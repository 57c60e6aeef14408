using System.Diagnostics.CodeAnalysis;

// RS0026 (PublicApiAnalyzers) flags a method that is not yet in PublicAPI.Shipped.txt when it has optional parameters
// and so does one of its overloads, because adding such an overload to a released API can make existing calls
// ambiguous. These overloads are the first release's API as designed and no call to them is ambiguous: each pair
// differs in a required parameter's type (Money? or a Func for the value; a span, a string or a stream for the JSON).
// Only these members are exempt; the rule stays on for every other method, and stops applying to these once they are
// moved to PublicAPI.Shipped.txt at the first release.

[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Scope = "member",
    Target = "~M:CareRules.Authoring.RuleBuilder.Compensate(CareRules.Model.OfferKind,CareRules.Authoring.Text,System.Nullable{CareRules.Model.Money},System.Nullable{System.Decimal},System.Boolean,System.Func{CareRules.Authoring.RuleContext,System.Nullable{NodaTime.Instant}},System.Func{CareRules.Authoring.RuleContext,System.Boolean},System.Nullable{System.Int32})",
    Justification = "A fixed value (Money?) and a value computed per context (a Func) are different required parameter types; existing API.")]
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Scope = "member",
    Target = "~M:CareRules.Authoring.RuleBuilder.Compensate(CareRules.Model.OfferKind,CareRules.Authoring.Text,System.Func{CareRules.Authoring.RuleContext,System.Nullable{CareRules.Model.Money}},System.Nullable{System.Decimal},System.Boolean,System.Func{CareRules.Authoring.RuleContext,System.Nullable{NodaTime.Instant}},System.Func{CareRules.Authoring.RuleContext,System.Boolean},System.Nullable{System.Int32})",
    Justification = "A fixed value (Money?) and a value computed per context (a Func) are different required parameter types; existing API.")]
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Scope = "member",
    Target = "~M:CareRules.Serialization.CaseJsonReader.Read(System.ReadOnlySpan{System.Byte},CareRules.Serialization.CaseReadOptions)",
    Justification = "The overloads differ in the type of the required JSON input (UTF-8 span, string, stream); existing API.")]
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Scope = "member",
    Target = "~M:CareRules.Serialization.CaseJsonReader.Read(System.String,CareRules.Serialization.CaseReadOptions)",
    Justification = "The overloads differ in the type of the required JSON input (UTF-8 span, string, stream); existing API.")]
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Scope = "member",
    Target = "~M:CareRules.Serialization.CaseJsonReader.Read(System.IO.Stream,CareRules.Serialization.CaseReadOptions)",
    Justification = "The overloads differ in the type of the required JSON input (UTF-8 span, string, stream); existing API.")]
