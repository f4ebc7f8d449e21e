using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Marten;
using Marten.Exceptions;
using JasperFx;
using JasperFx.Events;
using Negotiations.Understandings;

namespace Negotiations.Benchmarks;

/// <summary>
/// Marten in process, no HTTP: FetchForWriting + append + SaveChangesAsync, one session per command, its own stream,
/// and a new understanding (a proposal, counted as a command) once the one it holds has its share of developments.
/// </summary>
public sealed class StoreCommandClient<T>(IDocumentStore store, Guid id) : IClient where T : class
{
    private long version = 1;
    private int i;

    public static async Task<IClient> CreateAsync(IDocumentStore store) => new StoreCommandClient<T>(store, await ProposeAsync(store));

    private static async Task<Guid> ProposeAsync(IDocumentStore store, CancellationToken cancellation = default)
    {
        var id = Guid.CreateVersion7();
        await using var session = store.LightweightSession();
        session.Events.StartStream<T>(id, new UnderstandingProposed(id, "Plain", UnderstandingKind.Other,
            [new Party("Syria", PartyRole.Party)], PaxStage.PreNegotiation, Workload.Provenance(0, 0)));
        await session.SaveChangesAsync(cancellation);
        return id;
    }

    public async Task<Outcome> StepAsync(CancellationToken cancellation)
    {
        if (version >= Workload.DevelopmentsPerUnderstanding)
        {
            (id, version) = (await ProposeAsync(store, cancellation), 1);
            return Outcome.Ok;
        }
        await using var session = store.LightweightSession();
        try
        {
            var stream = await session.Events.FetchForWriting<T>(id, version, cancellation);
            var stage = version % 2 == 0 ? PaxStage.Ceasefire : PaxStage.FrameworkPartial;
            stream.AppendOne(new UnderstandingStageChanged(id, stage, Workload.Provenance(i % 2500, i++)));
            await session.SaveChangesAsync(cancellation);
            version++;
            return Outcome.Ok;
        }
        catch (Exception e) when (e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
        {
            version = (await session.Events.FetchStreamStateAsync(id, cancellation))!.Version;
            return Outcome.Conflict;
        }
    }
}

/// <summary>
/// A monitor moving its own understanding between two stages over HTTP, sending back the version it holds; with
/// <paramref name="renew"/>, a new understanding (a proposal, counted as a command) once the one it holds has its
/// share of developments.
/// </summary>
public sealed class HttpCommandClient(HttpClient http, Guid id, long version = 1, bool renew = true) : IClient
{
    private int i;
    public Guid Id => id;

    public static async Task<HttpCommandClient> CreateAsync(HttpClient http) => new(http, await ProposeAsync(http));

    private static async Task<Guid> ProposeAsync(HttpClient http, CancellationToken cancellation = default)
    {
        var id = Guid.CreateVersion7();
        using var response = await http.PostAsync("/api/understandings", Json(Workload.Propose(id, "Benchmark understanding")), cancellation);
        await Http.ExpectAsync(response, HttpStatusCode.Created);
        return id;
    }

    public async Task<Outcome> StepAsync(CancellationToken cancellation)
    {
        if (renew && version >= Workload.DevelopmentsPerUnderstanding)
        {
            (id, version) = (await ProposeAsync(http, cancellation), 1);
            return Outcome.Ok;
        }
        using var response = await http.PostAsync($"/api/understandings/{id}/stage", Json(Workload.ChangeStage(version, i++)), cancellation);
        if (response.StatusCode == HttpStatusCode.OK) { version++; return Outcome.Ok; }
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            using var current = await http.GetAsync($"/api/understandings/{id}", cancellation);
            version = JsonDocument.Parse(await current.Content.ReadAsStringAsync(cancellation)).RootElement.GetProperty("version").GetInt64();
            return Outcome.Conflict;
        }
        await Http.ExpectAsync(response, HttpStatusCode.OK);
        return Outcome.Failed;
    }

    public static StringContent Json(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}

/// <summary>A reader asking the same question again and again.</summary>
public sealed class HttpReadClient(HttpClient http, string path) : IClient
{
    public async Task<Outcome> StepAsync(CancellationToken cancellation)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellation);
        await Http.ExpectAsync(response, HttpStatusCode.OK);
        return Outcome.Ok;
    }
}

public static class Http
{
    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode == expected) return;
        var body = await response.Content.ReadAsStringAsync();
        throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: " +
                                            $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 400)]}");
    }
}
