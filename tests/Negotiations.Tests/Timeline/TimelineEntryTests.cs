using System.Text.Json;
using JasperFx.Events;
using Negotiations.Rounds;
using Negotiations.Kernel;
using Negotiations.Tests.Rounds;
using Negotiations.Tests.Support;
using Negotiations.ReadModels.Timeline;

namespace Negotiations.Tests.Timeline;

/// <summary>Timeline entries from events: pure, so the same events always give the same entries.</summary>
public class TimelineEntryTests
{
    private static readonly Guid RoundId = Guid.Parse("01990000-0000-7000-8000-000000000102");
    private static readonly DateTimeOffset Monday = new(2025, 9, 15, 9, 0, 0, TimeSpan.Zero);

    private static IEvent Recorded<T>(T data, string typeName, long sequence, DateTimeOffset at, long version = 1) where T : notnull
    {
        var e = data.AsEvent(version: version);
        e.Sequence = sequence;
        e.StreamId = RoundId;
        e.Timestamp = at;
        e.EventTypeName = typeName;
        e.UserName = "monitor";
        return e;
    }

    private static IEvent Scheduled() => Recorded(
        new RoundScheduled(RoundId, "Baku", GivenRounds.LaterThisWeek, ["Syria", "Israel"], "United States", [], GivenRounds.Diplomats()),
        "round_scheduled", 7, Monday);

    [Fact]
    public void A_development_becomes_an_entry_with_its_provenance_and_a_readable_summary()
    {
        var e = Scheduled();

        var entry = TimelineEntries.ForDevelopment(e);

        entry.Id.ShouldBe(e.Id);
        entry.Sequence.ShouldBe(7);
        entry.StreamId.ShouldBe(RoundId);
        entry.Concept.ShouldBe("Rounds");
        entry.EventType.ShouldBe("round_scheduled");
        entry.Occurred.ShouldBe(Occurrence.On(Given.September15));
        entry.OccurredFrom.ShouldBe(Given.September15);
        entry.OccurredUntil.ShouldBe(Given.September15);
        entry.Recorded.ShouldBe(Monday);
        entry.RecordedBy.ShouldBe("monitor");
        entry.Sources.Single().Name.ShouldBe("Diplomats");
        entry.Summary.ShouldBe("Round scheduled: Baku; Syria, Israel; United States");
        entry.Data.GetProperty("venue").GetString().ShouldBe("Baku");
        entry.Data.GetProperty("plannedFor").GetProperty("precision").GetString().ShouldBe("range");
        entry.Mentions.Split('\n').ShouldContain("baku");
        entry.Mentions.Split('\n').ShouldContain("diplomats");
        entry.Mentions.ShouldBe(entry.Mentions.ToLowerInvariant());
        entry.TakenBack.ShouldBeNull();
        entry.TakesBack.ShouldBeNull();
    }

    [Fact]
    public void A_range_or_a_month_spans_from_its_first_to_its_last_possible_day()
    {
        var held = Recorded(new RoundHeld(RoundId, "Concluded", [], GivenRounds.Diplomats(GivenRounds.WeeksBefore)), "round_held", 8, Monday, 2);
        var entry = TimelineEntries.ForDevelopment(held);
        entry.OccurredFrom.ShouldBe(new DateOnly(2025, 8, 1));
        entry.OccurredUntil.ShouldBe(new DateOnly(2025, 9, 14));

        var month = GivenRounds.Diplomats(new Occurrence(new DateOnly(2025, 7, 1), DatePrecision.Month));
        TimelineEntries.ForDevelopment(Recorded(new RoundCancelled(RoundId, "Called off", month), "round_cancelled", 9, Monday, 2))
            .OccurredUntil.ShouldBe(new DateOnly(2025, 7, 31));
    }

    [Fact]
    public void A_retraction_is_an_entry_beside_the_development_it_names_and_flags_it()
    {
        var scheduled = Scheduled();
        var later = Monday.AddDays(2);
        var retraction = Recorded(new DevelopmentRetracted(scheduled.Id, "round_scheduled", "Misread the report"), "development_retracted", 12, later, 2);

        var entry = TimelineEntries.ForTakingBack(retraction, scheduled);
        var flagged = TimelineEntries.TakenBackBy(TimelineEntries.ForDevelopment(scheduled), retraction);

        entry.Concept.ShouldBe("Corrections");
        entry.TakesBack.ShouldBe(scheduled.Id);
        entry.Occurred.ShouldBe(Occurrence.On(Given.September15));
        entry.Recorded.ShouldBe(later);
        entry.Sources.ShouldBeEmpty();
        entry.Summary.ShouldBe("Development retracted: round_scheduled; Misread the report");
        entry.Mentions.Split('\n').ShouldContain("baku");
        flagged.TakenBack.ShouldBe(new TakenBack(retraction.Id, TakenBackKind.Retracted, later, "Misread the report"));
    }

    [Fact]
    public void A_correction_flags_the_development_as_corrected_and_a_retraction_of_an_unknown_event_still_has_a_place()
    {
        var scheduled = Scheduled();
        var correction = Recorded(new DevelopmentCorrected(scheduled.Id, "round_scheduled", "Wrong venue"), "development_corrected", 12, Monday.AddDays(1), 2);
        TimelineEntries.TakenBackBy(TimelineEntries.ForDevelopment(scheduled), correction).TakenBack!.Kind.ShouldBe(TakenBackKind.Corrected);

        var orphan = TimelineEntries.ForTakingBack(correction, target: null);
        orphan.Occurred.ShouldBe(Occurrence.On(new DateOnly(2025, 9, 16)));
        orphan.TakesBack.ShouldBe(scheduled.Id);
    }

    [Fact]
    public void The_same_event_always_gives_the_same_entry()
    {
        var e = Scheduled();
        JsonSerializer.Serialize(TimelineEntries.ForDevelopment(e), Api.Json).ShouldBe(JsonSerializer.Serialize(TimelineEntries.ForDevelopment(e), Api.Json));
    }

    [Fact]
    public void Every_development_and_both_ways_of_taking_one_back_are_on_the_timeline()
    {
        var types = TimelineEntries.EventTypes().ToList();
        types.ShouldContain(typeof(RoundScheduled));
        types.ShouldContain(typeof(DevelopmentRetracted));
        types.ShouldContain(typeof(DevelopmentCorrected));
        types.ShouldAllBe(t => typeof(IDevelopment).IsAssignableFrom(t) || t == typeof(DevelopmentRetracted) || t == typeof(DevelopmentCorrected));
        TimelineEntries.Concepts.ShouldContain("Understandings");
        TimelineEntries.Concepts.ShouldContain("Corrections");
    }
}
