using System.Net;

namespace Placement.Server.Tests;

/// <summary>The service with short slow-client limits, so the tests that wait for them are short.</summary>
public sealed class SlowClientServerFixture : ServerFixture
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    protected override PlacementServerOptions Options => new()
    {
        Urls = "http://127.0.0.1:0",
        RequestHeadersTimeout = Limit,
        KeepAliveTimeout = Limit,
        MinRequestBodyGracePeriod = Limit,
    };
}

/// <summary>
/// Slow clients on raw loopback sockets: headers that stall, a connection that sends nothing, a body
/// that trickles in, many stalled connections. Each is cut off by the limit set in the options (2
/// seconds here) while other requests are served; each test waits at most 15 seconds before failing.
/// Three classes, so that their waits overlap.
/// </summary>
public sealed class StalledClientTests(SlowClientServerFixture server) : IClassFixture<SlowClientServerFixture>
{
    [Fact]
    public async Task HeadersThatStall_Get408AndAreClosed_AnIdleConnectionIsClosed_WhileAnotherClientIsServed()
    {
        using var stalled = await RawHttp.ConnectAsync(server.Http.BaseAddress!);
        using var idle = await RawHttp.ConnectAsync(server.Http.BaseAddress!);
        (await stalled.SendAsync(SlowClients.PartialHeaders)).Should().BeTrue();
        var stalledCutOff = stalled.ReadUntilClosedAsync(SlowClients.Wait);
        var idleCutOff = idle.ReadUntilClosedAsync(SlowClients.Wait);

        await SlowClients.RecommendSucceeds(server);

        var text = await stalledCutOff;
        text.Should().NotBeNull("the stalled connection is closed by the request headers timeout");
        if (text!.Length > 0) text.Should().StartWith("HTTP/1.1 408 ");
        (await idleCutOff).Should().Be("", "an idle connection is closed by the keep-alive timeout, without an answer");
        await SlowClients.RecommendSucceeds(server);
    }
}

public sealed class TricklingBodyTests(SlowClientServerFixture server) : IClassFixture<SlowClientServerFixture>
{
    /// <summary>
    /// A body announced by Content-Length that then arrives a byte every 250 ms (4 bytes/s, the minimum
    /// is 240), on every POST endpoint at once: each is cut off with 408 problem details (or, if the
    /// answer is lost to the close, a closed connection), never a 500.
    /// </summary>
    [Fact]
    public async Task ABodyThatTricklesIn_IsCutOffWith408_OnEveryPostEndpoint()
    {
        (string Path, string ContentType)[] endpoints =
        [
            ("/recommend", "application/json"),
            ("/recommend", "application/fhir+json"),
            ("/audit/record", "application/json"),
            ("/audit/verify", "application/json"),
            ("/cds-services/placement-default-patient-view", "application/json"),
            ("/cds-services/placement-default-patient-view/feedback", "application/json"),
        ];

        var answers = await Task.WhenAll(endpoints.Select(e => Trickle(e.Path, e.ContentType)));
        await SlowClients.RecommendSucceeds(server);

        answers.Should().Contain(t => t != null && t.StartsWith("HTTP/1.1 408 ", StringComparison.Ordinal),
            "at least one of the six cut-off bodies gets its 408 answer before the close");
        foreach (var (text, (path, contentType)) in answers.Zip(endpoints))
        {
            var what = $"{path} ({contentType})";
            text.Should().NotBeNull($"the trickling body to {what} is cut off by the minimum data rate");
            if (text!.Length == 0) continue;
            text.Should().StartWith("HTTP/1.1 408 ", what).And.Contain("application/problem+json", what).And.Contain("too slowly", what);
            ResponseText.ShouldShowNoInternals(text, what);
        }
    }

    private async Task<string?> Trickle(string path, string contentType)
    {
        using var slow = await RawHttp.ConnectAsync(server.Http.BaseAddress!);
        await slow.SendAsync($"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {contentType}\r\nContent-Length: 1000\r\n\r\n{{");
        var cutOff = slow.ReadUntilClosedAsync(SlowClients.Wait);
        while (!cutOff.IsCompleted && slow.Received == 0)
        {
            await Task.Delay(250);
            if (!await slow.SendAsync(" ")) break;
        }

        return await cutOff;
    }
}

public sealed class StalledConnectionsTests(SlowClientServerFixture server) : IClassFixture<SlowClientServerFixture>
{
    [Fact]
    public async Task FiftyStalledConnections_DoNotStopANormalRequest_AndAreAllClosed()
    {
        var stalled = new List<RawHttp>();
        try
        {
            for (var i = 0; i < 50; i++)
            {
                var client = await RawHttp.ConnectAsync(server.Http.BaseAddress!);
                stalled.Add(client);
                await client.SendAsync(SlowClients.PartialHeaders);
            }

            var cutOff = stalled.Select(s => s.ReadUntilClosedAsync(SlowClients.Wait)).ToList();

            await SlowClients.RecommendSucceeds(server);

            var texts = await Task.WhenAll(cutOff);
            texts.Should().AllSatisfy(t => t.Should().NotBeNull("every stalled connection is closed by the request headers timeout"));
            await SlowClients.RecommendSucceeds(server);
        }
        finally
        {
            foreach (var client in stalled) client.Dispose();
        }
    }
}

internal static class SlowClients
{
    /// <summary>How long a test waits for the server to cut a client off before it fails.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    public const string PartialHeaders = "POST /recommend HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty";

    public static async Task RecommendSucceeds(ServerFixture server)
    {
        using var response = await server.Http.PostAsync("/recommend", ResponseText.Json(ResponseText.Iop));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

/// <summary>The service with room for 10 connections, so the cap can be reached on loopback.</summary>
public sealed class TenConnectionsServerFixture : ServerFixture
{
    protected override PlacementServerOptions Options => new() { Urls = "http://127.0.0.1:0", MaxConcurrentConnections = 10 };
}

/// <summary>A connection over <see cref="PlacementServerOptions.MaxConcurrentConnections"/> is closed without an answer; service resumes when others close.</summary>
public sealed class ConnectionLimitTests(TenConnectionsServerFixture server) : IClassFixture<TenConnectionsServerFixture>
{
    [Fact]
    public async Task AConnectionOverTheCap_IsClosedWithoutAnAnswer_AndServiceResumesWhenConnectionsClose()
    {
        var open = new List<RawHttp>();
        try
        {
            // Ten connections, each served once and kept alive: all ten are counted.
            for (var i = 0; i < 10; i++)
            {
                var client = await RawHttp.ConnectAsync(server.Http.BaseAddress!);
                open.Add(client);
                (await client.RequestAsync("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")).Should().StartWith("HTTP/1.1 200 ");
            }

            using var eleventh = await RawHttp.ConnectAsync(server.Http.BaseAddress!);
            await eleventh.SendAsync("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            (await eleventh.ReadUntilClosedAsync(TimeSpan.FromSeconds(15))).Should().Be("", "a connection over the cap is closed without an answer");
        }
        finally
        {
            foreach (var client in open) client.Dispose();
        }

        // Once the ten are closed (the server sees it shortly after), new connections are served again.
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        HttpStatusCode? status = null;
        while (status is null && !cancel.IsCancellationRequested)
        {
            try
            {
                using var response = await server.Http.PostAsync("/recommend", ResponseText.Json(ResponseText.Iop), cancel.Token);
                status = response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, CancellationToken.None);
            }
        }

        status.Should().Be(HttpStatusCode.OK);
    }
}

public sealed class ServerLimitOptionsTests
{
    [Theory]
    [InlineData(nameof(PlacementServerOptions.RequestHeadersTimeout))]
    [InlineData(nameof(PlacementServerOptions.KeepAliveTimeout))]
    [InlineData(nameof(PlacementServerOptions.MinRequestBodyBytesPerSecond))]
    [InlineData(nameof(PlacementServerOptions.MinRequestBodyGracePeriod))]
    [InlineData(nameof(PlacementServerOptions.MaxConcurrentConnections))]
    [InlineData(nameof(PlacementServerOptions.MaxRequestBodyBytes))]
    public void ALimitKestrelWouldRefuse_IsRefusedByBuild_NamingTheOption(string option)
    {
        var options = new PlacementServerOptions { Urls = "http://127.0.0.1:0" };
        switch (option)
        {
            case nameof(PlacementServerOptions.RequestHeadersTimeout): options.RequestHeadersTimeout = TimeSpan.Zero; break;
            case nameof(PlacementServerOptions.KeepAliveTimeout): options.KeepAliveTimeout = TimeSpan.FromSeconds(-1); break;
            case nameof(PlacementServerOptions.MinRequestBodyBytesPerSecond): options.MinRequestBodyBytesPerSecond = 0; break;
            case nameof(PlacementServerOptions.MinRequestBodyGracePeriod): options.MinRequestBodyGracePeriod = TimeSpan.FromSeconds(1); break;
            case nameof(PlacementServerOptions.MaxConcurrentConnections): options.MaxConcurrentConnections = 0; break;
            default: options.MaxRequestBodyBytes = 0; break;
        }

        var build = () => PlacementServer.Build(options);

        build.Should().Throw<ArgumentOutOfRangeException>().WithMessage($"PlacementServerOptions.{option} must be *");
    }
}
