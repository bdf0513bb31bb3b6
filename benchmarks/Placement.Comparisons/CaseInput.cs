namespace Placement.Comparisons;

/// <summary>
/// One assessment as a plain record for the comparison implementations. Enums are ordinals in the
/// declared order of the default rule set: substance none=0, alcohol, sedative, opioid, stimulant,
/// cannabis, other; ratings none=0 .. severe=4; harm none, ideation, plan_or_intent; home stable,
/// unstable, unsafe; step down none, php, inpatient. Properties (not fields) so Dynamic LINQ can read them.
/// </summary>
public sealed class CaseInput
{
    public int Substance { get; set; }

    public int Ciwa { get; set; }

    public int Cows { get; set; }

    public int Pawss { get; set; }

    public bool WithdrawalComplicated { get; set; }

    public bool HistorySeizureOrDt { get; set; }

    public int Biomedical { get; set; }

    public bool Pregnant { get; set; }

    public int Psychiatric { get; set; }

    public int Harm { get; set; }

    public int Readiness { get; set; }

    public int Relapse { get; set; }

    public bool FailedLowerLevel { get; set; }

    public int Home { get; set; }

    public bool NightSupport { get; set; }

    public int StepDown { get; set; }

    /// <summary>The same case as YAML for Placement.</summary>
    public string ToYaml()
    {
        string[] substances = ["none", "alcohol", "sedative", "opioid", "stimulant", "cannabis", "other"];
        string[] ratings = ["none", "low", "moderate", "high", "severe"];
        string[] harm = ["none", "ideation", "plan_or_intent"];
        string[] home = ["stable", "unstable", "unsafe"];
        string[] stepDown = ["none", "php", "inpatient"];
        static string B(bool b) => b ? "true" : "false";
        return $"""
            withdrawal_substance: {substances[Substance]}
            ciwa_ar: {Ciwa}
            cows: {Cows}
            pawss: {Pawss}
            withdrawal_complicated: {B(WithdrawalComplicated)}
            history_withdrawal_seizure_or_dt: {B(HistorySeizureOrDt)}
            biomedical_risk: {ratings[Biomedical]}
            pregnant: {B(Pregnant)}
            psychiatric_risk: {ratings[Psychiatric]}
            harm_risk: {harm[Harm]}
            readiness_risk: {ratings[Readiness]}
            relapse_risk: {ratings[Relapse]}
            failed_lower_level: {B(FailedLowerLevel)}
            home_stability: {home[Home]}
            night_support: {B(NightSupport)}
            step_down_from: {stepDown[StepDown]}
            """;
    }

    /// <summary>A random complete case (seeded for reproducibility).</summary>
    public static CaseInput Random(Random random) => new()
    {
        Substance = random.Next(7),
        Ciwa = random.Next(68),
        Cows = random.Next(49),
        Pawss = random.Next(11),
        WithdrawalComplicated = random.Next(8) == 0,
        HistorySeizureOrDt = random.Next(4) == 0,
        Biomedical = random.Next(5),
        Pregnant = random.Next(6) == 0,
        Psychiatric = random.Next(5),
        Harm = random.Next(3),
        Readiness = random.Next(5),
        Relapse = random.Next(5),
        FailedLowerLevel = random.Next(3) == 0,
        Home = random.Next(3),
        NightSupport = random.Next(3) != 0,
        StepDown = random.Next(3),
    };
}
