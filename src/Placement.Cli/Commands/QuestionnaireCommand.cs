using System.CommandLine;
using Placement.Fhir;

namespace Placement.Cli.Commands;

/// <summary><c>placement questionnaire</c>: the FHIR R4 Questionnaire for a rule set.</summary>
internal static class QuestionnaireCommand
{
    public static Command Create(Option<string?> rules, Io io)
    {
        var output = new Option<string?>("--out") { Description = "Write to FILE instead of standard output.", HelpName = "FILE" };
        var command = new ToolCommand("questionnaire", "Write the FHIR R4 Questionnaire (JSON) that asks the rule set's questions.", """
              0   written
              2   the --out file cannot be written
              3   the rule set is invalid
            """, """
            One item per criterion, its linkId the criterion id, grouped by ask tier: booleans, integers
            with their range (SDC minValue/maxValue), choices with the rule set's words and labels
            (repeating for sets, with "none of these"), help text from descriptions, required answers
            marked, and conditionally required ones shown while their condition holds (enableWhen). A
            QuestionnaireResponse to it is read by POST /recommend of 'placement serve'.
            """)
        {
            rules, output,
        };
        command.SetAction(parse => OutputFile.WriteRendering("questionnaire", parse.GetValue(rules), parse.GetValue(output),
            r => FhirGuidance.ToJson(FhirQuestionnaire.For(r), pretty: true) + "\n", io));
        return command;
    }
}
