using Placement.Language.Binding;
using Placement.Model;

namespace Placement.Engine;

/// <summary>
/// A criterion that must be answered before a level can be recommended: always
/// (<paramref name="When"/> is null) or while its condition is true or unknown.
/// </summary>
internal sealed record Requirement(Criterion Criterion, BoundExpr? When);
