using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Placement.Hosting;

/// <summary><c>services.AddPlacement(...)</c>: the engine as a singleton, its options checked when the app starts.</summary>
public static class PlacementServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IPlacementEngine"/> (a thread-safe singleton) serving the embedded default rule set as <c>default</c>.</summary>
    /// <param name="services">The app's services.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddPlacement(this IServiceCollection services) => AddPlacement(services, (Action<PlacementOptions>?)null);

    /// <summary>
    /// Registers <see cref="IPlacementEngine"/> (a thread-safe singleton) with options set in code.
    /// With no rule set added, the embedded default rule set is served as <c>default</c>.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configure">Adds rule sets and sets the reload delay; null for the embedded default only.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddPlacement(this IServiceCollection services, Action<PlacementOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PlacementOptions>();
        if (configure is not null) options.Configure(configure);
        return AddCore(services, options);
    }

    /// <summary>
    /// Registers <see cref="IPlacementEngine"/> with options bound from configuration: pass the
    /// <c>Placement</c> section (<c>builder.Configuration.GetSection("Placement")</c>).
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configuration">The section holding <c>RuleSets</c>, <c>DefaultRuleSet</c> and <c>ReloadDelay</c>.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddPlacement(this IServiceCollection services, IConfiguration configuration) => AddPlacement(services, configuration, null);

    /// <summary>Registers <see cref="IPlacementEngine"/> with options bound from configuration, then adjusted in code.</summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configuration">The section holding <c>RuleSets</c>, <c>DefaultRuleSet</c> and <c>ReloadDelay</c>.</param>
    /// <param name="configure">Further settings in code, applied after the configuration.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddPlacement(this IServiceCollection services, IConfiguration configuration, Action<PlacementOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = services.AddOptions<PlacementOptions>().Bind(configuration);
        if (configure is not null) options.Configure(configure);
        return AddCore(services, options);
    }

    private static IServiceCollection AddCore(IServiceCollection services, OptionsBuilder<PlacementOptions> options)
    {
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlacementOptions>, PlacementOptionsValidator>());
        services.TryAddSingleton(sp => new PlacementEngine(
            sp.GetRequiredService<IOptions<PlacementOptions>>(),
            sp.GetService<ILogger<PlacementEngine>>(),
            sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IPlacementEngine>(sp => sp.GetRequiredService<PlacementEngine>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PlacementStartup>());
        return services;
    }
}

/// <summary>Loads the rule sets when the host starts, so a rule set with errors stops the app at start rather than at the first request.</summary>
internal sealed class PlacementStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IPlacementEngine>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
