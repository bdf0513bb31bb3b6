using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Placement.Server.Tests;

/// <summary>The service on Kestrel at a free loopback port (real HTTP), started once per test class.</summary>
public class ServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The app's services (the engine, to see what it serves).</summary>
    public IServiceProvider Services => _app!.Services;

    protected virtual PlacementServerOptions Options => new() { Urls = "http://127.0.0.1:0" };

    public async Task InitializeAsync()
    {
        _app = PlacementServer.Build(Options, ["--Logging:LogLevel:Default=Warning"]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        new Uri(address).Host.Should().Be("127.0.0.1");
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
