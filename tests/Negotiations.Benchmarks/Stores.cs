using Negotiations.Kernel;
using JasperFx;
using JasperFx.Events.Projections;
using Marten;
using Negotiations.Operations.Hosting;
using Negotiations.Understandings;
using Weasel.Core;

namespace Negotiations.Benchmarks;

public static class Stores
{
    /// <summary>The same event store as the application's (StoreSetup.AddNegotiationsStore, its daemon policy and pages included), without Wolverine: for seeding and rebuilds.</summary>
    public static DocumentStore Application(string connectionString, string schema, Action<StoreOptions>? tune = null) => DocumentStore.For(options =>
    {
        Common(options, connectionString, schema);
        options.ConfigureNegotiationsModel();
        options.ConfigureDaemon();
        tune?.Invoke(options);
    });

    /// <summary>
    /// Plain Marten, none of our code: the same connection, serializer and event metadata, and one
    /// minimal aggregate snapshotted inline, like every write model of ours.
    /// </summary>
    public static DocumentStore Plain(string connectionString, string schema, Action<StoreOptions>? tune = null) => DocumentStore.For(options =>
    {
        Common(options, connectionString, schema);
        options.Projections.Snapshot<PlainUnderstanding>(SnapshotLifecycle.Inline);
        options.Projections.Add(new PlainTallyProjection(), ProjectionLifecycle.Async);
        tune?.Invoke(options);
    });

    /// <summary>
    /// Our store with only the inline projections an understanding's events concern (its write model, its details and
    /// its stream link): what filtering each inline projection to its own stream's events would give.
    /// </summary>
    public static DocumentStore OnlyUnderstandingProjections(string connectionString, string schema) => DocumentStore.For(options =>
    {
        Common(options, connectionString, schema);
        options.KeepInline(new UnderstandingProjection(), new UnderstandingDetailsProjection());
        options.Projections.Add<Negotiations.ReadModels.Links.StreamLinkProjection>(ProjectionLifecycle.Inline);
        // The same documents as our store's, so that the two share their tables.
        Negotiations.ReadModels.Links.StreamLinkProjection.ConfigureDocument(options);
        Negotiations.ReadModels.Status.OverviewColumns.Configure(options);
    });

    /// <summary>Plain Marten's common settings with the model given: for taking our store apart one piece at a time.</summary>
    public static DocumentStore With(string connectionString, string schema, Action<StoreOptions> model) => DocumentStore.For(options =>
    {
        Common(options, connectionString, schema);
        model(options);
    });

    private static void Common(StoreOptions options, string connectionString, string schema)
    {
        Negotiations.Operations.Hosting.StoreSetup.ConfigureStorage(options, connectionString, schema);
        options.DisableNpgsqlLogging = true;
    }
}

/// <summary>The cheapest projection Marten can rebuild: one small document per stream counting its events. The rebuild floor.</summary>
public sealed class PlainTally
{
    public Guid Id { get; set; }
    public int Events { get; set; }
}

public sealed class PlainTallyProjection : Marten.Events.Aggregation.SingleStreamProjection<PlainTally, Guid>
{
    public PlainTallyProjection() => Name = "PlainTally";

    public override PlainTally Evolve(PlainTally? snapshot, Guid id, JasperFx.Events.IEvent e) =>
        new() { Id = id, Events = (snapshot?.Events ?? 0) + 1 };
}

/// <summary>The smallest write model: what plain Marten needs to fetch for writing.</summary>
public sealed class PlainUnderstanding
{
    public Guid Id { get; set; }
    public PaxStage Stage { get; set; }
    public long Version { get; set; }

    public static PlainUnderstanding Create(UnderstandingProposed e) => new() { Id = e.UnderstandingId, Stage = e.Stage };

    public void Apply(UnderstandingStageChanged e) => Stage = e.Stage;
}
