using IEvent = JasperFx.Events.IEvent;
using Negotiations.Kernel;
using Negotiations.Mechanisms;
using Negotiations.Tests.Support;
using Wolverine.Http;

namespace Negotiations.Tests.Mechanisms;

/// <summary>Events in, state out; command and state in, events out. No database.</summary>
public class MechanismDeciderTests
{
    private static readonly Guid Id = Guid.Parse("0199b000-0000-7000-8000-000000000301");
    private static readonly Guid Roadmap = Guid.Parse("01990000-0000-7000-8000-000000000003");
    private static readonly Guid EstablishedEvent = Guid.Parse("0199b000-0000-7000-8000-0000000000e1");

    private static Mechanism Established() => Mechanism.Fold(null, GivenMechanisms.Trilateral(Roadmap).Decide(Id).AsEvent(EstablishedEvent))!;

    private static Mechanism Then(Mechanism state, object data, Guid? eventId = null) => Mechanism.Fold(state, data.AsEvent(eventId, state.Version + 1))!;

    private static Mechanism Apply(Mechanism state, IEnumerable<object> events) => events.Aggregate(state, (s, e) => Then(s, e));

    [Fact]
    public void Establishing_starts_a_mechanism_with_its_members_mandate_and_what_it_oversees()
    {
        var command = GivenMechanisms.Trilateral(Roadmap) with { Name = "  Trilateral  ", Members = [new MechanismMember(" Syria ", MemberRole.Chair)] };

        var mechanism = Mechanism.Fold(null, command.Decide(Id).AsEvent())!;

        mechanism.Id.ShouldBe(Id);
        mechanism.Name.ShouldBe("Trilateral");
        mechanism.Members.ShouldBe([new MechanismMember("Syria", MemberRole.Chair)]);
        mechanism.Version.ShouldBe(1);
        var details = MechanismDetails.Fold(null, command.Decide(Id).AsEvent())!;
        details.Mandate.ShouldBe(command.Mandate.Trim());
        details.OverseenUnderstandingIds.ShouldBe([Roadmap]);
        details.Established.ShouldBe(command.Provenance.Occurred);
        details.Members.ShouldBe(mechanism.Members);
    }

    [Fact]
    public void Members_join_and_leave_in_order_and_former_members_are_remembered()
    {
        var state = Established();
        state = Apply(state, GivenMechanisms.Add("Egypt", MemberRole.Observer, 1).Decide(state));
        state = Apply(state, GivenMechanisms.Left("jordan", 2).Decide(state));

        state.Members.Select(m => m.Name).ShouldBe(["Syria", "United States", "Egypt"]);
        state.FormerMembers.ShouldBe(["Jordan"]);
        state.Version.ShouldBe(3);
    }

    [Fact]
    public void Adding_a_current_member_or_a_member_leaving_twice_decides_nothing()
    {
        var state = Established();
        GivenMechanisms.Add("syria", MemberRole.Member, 1).Decide(state).ShouldBeEmpty();

        state = Apply(state, GivenMechanisms.Left("Jordan", 1).Decide(state));
        var again = GivenMechanisms.Left("Jordan", state.Version);
        again.Allowed(state).ShouldBeSameAs(WolverineContinue.NoProblems);
        again.Decide(state).ShouldBeEmpty();
    }

    [Fact]
    public void A_member_that_never_sat_on_it_cannot_leave_and_a_member_cannot_be_added_twice_in_another_role()
    {
        var state = Established();

        var verdict = GivenMechanisms.Left("Egypt", 1).Allowed(state);
        verdict.Status.ShouldBe(422);
        verdict.Detail.ShouldBe("Egypt is not a member of Trilateral mechanism for the Sweida roadmap; its members are: Syria, Jordan, United States.");

        GivenMechanisms.Add("Jordan", MemberRole.Chair, 1).Allowed(state).Status.ShouldBe(422);
    }

    [Fact]
    public void A_stale_version_is_a_conflict_before_any_domain_rule()
    {
        var verdict = GivenMechanisms.Left("Egypt", 7).Allowed(Established());
        verdict.Status.ShouldBe(409);
        verdict.Detail!.ShouldContain("version 7");
    }

    [Fact]
    public void Meetings_and_reports_are_kept_and_the_same_one_again_decides_nothing()
    {
        var state = Established();
        var meeting = GivenMechanisms.Meeting(1).Decide(state).ToList();
        state = Apply(state, meeting);
        var report = GivenMechanisms.Report(2).Decide(state).ToList();
        state = Apply(state, report);

        var details = new[] { GivenMechanisms.Trilateral(Roadmap).Decide(Id), meeting.Single(), report.Single() }
            .Select((data, i) => data.AsEvent(version: i + 1)).Aggregate((MechanismDetails?)null, MechanismDetails.Fold)!;
        details.MeetingCount.ShouldBe(1);
        details.LastMeeting!.On.From.ShouldBe(new DateOnly(2025, 10, 1));
        details.LastMeeting.Venue.ShouldBe("Amman");
        details.LastReport!.Citation.ShouldBe("https://example.org/report-1");
        GivenMechanisms.Meeting(3).Decide(state).ShouldBeEmpty();
        GivenMechanisms.Report(3).Decide(state).ShouldBeEmpty();
        GivenMechanisms.Meeting(3, new DateOnly(2025, 10, 8)).Decide(state).ShouldHaveSingleItem();
    }

    [Fact]
    public void The_details_keep_the_latest_meetings_by_date_and_count_them_all()
    {
        var events = new List<object> { GivenMechanisms.Trilateral(Roadmap).Decide(Id) };
        for (var day = 1; day <= 8; day++)
            events.Add(new MechanismMeetingHeld(Id, ["Syria"], $"meeting {day}", null, Given.Reported(new DateOnly(2025, 10, day * 3 % 8 + 1))));
        var details = events.Select((data, i) => data.AsEvent(version: i + 1)).Aggregate((MechanismDetails?)null, MechanismDetails.Fold)!;

        details.MeetingCount.ShouldBe(8);
        details.LatestMeetings.Select(m => m.On.From.Day).ShouldBe([4, 5, 6, 7, 8]);
        details.LastMeeting!.On.From.ShouldBe(new DateOnly(2025, 10, 8));
    }

    [Fact]
    public void A_retracted_or_corrected_development_is_taken_back()
    {
        Guid joined = Guid.CreateVersion7(), left = Guid.CreateVersion7(), met = Guid.CreateVersion7();
        IEvent[] stream =
        [
            GivenMechanisms.Trilateral(Roadmap).Decide(Id).AsEvent(EstablishedEvent, 1),
            new MechanismMemberAdded(Id, new MechanismMember("Egypt", MemberRole.Observer), GivenMechanisms.Jordan()).AsEvent(joined, 2),
            new MechanismMemberLeft(Id, "Jordan", null, GivenMechanisms.Jordan()).AsEvent(left, 3),
            new MechanismMeetingHeld(Id, ["Syria"], "met", null, GivenMechanisms.Jordan()).AsEvent(met, 4)
        ];
        T Then<T>(object marker, params object[] replacement) where T : class, IStreamModel<T> =>
            AsItStands.Fold<T>([.. stream, .. new[] { marker }.Concat(replacement).Select((data, i) => data.AsEvent(version: 5 + i))])!;

        var retracted = Then<Mechanism>(new DevelopmentRetracted(left, "mechanism_member_left", "Jordan stayed"));
        retracted.Members.Select(m => m.Name).ShouldBe(["Syria", "Jordan", "United States", "Egypt"]);
        retracted.FormerMembers.ShouldBeEmpty();

        var corrected = Then<Mechanism>(new DevelopmentCorrected(joined, "mechanism_member_added", "not Egypt"),
            new MechanismMemberAdded(Id, new MechanismMember("Lebanon", MemberRole.Observer), GivenMechanisms.Jordan()));
        corrected.Members.Select(m => m.Name).ShouldBe(["Syria", "United States", "Lebanon"]);
        corrected.Version.ShouldBe(6);
        var noMeeting = Then<MechanismDetails>(new DevelopmentRetracted(met, "mechanism_meeting_held", "no meeting"));
        noMeeting.MeetingCount.ShouldBe(0);
        noMeeting.LastMeeting.ShouldBeNull();

        var gone = Then<Mechanism>(new DevelopmentRetracted(EstablishedEvent, "mechanism_established", "never set up"));
        gone.Retracted.ShouldBeTrue();
        GivenMechanisms.Meeting(gone.Version).Allowed(gone).Status.ShouldBe(422);
    }

    [Fact]
    public void A_correction_in_a_stream_of_another_kind_creates_no_mechanism() =>
        Mechanism.Fold(null, new DevelopmentRetracted(Guid.NewGuid(), "x", "y").AsEvent()).ShouldBeNull();

    [Fact]
    public void Validation_names_every_bad_field()
    {
        var command = GivenMechanisms.Trilateral(Roadmap) with
        {
            Name = " ",
            Mandate = "",
            Members = [new MechanismMember("Syria", MemberRole.Member), new MechanismMember(" syria ", MemberRole.Chair), new MechanismMember("", (MemberRole)42)],
            OverseenUnderstandingIds = [],
            Provenance = GivenMechanisms.Jordan() with { Sources = [] }
        };

        var problems = (Microsoft.AspNetCore.Mvc.ValidationProblemDetails)command.Validate();

        problems.Errors.Keys.ShouldBe(["name", "mandate", "members[2].name", "members[2].role", "members", "overseenUnderstandingIds", "provenance.sources"], ignoreOrder: true);
    }

    [Fact]
    public void Commands_on_a_mechanism_validate_their_fields()
    {
        ((Microsoft.AspNetCore.Mvc.ValidationProblemDetails)new RecordMechanismMeeting([" "], "", null, GivenMechanisms.Jordan(), 0).Validate())
            .Errors.Keys.ShouldBe(["attendees[0]", "summary", "version"], ignoreOrder: true);
        ((Microsoft.AspNetCore.Mvc.ValidationProblemDetails)new PublishMechanismReport("", "", null, GivenMechanisms.Jordan(), 1).Validate())
            .Errors.Keys.ShouldBe(["title", "summary"], ignoreOrder: true);
        ((Microsoft.AspNetCore.Mvc.ValidationProblemDetails)new AddMechanismMember(new MechanismMember("", MemberRole.Member), GivenMechanisms.Jordan(), 1).Validate())
            .Errors.Keys.ShouldBe(["member.name"]);
        new RecordMechanismMemberLeft("Jordan", null, GivenMechanisms.Jordan(), 1).Validate().ShouldBeSameAs(WolverineContinue.NoProblems);
    }
}
