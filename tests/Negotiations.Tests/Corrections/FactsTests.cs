using JasperFx.Events;
using Negotiations.Corrections;
using Negotiations.Mechanisms;
using Negotiations.Tests.Mechanisms;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

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

    [Fact]
    public void A_corrected_member_who_left_since_still_joined_before_leaving()
    {
        Guid joined = Guid.CreateVersion7();
        var state = Mechanism.Fold(null, GivenMechanisms.Trilateral(Guid.NewGuid()).Decide(Id).AsEvent())!;
        state = Mechanism.Fold(state, new MechanismMemberAdded(Id, new MechanismMember("Egypt", MemberRole.Observer), GivenMechanisms.Jordan()).AsEvent(joined, 2))!;
        state = Mechanism.Fold(state, new MechanismMemberLeft(Id, "Egypt", null, GivenMechanisms.Jordan()).AsEvent(version: 3))!;

        state = Mechanism.Fold(state, new DevelopmentCorrected(joined, "mechanism_member_added", "a member, not an observer").AsEvent(version: 4))!;
        state = Mechanism.Fold(state, new MechanismMemberAdded(Id, new MechanismMember("Egypt", MemberRole.Member), GivenMechanisms.Jordan()).AsEvent(version: 5))!;

        state.BrokenRule().ShouldBeNull();
        state.FormerMembers.ShouldBe(["Egypt"]);
        state.MembershipChanges.Values().Select(c => (c.Name, c.Role)).TakeLast(2).ShouldBe([("Egypt", MemberRole.Member), ("Egypt", (MemberRole?)null)]);
    }
}
