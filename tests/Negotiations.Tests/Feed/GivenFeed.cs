using Marten;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Feed;

public static class GivenFeed
{
    /// <summary>The highest sequence committed so far: a feed started after it sees only what follows.</summary>
    public static async Task<long> LastSequence(this AppFixture app)
    {
        await using var session = app.Store.QuerySession();
        return (await session.QueryAsync<long>($"select coalesce(max(seq_id), 0) from {app.Schema}.mt_events")).Single();
    }

    public static Guid StreamId(this Sse e) => e.Json["streamId"]!.GetValue<Guid>();
}
