using System.Net;
using Negotiations.Casualties;
using Negotiations.Commitments;
using Negotiations.Kernel;
using Negotiations.Tests.Casualties;
using Negotiations.Tests.Commitments;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Queries;

/// <summary>Developments the query tests start from, logged through the API.</summary>
public static class GivenQueries
{
    public static async Task<Guid> Roadmap(this AppFixture app) =>
        (await app.Post("/api/understandings", GivenCommitments.SweidaRoadmap())).ShouldBe(HttpStatusCode.Created).Id;

    public static async Task<Guid> Commitment(this AppFixture app, Guid understandingId, string text, DateOnly? deadline) =>
        (await app.Post("/api/commitments", GivenCommitments.JusticeForVictims(understandingId) with { Text = text, Deadline = deadline }))
        .ShouldBe(HttpStatusCode.Created).Id;

    /// <summary>Assesses the commitment at the level, on the day, citing the event that made it.</summary>
    public static async Task Assessed(this AppFixture app, Guid commitmentId, int level, DateOnly on, long version)
    {
        var made = (await app.StreamOf(commitmentId))[0].Id;
        (await app.Post($"/api/commitments/{commitmentId}/assessments",
            new AssessImplementation(level, "Per the mechanism's report", [made], GivenCommitments.FromJordan(on), version))).ShouldBe(HttpStatusCode.OK);
    }

    public static async Task<Guid> Claim(this AppFixture app, string source, string place, Occurrence period, CasualtyFigures figures) =>
        (await app.Post("/api/casualty-claims", GivenCasualties.SweidaToll() with
        {
            Source = source, Place = place, Period = period, Figures = figures, Breakdown = [],
            Provenance = Given.Reported(source: source, kind: SourceKind.Ngo)
        })).ShouldBe(HttpStatusCode.Created).Id;
}
