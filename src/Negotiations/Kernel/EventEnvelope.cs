using System.Collections.Concurrent;
using System.Reflection;
using JasperFx.Events;

namespace Negotiations.Kernel;

/// <summary>
/// A decided event wrapped as Marten wraps it (Event&lt;T&gt;), before the commit. The constructor of each event type is
/// found once, not with MakeGenericType and Activator for every event.
/// </summary>
public static class EventEnvelope
{
    private static readonly ConcurrentDictionary<Type, Func<object, IEvent>> Factories = new();

    private static readonly MethodInfo Typed = typeof(EventEnvelope).GetMethod(nameof(Create), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static IEvent Of(object data) =>
        Factories.GetOrAdd(data.GetType(), type => Typed.MakeGenericMethod(type).CreateDelegate<Func<object, IEvent>>())(data);

    private static IEvent Create<T>(object data) where T : notnull => new Event<T>((T)data);
}
