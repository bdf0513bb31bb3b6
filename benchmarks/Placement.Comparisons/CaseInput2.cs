namespace Placement.Comparisons;

/// <summary>The substances of rule set 2.0's <c>withdrawal_substances</c>, one bit each, in declared order.</summary>
[Flags]
public enum Substances2
{
    None = 0,
    Alcohol = 1,
    Sedative = 2,
    Opioid = 4,
    Stimulant = 8,
    Cannabis = 16,
    Ghb = 32,
    Gabapentinoid = 64,
    Other = 128,
}

/// <summary>
/// One complete assessment of rule set 2.0 (rules/, the embedded default) as a plain record for the comparison
/// implementation. Enums are ordinals in the declared order of rules/ruleset.yaml: harm none=0,
/// ideation, plan_or_intent; ratings none=0 .. severe=4; moud none=0, methadone, buprenorphine,
/// naltrexone; home stable=0, unstable, unsafe; failed level none=0, outpatient, iop, php; step
/// down none=0, iop, php, residential, inpatient.
/// </summary>
public sealed class CaseInput2
{
    private static readonly string[] Ratings = ["none", "low", "moderate", "high", "severe"];
    private static readonly string[] HarmValues = ["none", "ideation", "plan_or_intent"];
    private static readonly string[] MoudValues = ["none", "methadone", "buprenorphine", "naltrexone"];
    private static readonly string[] HomeValues = ["stable", "unstable", "unsafe"];
    private static readonly string[] FailedValues = ["none", "outpatient", "iop", "php"];
    private static readonly string[] StepDownValues = ["none", "iop", "php", "residential", "inpatient"];
    private static readonly string[] SubstanceNames = ["alcohol", "sedative", "opioid", "stimulant", "cannabis", "ghb", "gabapentinoid", "other"];

    public int Harm { get; set; }

    public bool WithdrawalComplicated { get; set; }

    public Substances2 Substances { get; set; }

    public int Ciwa { get; set; }

    public int Cows { get; set; }

    public bool HistorySeizureOrDt { get; set; }

    public int Pawss { get; set; }

    public bool Intoxicated { get; set; }

    public bool Pregnant { get; set; }

    public int Biomedical { get; set; }

    public int Psychiatric { get; set; }

    public int Age { get; set; } = 40;

    public int Moud { get; set; }

    public bool SedativeHighRisk { get; set; }

    public int Home { get; set; }

    public bool NightSupport { get; set; } = true;

    public bool AbleToAttend { get; set; } = true;

    public int Relapse { get; set; }

    public int FailedLevel { get; set; }

    public int Readiness { get; set; }

    public int StepDown { get; set; }

    /// <summary>The substance ids listed, in declared order.</summary>
    public string[] SubstanceIds() =>
        SubstanceNames.Where((_, i) => ((int)Substances & (1 << i)) != 0).ToArray();

    /// <summary>The same case as a rule set 2.0 assessment in YAML.</summary>
    public string ToYaml()
    {
        static string B(bool b) => b ? "true" : "false";
        return $"""
            harm_risk: {HarmValues[Harm]}
            withdrawal_complicated: {B(WithdrawalComplicated)}
            withdrawal_substances: [{string.Join(", ", SubstanceIds())}]
            ciwa_ar: {Ciwa}
            cows: {Cows}
            history_withdrawal_seizure_or_dt: {B(HistorySeizureOrDt)}
            pawss: {Pawss}
            intoxicated: {B(Intoxicated)}
            pregnant: {B(Pregnant)}
            biomedical_risk: {Ratings[Biomedical]}
            psychiatric_risk: {Ratings[Psychiatric]}
            age: {Age}
            moud: {MoudValues[Moud]}
            sedative_high_risk: {B(SedativeHighRisk)}
            home_stability: {HomeValues[Home]}
            night_support: {B(NightSupport)}
            able_to_attend: {B(AbleToAttend)}
            relapse_risk: {Ratings[Relapse]}
            failed_level: {FailedValues[FailedLevel]}
            readiness_risk: {Ratings[Readiness]}
            step_down_from: {StepDownValues[StepDown]}
            """;
    }

    private static int Weighted(Random random, params int[] weights)
    {
        var r = random.Next(weights.Sum());
        for (var i = 0; ; i++)
        {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
    }

    private static readonly int[] CiwaValues = [0, 5, 9, 10, 14, 18, 19, 30, 67];
    private static readonly int[] CowsValues = [0, 6, 12, 13, 20, 24, 25, 36, 37, 48];
    private static readonly int[] PawssValues = [0, 3, 4, 10];
    private static readonly int[] AgeValues = [12, 17, 18, 40, 64, 65, 120];

    /// <summary>
    /// A random complete case (seeded for reproducibility), with scores and ages biased to the
    /// thresholds the 2.0 rules use (CIWA-Ar 10 and 19, COWS 13 and 37, PAWSS 4, age 18 and 65)
    /// and occasionally any value in range. Half the cases are drawn "light" (fewer substances,
    /// rarer high ratings and imminent danger), so that the lower levels are reached often; the
    /// other half favour the 24-hour levels and the combinations that lead to them.
    /// </summary>
    public static CaseInput2 Random(Random random)
    {
        var light = random.Next(2) == 0;

        // Each substance listed with probability 1/4 (light: 1/8).
        var substances = Substances2.None;
        for (var i = 0; i < 8; i++)
        {
            if (random.Next(light ? 8 : 4) == 0) substances |= (Substances2)(1 << i);
        }

        int Rating() => light ? Weighted(random, 6, 8, 5, 1, 0) : Weighted(random, 4, 5, 5, 4, 2);

        return new CaseInput2
        {
            Harm = light ? Weighted(random, 18, 2, 0) : Weighted(random, 12, 5, 3),
            WithdrawalComplicated = random.Next(light ? 20 : 6) == 0,
            Substances = substances,
            Ciwa = random.Next(5) == 0 ? random.Next(68) : CiwaValues[random.Next(CiwaValues.Length)],
            Cows = random.Next(5) == 0 ? random.Next(49) : CowsValues[random.Next(CowsValues.Length)],
            HistorySeizureOrDt = random.Next(4) == 0,
            Pawss = random.Next(5) == 0 ? random.Next(11) : PawssValues[random.Next(PawssValues.Length)],
            Intoxicated = random.Next(5) == 0,
            Pregnant = random.Next(6) == 0,
            Biomedical = Rating(),
            Psychiatric = Rating(),
            Age = random.Next(5) == 0 ? 12 + random.Next(109) : AgeValues[random.Next(AgeValues.Length)],
            Moud = random.Next(4),
            SedativeHighRisk = random.Next(4) == 0,
            Home = light ? Weighted(random, 6, 3, 1) : random.Next(3),
            NightSupport = random.Next(3) != 0,
            AbleToAttend = random.Next(4) != 0,
            Relapse = Rating(),
            FailedLevel = random.Next(4),
            Readiness = Rating(),
            StepDown = random.Next(5),
        };
    }
}
