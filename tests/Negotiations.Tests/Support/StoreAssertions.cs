using Marten;

namespace Negotiations.Tests.Support;

public static class StoreAssertions
{
    /// <summary>The events of a stream, as stored.</summary>
    public static async Task<IReadOnlyList<JasperFx.Events.IEvent>> StreamOf(this AppFixture app, Guid id)
    {
        await using var session = app.Store.QuerySession();
        return await session.Events.FetchStreamAsync(id);
    }

    /// <summary>How many events the whole store holds: rejected commands must leave it unchanged.</summary>
    public static async Task<long> EventCount(this AppFixture app)
    {
        await using var session = app.Store.QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }
}
