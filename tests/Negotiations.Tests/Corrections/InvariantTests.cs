using JasperFx.Events;
using Negotiations.Appointments;
using Negotiations.Casualties;
using Negotiations.Corrections;
using Negotiations.Mechanisms;
using Negotiations.Rounds;
using Negotiations.Kernel;
using Negotiations.Tests.Appointments;
using Negotiations.Tests.Casualties;
using Negotiations.Tests.Mechanisms;
using Negotiations.Tests.Rounds;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Corrections;

/// <summary>Each write model states its invariants as a pure method; the correction endpoints fold a stream with what they would append and ask it.</summary>
public class InvariantTests
{
    private static readonly Guid Id = Guid.Parse("0199f000-0000-7000-8000-000000000001");

    /// <summary>Events as Marten stores them: each typed as its own data, numbered in its stream.</summary>
    private static List<IEvent> Stream(params object[] data) => data.Select((d, i) =>
    {
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(d.GetType()), d)!;
        e.Id = Guid.CreateVersion7();
        e.StreamId = Id;
        e.Version = i + 1;
        return e;
    }).ToList();

    private static T Fold<T>(IEnumerable<IEvent> events) where T : class, IWriteModel<T> => events.Aggregate((T?)null, T.Fold)!;

    private static OfficialAppointed Appointed(string person, bool singleHolder = true, DateOnly? on = null) =>
        new(Id, person, "Internal security chief", "Sweida province", "Syrian government", null, singleHolder, [], GivenOffices.Government(on));

    private static OfficialDismissed Dismissed(string person, DateOnly on) => new(Id, person, "Ministry of Interior", null, GivenOffices.Government(on));

    [Fact]
    public void An_office_breaks_its_rules_with_two_holders_of_a_single_holder_office_or_a_departure_before_the_appointment()
    {
        Fold<Office>(Stream(Appointed("A"), Dismissed("A", new DateOnly(2025, 12, 1)), Appointed("B", on: new DateOnly(2025, 12, 2)))).BrokenRule().ShouldBeNull();

        Fold<Office>(Stream(Appointed("A"), Appointed("B", on: new DateOnly(2025, 12, 2)))).BrokenRule()
            .ShouldBe("Internal security chief (Sweida province) would have 2 holders at once (A, B); a single-holder office has one holder at a time.");
        Fold<Office>(Stream(Appointed("A", singleHolder: false), Appointed("B", singleHolder: false))).BrokenRule().ShouldBeNull();
        Fold<Office>(Stream(Appointed("B", singleHolder: false), Appointed("b ", singleHolder: false))).BrokenRule()
            .ShouldBe("B would hold Internal security chief (Sweida province) twice at once.");
        Fold<Office>(Stream(Appointed("A", on: new DateOnly(2025, 12, 5)), Dismissed("A", new DateOnly(2025, 12, 1)))).BrokenRule()
            .ShouldBe("A would leave Internal security chief (Sweida province) (dismissed on 2025-12-01) before being appointed on 2025-12-05.");
        // The first rule broken is the one said, even once the stream keeps the rules again.
        Fold<Office>(Stream(Appointed("A"), Appointed("B"), Dismissed("A", new DateOnly(2025, 12, 1)))).BrokenRule()!.ShouldContain("2 holders at once");
    }

    [Fact]
    public void An_understanding_breaks_its_rules_when_a_standing_lifecycle_change_is_not_a_move_from_the_one_before()
    {
        var proposed = Given.DemilitarisedZone().Decide(Id);
        UnderstandingLifecycleChanged To(Lifecycle status) => new(Id, status, null, Given.Reported());

        Fold<Understanding>(Stream(proposed)).BrokenRule().ShouldBeNull();
        Fold<Understanding>(Stream(proposed, To(Lifecycle.UnderNegotiation), To(Lifecycle.Agreed), To(Lifecycle.Agreed))).BrokenRule().ShouldBeNull();
        Fold<Understanding>(Stream(proposed, To(Lifecycle.Fulfilled))).BrokenRule()!.ShouldStartWith("The understanding would go from proposed to fulfilled");
        var stream = Stream(proposed, To(Lifecycle.Fulfilled));
        Fold<Understanding>([.. stream, .. Stream(new DevelopmentRetracted(stream[0].Id, "understanding_proposed", "never proposed")).Select(e => { e.Version = 3; return e; })])
            .BrokenRule().ShouldBeNull();
    }

    [Fact]
    public void A_mechanism_breaks_its_rules_when_someone_joins_twice_or_leaves_without_having_joined()
    {
        var established = GivenMechanisms.Trilateral(Guid.NewGuid()).Decide(Id);
        MechanismMemberAdded Joins(string name) => new(Id, new MechanismMember(name, MemberRole.Observer), GivenMechanisms.Jordan());
        MechanismMemberLeft Leaves(string name) => new(Id, name, null, GivenMechanisms.Jordan());

        Fold<Mechanism>(Stream(established)).BrokenRule().ShouldBeNull();
        Fold<Mechanism>(Stream(established, Leaves("Egypt"))).BrokenRule()
            .ShouldBe("Egypt would leave Trilateral mechanism for the Sweida roadmap without sitting on it.");
        Fold<Mechanism>(Stream(established, Joins("jordan "))).BrokenRule()
            .ShouldBe("jordan  would join Trilateral mechanism for the Sweida roadmap while already sitting on it.");
        Fold<Mechanism>(Stream(established, Leaves("Jordan"), Joins("Jordan"))).BrokenRule().ShouldBeNull();
    }

    [Fact]
    public void A_casualty_claim_breaks_its_rules_when_its_own_source_disputes_it()
    {
        var claim = Fold<CasualtyClaim>(Stream(GivenCasualties.SweidaToll().Decide(Id)));
        claim.BrokenRule().ShouldBeNull();

        var disputed = Stream(GivenCasualties.SweidaToll().Decide(Id), new CasualtyClaimDisputed(Id, "syrian observatory for human rights ", "x", Given.Reported()));
        Fold<CasualtyClaim>(disputed).BrokenRule()!.ShouldContain("would dispute its own figures");
        WriteModels.BrokenBy(disputed[..1], [new CasualtyClaimDisputed(Id, "Syrian Observatory for Human Rights", "x", Given.Reported())])!
            .ShouldContain("would dispute its own figures");
    }

    [Fact]
    public void A_round_breaks_its_rules_when_anything_follows_its_being_held_or_cancelled()
    {
        var scheduled = GivenRounds.InBaku().Decide(Id);
        RoundPostponed Postponed() => new(Id, "x", null, GivenRounds.Diplomats());
        RoundCancelled Cancelled() => new(Id, "x", GivenRounds.Diplomats());
        RoundRescheduled Rescheduled() => new(Id, null, "Vienna", GivenRounds.Diplomats());

        Fold<Round>(Stream(scheduled)).BrokenRule().ShouldBeNull();
        Fold<Round>(Stream(scheduled, Postponed(), Rescheduled(), Cancelled())).BrokenRule().ShouldBeNull();
        Fold<Round>(Stream(scheduled, Cancelled(), Rescheduled(), Postponed())).BrokenRule().ShouldBe("The round would be scheduled after it was cancelled.");
        Fold<Round>(Stream(GivenRounds.AlreadyMet().Decide(Id), Postponed())).BrokenRule().ShouldBe("The round would be postponed after it was held.");

        // Taken back, the cancellation no longer stands before the rescheduling.
        var stream = Stream(scheduled, Cancelled(), Rescheduled());
        WriteModels.BrokenBy(stream[..2], [Rescheduled()]).ShouldBe("The round would be scheduled after it was cancelled.");
        AsItStands.Fold<Round>([.. stream, .. Stream(new DevelopmentRetracted(stream[1].Id, "round_cancelled", "x")).Select(e => { e.Version = 4; return e; })])!
            .BrokenRule().ShouldBeNull();
    }

    [Fact]
    public void The_stream_is_folded_with_what_would_be_appended_and_only_a_rule_it_keeps_now_counts()
    {
        var stream = Stream(Appointed("A"), Dismissed("A", new DateOnly(2025, 12, 1)), Appointed("B", on: new DateOnly(2025, 12, 2)));

        WriteModels.BrokenBy(stream, [new DevelopmentRetracted(stream[1].Id, "official_dismissed", "x")])!.ShouldContain("2 holders at once");
        WriteModels.BrokenBy(stream, [new DevelopmentRetracted(stream[2].Id, "official_appointed", "x")]).ShouldBeNull();

        // A stream that already breaks a rule (recorded before it was kept) may still be corrected.
        var broken = Stream(Appointed("A"), Appointed("B"));
        WriteModels.BrokenBy(broken, [new DevelopmentRetracted(Guid.NewGuid(), "x", "x")]).ShouldBeNull();
    }

    [Fact]
    public void Every_kind_of_stream_has_a_write_model_in_the_registry()
    {
        var concepts = typeof(IDevelopment).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDevelopment).IsAssignableFrom(t))
            .Select(Negotiations.Kernel.Concepts.Of).Distinct().ToList();

        concepts.Count.ShouldBe(9);
        WriteModels.Types.Keys.ShouldBe(concepts, ignoreOrder: true);
        WriteModels.Types.ShouldAllBe(t => Negotiations.Kernel.Concepts.Of(t.Value) == t.Key);
    }
}
