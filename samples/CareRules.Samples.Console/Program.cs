using NodaTime;

// The console's own entry point: the system clock is the default for cases without "now".
return CareRules.Samples.Console.ConsoleApp.Run(args, Console.Out, Console.Error, SystemClock.Instance);
