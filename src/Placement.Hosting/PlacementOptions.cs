namespace Placement.Hosting;

/// <summary>
/// Which rule sets the app serves, under which names, and how edits to their folders are picked up.
/// Bound from the configuration section <c>Placement</c> by
/// <c>services.AddPlacement(configuration.GetSection("Placement"))</c>
/// and checked when the app starts. With no rule set configured, the embedded default rule set is
/// served as <c>default</c>.
/// </summary>
/// <example>
/// <code>
/// "Placement": {
///   "DefaultRuleSet": "payer",
///   "RuleSets": { "payer": { "Path": "rules/payer" }, "state": { "Path": "rules/state", "Watch": false } }
/// }
/// </code>
/// </example>
public sealed class PlacementOptions
{
    /// <summary>The configuration section read by default: <c>Placement</c>.</summary>
    public const string SectionName = "Placement";

    /// <summary>The name under which the embedded default rule set is served when nothing else is configured: <c>default</c>.</summary>
    public const string DefaultName = "default";

    /// <summary>The rule sets to serve, by the name the app addresses them with.</summary>
    public IDictionary<string, RuleSetOptions> RuleSets { get; } = new Dictionary<string, RuleSetOptions>(StringComparer.Ordinal);

    /// <summary>
    /// The name used when a call names no rule set. Null: <c>default</c> when it is configured, else
    /// the only rule set (with several and no default, a call must name one).
    /// </summary>
    public string? DefaultRuleSet { get; set; }

    /// <summary>
    /// How long a watched folder must be quiet after a change before it is reloaded, so that an editor
    /// or a deployment writing several files causes one reload. 0 to 60 seconds; default 300 ms.
    /// </summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Serves the embedded default rule set under <paramref name="name"/>.</summary>
    /// <param name="name">The name to address it with.</param>
    /// <returns>These options, for chaining.</returns>
    public PlacementOptions AddEmbeddedDefault(string name = DefaultName)
    {
        RuleSets[name] = new RuleSetOptions();
        return this;
    }

    /// <summary>Serves the rule set in a folder (or one YAML file) under <paramref name="name"/>.</summary>
    /// <param name="name">The name to address it with.</param>
    /// <param name="path">The folder or file; relative paths are relative to the current directory.</param>
    /// <param name="watch">True (the default) to reload it when its files change.</param>
    /// <returns>These options, for chaining.</returns>
    public PlacementOptions AddFolder(string name, string path, bool watch = true)
    {
        RuleSets[name] = new RuleSetOptions { Path = path, Watch = watch };
        return this;
    }
}

/// <summary>Where one rule set comes from.</summary>
public sealed class RuleSetOptions
{
    /// <summary>A folder of rule files or one rule file; null for the embedded default rule set.</summary>
    public string? Path { get; set; }

    /// <summary>True (the default) to reload the rule set when its files change; ignored for the embedded one.</summary>
    public bool Watch { get; set; } = true;
}
