using Placement.Diagnostics;

namespace Placement.Model;

/// <summary>A rule: when its condition holds it raises facts and decisions and may attach a note and a review flag.</summary>
public sealed class Rule
{
    internal Rule(string id, string? title, string condition, IReadOnlyList<RuleAction> actions, string? because, string? note, string? source, SourceLocation location, IReadOnlyList<Symbol> reads, string? flag = null, TextTemplate? flagTemplate = null)
    {
        Id = id;
        Title = title;
        Condition = condition;
        Actions = actions;
        Because = because;
        Note = note;
        Source = source;
        Location = location;
        Reads = reads;
        Flag = flag;
        FlagTemplate = flagTemplate;
    }

    /// <summary>The rule's id, unique in the rule set.</summary>
    public string Id { get; }

    /// <summary>A short title.</summary>
    public string? Title { get; }

    /// <summary>The condition as written (<c>when</c>).</summary>
    public string Condition { get; }

    /// <summary>What it sets and requires.</summary>
    public IReadOnlyList<RuleAction> Actions { get; }

    /// <summary>The reason, with <c>{id}</c> placeholders for values.</summary>
    public string? Because { get; }

    /// <summary>Advice attached to the recommendation when the rule fires.</summary>
    public string? Note { get; }

    /// <summary>
    /// What a clinician must review when the rule fires (<c>flag</c>), with <c>{id}</c> placeholders
    /// for values; null when the rule raises no flag.
    /// </summary>
    public string? Flag { get; }

    /// <summary>Where the rule comes from (guideline, table).</summary>
    public string? Source { get; }

    /// <summary>Where the rule is declared.</summary>
    public SourceLocation Location { get; }

    /// <summary>The criteria, facts and decisions its condition reads.</summary>
    public IReadOnlyList<Symbol> Reads { get; }

    /// <summary>The flag as a template checked at load, rendered with a recommendation's values.</summary>
    internal TextTemplate? FlagTemplate { get; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
