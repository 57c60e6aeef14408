using NodaTime;

// The tool's entry point: the system clock is the default for cases without "now".
#pragma warning disable RS0030 // the one place the wall clock is read: the process's own default
return CareRules.Tool.ToolApp.RunProcess(args, SystemClock.Instance);
#pragma warning restore RS0030
