using Marten;
using Negotiations.Kernel;
using Marten.Services.BatchQuerying;
using Negotiations.Corrections;

namespace Negotiations.Operations.Import;

/// <summary>A write model type, for code that knows it only at run time: its fold, and how to fetch its stream for writing.</summary>
internal interface IWriteModelKind
{
    Type Type { get; }

    /// <summary>The events a new stream starts with, numbered from version 1, and the write model they fold into (null: none).</summary>
    (object? Model, IReadOnlyList<object> Events) Started(IEnumerable<object> decided);

    /// <summary>Queues FetchForWriting in a batched query; the task gives the model as the stream's version left it, and how to append to it.</summary>
    Task<HeldStream> Fetch(IBatchedQuery batch, Guid id);
}

internal static class WriteModelKind
{
    private static readonly Dictionary<Type, IWriteModelKind> Kinds = WriteModels.Types.Values
        .ToDictionary(t => t, t => (IWriteModelKind)Activator.CreateInstance(typeof(WriteModelKind<>).MakeGenericType(t))!);

    public static IWriteModelKind? Of(Type type) => Kinds.GetValueOrDefault(type);
}

internal sealed class WriteModelKind<T> : IWriteModelKind where T : class, IWriteModel<T>
{
    public Type Type => typeof(T);

    public (object? Model, IReadOnlyList<object> Events) Started(IEnumerable<object> decided) => Answer.Folded<T>(null, decided);

    public async Task<HeldStream> Fetch(IBatchedQuery batch, Guid id)
    {
        var stream = await batch.Events.FetchForWriting<T>(id);
        return new HeldStream(this, stream.Aggregate, events => stream.AppendMany(events));
    }
}

/// <summary>
/// A stream an import batch holds: its write model as the batch's lines have left it (null while it does not exist),
/// and where its events go. Fetched streams append with the version they were read at, so a concurrent writer fails
/// the batch's commit.
/// </summary>
internal sealed class HeldStream(IWriteModelKind kind, object? model, Action<IReadOnlyList<object>> append)
{
    public IWriteModelKind Kind { get; } = kind;
    public object? Model { get; set; } = model;
    public Action<IReadOnlyList<object>> Append { get; set; } = append;
}
