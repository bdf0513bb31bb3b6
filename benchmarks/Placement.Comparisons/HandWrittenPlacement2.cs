namespace Placement.Comparisons;

/// <summary>
/// The results of rule set 2.0 for one complete assessment, as ordinals in declared order.
/// Levels of care (level_of_care and level_after_withdrawal): outpatient=0, iop, php,
/// residential_low_intensity, residential_high_intensity, medically_monitored_inpatient,
/// medically_managed_inpatient=6. Withdrawal management: none=0, ambulatory, ambulatory_extended,
/// residential, medically_monitored, medically_managed=5. Withdrawal severity: none=0, mild,
/// moderate, severe, complicated=4.
/// </summary>
public readonly record struct Placement2Result(
    int LevelOfCare,
    int LevelAfterWithdrawal,
    int WithdrawalManagement,
    int WithdrawalSeverity,
    bool ComplicationRisk,
    bool CoOccurringEnhanced,
    bool EmergencyEvaluation);

/// <summary>
/// Rule set 2.0 (rules/, the embedded default) written by hand as if/else over a plain record, for a complete
/// assessment: the practical speed limit for this logic, and an independent reading of the YAML for
/// the differential test. Comments cite the rule ids. Review flags and notes (notes.yaml) change
/// no level or fact and are not computed.
/// </summary>
public static class HandWrittenPlacement2
{
    // Ratings.
    private const int Moderate = 2, High = 3, Severe = 4;

    // Withdrawal severity.
    private const int SevMild = 1, SevModerate = 2, SevSevere = 3, SevComplicated = 4;

    // Levels of care.
    private const int Iop = 1, Php = 2, ResidentialLow = 3, ResidentialHigh = 4, MedicallyMonitored = 5, MedicallyManaged = 6;

    // Withdrawal management.
    private const int WmAmbulatory = 1, WmExtended = 2, WmResidential = 3, WmMonitored = 4, WmManaged = 5;

    public static Placement2Result Recommend(CaseInput2 c)
    {
        var s = c.Substances;
        var alcoholOrSedative = (s & (Substances2.Alcohol | Substances2.Sedative)) != 0;
        var opioid = (s & Substances2.Opioid) != 0;

        // --- Withdrawal severity, each substance by its own scale (withdrawal.yaml W1-W10) ---
        var severity = 0;
        if (alcoholOrSedative) severity = SevMild;                                                     // W4
        if (opioid && c.Moud == 0) severity = SevMild;                                                 // W7 (no medication)
        if ((s & Substances2.Gabapentinoid) != 0) severity = SevMild;                                  // W9
        if ((s & Substances2.Other) != 0) severity = SevMild;                                          // W10
        if (alcoholOrSedative && c.Ciwa >= 10) severity = SevModerate;                                 // W3
        if (opioid && c.Cows >= 13) severity = SevModerate;                                            // W6
        if (alcoholOrSedative && c.Ciwa >= 19) severity = SevSevere;                                   // W2
        if (opioid && c.Cows >= 37) severity = SevSevere;                                              // W5
        if ((s & Substances2.Ghb) != 0) severity = SevSevere;                                          // W8
        if (c.WithdrawalComplicated && (s & ~(Substances2.Stimulant | Substances2.Cannabis)) != 0)
        {
            severity = SevComplicated;                                                                 // W1
        }

        // --- Risk of complicated withdrawal (C1, C2) ---
        var complicationRisk =
            (c.HistorySeizureOrDt && (s & (Substances2.Alcohol | Substances2.Sedative | Substances2.Ghb)) != 0)   // C1
            || ((s & Substances2.Alcohol) != 0 && c.Pawss >= 4);                                                     // C2

        // --- Level after withdrawal (level-of-care.yaml A1-A19) ---
        var healthNeed = c.Biomedical >= Moderate || c.Psychiatric >= Moderate;
        var after = 0;
        if (c.Harm >= 1) after = Iop;                                                                  // A18
        if (c.StepDown >= 2) after = Iop;                                                              // A19 (php, residential, inpatient)
        if (c.Biomedical >= Moderate) after = Iop;                                                     // A17
        if (c.Home >= 1) after = Iop;                                                                  // A16
        if (c.Relapse >= Moderate) after = Iop;                                                        // A15
        if (c.Psychiatric >= Moderate) after = Iop;                                                    // A14
        if (c.Relapse >= Moderate && c.Home >= 1 && healthNeed) after = Php;                           // A13
        if (c.Readiness >= Moderate && c.Home >= 1 && healthNeed) after = Php;                         // A12
        if (c.Readiness >= Moderate && c.Relapse >= Moderate && healthNeed) after = Php;               // A11
        if (c.Relapse >= Moderate && c.FailedLevel >= 2) after = Php;                                  // A10 (failed iop or php)
        if (c.Relapse >= Severe) after = Php;                                                          // A9
        if (c.Home >= 2 && c.Relapse >= Moderate) after = ResidentialLow;                              // A8
        if (c.Relapse >= Moderate && c.FailedLevel >= 3) after = ResidentialLow;                       // A7 (failed php)
        if (c.Relapse >= High && c.FailedLevel >= 2) after = ResidentialHigh;                          // A6
        if (c.Psychiatric >= High) after = ResidentialHigh;                                            // A5
        if (c.Biomedical >= High) after = MedicallyMonitored;                                          // A4
        if (c.Harm >= 2 || c.Psychiatric >= Severe || c.Biomedical >= Severe) after = MedicallyManaged; // A1, A2, A3

        // --- Withdrawal management (M1-M19) ---
        var wm = 0;
        if (severity >= SevMild)
        {
            wm = WmAmbulatory;                                                                         // M16
            if (c.Intoxicated) wm = WmExtended;                                                        // M14
            if (severity >= SevModerate) wm = WmExtended;                                              // M15

            // Alcohol or sedatives where no one can watch over withdrawal at home.
            if (alcoholOrSedative && (c.Home >= 2 || !c.NightSupport || !c.AbleToAttend)) wm = WmResidential; // M11, M12, M13
            if (after >= ResidentialLow) wm = Math.Max(wm, WmResidential);                             // M17

            if (severity >= SevModerate
                && (c.Biomedical >= Moderate || c.Psychiatric >= Moderate || c.Harm >= 1 || c.Pregnant || c.Age >= 65))
            {
                wm = WmMonitored;                                                                      // M4, M5, M6, M7, M8
            }

            if (c.Pregnant && alcoholOrSedative) wm = WmMonitored;                                     // M9
            if ((s & Substances2.Sedative) != 0 && c.SedativeHighRisk) wm = WmMonitored;               // M10
            if (complicationRisk) wm = WmMonitored;                                                    // M3
            if (severity >= SevSevere) wm = WmMonitored;                                               // M2
            if (after >= MedicallyMonitored) wm = WmMonitored;                                         // M18
            if (severity >= SevComplicated || after >= MedicallyManaged) wm = WmManaged;               // M1, M19
        }

        // --- Where care starts (L1-L9): at least the level after withdrawal and the setting of the withdrawal management ---
        var loc = after;                                                                               // L1-L6
        if (wm >= WmResidential) loc = Math.Max(loc, ResidentialLow);                                  // L7
        if (wm >= WmMonitored) loc = Math.Max(loc, MedicallyMonitored);                                // L8
        if (wm >= WmManaged) loc = MedicallyManaged;                                                   // L9

        // --- Output facts ---
        var coOccurringEnhanced = c.Psychiatric >= Moderate || c.Harm >= 1;                           // S1, S2
        var emergency = c.Harm >= 2 || c.Psychiatric >= Severe || c.Biomedical >= Severe                // A1, A2, A3
                        || c.WithdrawalComplicated;                                                    // E1 (any substance)

        return new Placement2Result(loc, after, wm, severity, complicationRisk, coOccurringEnhanced, emergency);
    }
}
