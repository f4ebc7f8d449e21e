using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Negotiations.ReadModels;
using Negotiations.ReadModels.Timeline;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Timeline;

/// <summary>What a timeline page costs in round trips to PostgreSQL: the page, its total and its freshness together.</summary>
public class TimelineRoundTripTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_page_of_everything_is_one_round_trip_and_a_page_of_one_understanding_two()
    {
        var id = (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;
        (await app.Get("/api/timeline")).ShouldBe(HttpStatusCode.OK); // the tables exist: no check of the schema is counted below

        async Task<(TimelinePage Page, int RoundTrips)> Read(Guid? understandingId)
        {
            await using var session = app.Store.QuerySession();
            var trips = new RoundTrips();
            session.Logger = trips;
            var answer = await GetTimelineEndpoint.Get(session, CancellationToken.None, understandingId: understandingId);
            return (answer.Result.ShouldBeOfType<Ok<Fresh<TimelinePage>>>().Value!.Data, trips.Count);
        }

        var (everything, once) = await Read(null);
        everything.Page.ShouldBe(1);
        once.ShouldBe(1);

        var (one, twice) = await Read(id);
        one.Total.ShouldBe(one.Entries.Count);
        twice.ShouldBe(2);
    }
}
