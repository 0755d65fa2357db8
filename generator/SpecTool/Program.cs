using Rsspot.SpecTool;

return SpecCommands.Run(args, Console.Out, Console.Error);
