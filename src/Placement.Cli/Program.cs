using Placement.Cli;

return PlacementApp.Run(args, Console.In, Console.Out, Console.Error);
