using Placement.Assessments;
using Placement.Diagnostics;
using Placement.Explanations;
using Placement.Yaml;

namespace Placement.Testing;

/// <summary>
/// Runs rule tests written as data: <c>*.tests.yaml</c> files beside the rules. Each case names an
/// assessment (merged over the file's <c>base</c>) and what to expect: status, levels (decided levels), floors, ceilings,
/// facts, fired / not fired / may-fire rules, missing criteria, review flags and text the
/// explanation contains.
/// </summary>
public static class RuleTests
{
    private static readonly string[] TopLevel = ["base", "tests"];
    private static readonly string[] CaseKeys = ["name", "assessment", "expect"];
    private static readonly string[] ExpectKeys = ["status", "levels", "floors", "ceilings", "facts", "fired", "not_fired", "may_fire", "missing", "flags", "explanation_contains"];

    /// <summary>The test files in a folder: every <c>*.tests.yaml</c> and <c>*.tests.yml</c>, by name.</summary>
    public static IReadOnlyList<RuleSource> FindTestFiles(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".tests.yaml", StringComparison.Ordinal) || f.EndsWith(".tests.yml", StringComparison.Ordinal))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .Select(f => new RuleSource(f, ReadLimited(f)))
            .ToArray();

    /// <summary>A test file's text, read no further than one character past the limit of a rule file (<see cref="Run"/> then refuses it).</summary>
    private static string ReadLimited(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[PlacementLimits.MaxRuleFileBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = reader.Read(buffer, length, buffer.Length - length)) > 0) length += read;
        return new string(buffer, 0, length);
    }

    /// <summary>Runs every case of the test files against the rule set.</summary>
    public static RuleTestRun Run(RuleSet rules, IReadOnlyList<RuleSource> testFiles)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(testFiles);
        var diagnostics = new DiagnosticBag();
        var results = new List<RuleTestResult>();
        foreach (var file in testFiles)
        {
            if (file.Text.Length > PlacementLimits.MaxRuleFileBytes)
            {
                diagnostics.Error(DiagnosticCodes.LimitExceeded, new SourceLocation(file.Name, 1, 1),
                    $"the test file is larger than {PlacementLimits.MaxRuleFileBytes} characters, the limit for a rule file; split it (see docs/limits.md)");
                continue;
            }

            var root = YamlTreeReader.Read(new SourceText(file.Name, file.Text), diagnostics, hintsQuoteText: true);
            var map = MappingReader.As<YMapping>(root, "the test file", diagnostics);
            if (map is null) continue;
            var top = new MappingReader(map, "a test file", diagnostics, TopLevel);
            var baseMap = top.Map("base");
            var cases = top.Sequence("tests", required: true);
            if (cases is null) continue;
            foreach (var item in cases.Items)
            {
                var result = RunCase(item, baseMap, rules, diagnostics);
                if (result is not null) results.Add(result);
            }
        }

        return new RuleTestRun(results, diagnostics.Sorted(), Cover(rules, results));
    }

    private static RuleTestResult? RunCase(YNode item, YMapping? baseMap, RuleSet rules, DiagnosticBag diagnostics)
    {
        var map = MappingReader.As<YMapping>(item, "a test case", diagnostics);
        if (map is null) return null;
        var reader = new MappingReader(map, "a test case", diagnostics, CaseKeys);
        var name = reader.Text("name", required: true) ?? "(unnamed)";
        var errorsBefore = diagnostics.ErrorCount;

        var own = reader.Map("assessment");
        var entries = new List<KeyValuePair<YScalar, YNode>>();
        if (baseMap is not null)
        {
            entries.AddRange(baseMap.Entries.Where(b => own?[b.Key.Value] is null));
        }

        if (own is not null) entries.AddRange(own.Entries);
        var values = AssessmentReader.ReadEntries(entries, rules.Compiled, diagnostics);

        var expect = reader.Map("expect", required: true);
        var checks = expect is null ? null : ReadExpectations(expect, rules, diagnostics);
        if (checks is null || diagnostics.ErrorCount > errorsBefore) return null;

        var rec = rules.Recommend(new Assessment(rules, values));
        var failures = new List<string>();
        foreach (var check in checks) check(rec, failures);
        return new RuleTestResult(name, map.Start, failures, rec);
    }

    private static List<Action<Recommendation, List<string>>>? ReadExpectations(YMapping expect, RuleSet rules, DiagnosticBag diagnostics)
    {
        var reader = new MappingReader(expect, "'expect'", diagnostics, ExpectKeys);
        var checks = new List<Action<Recommendation, List<string>>>();
        var ok = true;

        if (reader.Scalar("status") is { } status)
        {
            if (status.Value is not ("recommended" or "provisional" or "insufficient"))
            {
                diagnostics.Error(DiagnosticCodes.InvalidTest, status.Start, $"status '{status.Value}' is not recommended, provisional or insufficient");
                ok = false;
            }
            else
            {
                checks.Add((rec, f) =>
                {
                    var actual = rec.Status switch
                    {
                        RecommendationStatus.Provisional => "provisional",
                        RecommendationStatus.Insufficient => "insufficient",
                        _ => "recommended",
                    };
                    if (actual != status.Value) f.Add($"status: expected {status.Value}, got {actual}");
                });
            }
        }

        foreach (var key in new[] { "levels", "floors", "ceilings" })
        {
            if (reader.Map(key) is not { } levels) continue;
            foreach (var (decisionKey, levelNode) in levels.Entries)
            {
                var decision = rules.FindDecision(decisionKey.Value);
                if (decision is null)
                {
                    Unknown(diagnostics, decisionKey, "decision", rules.Decisions.Select(d => d.Id));
                    ok = false;
                    continue;
                }

                var level = MappingReader.As<YScalar>(levelNode, decisionKey.Value, diagnostics);
                if (level is null || decision.Domain.IndexOf(level.Value) < 0)
                {
                    if (level is not null) Unknown(diagnostics, level, $"level of {decision.Id}", decision.Levels.Select(l => l.Id));
                    ok = false;
                    continue;
                }

                checks.Add((rec, f) =>
                {
                    var r = rec.Decisions[decision.Id];
                    var actual = key switch
                    {
                        "ceilings" => r.Ceiling.Id,
                        "floors" => r.Floor.Id,
                        _ => r.Level?.Id ?? $"not determined (at least {r.Floor.Id}, up to {r.Ceiling.Id})",
                    };
                    var what = key switch { "ceilings" => " ceiling", "floors" => " floor", _ => "" };
                    if (actual != level.Value) f.Add($"{decision.Id}{what}: expected {level.Value}, got {actual}");
                });
            }
        }

        if (reader.Map("facts") is { } facts)
        {
            foreach (var (factKey, valueNode) in facts.Entries)
            {
                var fact = rules.Facts.FirstOrDefault(x => x.Id == factKey.Value);
                if (fact is null)
                {
                    Unknown(diagnostics, factKey, "fact", rules.Facts.Select(x => x.Id));
                    ok = false;
                    continue;
                }

                var value = MappingReader.As<YScalar>(valueNode, factKey.Value, diagnostics);
                if (value is null || fact.Domain.IndexOf(value.Value) < 0)
                {
                    if (value is not null) Unknown(diagnostics, value, $"value of {fact.Id}", fact.Domain.Values);
                    ok = false;
                    continue;
                }

                checks.Add((rec, f) =>
                {
                    var result = rec.Facts[fact.Id];
                    var actual = result.IsDetermined ? result.Floor : $"not determined ({result.Floor} to {result.Ceiling})";
                    if (actual != value.Value) f.Add($"{fact.Id}: expected {value.Value}, got {actual}");
                });
            }
        }

        foreach (var (key, outcome) in new[] { ("fired", RuleOutcome.Fired), ("not_fired", RuleOutcome.NotFired), ("may_fire", RuleOutcome.MayFire) })
        {
            foreach (var ruleNode in Words(reader, key, diagnostics))
            {
                if (rules.FindRule(ruleNode.Value) is null)
                {
                    Unknown(diagnostics, ruleNode, "rule", rules.Rules.Select(r => r.Id));
                    ok = false;
                    continue;
                }

                checks.Add((rec, f) =>
                {
                    var actual = rec.OutcomeOf(ruleNode.Value);
                    if (actual != outcome) f.Add($"{ruleNode.Value}: expected {Describe(outcome)}, it {Describe(actual)}");
                });
            }
        }

        if (reader.Node("missing") is not null)
        {
            var expected = new List<string>();
            foreach (var c in Words(reader, "missing", diagnostics))
            {
                if (!rules.Compiled.CriteriaById.ContainsKey(c.Value))
                {
                    Unknown(diagnostics, c, "criterion", rules.Criteria.Select(x => x.Id));
                    ok = false;
                    continue;
                }

                expected.Add(c.Value);
            }

            checks.Add((rec, f) =>
            {
                var actual = rec.Missing.Select(m => m.Criterion.Id).ToArray();
                if (!actual.OrderBy(x => x).SequenceEqual(expected.OrderBy(x => x)))
                {
                    f.Add($"missing: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
                }
            });
        }

        if (reader.Node("flags") is not null)
        {
            var expected = new List<string>();
            var flagged = rules.Rules.Where(r => r.Flag is not null).Select(r => r.Id).ToArray();
            foreach (var r in Words(reader, "flags", diagnostics))
            {
                if (rules.FindRule(r.Value) is { Flag: null })
                {
                    diagnostics.Error(DiagnosticCodes.InvalidTest, r.Start,
                        $"rule '{r.Value}' has no flag; {(flagged.Length == 0 ? "no rule has one" : "rules with a flag: " + string.Join(", ", flagged))}");
                    ok = false;
                    continue;
                }

                if (rules.FindRule(r.Value) is null)
                {
                    Unknown(diagnostics, r, "rule with a flag", flagged);
                    ok = false;
                    continue;
                }

                expected.Add(r.Value);
            }

            checks.Add((rec, f) =>
            {
                var actual = rec.Flags.Select(x => x.Rule).ToArray();
                if (!actual.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)))
                {
                    f.Add($"flags: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
                }
            });
        }

        foreach (var text in Words(reader, "explanation_contains", diagnostics))
        {
            checks.Add((rec, f) =>
            {
                if (!rec.Explain().ToText().Contains(text.Value, StringComparison.Ordinal)) f.Add($"explanation: expected to contain \"{text.Value}\"");
            });
        }

        return ok ? checks : null;
    }

    private static IEnumerable<YScalar> Words(MappingReader reader, string key, DiagnosticBag diagnostics)
    {
        var node = reader.Node(key);
        if (node is null) return [];
        if (node is YScalar single) return [single];
        var seq = MappingReader.As<YSequence>(node, key, diagnostics);
        return seq is null ? [] : seq.Items.Select(i => MappingReader.As<YScalar>(i, key, diagnostics)).OfType<YScalar>().ToArray();
    }

    private static void Unknown(DiagnosticBag diagnostics, YScalar node, string what, IEnumerable<string> candidates)
    {
        var list = candidates.ToArray();
        var suggested = Suggestions.Find(node.Value, list);
        diagnostics.Error(DiagnosticCodes.InvalidTest, node.Start, $"'{node.Value}' is not a {what}{suggested.DidYouMean}", suggested.Best);
    }

    private static string Describe(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Fired => "fired",
        RuleOutcome.MayFire => "may fire",
        _ => "did not fire",
    };

    private static RuleCoverage Cover(RuleSet rules, IReadOnlyList<RuleTestResult> results)
    {
        var ruleEntries = rules.Rules.Select(r => new RuleCoverage.RuleEntry(
            r.Id,
            results.Any(x => x.Recommendation.OutcomeOf(r.Id) == RuleOutcome.Fired),
            results.Any(x => x.Recommendation.OutcomeOf(r.Id) == RuleOutcome.NotFired))).ToArray();
        var levelEntries = rules.Decisions.SelectMany(d => d.Levels.Select(l => new RuleCoverage.LevelEntry(
            d.Id, l.Id, results.Any(x => x.Recommendation.Decisions[d.Id].Level == l)))).ToArray();
        return new RuleCoverage(ruleEntries, levelEntries);
    }
}
