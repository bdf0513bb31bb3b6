namespace Placement.Tests.Architecture;

/// <summary>
/// The library's namespaces form layers with no cycle, in the order docs/architecture.md lists:
/// each namespace uses only namespaces listed before it.
/// </summary>
public sealed class LayeringTests
{
    private static readonly IReadOnlyDictionary<string, SortedSet<string>> Graph = NamespaceGraph.Of(typeof(RuleSet).Assembly);

    [Fact]
    public void Namespaces_HaveNoCycle()
    {
        var cycle = NamespaceGraph.FindCycle(Graph);

        cycle.Should().BeNull($"namespaces must not depend on each other in a cycle: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void Namespaces_DependOnlyOnLayersTheArchitectureDocumentListsBeforeThem()
    {
        var layers = DocumentedLayers();
        var violations = new List<string>();
        foreach (var (from, uses) in Graph)
        {
            layers.Should().ContainKey(from, $"docs/architecture.md must list namespace {from} in its layer table");
            foreach (var to in uses)
            {
                if (layers.TryGetValue(to, out var layer) && layer < layers[from]) continue;
                violations.Add($"{from} uses {to}");
            }
        }

        violations.Should().BeEmpty("a namespace may use only those in lower layers of docs/architecture.md");
        layers.Keys.Should().BeSubsetOf(Graph.Keys, "every namespace the document lists exists");
    }

    [Fact]
    public void CycleFinder_FindsACycle()
    {
        var graph = new Dictionary<string, SortedSet<string>>
        {
            ["A"] = new(["B"]),
            ["B"] = new(["C"]),
            ["C"] = new(["A"]),
        };

        NamespaceGraph.FindCycle(graph).Should().Equal("A", "B", "C", "A");
    }

    /// <summary>The layer table of docs/architecture.md: rows "| N | `Placement.X` | ... |".</summary>
    private static Dictionary<string, int> DocumentedLayers()
    {
        var doc = File.ReadAllLines(Path.Combine(TestSupport.RepoRoot, "docs", "architecture.md"));
        var layers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in doc)
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 4 || !int.TryParse(cells[1], out var layer)) continue;
            foreach (var name in cells[2].Split(',', StringSplitOptions.TrimEntries))
            {
                if (name.StartsWith("`Placement", StringComparison.Ordinal)) layers[name.Trim('`')] = layer;
            }
        }

        layers.Should().NotBeEmpty("docs/architecture.md has a layer table");
        return layers;
    }
}
