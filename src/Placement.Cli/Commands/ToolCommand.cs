using System.CommandLine;

namespace Placement.Cli.Commands;

/// <summary>A command of the tool, with the text its generated help ends with: details and exit codes.</summary>
internal sealed class ToolCommand : Command
{
    public ToolCommand(string name, string description, string exitCodes, string? details = null)
        : base(name, description)
    {
        ExitCodes = exitCodes;
        Details = details;
    }

    /// <summary>This command's exit codes, one "N   meaning" per line; 64 and 70 are added to every command.</summary>
    public string ExitCodes { get; }

    /// <summary>More about the command, printed after the options.</summary>
    public string? Details { get; }
}
