using System.Text;

namespace Placement.Server.Tests;

/// <summary>Bodies the tests send, and what no response of the service may contain, whatever it was sent.</summary>
internal static class ResponseText
{
    /// <summary>A complete, valid assessment for the default rule set (rules/examples/iop.yaml): recommended, intensive outpatient.</summary>
    public const string Iop = """
        {"harm_risk":"none","withdrawal_complicated":false,"withdrawal_substances":[],"ciwa_ar":0,"cows":0,
         "history_withdrawal_seizure_or_dt":false,"pawss":0,"intoxicated":false,"pregnant":false,"biomedical_risk":"low",
         "psychiatric_risk":"moderate","age":40,"moud":"none","sedative_high_risk":false,"home_stability":"stable",
         "night_support":true,"able_to_attend":true,"relapse_risk":"moderate","failed_level":"none","readiness_risk":"low",
         "step_down_from":"none"}
        """;

    public static StringContent Json(string body, string mediaType = "application/json") => new(body, Encoding.UTF8, mediaType);

    /// <summary>No stack frame, no exception or framework type name.</summary>
    public static void ShouldShowNoInternals(string text, string because = "")
    {
        text.Should().NotContain("   at ", because)
            .And.NotContain("Exception", because)
            .And.NotContain("System.", because)
            .And.NotContain("Microsoft.", because);
    }
}
