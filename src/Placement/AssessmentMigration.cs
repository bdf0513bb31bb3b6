using System.Diagnostics.CodeAnalysis;
using Placement.Diagnostics;

namespace Placement;

/// <summary>
/// An answer that <see cref="RuleSet.Migrate"/> rewrote: the old criterion id, the criterion that
/// replaced it, and whether the old answer could not be mapped, so the new question must be asked
/// again (the answer is then unknown). Never holds the answer itself.
/// </summary>
/// <param name="From">The criterion id of the earlier rule set version.</param>
/// <param name="To">The criterion that replaced it.</param>
/// <param name="AskAgain">True when the old answer cannot be mapped: the answer is now unknown and must be asked again.</param>
/// <param name="Location">Where the old key was in the input.</param>
public sealed record MigratedAnswer(string From, string To, bool AskAgain, SourceLocation Location);

/// <summary>
/// The result of migrating an assessment to a rule set's criteria: the migrated text (same format
/// as the input; null when there is any error), what changed, and every problem found.
/// </summary>
public sealed class AssessmentMigration
{
    internal AssessmentMigration(string? text, IReadOnlyList<MigratedAnswer> changes, IReadOnlyList<Diagnostic> diagnostics)
    {
        Text = text;
        Changes = changes;
        Diagnostics = diagnostics;
    }

    /// <summary>True when the assessment was migrated and the result is a valid assessment for the rule set.</summary>
    [MemberNotNullWhen(true, nameof(Text))]
    public bool Success => Text is not null;

    /// <summary>The migrated assessment text, or null when there was any error.</summary>
    public string? Text { get; }

    /// <summary>Every answer that was rewritten, in input order (empty when nothing needed migrating).</summary>
    public IReadOnlyList<MigratedAnswer> Changes { get; }

    /// <summary>The questions that must be asked again: answers that could not be mapped and are now unknown.</summary>
    public IReadOnlyList<MigratedAnswer> AskAgain => Changes.Where(c => c.AskAgain).ToArray();

    /// <summary>Every problem, with its position; messages name criteria, never answers.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
