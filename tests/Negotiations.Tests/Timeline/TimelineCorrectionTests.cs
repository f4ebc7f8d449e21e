using System.Net;
using System.Text.Json.Nodes;
using Negotiations.Corrections;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Timeline;

/// <summary>The two time axes and the flags a retraction or correction leaves on the timeline.</summary>
public class TimelineCorrectionTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly September16 = new(2025, 9, 16);

    private async Task<(Guid Id, Guid StageEvent)> ProposedAndStaged()
    {
        var id = (await app.Post("/api/understandings", Given.DemilitarisedZone())).Id;
        (await app.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.Ceasefire, Given.Reported(), 1))).ShouldBe(HttpStatusCode.OK);
        return (id, (await app.StreamOf(id))[1].Id);
    }

    private Task<JsonNode> Timeline(Guid understanding, string query = "") => app.Timeline($"?understandingId={understanding}{query}");

    private static string At(DateTimeOffset moment) => Uri.EscapeDataString(moment.ToString("O"));

    private static string Type(JsonNode entry) => entry["eventType"]!.GetValue<string>();

    [Fact]
    public async Task A_correction_recorded_later_is_applied_only_from_when_it_was_known()
    {
        var (id, stageEvent) = await ProposedAndStaged();
        var before = (await Timeline(id)).Entry(stageEvent)["recorded"]!.GetValue<DateTimeOffset>();
        (await app.Post($"/api/developments/{stageEvent}/correction", new
        {
            reason = "It was a framework, a day later",
            replacement = new UnderstandingStageChanged(id, PaxStage.FrameworkPartial, Given.Reported(September16))
        })).ShouldBe(HttpStatusCode.OK);
        var stream = await app.StreamOf(id);
        var (correction, replacement) = (stream[2].Id, stream[3].Id);

        // Now: the original flagged as corrected, the correction beside it, the replacement on its own day.
        var now = await Timeline(id);
        now.Ids().ShouldBe([stream[0].Id, stageEvent, correction, replacement]);
        var original = now.Entry(stageEvent)["takenBack"]!;
        original["kind"]!.GetValue<string>().ShouldBe("corrected");
        original["by"]!.GetValue<Guid>().ShouldBe(correction);
        original["reason"]!.GetValue<string>().ShouldBe("It was a framework, a day later");
        now.Entry(correction)["takesBack"]!.GetValue<Guid>().ShouldBe(stageEvent);
        var recordedAt = original["recordedAt"]!.GetValue<DateTimeOffset>();
        recordedAt.ShouldBeGreaterThan(before);

        // As we knew it before the correction: the original stands, untouched.
        var known = await Timeline(id, $"&knownAt={At(before)}");
        known.Ids().ShouldBe([stream[0].Id, stageEvent]);
        known.Entry(stageEvent)["takenBack"].ShouldBeNull();
        (await Timeline(id, $"&knownAt={At(before)}&includeTakenBack=false")).Ids().ShouldBe([stream[0].Id, stageEvent]);

        // As we knew it once the correction was recorded (any offset): the same as now.
        (await Timeline(id, $"&knownAt={At(recordedAt.ToOffset(TimeSpan.FromHours(3)))}")).Ids().ShouldBe(now.Ids());

        // As it stood on the 15th, knowing what we know now: the original is taken back, the replacement had not happened yet.
        (await Timeline(id, "&asOf=2025-09-15")).Ids().ShouldBe([stream[0].Id, stageEvent, correction]);
        (await Timeline(id, "&asOf=2025-09-15&includeTakenBack=false")).Ids().ShouldBe([stream[0].Id]);
        (await Timeline(id, "&asOf=2025-09-16&includeTakenBack=false")).Ids().ShouldBe([stream[0].Id, replacement]);

        // Both axes: on the 15th, as known before the correction.
        var both = await Timeline(id, $"&asOf=2025-09-15&knownAt={At(before)}&includeTakenBack=false");
        both.Ids().ShouldBe([stream[0].Id, stageEvent]);
        both.Entry(stageEvent)["takenBack"].ShouldBeNull();
    }

    [Fact]
    public async Task A_retraction_flags_the_development_and_can_be_hidden_with_it()
    {
        var (id, stageEvent) = await ProposedAndStaged();
        (await app.Post($"/api/developments/{stageEvent}/retraction", new RetractDevelopment("Misread the report"))).ShouldBe(HttpStatusCode.OK);
        var retraction = (await app.StreamOf(id))[2].Id;

        var timeline = await Timeline(id);

        timeline.Ids().ShouldBe([(await app.StreamOf(id))[0].Id, stageEvent, retraction]);
        var flag = timeline.Entry(stageEvent)["takenBack"]!;
        flag["kind"]!.GetValue<string>().ShouldBe("retracted");
        flag["reason"]!.GetValue<string>().ShouldBe("Misread the report");
        var entry = timeline.Entry(retraction);
        Type(entry).ShouldBe("development_retracted");
        entry["concept"]!.GetValue<string>().ShouldBe("Corrections");
        entry["takesBack"]!.GetValue<Guid>().ShouldBe(stageEvent);
        entry["occurredFrom"]!.GetValue<string>().ShouldBe("2025-09-15");

        (await Timeline(id, "&includeTakenBack=false")).Entries().Select(Type).ShouldBe(["understanding_proposed"]);
        (await app.Timeline($"?understandingId={id}&concept=corrections")).Ids().ShouldBe([retraction]);
    }
}
