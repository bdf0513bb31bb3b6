using System.CommandLine;
using Placement.Server;

namespace Placement.Cli.Commands;

/// <summary><c>placement serve</c>: the HTTP service for clinicians' tools, until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create(Option<string?> rules, Io io)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen; several addresses separated by ';'. Default: {PlacementServerOptions.DefaultUrls} (loopback only: put a reverse proxy with TLS and authentication in front to serve a network).",
            HelpName = "URLS",
        };
        var maxBody = CliOptions.WholeNumber("--max-body", "BYTES", $"The largest assessment accepted, in bytes; larger is 413. Default: {Assessment.DefaultMaxBytes} (an assessment is about 1 KB).", 1024, 64 * 1024 * 1024);
        var command = new ToolCommand("serve", "Serve recommendations over HTTP: POST /recommend, GET /rulesets (with each rule set's schema, FHIR Questionnaire and form), GET /health, /audit, CDS Hooks at /cds-services, the web form at /, /openapi/v1.json.", """
              0   stopped (Ctrl+C or SIGTERM)
              2   the address cannot be used (for example, the port is taken)
              3   the rule set is invalid or cannot be read (errors on stderr as file:line:col: error CODE: ...)
            """, """
            A rule folder given with --rules is watched: an edit that loads with no error replaces the rule
            set atomically; one with errors is logged and the previous rule set keeps serving (GET /health
            then reports Degraded). Bad input is answered with problem details (RFC 9457) naming the
            criterion; a body that is not application/json is 415, one over --max-body 413, one that
            arrives too slowly 408. Headers must arrive within 10 s, idle connections close after 30 s
            and at most 1,000 are open at once (docs/limits.md).
            """)
        {
            rules, urls, maxBody,
        };
        command.SetAction(parse => Run(parse.GetValue(rules), parse.GetValue(urls) ?? PlacementServerOptions.DefaultUrls, parse.GetValue(maxBody) ?? Assessment.DefaultMaxBytes, io));
        return command;
    }

    private static int Run(string? rulesPath, string urls, int maxBody, Io io)
    {
        // The rule set is checked first, so its errors are printed like every other command's.
        var check = RuleSetOption.TryLoad(rulesPath);
        foreach (var d in check.Diagnostics) io.Error.WriteLine(d);
        if (!check.Success) return ExitCodes.InvalidRuleSet;

        var app = PlacementServer.Build(new PlacementServerOptions { RulesPath = rulesPath, Urls = urls, MaxRequestBodyBytes = maxBody });
        try
        {
            app.Run();
            return ExitCodes.Success;
        }
        catch (IOException ex)
        {
            io.Error.WriteLine($"placement serve: cannot listen on {urls}: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        finally
        {
            (app as IDisposable)?.Dispose();
        }
    }
}
