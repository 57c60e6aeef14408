// A minimal shop-platform service around CareRules: POST /cases/evaluate, GET /pack.
// The pack's parameters come from the "CareRules" section of appsettings.json and are reloaded when it changes.
CareRules.Samples.WebApi.CareApi.Create(args).Run();
