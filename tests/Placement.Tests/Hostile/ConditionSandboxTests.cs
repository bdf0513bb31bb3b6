using System.Reflection;
using Placement.Diagnostics;
using Placement.Language.Binding;

namespace Placement.Tests.Hostile;

/// <summary>
/// The condition language reaches nothing but the ids a rule set declares (SECURITY.md): it has no
/// member access, no method calls, no strings, no indexing and no reflection, and the bound tree it
/// compiles from has no node that could name anything else.
/// </summary>
public sealed class ConditionSandboxTests
{
    private const string Header = """
        ruleset: { id: sandbox, version: 1 }
        decisions:
          care: { levels: [ { id: low }, { id: high } ] }
        criteria:
          x: { type: integer, min: 0, max: 10 }
          home: { type: enum, values: [stable, unsafe] }

        """;

    public static TheoryData<string> Attempts => new(
        "x.GetType() == 1",
        "x.GetType",
        "GetType() == 1",
        "typeof(x) == 1",
        "nameof(x) == 1",
        "System.Environment.Exit(1)",
        "System.IO.File.Exists('/etc/passwd')",
        "Process.Start(\"sh\")",
        "home == 'stable'",
        "home == \"stable\"",
        "x[0] == 1",
        "new object() == 1",
        "x => x",
        "default(int) == 0",
        "this == 1",
        "@x == 1",
        "$x == 1",
        "known(System)",
        "count(x.Length) >= 1",
        "min(x, int.MaxValue) >= 1",
        "x == 1; x == 2",
        "x == 1 // comment",
        "{x} == 1",
        "exec(x) == 1");

    [Theory]
    [MemberData(nameof(Attempts))]
    public void AnAttemptToReachBeyondTheDeclaredIds_IsAnError_NeverRun(string condition)
    {
        var yaml = Header + $"rules:\n  - {{ id: r1, when: '{condition.Replace("'", "''", StringComparison.Ordinal)}', require: {{ care: high }}, because: x, source: s }}\n";

        var result = RuleSet.TryLoad([new RuleSource("r.yaml", yaml)]);

        result.Success.Should().BeFalse(condition);
        result.Errors.Select(e => e.Code).Should().BeSubsetOf(
            [DiagnosticCodes.ConditionSyntax, DiagnosticCodes.UnknownIdentifier, DiagnosticCodes.InvalidCall, DiagnosticCodes.TypeMismatch], condition);
        result.Errors.Should().OnlyContain(e => e.Line == 8, "the error is on the rule's line ({0})", condition);
    }

    [Fact]
    public void TheBoundTree_HasOnlyTheLanguagesOwnNodes()
    {
        // Every condition compiles from these nodes, whose leaves are whole-number constants and
        // declared criteria, facts and decisions. A new node kind must be reviewed against SECURITY.md.
        var nodes = typeof(BoundExpr).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(BoundExpr)) && !t.IsAbstract)
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        nodes.Should().Equal(
            "BoundAggregate", "BoundArithmetic", "BoundComparison", "BoundConstant", "BoundIn", "BoundKnown", "BoundLogical", "BoundNot", "BoundSymbol");
        typeof(BoundConstant).GetProperty(nameof(BoundConstant.Value))!.PropertyType.Should().Be<int>();
        typeof(BoundSymbol).GetProperty(nameof(BoundSymbol.Symbol))!.PropertyType.Should().Be<Placement.Model.Symbol>();
        typeof(Placement.Model.Symbol).GetConstructors(BindingFlags.Public | BindingFlags.Instance).Should().BeEmpty("only the loader declares symbols");
    }
}
