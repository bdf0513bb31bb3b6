using BenchmarkDotNet.Attributes;

namespace Placement.Benchmarks;

/// <summary>
/// Loading the default rule set (read YAML, check, bind, stratify, compile every condition) in a
/// warm process, against a baseline that only parses its YAML.
/// </summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private IReadOnlyList<RuleSource> _sources = null!;

    [GlobalSetup]
    public void Setup() => _sources = RuleSet.DefaultSources();

    [Benchmark(Baseline = true, Description = "Parse YAML only")]
    public int ParseYamlOnly()
    {
        var count = 0;
        foreach (var source in _sources)
        {
            var parser = new YamlDotNet.Core.Parser(new StringReader(source.Text));
            while (parser.MoveNext()) count++;
        }

        return count;
    }

    [Benchmark(Description = "Load default rule set")]
    public RuleSet LoadDefaultRuleSet() => RuleSet.Load(_sources);
}
