// The smallest ASP.NET Core app with Placement: AddPlacement and one endpoint.
// Run: dotnet run --project samples/Placement.Sample.Api --urls http://127.0.0.1:5080
// Then: curl -s -X POST http://127.0.0.1:5080/recommend -H 'Content-Type: application/json' -d '{"withdrawal_substances":["alcohol"],"ciwa_ar":22}'
using Placement.Explanations;
using Placement.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPlacement(builder.Configuration.GetSection("Placement"));
builder.Services.AddHealthChecks().AddPlacement();
var app = builder.Build();

app.MapPost("/recommend", async (HttpRequest request, IPlacementEngine engine) =>
{
    var result = await engine.RecommendJsonAsync(request.Query["ruleSet"], request.Body, cancellationToken: request.HttpContext.RequestAborted);
    return result.Success
        ? Results.Text(result.Recommendation!.Explain().ToJson(), "application/json")
        : Results.ValidationProblem(result.Diagnostics.GroupBy(d => d.Message.Split(':')[0]).ToDictionary(g => g.Key, g => g.Select(d => d.Message).ToArray()));
});
app.MapHealthChecks("/health");

app.Run();

/// <summary>The app's entry point, visible to the sample's test.</summary>
public partial class Program;
