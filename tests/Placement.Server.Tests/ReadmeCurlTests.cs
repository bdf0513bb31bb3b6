using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Placement.Server.Tests;

/// <summary>The README's curl examples, sent to a running service: each answers with the status its comment gives.</summary>
public sealed partial class ReadmeCurlTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task EveryCurlExampleInTheReadme_GetsTheStatusItsCommentGives()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Placement.sln"))) root = Path.GetDirectoryName(root)!;
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("```bash\n# 200", readme.IndexOf("## For clinicians' tools", StringComparison.Ordinal), StringComparison.Ordinal);
        start.Should().BePositive("the README shows curl examples");
        var block = readme[start..readme.IndexOf("```\n", start + 7, StringComparison.Ordinal)];

        var expected = 0;
        var sent = 0;
        foreach (var line in block.Split('\n'))
        {
            if (StatusComment().Match(line) is { Success: true } status)
            {
                expected = int.Parse(status.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }

            if (!line.StartsWith("curl ", StringComparison.Ordinal)) continue;
            var url = new Uri(Url().Match(line).Groups[1].Value);
            url.Authority.Should().Be("127.0.0.1:5080", "the examples use the default address");
            using var request = new HttpRequestMessage(line.Contains("-X POST", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get, url.PathAndQuery);
            if (Body().Match(line) is { Success: true } body)
            {
                request.Content = new StringContent(body.Groups[1].Value, Encoding.UTF8);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(Header().Match(line).Groups[1].Value);
            }

            using var response = await server.Http.SendAsync(request);
            ((int)response.StatusCode).Should().Be(expected, line);
            sent++;
        }

        sent.Should().Be(10);
    }

    [GeneratedRegex(@"^# (\d{3})")]
    private static partial Regex StatusComment();

    [GeneratedRegex(@"'?(http://[^' ]+)'?")]
    private static partial Regex Url();

    [GeneratedRegex(@"-d '([^']*)'")]
    private static partial Regex Body();

    [GeneratedRegex(@"-H 'Content-Type: ([^']+)'")]
    private static partial Regex Header();
}
