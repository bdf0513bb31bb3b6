using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Placement.Hosting;

/// <summary>
/// Healthy while every rule set's last reload succeeded; otherwise the failure status (degraded by
/// default: the previous rule set still serves). The data names, per rule set, what is serving and
/// how many errors the last reload found.
/// </summary>
internal sealed class PlacementHealthCheck(IPlacementEngine engine) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var failed = new List<string>();
        foreach (var name in engine.Names)
        {
            var status = engine.GetStatus(name);
            var current = $"{status.Current.Id} {status.Current.Version} sha256 {status.Current.Sha256}";
            if (status.IsHealthy)
            {
                data[name] = current;
            }
            else
            {
                var errors = status.LastReload!.Diagnostics.Count(d => d.IsError);
                data[name] = $"{current}; the reload at {status.LastReload.At:O} failed with {errors} error(s)";
                failed.Add(name);
            }
        }

        return Task.FromResult(failed.Count == 0
            ? HealthCheckResult.Healthy("every rule set loaded", data)
            : new HealthCheckResult(context.Registration.FailureStatus, $"the last reload of {string.Join(", ", failed)} failed; the previous rule set is still serving", data: data));
    }
}

/// <summary><c>services.AddHealthChecks().AddPlacement()</c>.</summary>
public static class PlacementHealthChecksBuilderExtensions
{
    /// <summary>Adds a check that reports a failed rule set reload (the previous rule set keeps serving).</summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name; default <c>placement</c>.</param>
    /// <param name="failureStatus">What a failed reload reports; default <see cref="HealthStatus.Degraded"/>.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IHealthChecksBuilder AddPlacement(this IHealthChecksBuilder builder, string name = "placement", HealthStatus failureStatus = HealthStatus.Degraded, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(name, sp => new PlacementHealthCheck(sp.GetRequiredService<IPlacementEngine>()), failureStatus, tags));
    }
}
