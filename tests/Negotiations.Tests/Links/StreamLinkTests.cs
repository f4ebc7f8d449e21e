using Marten;
using Negotiations.ReadModels.Links;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Links;

public class StreamLinkTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Every_stream_that_concerns_an_understanding_is_linked_to_it_in_the_same_transaction()
    {
        var understanding = (await app.Post("/api/understandings", Given.DemilitarisedZone())).Id;
        var round = (await app.Post("/api/rounds", new
        {
            venue = "Baku", plannedFor = new { from = "2025-09-18" }, participants = new[] { "Syria", "Israel" },
            mediator = "United States", understandingIds = new[] { understanding }, provenance = Given.Reported()
        })).ShouldBe(System.Net.HttpStatusCode.Created).Id;

        await using var session = app.Store.QuerySession();
        (await session.LoadAsync<StreamLink>(understanding)).ShouldBe(
            new StreamLink(understanding, "Understandings", [understanding]), new StreamLinkComparer());
        var link = await session.LoadAsync<StreamLink>(round);
        link!.Concept.ShouldBe("Rounds");
        link.UnderstandingIds.ShouldBe([understanding]);
    }

    private sealed class StreamLinkComparer : IEqualityComparer<StreamLink>
    {
        public bool Equals(StreamLink? x, StreamLink? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Concept == y.Concept && x.UnderstandingIds.SequenceEqual(y.UnderstandingIds);

        public int GetHashCode(StreamLink obj) => obj.Id.GetHashCode();
    }
}
