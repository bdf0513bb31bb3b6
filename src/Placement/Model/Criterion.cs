using Placement.Diagnostics;

namespace Placement.Model;

/// <summary>An input of the assessment, such as a score or a rating.</summary>
public sealed class Criterion : Symbol
{
    internal Criterion(string id, string? label, string? description, ValueDomain domain, RiskDirection risk, SourceLocation location, int slot)
        : base(id, label, description, domain, location, slot)
    {
        Risk = risk;

        // A set's words are each a hidden boolean criterion in the slots right after the set's own,
        // with the set's risk direction: conditions read these members, so the evaluator, the
        // compilers and the interval logic need nothing of their own for sets, and a superset is
        // riskier (for risk: increasing) because each member is. The set's own slot holds the mask,
        // for known() and for showing the value.
        Members = domain.Kind != ValueKind.Set
            ? []
            : domain.Values.Select((word, i) => new Criterion(this, word, i)).ToArray();
    }

    private Criterion(Criterion set, string word, int index)
        : base($"{set.Id} has {word}", null, null, ValueDomain.Boolean, set.Location, set.Slot + 1 + index)
    {
        Risk = set.Risk;
        SetOf = set;
        MemberWord = word;
        Members = [];
    }

    internal Criterion(string id, string? label, string? description, ValueDomain domain, RiskDirection risk, SourceLocation location, int slot, bool isRequired, string? requiredWhen, int? ask)
        : this(id, label, description, domain, risk, location, slot)
    {
        IsRequired = isRequired;
        RequiredWhen = requiredWhen;
        Ask = ask;
    }

    /// <summary>Whether a higher value means more risk.</summary>
    public RiskDirection Risk { get; }

    /// <summary>
    /// True when the criterion is always required (<c>required: true</c>): while it is unknown the
    /// recommendation's status is <c>insufficient</c>.
    /// </summary>
    public bool IsRequired { get; }

    /// <summary>
    /// The condition under which the criterion is required (<c>required: &lt;condition&gt;</c>), as
    /// written; it is required when the condition is true or still unknown. Null when it is not
    /// conditionally required.
    /// </summary>
    public string? RequiredWhen { get; }

    /// <summary>The tier in which to ask for it (<c>ask: 1</c> first); null when not declared (asked after every tier).</summary>
    public int? Ask { get; }

    /// <summary>The dimension of the assessment (1 to 6) this criterion informs, when declared: forms group questions by it.</summary>
    public int? Dimension { get; init; }

    /// <summary>For a member of a set criterion (one of its words, as a boolean): the set. Members are never shown to users.</summary>
    internal Criterion? SetOf { get; }

    /// <summary>For a member of a set criterion: its word.</summary>
    internal string? MemberWord { get; }

    /// <summary>For a set criterion: one hidden boolean criterion per word, in the slots after its own; empty otherwise.</summary>
    internal IReadOnlyList<Criterion> Members { get; }

    /// <summary>The number of slots the criterion takes: one, and one more per word of a set.</summary>
    internal int SlotCount => 1 + Members.Count;
}
