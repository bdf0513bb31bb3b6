using System.CommandLine;
using Placement.Audit;

namespace Placement.Cli.Commands;

/// <summary><c>placement audit verify</c>: re-run an audit record on the rule set it names.</summary>
internal static class AuditCommand
{
    public static Command Create(Option<string?> rules, Io io)
    {
        var record = CliOptions.Input("record", "An audit record (JSON), as written by 'placement recommend --audit FILE', AuditRecord.Create or the service; '-' reads standard input.");
        var verify = new ToolCommand("verify", "Re-run an audit record's answers on the rule set it names and say whether the recorded result reproduces.", """
              0   it reproduces: the rule set gives the recorded status, levels and flags
              1   it does not: the differences are printed
              2   the record cannot be read, or is not an audit record
              3   the rule set it names (by sha256) is neither --rules nor the embedded default, or is invalid
            """)
        {
            record, rules,
        };
        verify.SetAction(parse => Run(parse.GetValue(record)!, parse.GetValue(rules), io));
        return new Command("audit", "Audit records of recommendations.") { verify };
    }

    private static int Run(string path, string? rulesPath, Io io)
    {
        string? json;
        try
        {
            // An audit record is a few KB: one over the assessment limit is refused without being held.
            using var file = path == "-" ? null : new StreamReader(path);
            json = LimitedText.ReadAll(file ?? io.In, Assessment.DefaultMaxBytes);
            if (json is null)
            {
                io.Error.WriteLine($"{path}:1:1: error PL5009: the audit record is larger than {Assessment.DefaultMaxBytes} characters; one is usually a few KB");
                return ExitCodes.InvalidInput;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            io.Error.WriteLine($"{path}:1:1: error PL1006: cannot be read");
            return ExitCodes.InvalidInput;
        }

        RuleSet[] given = [];
        if (rulesPath is not null)
        {
            var loaded = RuleSetOption.Load(rulesPath, io.Error);
            if (loaded is null) return ExitCodes.InvalidRuleSet;
            given = [loaded];
        }

        var result = AuditRecord.Verify(json, given);
        if (result.Problem is { } problem)
        {
            io.Error.WriteLine($"{path}: {problem}");
            return problem.StartsWith("the record was made by rule set", StringComparison.Ordinal) ? ExitCodes.InvalidRuleSet : ExitCodes.InvalidInput;
        }

        if (result.Reproduces)
        {
            io.Out.WriteLine("REPRODUCES: the rule set gives the recorded status, levels and flags for the recorded answers.");
            return ExitCodes.Success;
        }

        io.Out.WriteLine("DOES NOT REPRODUCE:");
        foreach (var d in result.Differences) io.Out.WriteLine("  " + d);
        return ExitCodes.Failed;
    }
}
