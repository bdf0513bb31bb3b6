using System.Globalization;
using CsCheck;

namespace Placement.Tests.Fuzzing;

/// <summary>
/// How the fuzzing properties run. In CI (the default): a fixed number of cases drawn from a fixed
/// seed, the same cases every run, so a red run is reproducible and never flaky. For a longer run
/// before a release, set <c>PLACEMENT_FUZZ_ITER</c> (for example 200000): each property then samples
/// that many cases from fresh random seeds on every core, and a failure prints the seed of the
/// failing case: <c>CsCheck_Seed=&lt;seed&gt; PLACEMENT_FUZZ_ITER=1</c> replays it (and shrinks it).
/// docs/limits.md has the commands.
/// </summary>
internal static class Fuzz
{
    /// <summary>The seed every property draws its CI cases from.</summary>
    public const string Seed = "0N0XIzNsQ0O2";

    public static void Check<T>(Gen<T> gen, Action<T> property, int cases)
    {
        var longRun = Environment.GetEnvironmentVariable("PLACEMENT_FUZZ_ITER");
        if (longRun is null)
        {
            gen.Array[cases].Sample(all =>
            {
                foreach (var one in all) property(one);
            }, iter: 1, seed: Environment.GetEnvironmentVariable("CsCheck_Seed") ?? Seed, threads: 1);
        }
        else
        {
            gen.Sample(property, iter: int.Parse(longRun, CultureInfo.InvariantCulture));
        }
    }
}
