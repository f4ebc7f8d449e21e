using JasperFx.Events;
using Negotiations.Kernel;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Corrections;

/// <summary>A correction's replacement takes the place of the development it corrects: what came after it still comes after it.</summary>
public class FactsTests
{
    private static readonly Guid Id = Guid.Parse("0199f000-0000-7000-8000-000000000003");

    [Fact]
    public void A_replacement_goes_before_the_facts_told_after_the_corrected_development()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), b2 = Guid.NewGuid();
        IReadOnlyList<Fact<string>> first = [new(a, "a"), new(b, "b"), new(c, "c")];
        IReadOnlyList<Fact<int>> second = [new(b, 2)];

        var replacing = Facts.Place(b, first.Ids(), second.Ids())!;
        replacing.Later.ShouldBe([c]);

        first.Without(b).With(b2, "b'", replacing).Values().ShouldBe(["a", "b'", "c"]);
        second.Without(b).With(b2, 20, replacing).Values().ShouldBe([20]);
        first.With(b2, "d", null).Values().ShouldBe(["a", "b", "c", "d"]);
        Facts.Place(Guid.NewGuid(), first.Ids()).ShouldBeNull();
    }
}
