namespace Placement.Model;

/// <summary>A rule set's identity: the <c>ruleset:</c> header and the hash of its files.</summary>
internal sealed record RuleSetHeader(string Id, string Version, string? Title, string? Description, string Sha256);
