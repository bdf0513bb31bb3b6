using System.CommandLine;
using Placement.Documentation;

namespace Placement.Cli.Commands;

/// <summary><c>placement schema</c>: the JSON Schema of the assessments a rule set accepts.</summary>
internal static class SchemaCommand
{
    public static Command Create(Option<string?> rules, Io io)
    {
        var output = new Option<string?>("--out") { Description = "Write to FILE instead of standard output.", HelpName = "FILE" };
        var command = new ToolCommand("schema", "Write the JSON Schema of the assessments the rule set accepts.", """
              0   written
              2   the --out file cannot be written
              3   the rule set is invalid
            """, """
            A JSON Schema (draft-07) with one property per criterion: its type, range or allowed words,
            its label and description; null (unknown) is allowed and other properties are not. Editors
            and form builders validate answers with it; an assessment names it with a "$schema" property
            (JSON) or a "# yaml-language-server: $schema=PATH" first line (YAML).
            """)
        {
            rules, output,
        };
        command.SetAction(parse => Run(parse.GetValue(rules), parse.GetValue(output), io));
        return command;
    }

    private static int Run(string? rulesPath, string? path, Io io) =>
        OutputFile.WriteRendering("schema", rulesPath, path, AssessmentSchema.ToJson, io);
}
