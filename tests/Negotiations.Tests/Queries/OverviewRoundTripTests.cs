using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Negotiations.ReadModels.Status;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Queries;

/// <summary>What the overview costs in round trips to PostgreSQL, in a store of its own (no other test's commitments).</summary>
public class OverviewRoundTripTests(ClockedFixture app) : IClassFixture<ClockedFixture>
{
    [Fact]
    public async Task The_overview_is_one_round_trip_unless_the_first_page_leaves_the_overdue_list_open()
    {
        // Only these are overdue on the days asked about.
        var roadmap = await app.Roadmap();
        var first = await app.Commitment(roadmap, "Open the crossings", new DateOnly(1980, 1, 1));
        var tied = await app.Commitment(roadmap, "Exchange maps", new DateOnly(1980, 1, 2));
        await app.Commitment(roadmap, "Release detainees", new DateOnly(1980, 1, 2));
        await app.Commitment(roadmap, "Demine the fields", new DateOnly(1980, 1, 3));
        (await app.Get("/api/overview")).ShouldBe(HttpStatusCode.OK); // the tables exist: no check of the schema is counted below

        async Task<(Overview Overview, int RoundTrips)> Overview(string asOf, int limit)
        {
            await using var session = app.Store.QuerySession();
            var trips = new RoundTrips();
            session.Logger = trips;
            var answer = await GetOverviewEndpoint.Get(session, TimeProvider.System, CancellationToken.None, asOf, limit);
            return (answer.Result.ShouldBeOfType<Ok<Overview>>().Value!, trips.Count);
        }

        // Settled by the first page: one more overdue after the last one listed.
        var (settled, trips) = await Overview("1980-01-03", 1);
        settled.OverdueCommitments.Select(o => (o.CommitmentId, o.UnderstandingTitle)).ShouldBe([(first, "Sweida stabilisation roadmap")]);
        settled.MoreOverdue.ShouldBeTrue();
        trips.ShouldBe(1);

        // Two listed, and the page ends on a tie with the second one: the next page is read to see whether more ties follow.
        var (open, more) = await Overview("1980-01-04", 2);
        open.OverdueCommitments.Select(o => o.CommitmentId).ShouldBe([first, tied]); // the tie by text: "Exchange maps" first
        open.MoreOverdue.ShouldBeTrue();
        more.ShouldBe(2);
    }
}
