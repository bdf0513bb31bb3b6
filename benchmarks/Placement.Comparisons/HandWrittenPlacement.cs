namespace Placement.Comparisons;

/// <summary>
/// The default rule set written by hand as if/else over a plain record: the practical speed limit
/// for this logic. Follows the 1.0.0 rule table literally, including the '==' of its specification
/// (docs/clinical/default-rules.md, "Changes from the original specification").
/// Levels are ordinals: level of care outpatient=0 .. medically_managed_inpatient=5; withdrawal
/// management none=0 .. medically_managed=5.
/// </summary>
public static class HandWrittenPlacement
{
    private const int Alcohol = 1, Sedative = 2, Opioid = 3;
    private const int Moderate = 2, High = 3, Severe = 4;

    public static (int LevelOfCare, int WithdrawalManagement) Recommend(CaseInput c)
    {
        var alcoholOrSedative = c.Substance is Alcohol or Sedative;

        // Withdrawal severity: none=0, mild, moderate, severe, complicated=4.
        var severity = 0;
        if (c.Substance is Alcohol or Sedative or Opioid) severity = 1;                          // W4
        if (alcoholOrSedative && c.Ciwa >= 10) severity = Math.Max(severity, 2);                 // W3
        if (c.Substance == Opioid && c.Cows >= 13) severity = Math.Max(severity, 2);             // W6
        if (alcoholOrSedative && c.Ciwa >= 19) severity = Math.Max(severity, 3);                 // W2
        if (c.Substance == Opioid && c.Cows >= 25) severity = Math.Max(severity, 3);             // W5
        if (c.WithdrawalComplicated) severity = 4;                                                // W1

        var complicationRisk = (c.HistorySeizureOrDt && alcoholOrSedative) || (c.Substance == Alcohol && c.Pawss >= 4); // C1, C2

        // Withdrawal management: none=0, ambulatory, ambulatory_extended, residential, medically_monitored, medically_managed=5.
        var wm = 0;
        if (severity >= 1) wm = 1;                                                                // M7
        if (severity >= 2) wm = Math.Max(wm, 2);                                                  // M6
        if (severity >= 2 && (!c.NightSupport || c.Home == 2)) wm = Math.Max(wm, 3);              // M5
        if (severity == 2 && (c.Biomedical >= Moderate || c.Psychiatric >= Moderate || c.Pregnant)) wm = Math.Max(wm, 4); // M4
        if (severity >= 1 && complicationRisk) wm = Math.Max(wm, 4);                               // M3
        if (severity == 3) wm = Math.Max(wm, 4);                                                  // M2
        if (severity == 4) wm = 5;                                                                // M1

        // Level of care: outpatient=0, iop, php, residential, medically_monitored_inpatient, medically_managed_inpatient=5.
        var loc = 0;
        if (c.Harm == 1) loc = 1;                                                                  // P19
        if (c.StepDown is 1 or 2) loc = Math.Max(loc, 1);                                          // P18
        if (c.Biomedical == Moderate) loc = Math.Max(loc, 1);                                      // P17
        if (c.Home != 0) loc = Math.Max(loc, 1);                                                   // P16
        if (c.Relapse >= Moderate) loc = Math.Max(loc, 1);                                         // P15
        if (c.Psychiatric == Moderate) loc = Math.Max(loc, 1);                                     // P12
        var unstable = (c.Readiness >= Moderate ? 1 : 0) + (c.Relapse >= Moderate ? 1 : 0) + (c.Home != 0 ? 1 : 0);
        if (unstable >= 2 && (c.Biomedical >= Moderate || c.Psychiatric >= Moderate || severity >= 2)) loc = Math.Max(loc, 2); // P14
        if (c.Relapse == Severe) loc = Math.Max(loc, 2);                                           // P13
        if (c.Home == 2 && c.Relapse >= Moderate) loc = Math.Max(loc, 3);                          // P11
        if (c.Relapse >= High && c.FailedLowerLevel) loc = Math.Max(loc, 3);                       // P10
        if (wm == 3) loc = Math.Max(loc, 3);                                                       // P9
        if (c.Psychiatric == High) loc = Math.Max(loc, 3);                                         // P8
        var dimensions13 = (severity >= 3 ? 1 : 0) + (c.Biomedical >= High ? 1 : 0) + (c.Psychiatric >= High ? 1 : 0);
        var dimensionsAll = dimensions13 + (c.Readiness >= High ? 1 : 0) + (c.Relapse >= High ? 1 : 0) + (c.Home == 2 ? 1 : 0);
        if (dimensions13 >= 1 && dimensionsAll >= 2) loc = Math.Max(loc, 4);                      // P7
        if (c.Biomedical == High) loc = Math.Max(loc, 4);                                          // P6
        if (wm == 4) loc = Math.Max(loc, 4);                                                       // P5
        if (wm == 5) loc = 5;                                                                      // P4
        if (c.Biomedical == Severe) loc = 5;                                                       // P3
        if (c.Psychiatric == Severe) loc = 5;                                                      // P2
        if (c.Harm == 2) loc = 5;                                                                  // P1
        return (loc, wm);
    }
}
