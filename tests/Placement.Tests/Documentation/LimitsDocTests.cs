using System.Globalization;
using System.Reflection;

namespace Placement.Tests.Documentation;

/// <summary>docs/limits.md lists every limit of <see cref="PlacementLimits"/> with its value.</summary>
public sealed class LimitsDocTests
{
    [Fact]
    public void EveryLimit_IsInDocsLimits_WithItsValue()
    {
        var doc = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "docs", "limits.md"));
        var limits = typeof(PlacementLimits).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToArray();
        limits.Should().HaveCountGreaterThan(10);

        foreach (var field in limits)
        {
            var value = ((int)field.GetRawConstantValue()!).ToString("N0", CultureInfo.InvariantCulture);
            var row = doc.Split('\n').FirstOrDefault(l => l.StartsWith($"| `PlacementLimits.{field.Name}` |", StringComparison.Ordinal));
            row.Should().NotBeNull($"docs/limits.md has a row for {field.Name}");
            row.Should().Contain($"| {value}", $"the row of {field.Name} gives its value");
        }
    }
}
