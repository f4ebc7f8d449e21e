using IEvent = JasperFx.Events.IEvent;
using Negotiations.Kernel;
using Negotiations.Mechanisms;
using Negotiations.Tests.Mechanisms;
using Negotiations.Tests.Support;
using Negotiations.Tests.Zones;
using Negotiations.Understandings;
using Negotiations.Zones;

namespace Negotiations.Tests.Corrections;

/// <summary>A stream as it stands: retracted developments out, each corrected one replaced in its own place.</summary>
public class AsItStandsTests
{
    private static readonly Guid Id = Guid.Parse("0199f000-0000-7000-8000-000000000004");

    private static UnderstandingLifecycleChanged To(Lifecycle status, string? reason = null) => new(Id, status, reason, Given.Reported());

    private static IEvent[] Talks(out Guid proposal, out Guid negotiating, out Guid agreed)
    {
        (proposal, negotiating, agreed) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        return
        [
            Given.DemilitarisedZone().Decide(Id).AsEvent(proposal, 1),
            To(Lifecycle.UnderNegotiation).AsEvent(negotiating, 2),
            To(Lifecycle.Agreed, "signed").AsEvent(agreed, 3)
        ];
    }

    [Fact]
    public void A_replacement_takes_the_place_of_the_development_it_corrects()
    {
        var stream = Talks(out _, out var negotiating, out var agreed);
        var replacement = To(Lifecycle.UnderNegotiation, "US mediation").AsEvent(version: 5);
        IEvent[] corrected = [.. stream, new DevelopmentCorrected(negotiating, "understanding_lifecycle_changed", "talks began earlier").AsEvent(version: 4), replacement];

        AsItStands.Events(corrected).Select(e => e.Version).ShouldBe([1, 5, 3, 4]);
        var understanding = AsItStands.Fold<Understanding>(corrected)!;
        understanding.Status.ShouldBe(Lifecycle.Agreed);
        understanding.Version.ShouldBe(5);
        understanding.BrokenRule().ShouldBeNull();
        AsItStands.Events(corrected).ShouldNotContain(e => e.Id == negotiating);
        AsItStands.Events(corrected).ShouldContain(e => e.Id == agreed);
    }

    [Fact]
    public void A_corrected_replacement_is_replaced_in_the_same_place_and_a_retracted_one_is_gone()
    {
        var stream = Talks(out _, out var negotiating, out _);
        var replacement = To(Lifecycle.UnderNegotiation, "first").AsEvent(version: 5);
        IEvent[] twice =
        [
            .. stream,
            new DevelopmentCorrected(negotiating, "understanding_lifecycle_changed", "wrong reason").AsEvent(version: 4), replacement,
            new DevelopmentCorrected(replacement.Id, "understanding_lifecycle_changed", "wrong again").AsEvent(version: 6),
            To(Lifecycle.UnderNegotiation, "second").AsEvent(version: 7)
        ];
        AsItStands.Events(twice).Select(e => e.Version).ShouldBe([1, 7, 3, 4, 6]);

        IEvent[] retracted = [.. twice, new DevelopmentRetracted(twice[^1].Id, "understanding_lifecycle_changed", "never happened").AsEvent(version: 8)];
        AsItStands.Events(retracted).Select(e => e.Version).ShouldBe([1, 3, 4, 6, 8]);
        var understanding = AsItStands.Fold<Understanding>(retracted)!;
        understanding.Status.ShouldBe(Lifecycle.Agreed);
        understanding.Version.ShouldBe(8);
    }

    [Fact]
    public void A_retracted_opening_stays_with_its_retraction_so_the_model_says_it_was_retracted()
    {
        var stream = Talks(out var proposal, out _, out _);
        IEvent[] retracted = [.. stream, new DevelopmentRetracted(proposal, "understanding_proposed", "never proposed").AsEvent(version: 4)];

        AsItStands.Events(retracted).Select(e => e.Version).ShouldBe([1, 2, 3, 4]);
        var understanding = AsItStands.Fold<Understanding>(retracted)!;
        understanding.Retracted.ShouldBeTrue();
        understanding.BrokenRule().ShouldBeNull();
    }

    [Fact]
    public void A_corrected_member_who_left_since_still_joined_before_leaving()
    {
        Guid joined = Guid.CreateVersion7();
        IEvent[] stream =
        [
            GivenMechanisms.Trilateral(Guid.NewGuid()).Decide(Id).AsEvent(version: 1),
            new MechanismMemberAdded(Id, new MechanismMember("Egypt", MemberRole.Observer), GivenMechanisms.Jordan()).AsEvent(joined, 2),
            new MechanismMemberLeft(Id, "Egypt", null, GivenMechanisms.Jordan()).AsEvent(version: 3),
            new DevelopmentCorrected(joined, "mechanism_member_added", "a member, not an observer").AsEvent(version: 4),
            new MechanismMemberAdded(Id, new MechanismMember("Egypt", MemberRole.Member), GivenMechanisms.Jordan()).AsEvent(version: 5)
        ];

        var mechanism = AsItStands.Fold<Mechanism>(stream)!;
        mechanism.BrokenRule().ShouldBeNull();
        mechanism.FormerMembers.ShouldBe(["Egypt"]);
        mechanism.Member("Egypt").ShouldBeNull();
        // Folded in the order recorded, the replacement would join after the departure: Egypt would sit on it again.
        stream.Aggregate((Mechanism?)null, Mechanism.Fold)!.Member("Egypt").ShouldNotBeNull();
    }

    private static WithdrawalDeclared Withdrew(decimal km) => new(Id, "Syria", "heavy weapons", km, null, GivenZones.Osce());

    [Fact]
    public void A_replacement_stands_for_what_it_replaced_and_a_retraction_takes_it_all_out()
    {
        Guid declared = Guid.CreateVersion7(), first = Guid.CreateVersion7(), second = Guid.CreateVersion7(), assessed = Guid.CreateVersion7();
        IEvent[] stream =
        [
            GivenZones.SouthernZone().Decide(Id).AsEvent(version: 1),
            Withdrew(10).AsEvent(declared, 2),
            new WithdrawalVerified(Id, declared, "OSCE", null, GivenZones.Osce()).AsEvent(assessed, 3),
            new DevelopmentCorrected(declared, "withdrawal_declared", "8 km").AsEvent(version: 4),
            Withdrew(8).AsEvent(first, 5),
            new DevelopmentCorrected(first, "withdrawal_declared", "9 km").AsEvent(version: 6),
            Withdrew(9).AsEvent(second, 7)
        ];

        var standing = AsItStands.Events(stream);
        standing.Select(e => e.Version).ShouldBe([1, 7, 3, 4, 6]);
        AsItStands.Replaced(standing[1]).ShouldBe([declared, first]);
        (standing[1].Id, standing[1].Data, standing[1].StreamId).ShouldBe((second, stream[6].Data, stream[6].StreamId));
        standing.Where(e => e.Version != 7).ShouldAllBe(e => AsItStands.Replaced(e).Count == 0 && AsItStands.Retracted(e).Count == 0);
        AsItStands.Replaced(stream[6]).ShouldBeEmpty(); // the recorded event knows nothing of it, and is left as it was
        Should.Throw<NotSupportedException>(() => standing[1].Version = 2);

        // The assessment named the first declaration: it is about the one that stands for it now.
        var zone = AsItStands.Fold<ZoneDetails>(stream)!.Standing.ShouldHaveSingleItem();
        (zone.DeclarationEventId, zone.DeclaredDepthKm, zone.Status).ShouldBe((second, 9m, WithdrawalStatus.Verified));
        zone.EarlierEventIds.ShouldBe([declared, first]);
        // Without what replaced what, the verification would name a declaration no longer there.
        standing.Select(e => e.Version == 7 ? stream[6] : e).Aggregate((ZoneDetails?)null, ZoneDetails.Fold)!
            .Standing.Single().Status.ShouldBe(WithdrawalStatus.Declared);

        IEvent[] retracted = [.. stream, new DevelopmentRetracted(second, "withdrawal_declared", "never said").AsEvent(version: 8)];
        var marker = AsItStands.Events(retracted).Single(e => e.Version == 8);
        AsItStands.Retracted(marker).ShouldBe([second, declared, first]);
        AsItStands.Events(retracted).Select(e => e.Version).ShouldBe([1, 3, 4, 6, 8]);
        AsItStands.Fold<Zone>(retracted)!.RetractedEventIds.ShouldBe([second, declared, first]);

        // A retraction of what was replaced since takes nothing out: its replacement stands.
        IEvent[] moot = [.. stream, new DevelopmentRetracted(first, "withdrawal_declared", "late").AsEvent(version: 8)];
        AsItStands.Retracted(AsItStands.Events(moot)[^1]).ShouldBeEmpty();
        AsItStands.Fold<ZoneDetails>(moot)!.Standing.Single().DeclarationEventId.ShouldBe(second);
        IEvent[] plain = [.. stream, new DevelopmentRetracted(assessed, "withdrawal_verified", "misread").AsEvent(version: 8)];
        AsItStands.Retracted(AsItStands.Events(plain)[^1]).ShouldBe([assessed]);
    }
}
