using Microsoft.Playwright;

namespace Placement.Server.Tests;

/// <summary>
/// The clinic's web form in a real headless browser (Debian's chromium, driven by Playwright for
/// .NET; .ci/run installs it, and no browser is ever downloaded): it fills the form and reads the
/// result. Screenshots are kept in TestResults/screenshots.
/// </summary>
public sealed class WebFormTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Chromium = "/usr/bin/chromium";

    private static string Screenshots
    {
        get
        {
            var dir = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(dir, "Placement.sln"))) dir = Path.GetDirectoryName(dir)!;
            return Directory.CreateDirectory(Path.Combine(dir, "TestResults", "screenshots")).FullName;
        }
    }

    [Fact]
    public async Task AClinicianFillsTheForm_AndTheRecommendationUpdates_FromInsufficientToRecommended()
    {
        File.Exists(Chromium).Should().BeTrue("the browser tests use Debian's chromium (apt-get install chromium; .ci/run does it)");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1100 } });
        await page.GotoAsync(server.Http.BaseAddress!.ToString());

        // The form is built from the rule set: ask tier 1 first, then by dimension; required questions marked.
        await page.WaitForSelectorAsync("#q-harm_risk.required");
        (await page.Locator("fieldset legend").AllTextContentsAsync()).Should().Equal(
            "Ask first", "Dimension 1: Withdrawal severity", "Dimension 2: Physical health conditions", "Dimension 3: Mental health conditions",
            "Dimension 4: Resistance to change", "Dimension 5: Relapse or continued use potential", "Dimension 6: Recovery environment");

        // Alcohol with a CIWA-Ar of 22: at least medically monitored inpatient; safety questions still to ask.
        await page.CheckAsync("input[name=withdrawal_substances][value=alcohol]");
        await page.FillAsync("#a-ciwa_ar", "22");
        var level = page.Locator("#d-level_of_care .level");
        await Assertions.Expect(level).ToHaveTextAsync("cannot be determined yet: at least Inpatient, medically monitored, up to Inpatient, medically managed");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Insufficient");
        await Assertions.Expect(page.Locator("#ask-next")).ToContainTextAsync("Risk of harm to self or others");
        await Assertions.Expect(page.Locator("#q-harm_risk")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ask-next"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "web-form-insufficient.png"), FullPage = true });

        // Every required answer given: a level, with its reasons and the dimensions pictured.
        await page.SelectOptionAsync("#a-harm_risk", "none");
        await page.SelectOptionAsync("#a-withdrawal_complicated", "false");
        await page.SelectOptionAsync("#a-history_withdrawal_seizure_or_dt", "false");
        await page.SelectOptionAsync("#a-pregnant", "false");
        await page.SelectOptionAsync("#a-biomedical_risk", "low");
        await page.SelectOptionAsync("#a-psychiatric_risk", "low");
        await Assertions.Expect(page.Locator("#status")).Not.ToContainTextAsync("Insufficient");
        await Assertions.Expect(level).ToHaveTextAsync("Inpatient, medically monitored");
        await Assertions.Expect(page.Locator("#d-level_of_care .reasons")).ToContainTextAsync("24-hour");
        await Assertions.Expect(page.Locator("#dimensions .dim")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("#dimensions .dim[data-dimension='1']")).ToContainTextAsync("Withdrawal severity: severe");
        // Beside each answered dimension, the nearest rating that would change the levels (what-if): moderate mental health risk.
        await Assertions.Expect(page.Locator("#dimensions .dim[data-dimension='3']")).ToHaveAttributeAsync("data-threshold", "moderate");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "web-form-answered.png"), FullPage = true });

        // Placed elsewhere: the reason is recorded with the indicated and actual levels; "not available" points to more care, not less.
        await page.ClickAsync("#override summary");
        await page.SelectOptionAsync("#override-reason", "service-not-available");
        await Assertions.Expect(page.Locator("#override-hint")).ToContainTextAsync("consider Inpatient, medically managed, the next more intensive level");
        await page.SelectOptionAsync("#override-level", "medically_managed_inpatient");
        await page.FillAsync("#override-comment", "no 3.7 bed in the region");
        // Another answer that leaves the indicated level as it is redraws the result, but not what the clinician is entering here.
        await page.RunAndWaitForResponseAsync(() => page.SelectOptionAsync("#a-intoxicated", "false"), r => r.Url.Contains("/recommend", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#override")).ToHaveAttributeAsync("open", "");
        await Assertions.Expect(page.Locator("#override-comment")).ToHaveValueAsync("no 3.7 bed in the region");
        await Assertions.Expect(page.Locator("#override-level")).ToHaveValueAsync("medically_managed_inpatient");
        await page.ClickAsync("#override-record");
        await Assertions.Expect(page.Locator("#override-result")).ToContainTextAsync("indicated medically_monitored_inpatient, placed medically_managed_inpatient (service-not-available)");

        // A record made for earlier answers is not shown as if it held the new ones.
        await page.RunAndWaitForResponseAsync(() => page.SelectOptionAsync("#a-intoxicated", "true"), r => r.Url.Contains("/recommend", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#override-result")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task AnAnswerThatDoesNotFit_IsShownNamingTheQuestion()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.Http.BaseAddress!.ToString());
        await page.WaitForSelectorAsync("#a-ciwa_ar");

        await page.FillAsync("#a-ciwa_ar", "99");

        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("ciwa_ar: out of range; allowed 0 to 67");
    }
}
