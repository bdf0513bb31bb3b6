using Microsoft.Extensions.Options;

namespace Placement.Hosting;

/// <summary>Checks the options when the app starts, naming the configuration key of every problem at once.</summary>
internal sealed class PlacementOptionsValidator : IValidateOptions<PlacementOptions>
{
    public ValidateOptionsResult Validate(string? name, PlacementOptions options)
    {
        var problems = new List<string>();
        foreach (var (key, set) in options.RuleSets)
        {
            var at = $"{PlacementOptions.SectionName}:RuleSets:{key}";
            if (string.IsNullOrWhiteSpace(key)) problems.Add($"{PlacementOptions.SectionName}:RuleSets: a rule set needs a name");
            if (set is null) continue;
            if (set.Path is { } path)
            {
                if (string.IsNullOrWhiteSpace(path)) problems.Add($"{at}:Path is empty; leave it out for the embedded default rule set");
                else if (!Directory.Exists(path) && !File.Exists(path)) problems.Add($"{at}:Path: no folder or file '{path}' (from {Directory.GetCurrentDirectory()})");
            }
        }

        if (options.DefaultRuleSet is { } d && options.RuleSets.Count > 0 && !options.RuleSets.ContainsKey(d))
        {
            problems.Add($"{PlacementOptions.SectionName}:DefaultRuleSet: '{d}' is not one of the rule sets ({string.Join(", ", options.RuleSets.Keys)})");
        }

        if (options.ReloadDelay < TimeSpan.Zero || options.ReloadDelay > TimeSpan.FromMinutes(1))
        {
            problems.Add($"{PlacementOptions.SectionName}:ReloadDelay: {options.ReloadDelay} is outside 0 to 60 seconds");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
