using Placement.Loading;

namespace Placement.Tests.Loading;

/// <summary>The stratifier on plain rule dependencies: which slots each rule reads and writes, no YAML.</summary>
public sealed class StratifierTests
{
    private static (IReadOnlyCollection<int> Reads, IReadOnlyCollection<int> Writes) Rule(int[] reads, int[] writes) => (reads, writes);

    [Fact]
    public void Order_IndependentRules_KeepDeclarationOrder()
    {
        var (order, cycles) = Stratifier.Order([Rule([0], [10]), Rule([1], [11]), Rule([2], [12])]);

        order.Should().Equal(0, 1, 2);
        cycles.Should().BeEmpty();
    }

    [Fact]
    public void Order_ReaderDeclaredBeforeWriter_RunsAfterEveryWriter()
    {
        // Rule 0 reads slot 10, which rules 1 and 2 write; rule 3 reads what rule 0 writes.
        var (order, _) = Stratifier.Order([Rule([10], [11]), Rule([0], [10]), Rule([1], [10]), Rule([11], [12])]);

        order.Should().Equal(1, 2, 0, 3);
    }

    [Fact]
    public void Order_Cycle_ReturnsNoOrderAndTheCycleFromItsLowestRule()
    {
        var (order, cycles) = Stratifier.Order([Rule([0], [5]), Rule([12], [10]), Rule([10], [11]), Rule([11], [12])]);

        order.Should().BeNull();
        cycles.Should().ContainSingle().Which.Should().Equal(1, 2, 3);
    }

    [Fact]
    public void Order_TwoSeparateCycles_ReportsEachOnce()
    {
        var (_, cycles) = Stratifier.Order([Rule([11], [10]), Rule([10], [11]), Rule([21], [20]), Rule([20], [21])]);

        cycles.Should().HaveCount(2);
        cycles[0].Should().Equal(0, 1);
        cycles[1].Should().Equal(2, 3);
    }

    [Fact]
    public void Order_RuleReadingWhatItWrites_IsACycleOfOne()
    {
        var (order, cycles) = Stratifier.Order([Rule([10], [10])]);

        order.Should().BeNull();
        cycles.Should().ContainSingle().Which.Should().Equal(0);
    }
}
