using Rsspot.Cli.Infrastructure;

return await CliApp.RunAsync(args, Console.Out, Console.Error, Terminal.Detect()).ConfigureAwait(false);
