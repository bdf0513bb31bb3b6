using Placement.Diagnostics;

namespace Placement.Model;

/// <summary>
/// One entry of a rule file's <c>migrations:</c> section: an answer of an earlier version of the rule
/// set (<see cref="From"/>, no longer a criterion) and how it becomes an answer to the criterion that
/// replaced it (<see cref="To"/>). With <see cref="Values"/> null the answer is carried over as
/// written (a rename) and must be a valid answer of the target; otherwise each old answer, as
/// written, maps to a target value or to "ask again" (<see cref="MigratedValue.Ask"/>), and an old
/// answer not listed cannot be migrated.
/// </summary>
internal sealed record Migration(string From, Criterion To, IReadOnlyDictionary<string, MigratedValue>? Values, SourceLocation At)
{
    /// <summary>The old answers the migration maps, in file order, for messages.</summary>
    public IReadOnlyList<string> FromValues { get; init; } = [];

    /// <summary>Why the criterion changed, for rule authors and the sign-off document.</summary>
    public string? Description { get; init; }
}

/// <summary>What one old answer becomes: a value of the target (an ordinal, a number or a set's mask), or, when <see cref="Ask"/>, nothing: the question must be asked again.</summary>
internal readonly record struct MigratedValue(bool Ask, int Value);
