using JasperFx.Events;

namespace Negotiations.Tests.Support;

public static class Events
{
    /// <summary>Wraps event data as Marten hands it to a fold: with an id and its version in the stream.</summary>
    public static IEvent<T> AsEvent<T>(this T data, Guid? id = null, long version = 1) where T : notnull =>
        new Event<T>(data) { Id = id ?? Guid.CreateVersion7(), Version = version, Timestamp = DateTimeOffset.UnixEpoch };
}
