using System.Runtime.CompilerServices;

namespace Placement.Language.Compilation;

/// <summary>
/// The value of an expression while some inputs may be unknown: every value it could take
/// lies in [Lo, Hi]. A known value has Lo == Hi. Booleans are 0/1, so [0,0] is false,
/// [1,1] is true and [0,1] is unknown; And/Or/Not on them are Kleene's three-valued logic.
/// An unknown criterion is its whole declared range; a fact or decision is [floor, ceiling].
/// The compiled conditions and the explanation's interpreter both call these methods, so
/// they cannot disagree.
/// </summary>
internal readonly struct Interval
{
    public readonly int Lo;
    public readonly int Hi;

    public Interval(int lo, int hi)
    {
        Lo = lo;
        Hi = hi;
    }

    public static Interval False => new(0, 0);

    public static Interval True => new(1, 1);

    public bool IsKnown => Lo == Hi;

    /// <summary>0 false, 1 unknown, 2 true.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Truth(Interval b) => b.Lo + b.Hi;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval Slot(int[] state, int slot, int count) => new(state[slot], state[slot + count]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval FromBool(bool certain, bool possible) => new(certain ? 1 : 0, possible ? 1 : 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval Known(Interval x) => x.Lo == x.Hi ? True : False;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval GreaterOrEqual(Interval a, Interval b) => FromBool(a.Lo >= b.Hi, a.Hi >= b.Lo);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval Greater(Interval a, Interval b) => FromBool(a.Lo > b.Hi, a.Hi > b.Lo);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval LessOrEqual(Interval a, Interval b) => FromBool(a.Hi <= b.Lo, a.Lo <= b.Hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval Less(Interval a, Interval b) => FromBool(a.Hi < b.Lo, a.Lo < b.Hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval Equal(Interval a, Interval b) =>
        FromBool(a.Lo == a.Hi && b.Lo == b.Hi && a.Lo == b.Lo, a.Lo <= b.Hi && b.Lo <= a.Hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval NotEqual(Interval a, Interval b) => Not(Equal(a, b));

    /// <summary>Membership of an enum value in a set given as a bit mask of ordinals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval In(Interval x, ulong mask)
    {
        var range = unchecked(((2UL << x.Hi) - 1) & ~((1UL << x.Lo) - 1));
        return FromBool((range & ~mask) == 0, (range & mask) != 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval NotIn(Interval x, ulong mask) => Not(In(x, mask));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval And(Interval a, Interval b) => new(a.Lo & b.Lo, a.Hi & b.Hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval Or(Interval a, Interval b) => new(a.Lo | b.Lo, a.Hi | b.Hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval Not(Interval a) => new(1 - a.Hi, 1 - a.Lo);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval Add(Interval a, Interval b) => new(a.Lo + b.Lo, a.Hi + b.Hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval Subtract(Interval a, Interval b) => new(a.Lo - b.Hi, a.Hi - b.Lo);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval Min(Interval a, Interval b) => new(Math.Min(a.Lo, b.Lo), Math.Min(a.Hi, b.Hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Interval Max(Interval a, Interval b) => new(Math.Max(a.Lo, b.Lo), Math.Max(a.Hi, b.Hi));
}
