using Placement.Cli;

return PlacementApp.Run(args, Console.In, Console.Out, Console.Error);

/// <summary>The tool's entry point; internal (the tool is not a library).</summary>
internal partial class Program;
