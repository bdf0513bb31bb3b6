using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Placement.Hosting;
using Placement.Model;

namespace Placement.Server;

/// <summary>
/// The web form for a clinic at <c>/</c>: plain HTML, CSS and JavaScript shipped inside this
/// assembly (no framework, no build step), built in the browser from
/// <c>GET /rulesets/{name}/form</c> and calling <c>POST /recommend</c> as answers change.
/// </summary>
public static partial class WebForm
{
    /// <summary>Maps <c>/</c>, <c>/form/app.js</c>, <c>/form/app.css</c> and <c>GET /rulesets/{name}/form</c>.</summary>
    /// <param name="endpoints">The app.</param>
    public static IEndpointRouteBuilder MapWebForm(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/", () => File("index.html", "text/html; charset=utf-8")).ExcludeFromDescription();
        endpoints.MapGet("/form/app.js", () => File("app.js", "text/javascript; charset=utf-8")).ExcludeFromDescription();
        endpoints.MapGet("/form/app.css", () => File("app.css", "text/css; charset=utf-8")).ExcludeFromDescription();
        endpoints.MapGet("/rulesets/{name}/form", (string name, IPlacementEngine engine) =>
                engine.Names.Contains(name)
                    ? Results.Json(Describe(name, engine.GetRuleSet(name)))
                    : PlacementServer.NotFound(engine, name))
            .WithName("Form")
            .WithSummary("What the web form asks: the criteria by ask tier with their labels, types and words, the decisions and the dimensions");
        return endpoints;
    }

    private static IResult File(string name, string contentType)
    {
        using var stream = typeof(WebForm).Assembly.GetManifestResourceStream("Placement.Server.wwwroot." + name)
            ?? throw new InvalidOperationException($"the web form's {name} is missing from the assembly");
        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), contentType);
    }

    private static object Describe(string name, RuleSet rules) => new
    {
        name,
        id = rules.Id,
        version = rules.Version,
        sha256 = rules.Sha256,
        title = rules.Title,
        criteria = rules.Criteria.Select(c => new
        {
            id = c.Id,
            label = c.Label,
            description = c.Description,
            kind = c.Domain.Kind.ToString().ToLowerInvariant(),
            min = c.Domain.Kind == ValueKind.Integer ? c.Domain.Min : (int?)null,
            max = c.Domain.Kind == ValueKind.Integer ? c.Domain.Max : (int?)null,
            values = Words(c.Domain),
            ask = c.Ask,
            dimension = c.Dimension,
            required = c.IsRequired,
            requiredWhen = c.RequiredWhen,
        }).ToArray(),
        overrideReasons = Audit.OverrideReasons.All.Select(r => new { code = r.Code, display = r.Display }).ToArray(),
        decisions = rules.Decisions.Select(d => new { id = d.Id, label = d.Label, levels = d.Levels.Select(l => new { id = l.Id, name = l.Name }).ToArray() }).ToArray(),
        dimensions = rules.Criteria.Select(c => (Symbol: (Symbol)c, Source: "criterion"))
            .Concat(rules.Facts.Select(f => (Symbol: (Symbol)f, Source: "fact")))
            .Select(x => (x.Symbol, x.Source, Match: Dimension().Match(x.Symbol.Label)))
            .Where(x => x.Match.Success && x.Symbol.Domain.Kind is ValueKind.Enum)
            .Select(x => new { dimension = int.Parse(x.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), id = x.Symbol.Id, label = x.Symbol.Label[..x.Match.Index].Trim(), source = x.Source, values = Words(x.Symbol.Domain) })
            .OrderBy(d => d.dimension)
            .ToArray(),
    };

    private static object[] Words(ValueDomain domain) =>
        domain.Kind is ValueKind.Enum or ValueKind.Set ? [.. domain.Values.Select((v, i) => new { code = v, label = domain.Labels[i] })] : [];

    [GeneratedRegex(@"\(dimension (\d)\)")]
    private static partial Regex Dimension();
}
