// A minimal shop-platform service around CareRules: POST /cases/evaluate, GET /pack.
// The pack's parameters come from the "CareRules" section of appsettings.json and are reloaded when it changes.
// Endpoints return a Verdict as it is; ConfigureForCareRules (in CareApi) makes System.Text.Json write it as the
// catalog's verdict JSON, the same bytes as the console sample's output.
CareRules.Samples.WebApi.CareApi.Create(args).Run();
