using System.Runtime.CompilerServices;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Runtime;

namespace Negotiations.Operations.Import;

/// <summary>
/// Lines of a field report decided in memory and committed together: one session, one SaveChangesAsync. The first line
/// that touches a stream fetches it for writing (with every other stream the lines ahead will need, in one batched
/// query); each line then folds its events into the held write model, so later lines see earlier ones. Only lines the
/// endpoint would accept are taken: anything the endpoint would refuse is left to the line-by-line path, which answers
/// it exactly, after this batch has committed.
/// </summary>
internal sealed class ImportBatch(IDocumentSession session, MessageContext messageContext, JsonSerializerOptions json) : IAsyncDisposable
{
    private readonly Dictionary<Guid, HeldStream> _streams = new();
    private readonly List<ParsedLine> _lines = [];

    /// <summary>The lines taken so far: they are applied when <see cref="CommitAsync"/> succeeds, and only then.</summary>
    public IReadOnlyList<ParsedLine> Lines => _lines;

    /// <summary>The streams the line and the lines after it touch that the batch does not hold yet, fetched in one round trip.</summary>
    public async Task FetchAsync(IEnumerable<ParsedLine> ahead, CancellationToken cancellation)
    {
        var wanted = new Dictionary<Guid, IWriteModelKind>();
        foreach (var line in ahead)
        {
            if (line.Batchable is not { } command || line.Command is null) continue;
            if (command.Model is { } model && TargetOf(line) is { } target && WriteModelKind.Of(model) is { } kind) wanted.TryAdd(target, kind);
            foreach (var named in command.Named)
                foreach (var id in named.In(line.Command)) wanted.TryAdd(id, WriteModelKind.Of(named.Model)!);
        }
        var missing = wanted.Where(w => !_streams.ContainsKey(w.Key)).ToList();
        if (missing.Count == 0) return;
        var batch = session.CreateBatchQuery();
        var fetches = missing.Select(w => (w.Key, Task: w.Value.Fetch(batch, w.Key))).ToList();
        await batch.Execute(cancellation);
        foreach (var (id, task) in fetches) _streams[id] = await task;
    }

    /// <summary>Whether the batch must fetch streams before it can decide this line.</summary>
    public bool NeedsFetch(ParsedLine line) =>
        line is { Batchable: { } command, Command: { } body }
        && ((command.Model is not null && TargetOf(line) is { } target && !_streams.ContainsKey(target))
            || command.Named.Any(named => named.In(body).Any(id => !_streams.ContainsKey(id))));

    /// <summary>The endpoint's answer to the line, decided in memory and its events queued; null when the endpoint would refuse it.</summary>
    public ImportLineResult? TryTake(ParsedLine line)
    {
        if (line is not { Batchable: { } command, Command: { } body }) return null;
        var result = command.StartsStream ? Start(line, command, body) : Change(line, command, body);
        if (result is not null) _lines.Add(line);
        return result;
    }

    private ImportLineResult? Change(ParsedLine line, BatchableCommand command, object body)
    {
        if (TargetOf(line) is not { } id || !_streams.TryGetValue(id, out var held) || held.Kind.Type != command.Model || held.Model is not { } model) return null;
        if (!Passes(command.Validated, body, null) || !Passes(command.Allowed, body, model)) return null;
        var decided = (ITuple)command.Decide(body, model)!;
        var events = (Events)decided[1]!;
        if (events.Count > 0) held.Append(events);
        held.Model = decided[0];
        return new ImportLineResult(line.Number, line.Name, StatusCodes.Status200OK, null, Answer(decided[0]!, command.Model!));
    }

    private ImportLineResult? Start(ParsedLine line, BatchableCommand command, object body)
    {
        if (!Passes(command.Validated, body, null)) return null;
        foreach (var named in command.Named)
            foreach (var namedId in named.In(body))
                if (!_streams.TryGetValue(namedId, out var held) || held.Model is not IRetractable { Retracted: false } stands || stands.GetType() != named.Model) return null;

        var decided = (ITuple)command.Decide(body, null)!;
        var (created, start) = ((CreationResponse<Guid>)decided[0]!, (IStartStream)decided[1]!);
        var id = start.StreamId;
        if (WriteModelKind.Of(start.AggregateType) is not { } kind || id == Guid.Empty) return null;
        // A stream the batch knows exists is a 409 the endpoint words; one fetched as another kind of stream is left to it too.
        if (_streams.TryGetValue(id, out var known) && (known.Model is not null || known.Kind != kind)) return null;

        var (model, events) = kind.Started(start.Events);
        if (model is null) return null;
        if (known is not null) known.Append(events); // fetched and found empty: it starts at the version it was read at, 0
        else session.Events.StartStream(kind.Type, id, events.ToArray());
        _streams[id] = known ?? new HeldStream(kind, null, appended => session.Events.Append(id, appended));
        _streams[id].Model = model;
        return new ImportLineResult(line.Number, line.Name, StatusCodes.Status201Created, created.Url, Answer(created, typeof(CreationResponse<Guid>)));
    }

    public async Task CommitAsync(CancellationToken cancellation)
    {
        await session.SaveChangesAsync(cancellation);
        await messageContext.FlushOutgoingMessagesAsync();
    }

    public ValueTask DisposeAsync() => session.DisposeAsync();

    private LineAnswer Answer(object value, Type declared) => LineAnswer.Deferred(value, declared, json);

    private static bool Passes(Func<object, object?, object?>? check, object body, object? model) =>
        check is null || ReferenceEquals(check(body, model), WolverineContinue.NoProblems);

    private static Guid? TargetOf(ParsedLine line) =>
        line.RouteValues.Count == 1 && Guid.TryParse(line.RouteValues.Values.Single(), out var id) ? id : null;
}
