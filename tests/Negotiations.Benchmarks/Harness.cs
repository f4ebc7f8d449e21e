using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using JasperFx.Events;
using Marten;
using Negotiations.Understandings;

namespace Negotiations.Benchmarks;

/// <summary>
/// Runs every benchmark in one process against a fresh schema of the local PostgreSQL (created and dropped
/// here) and prints a table: each figure next to a baseline measured in the same run.
/// Usage: dotnet run -c Release --project tests/Negotiations.Benchmarks -- [--quick|--full] [--no-dynamic] [--only import|chain|places] [--out FILE] [--keep]
/// </summary>
public static class Harness
{
    public static async Task<int> Main(string[] args)
    {
        var settings = Settings.From(args);
        if (args.Contains("--rebuild-tuning")) return await RebuildTuning.RunAsync(settings, args);
        if (args.Contains("--command-ladder")) return await CommandLadder.RunAsync(settings, args);
        if (args.Contains("--profile-commands")) return await CommandProfile.RunAsync(settings, args);
        var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
        var total = Stopwatch.StartNew();
        var db = new Database(settings.ConnectionString);
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..10];
        var plainSchema = schema + "_plain";
        var report = new Report();
        var machine = await MachineAsync(db);
        Console.WriteLine($"Negotiations benchmarks, {(settings.Quick ? "quick" : "full")} mode, schema {schema}");
        Console.WriteLine(machine);
        if (AppProcess.Configuration != "Release") Console.WriteLine("WARNING: a Debug build; run with -c Release for figures that mean anything.");

        var run = new Run(settings, db, schema, plainSchema, report);
        try
        {
            await db.ExecuteAsync($"create schema \"{schema}\"");
            await run.Phase("baselines: raw COPY", run.CopyBaselineAsync);
            await run.Phase("baselines: plain Marten", run.PlainMartenAsync);
            if (settings.Only == "import") await run.Phase("import over HTTP", run.ImportOnlyAsync);
            else if (settings.Only == "chain") await run.Phase("the hash chain's cost to appends", run.ChainCostAsync);
            else if (settings.Only == "places") await run.Phase("spatial reads", run.SpatialReadsAsync);
            else
            {
                await run.Phase("commands and import over HTTP", run.CommandsAndImportAsync);
                await run.Phase("the hash chain's cost to appends", run.ChainCostAsync);
                await run.Phase("start-up", run.StartupAsync);
                await run.Phase("seed, raw read, rebuild", run.SeedAndRebuildAsync);
                await run.Phase("reads under load, time travel, growth", run.ReadsAsync);
                await run.Phase("spatial reads", run.SpatialReadsAsync);
            }
        }
        finally
        {
            if (args.Contains("--keep")) Console.WriteLine($"Kept the schemas {schema} and {plainSchema} (--keep): drop them yourself.");
            else
            {
                await db.DropSchemaAsync(schema);
                await db.DropSchemaAsync(plainSchema);
                await db.DropSchemaAsync(schema + "_bare");
            }
        }

        var table = new StringBuilder()
            .AppendLine($"Command: `dotnet run -c Release --project tests/Negotiations.Benchmarks -- {string.Join(' ', args)}`".Replace("--  ", "-- "))
            .AppendLine()
            .AppendLine(machine + $"; load average at the end: {LoadAverage()}; run took {total.Elapsed.TotalSeconds:0} s")
            .AppendLine()
            .Append(report.Markdown())
            .ToString();
        Console.WriteLine();
        Console.WriteLine(table);
        if (output is not null) await File.WriteAllTextAsync(output, table);
        return run.Failures == 0 ? 0 : 1;
    }

    private static async Task<string> MachineAsync(Database db)
    {
        var memory = File.Exists("/proc/meminfo")
            ? (await File.ReadAllLinesAsync("/proc/meminfo")).First(l => l.StartsWith("MemTotal")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : "?";
        var gib = long.TryParse(memory, out var kb) ? $"{kb / 1024.0 / 1024:0.0} GiB" : "?";
        return $"Machine: {Environment.ProcessorCount} cores, {gib} memory, PostgreSQL {await db.ServerVersionAsync()}, .NET {Environment.Version}, " +
               $"load average at the start: {LoadAverage()}";
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}

/// <summary>The phases of one run and what they pass on to each other.</summary>
public sealed class Run(Settings settings, Database db, string schema, string plainSchema, Report report)
{
    public int Failures { get; private set; }

    private double copyRate, plainBulkRate, plainRebuildRate;
    private double smallStoreAppendP50, smallStoreReadP50;
    private Guid statusUnderstanding;
    private readonly Dictionary<int, Guid> longHistories = [];
    private long storeEvents;

    public async Task Phase(string name, Func<Task> phase)
    {
        Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {name} (load average {Harness.LoadAverage()})");
        var clock = Stopwatch.StartNew();
        try
        {
            await phase();
        }
        catch (Exception e)
        {
            Failures++;
            report.Note($"Phase '{name}' failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            Console.WriteLine(e);
        }
        Console.WriteLine($"  ({clock.Elapsed.TotalSeconds:0.0} s)");
    }

    public async Task CopyBaselineAsync()
    {
        await db.CopyRowsPerSecondAsync(schema, Math.Min(5_000, settings.CopyRows)); // warm-up
        copyRate = await db.CopyRowsPerSecondAsync(schema, settings.CopyRows);
        report.Add(new Row($"baseline: Npgsql binary COPY, {Format.N(settings.CopyRows)} event-sized rows (~300 B jsonb) into a plain table",
            Format.Rate(copyRate, "rows"), "", null, "", null));
    }

    public async Task PlainMartenAsync()
    {
        await using var plain = Stores.Plain(settings.ConnectionString, plainSchema);
        await plain.BulkInsertEventsAsync(Workload.Clusters((Marten.Events.EventGraph)plain.Options.Events, 1_000), 1000); // warm-up, creates the schema
        var streams = Workload.Clusters((Marten.Events.EventGraph)plain.Options.Events, settings.PlainBulkEvents, firstCluster: 100_000);
        var events = streams.Sum(s => s.Events.Count);
        var clock = Stopwatch.StartNew();
        await plain.BulkInsertEventsAsync(streams, 1000);
        plainBulkRate = events / clock.Elapsed.TotalSeconds;
        report.Add(new Row($"baseline: plain Marten BulkInsertEventsAsync, {Format.N(events)} events", Format.Rate(plainBulkRate, "events"),
            Format.Rate(copyRate, "rows") + " COPY", plainBulkRate / copyRate, "", null));

        // The rebuild floor: Marten's daemon rebuilding the cheapest projection there is, against the raw read of the same table.
        await db.AnalyzeAsync(plainSchema);
        var (plainRead, plainRows, _) = await db.RawReadAsync(plainSchema);
        using var daemon = await plain.BuildProjectionDaemonAsync();
        clock.Restart();
        await daemon.RebuildProjectionAsync("PlainTally", TimeSpan.FromMinutes(30), CancellationToken.None);
        plainRebuildRate = plainRows / clock.Elapsed.TotalSeconds;
        report.Add(new Row($"baseline: plain Marten rebuild of a trivial projection (a counter per stream), {Format.N(plainRows)} events",
            Format.Rate(plainRebuildRate, "events"), Format.Rate(plainRead, "rows") + " raw read", plainRebuildRate / plainRead, "", null));

    }

    /// <summary>Process start to the first 200 from /health, and to the first command answered 201, per type load mode.</summary>
    public async Task StartupAsync()
    {
        // Interleaved (Static, Dynamic, published, Static, ...) and the best of each kept: the machine's load only ever adds time.
        var builds = new List<(string Name, string Mode, string? Dll)> { ("TypeLoadMode Static", "Static", null) };
        if (settings.Dynamic) builds.Add(("TypeLoadMode Dynamic", "Dynamic", null));
        var published = File.Exists(AppProcess.PublishedDll);
        if (published) builds.Add(("ReadyToRun publish (eventstore-scripts/publish), Static", "Static", AppProcess.PublishedDll));
        var runs = builds.ToDictionary(b => b.Name, _ => new List<(TimeSpan Health, TimeSpan Command)>());
        for (var i = 0; i < settings.StartupRuns; i++)
            foreach (var build in builds) runs[build.Name].Add(await StartOnceAsync(build.Mode, build.Dll));
        foreach (var (name, _, _) in builds)
        {
            var health = runs[name].Min(r => r.Health.TotalMilliseconds);
            var command = runs[name].Min(r => r.Command.TotalMilliseconds);
            var best = runs[name].Count > 1 ? $", best of {runs[name].Count}" : "";
            report.Add(new Row($"(8) start-up, {name}: process start to /health 200{best}", Format.Ms(health), "", null, "<= 2 s", health <= 2000));
            report.Add(new Row($"(8) start-up, {name}: process start to first command 201{best}", Format.Ms(command), "", null, "<= 2 s", command <= 2000));
        }
        if (!published) report.Note("start-up of the ReadyToRun publish not measured: run eventstore-scripts/publish before the harness.");
    }

    private async Task<(TimeSpan Health, TimeSpan Command)> StartOnceAsync(string mode, string? dll)
    {
        await using var app = AppProcess.Start(settings.ConnectionString, schema, mode, dll: dll);
        var health = await app.WaitHealthyAsync(TimeSpan.FromMinutes(3));
        var id = Guid.CreateVersion7();
        using var response = await app.Http.PostAsync("/api/understandings", HttpCommandClient.Json(Workload.Propose(id, "Start-up")));
        await Http.ExpectAsync(response, HttpStatusCode.Created);
        return (health, app.Elapsed);
    }

    public async Task CommandsAndImportAsync()
    {
        // The first start creates the schema (Marten's and Wolverine's tables): measured, but apart from the start-up figures.
        await using var app = AppProcess.Start(settings.ConnectionString, schema, "Static");
        var health = await app.WaitHealthyAsync(TimeSpan.FromMinutes(3));
        var firstCommand = await HttpCommandClient.CreateAsync(app.Http);
        report.Add(new Row("(8) start-up, first ever (creates the schema), Static: to /health 200 / to first command 201",
            $"{Format.Ms(health.TotalMilliseconds)} / {Format.Ms(app.Elapsed.TotalMilliseconds)}", "", null, "", null));
        await HttpCommands(app, 2, TimeSpan.FromSeconds(1)); // warm-up

        // Read latency on the near-empty store, without load: the base of the growth figure (after a warm-up: the first read compiles its queries).
        await Load.RunAsync(1, TimeSpan.FromMilliseconds(500), _ => Task.FromResult<IClient>(new HttpReadClient(app.Http, $"/api/understandings/{firstCommand.Id}/status")));
        var small = await Load.RunAsync(1, TimeSpan.FromSeconds(1), _ => Task.FromResult<IClient>(new HttpReadClient(app.Http, $"/api/understandings/{firstCommand.Id}/status")));
        smallStoreReadP50 = small.Latencies.P50;

        await using var plain = Stores.Plain(settings.ConnectionString, plainSchema);
        await PlainCommands(plain, 2, TimeSpan.FromSeconds(1)); // warm-up

        // The floor of the HTTP hop: GET /health (one trivial query) from one client.
        var floor = await Load.RunAsync(1, settings.CommandDuration / 2, _ => Task.FromResult<IClient>(new HttpReadClient(app.Http, "/health")));
        report.Add(new Row("baseline: GET /health over HTTP (one trivial query), 1 client", $"{Format.Rate(floor.PerSecond, "req")}, {floor.Latencies.Summary}",
            "", null, "", null));

        var fastest = (Rate: 0.0, P99: 0.0, Clients: 0);
        foreach (var clients in settings.Concurrency)
        {
            // Interleaved, half the time each, twice: the machine's load drifts, and the ratio is what counts.
            var half = settings.CommandDuration / 2;
            var profiled = clients == settings.Concurrency[0];
            if (profiled) await Task.Delay(1500); // statistics reach pg_stat_user_tables up to a second after the transaction
            var plainBefore = profiled ? await db.TableStatsAsync(plainSchema) : null;
            var (p1, plainCpu1) = await Measured(() => PlainCommands(plain, clients, half));
            var ourBefore = profiled ? await db.TableStatsAsync(schema) : null;
            var (o1, ourCpu1) = await Measured(() => HttpCommands(app, clients, half), app.ProcessId);
            if (profiled)
            {
                await Task.Delay(1500); // statistics reach pg_stat_user_tables up to a second after the transaction
                report.Note($"Profile of one ChangeStage over HTTP, per command, from pg_stat_user_tables (the async daemon's work included): " +
                            Database.PerCommand(ourBefore!, await db.TableStatsAsync(schema), null));
                report.Note($"Profile of one plain-Marten FetchForWriting+append+SaveChanges, per command: " +
                            Database.PerCommand(plainBefore!, await db.TableStatsAsync(plainSchema), null));

                // Where the difference goes: our store (our inline projections) in process, no HTTP, no Wolverine; and the
                // same with only the inline projections an understanding's events concern. Interleaved, like the rest.
                await using var ours = Stores.Application(settings.ConnectionString, schema);
                await using var only = Stores.OnlyUnderstandingProjections(settings.ConnectionString, schema);
                var all1 = await Load.RunAsync(clients, half, _ => StoreCommandClient<Understanding>.CreateAsync(ours));
                var concerned1 = await Load.RunAsync(clients, half, _ => StoreCommandClient<Understanding>.CreateAsync(only));
                var all2 = await Load.RunAsync(clients, half, _ => StoreCommandClient<Understanding>.CreateAsync(ours));
                var concerned2 = await Load.RunAsync(clients, half, _ => StoreCommandClient<Understanding>.CreateAsync(only));
                // And the application over HTTP with neither the async daemon nor the chain writer (its own schema, so that
                // the first application's daemon does not work on its events): what the work after the commit costs.
                await using var bare = AppProcess.Start(settings.ConnectionString, schema + "_bare", "Static",
                    new Dictionary<string, string> { ["Negotiations__Daemon"] = "Disabled", ["Audit__WriteChain"] = "false" });
                await bare.WaitHealthyAsync(TimeSpan.FromMinutes(3));
                // Warmed up as long as the first application was before its first window: a new process runs unoptimised code at first.
                await HttpCommands(bare, clients, TimeSpan.FromSeconds(4));
                var (bare1, bareCpu1) = await Measured(() => HttpCommands(bare, clients, half), bare.ProcessId);
                var full1 = await HttpCommands(app, clients, half);
                var (bare2, bareCpu2) = await Measured(() => HttpCommands(bare, clients, half), bare.ProcessId);
                var full2 = await HttpCommands(app, clients, half);
                var (withoutAfter, withAfter) = (bare1.Merge(bare2), full1.Merge(full2));
                report.Note($"{clients} client(s): ChangeStage over HTTP without the async daemon and the chain writer, {bareCpu1.Plus(bareCpu2).PerCommand}");
                report.Add(new Row($"decomposition: ChangeStage over HTTP without the async daemon and the chain writer, {clients} client(s)",
                    $"{Format.Rate(withoutAfter.PerSecond, "cmd")}, {withoutAfter.Latencies.Summary}", Format.Rate(withAfter.PerSecond, "cmd") + " with them",
                    withoutAfter.PerSecond / withAfter.PerSecond, "", null));
                var (inProcess, concerned) = (all1.Merge(all2), concerned1.Merge(concerned2));
                int Inline(DocumentStore store) => store.Options.Projections.All.Count(p => p.Lifecycle == JasperFx.Events.Projections.ProjectionLifecycle.Inline);
                report.Add(new Row($"decomposition: our store in process (FetchForWriting<Understanding>, our {Inline(ours)} inline projections, no HTTP, no Wolverine), {clients} client(s)",
                    $"{Format.Rate(inProcess.PerSecond, "cmd")}, {inProcess.Latencies.Summary}", "", null, "", null));
                report.Add(new Row($"decomposition: the same with only the {Inline(only)} inline projections an understanding's events concern, {clients} client(s)",
                    $"{Format.Rate(concerned.PerSecond, "cmd")}, {concerned.Latencies.Summary}", Format.Rate(inProcess.PerSecond, "cmd") + $" with all {Inline(ours)}",
                    concerned.PerSecond / inProcess.PerSecond, "", null));
            }
            var (p2, plainCpu2) = await Measured(() => PlainCommands(plain, clients, half));
            var (o2, ourCpu2) = await Measured(() => HttpCommands(app, clients, half), app.ProcessId);
            report.Note($"{clients} client(s): plain Marten in process, {plainCpu1.Plus(plainCpu2).PerCommand}; " +
                        $"ChangeStage over HTTP, {ourCpu1.Plus(ourCpu2).PerCommand} (the daemon's and the chain writer's work included)");
            var plainResult = p1.Merge(p2);
            var result = o1.Merge(o2);
            report.Add(new Row($"baseline: plain Marten FetchForWriting+append+SaveChanges, {clients} client(s), in process",
                $"{Format.Rate(plainResult.PerSecond, "cmd")}, {plainResult.Latencies.Summary}", "", null, "", null));
            if (plainResult.Failed > 0) report.Note($"plain Marten at {clients}: {plainResult.Failed} failed: {plainResult.FirstFailure}");
            var ratio = result.PerSecond / plainResult.PerSecond;
            report.Add(new Row($"(1) ChangeStage over HTTP, {clients} client(s), each its own understanding",
                $"{Format.Rate(result.PerSecond, "cmd")}, {result.Latencies.Summary}" + (result.Conflicts > 0 ? $", {result.Conflicts} x 409" : ""),
                $"{Format.Rate(plainResult.PerSecond, "cmd")} plain Marten", ratio, ">= 70% of plain Marten", ratio >= 0.7));
            if (result.Failed > 0) report.Note($"HTTP commands at {clients}: {result.Failed} failed: {result.FirstFailure}");
            if (clients == 1) smallStoreAppendP50 = result.Latencies.P50;
            if (result.PerSecond > fastest.Rate) fastest = (result.PerSecond, result.Latencies.P99, clients);
        }
        report.Add(new Row("(1) p99 at the highest command rate reached over HTTP",
            $"p99 {Format.Ms(fastest.P99)} at {Format.Rate(fastest.Rate, "cmd")} ({fastest.Clients} clients)", "", null,
            "p99 <= 20 ms at 1,000 cmd/s", fastest.Rate >= 1000 && fastest.P99 <= 20));


        await ImportAsync(app, "field report (many short streams)", Workload.FieldReport(settings.ImportLines).ToList());
        await ImportAsync(app, "mechanism's meetings (one long stream)", Workload.MechanismMeetings(settings.ImportLines).ToList());
    }

    /// <summary>Only the baselines the import is compared with, then the import (--only import).</summary>
    public async Task ImportOnlyAsync()
    {
        await using var app = AppProcess.Start(settings.ConnectionString, schema, "Static",
            new Dictionary<string, string> { ["Logging__LogLevel__Negotiations.Operations.Import"] = "Information" });
        await app.WaitHealthyAsync(TimeSpan.FromMinutes(3));
        await HttpCommandClient.CreateAsync(app.Http); // warm-up
        await ImportAsync(app, "field report (many short streams)", Workload.FieldReport(settings.ImportLines).ToList());
        await ImportAsync(app, "mechanism's meetings (one long stream)", Workload.MechanismMeetings(settings.ImportLines).ToList());
        // Where the import's time went, as the application logs it.
        foreach (var line in app.LastOutput.Split(Environment.NewLine).Where(l => l.Contains("Import of"))) Console.Error.WriteLine("  " + line.Trim());
    }

    /// <summary>
    /// The spatial reads (issue 20) on a store of their own: incidents imported with their places, then the incidents
    /// inside a zone, in a box and within 10 km of the zone over HTTP, each next to the inside-the-box question asked of
    /// PostGIS directly (the same rows, features built by SQL). Reads one after the other, no write load.
    /// </summary>
    public async Task SpatialReadsAsync()
    {
        var spatial = schema + "_places";
        try
        {
            await using var app = AppProcess.Start(settings.ConnectionString, spatial, "Static");
            await app.WaitHealthyAsync(TimeSpan.FromMinutes(3));
            var (zone, zoneLines) = SpatialReads.Zone();
            var clock = Stopwatch.StartNew();
            foreach (var part in zoneLines.Concat(SpatialReads.Incidents(settings.SpatialIncidents)).Chunk(LinesPerImport))
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = new StringContent(string.Join('\n', part) + "\n", Encoding.UTF8, "application/x-ndjson") };
                using var response = await app.Http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                await Http.ExpectAsync(response, HttpStatusCode.OK);
            }
            var imported = settings.SpatialIncidents / clock.Elapsed.TotalSeconds;
            await db.AnalyzeAsync(spatial);
            report.Add(new Row($"(20) import of {Format.N(settings.SpatialIncidents)} incidents with their places (PostGIS row kept inline)",
                Format.Rate(imported, "events"), Format.Rate(copyRate, "rows") + " COPY", imported / copyRate, "", null));

            var requests = settings.TimeTravelRequests * 2;
            var (raw, rows) = await SpatialReads.RawInsideAsync(settings.ConnectionString, spatial, requests);
            report.Add(new Row($"baseline: the incidents in the zone's box as one SQL statement over Npgsql (GiST index), {Format.N(rows)} of {Format.N(settings.SpatialIncidents)} rows",
                raw.Summary, "", null, "", null));
            var hop = await SpatialReads.HttpAsync(app.Http, "/health/database", requests);
            report.Add(new Row("baseline: one HTTP hop with one trivial query (GET /health/database), no load", hop.Summary, "", null, "", null));
            foreach (var (name, path) in new[]
                     {
                         ("GET /api/incidents?zoneId= (inside the zone's area)", $"/api/incidents?zoneId={zone}"),
                         ("GET /api/incidents?bbox= (the zone's box)", $"/api/incidents?bbox={SpatialReads.ZoneBox}"),
                         ("GET /api/incidents?zoneId=&withinKm=10 (geography)", $"/api/incidents?zoneId={zone}&withinKm=10"),
                         ("GET /api/incidents?zoneId=&knownAt= (the zone's area folded as recorded then)", $"/api/incidents?zoneId={zone}&knownAt={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}"),
                         ("GET /api/zones (the zones' latest drawings)", "/api/zones")
                     })
            {
                var http = await SpatialReads.HttpAsync(app.Http, path, requests);
                report.Add(new Row($"(20) {name}, {Format.N(settings.SpatialIncidents)} incidents", http.Summary,
                    $"p50 {Format.Ms(raw.P50)} raw SQL + {Format.Ms(hop.P50)} hop", http.P50 / (raw.P50 + hop.P50), "", null));
            }
        }
        finally
        {
            await db.DropSchemaAsync(spatial);
        }
    }

    /// <summary>Lines per import request: HttpClient sends a whole body before it reads the answers streamed back.</summary>
    private const int LinesPerImport = 5_000;

    /// <summary>
    /// Bulk import: a field report through POST /api/import, in requests of 5,000 lines one after the other. The
    /// answers stream back while the report is sent; HttpClient over HTTP/1.1 reads nothing before it has sent the
    /// whole body, so a single request whose answers outgrow the sockets' buffers would stall both sides.
    /// </summary>
    private async Task ImportAsync(AppProcess app, string shape, List<string> lines)
    {
        var before = await EventCountAsync();
        var clock = Stopwatch.StartNew();
        var summary = "";
        foreach (var part in lines.Chunk(LinesPerImport))
        {
            var body = string.Join('\n', part) + "\n";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = new StringContent(body, Encoding.UTF8, "application/x-ndjson") };
            using var response = await app.Http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var answer = await response.Content.ReadAsStringAsync();
            summary = answer.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var appended = await EventCountAsync() - before;
        var rate = appended / seconds;
        var requests = (lines.Count + LinesPerImport - 1) / LinesPerImport;
        report.Add(new Row($"(2) import of a {Format.N(lines.Count)}-line {shape}, POST /api/import ({requests} request{(requests == 1 ? "" : "s")} of up to {Format.N(LinesPerImport)} lines)",
            $"{Format.Rate(rate, "events")} ({Format.N(appended)} events)", $"{Format.Rate(copyRate, "rows")} COPY; {Format.Rate(plainBulkRate, "events")} Marten bulk",
            rate / copyRate, ">= 50,000 events/s, >= 25% of COPY", rate >= 50_000 && rate / copyRate >= 0.25));
        if (appended != lines.Count) report.Note($"import: {appended} events appended for {lines.Count} lines; last summary {summary}");
    }

    /// <summary>
    /// Command throughput at 4 clients with the chain writer on and off (Audit__WriteChain), each side in its own process,
    /// interleaved (on, off, on, off). Each window starts once the chain has caught up with the log and ends once it
    /// has chained every event appended in it: the writer works after the commit, and its cost belongs to the window.
    /// The writer polls every 100 ms here (1 s by default), so that waiting for its next round adds little idle time.
    /// </summary>
    public async Task ChainCostAsync()
    {
        const int clients = 4;
        var window = settings.CommandDuration < TimeSpan.FromSeconds(3) ? TimeSpan.FromSeconds(3) : settings.CommandDuration;
        var runs = new Dictionary<bool, List<(long Commands, double Seconds)>> { [true] = [], [false] = [] };
        for (var round = 0; round < 2; round++)
            foreach (var chain in new[] { true, false })
            {
                await using var app = AppProcess.Start(settings.ConnectionString, schema, "Static",
                    new Dictionary<string, string> { ["Audit__WriteChain"] = chain ? "true" : "false", ["Audit__PollMilliseconds"] = "100" });
                await app.WaitHealthyAsync(TimeSpan.FromMinutes(3));
                await HttpCommands(app, clients, TimeSpan.FromSeconds(1)); // warm-up
                if (chain) await ChainCaughtUpAsync(TimeSpan.FromMinutes(2));
                var clock = Stopwatch.StartNew();
                var result = await HttpCommands(app, clients, window);
                if (chain) await ChainCaughtUpAsync(TimeSpan.FromMinutes(2));
                runs[chain].Add((result.Ok, clock.Elapsed.TotalSeconds));
                if (result.Failed > 0) report.Note($"chain {(chain ? "on" : "off")}: {result.Failed} failed: {result.FirstFailure}");
            }
        double Rate(bool chain) => runs[chain].Sum(r => r.Commands) / runs[chain].Sum(r => r.Seconds);
        var (on, off) = (Rate(true), Rate(false));
        report.Add(new Row($"(6) ChangeStage over HTTP, {clients} clients, chain writer on (until every event is chained) vs off",
            Format.Rate(on, "cmd"), Format.Rate(off, "cmd") + " chain writer off", on / off, "cost <= 10% (>= 90%)", on / off >= 0.9));
    }

    /// <summary>ChangeStage over HTTP from new clients, each on its own understandings.</summary>
    private static Task<LoadResult> HttpCommands(AppProcess app, int clients, TimeSpan duration) =>
        Load.RunAsync(clients, duration, async _ => await HttpCommandClient.CreateAsync(app.Http));

    /// <summary>The plain-Marten baseline of the same commands, in process.</summary>
    private static Task<LoadResult> PlainCommands(IDocumentStore plain, int clients, TimeSpan duration) =>
        Load.RunAsync(clients, duration, _ => StoreCommandClient<PlainUnderstanding>.CreateAsync(plain));

    private Task<(LoadResult Result, CpuUse Cpu)> Measured(Func<Task<LoadResult>> run, int? applicationPid = null) =>
        CpuUse.MeasureAsync(settings.ConnectionString, run, applicationPid);

    /// <summary>Waits until the chain covers every event in the log (a gap settles within the writer's grace period).</summary>
    private async Task ChainCaughtUpAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var sql = $"select (select coalesce(max(seq_id), 0) from \"{schema}\".mt_events) - " +
                  $"(select coalesce(max(seq_id), 0) from \"{schema}\".{Negotiations.Operations.Audit.AuditSchema.ChainTable})";
        while (await db.ScalarAsync<long>(sql) > 0)
        {
            if (deadline.Elapsed > timeout) throw new TimeoutException($"The audit chain did not catch up within {timeout}.");
            await Task.Delay(20);
        }
    }

    private async Task<long> EventCountAsync() => await db.ScalarAsync<long>($"select count(*) from \"{schema}\".mt_events");

    public async Task SeedAndRebuildAsync()
    {
        await using var store = Stores.Application(settings.ConnectionString, schema);
        var graph = (Marten.Events.EventGraph)store.Options.Events;
        var streams = Workload.Clusters(graph, settings.SeedEvents, firstCluster: 1_000);
        var proposals = streams.Where(s => s.Events[0].Data is UnderstandingProposed).ToList();
        statusUnderstanding = proposals[proposals.Count / 2].Id;
        foreach (var size in settings.TimeTravelSizes)
        {
            var id = Guid.CreateVersion7();
            longHistories[size] = id;
            streams.Add(Workload.LongHistory(graph, id, size));
        }
        var events = streams.Sum(s => s.Events.Count);
        var clock = Stopwatch.StartNew();
        await store.BulkInsertEventsAsync(streams, 1000);
        var rate = events / clock.Elapsed.TotalSeconds;
        report.Add(new Row($"seeding: Marten BulkInsertEventsAsync of {Format.N(events)} of our events", Format.Rate(rate, "events"),
            Format.Rate(plainBulkRate, "events") + " plain", rate / plainBulkRate, "", null));
        streams.Clear();
        await db.AnalyzeAsync(schema);

        var (readRate, rows, bytes) = await db.RawReadAsync(schema);
        storeEvents = rows;
        report.Add(new Row($"baseline: raw sequential read of mt_events ({Format.N(rows)} rows, avg data {bytes / Math.Max(rows, 1)} chars)",
            Format.Rate(readRate, "rows"), "", null, "", null));

        // The bulk append bypasses inline projections: build the inline models and stream links first (not timed against a target).
        using var daemon = await store.BuildProjectionDaemonAsync();
        // Quick mode builds only the inline models the measured reads and commands use; full mode rebuilds all of them.
        var inline = settings.Quick
            ? new[] { "Understanding", "UnderstandingDetails", "Commitment", "CommitmentDetails", "StreamLink" }
            : ["Understanding", "UnderstandingDetails", "Commitment", "CommitmentDetails", "CasualtyClaim", "CasualtyClaimDetails", "Round", "RoundDetails", "Statement", "Zone", "ZoneDetails", "Mechanism",
                "MechanismDetails", "Office", "OfficeDetails", "StreamLink"];
        var names = store.Options.Projections.All.Select(p => p.Name).ToList();
        clock.Restart();
        foreach (var name in names.Where(n => inline.Any(i => n.EndsWith(i, StringComparison.Ordinal))))
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(60), CancellationToken.None);
        var inlineRate = rows / clock.Elapsed.TotalSeconds;
        report.Add(new Row($"(3) rebuild of the inline write models and stream links ({inline.Length} projections, one after the other)",
            Format.Rate(inlineRate, "events"), Format.Rate(readRate, "rows") + " raw read", inlineRate / readRate, "", null));
        await db.AnalyzeAsync(schema);

        var asyncTotal = TimeSpan.Zero;
        foreach (var name in new[] { "UnderstandingStatus", "Timeline", "WeekTally" })
        {
            clock.Restart();
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(60), CancellationToken.None);
            asyncTotal += clock.Elapsed;
            var r = rows / clock.Elapsed.TotalSeconds;
            report.Add(new Row($"(3) rebuild of {name} (async) from {Format.N(rows)} events", Format.Rate(r, "events"),
                Format.Rate(readRate, "rows") + " raw read", r / readRate, ">= 50% of raw read", r / readRate >= 0.5,
                $"{r / plainRebuildRate:P0} of the plain-Marten rebuild floor"));
        }
        var both = rows / asyncTotal.TotalSeconds;
        report.Add(new Row("(3) rebuild of every async read model, one after the other", Format.Rate(both, "events"),
            Format.Rate(readRate, "rows") + " raw read", both / readRate, ">= 50% of raw read", both / readRate >= 0.5));
        await db.AnalyzeAsync(schema);
    }

    public async Task ReadsAsync()
    {
        await using var app = AppProcess.Start(settings.ConnectionString, schema, "Static");
        await app.WaitHealthyAsync(TimeSpan.FromMinutes(3));
        var store = $"{Format.N(storeEvents)} events";

        // Warm-up of each read.
        var paths = new (string Name, string Path)[]
        {
            ("status of one understanding", $"/api/understandings/{statusUnderstanding}/status"),
            ("timeline page of one understanding (50)", $"/api/timeline?understandingId={statusUnderstanding}&page=1&pageSize=50"),
            ("timeline, first page of everything (50)", "/api/timeline?page=1&pageSize=50"),
            ("overview", "/api/overview"),
        };
        foreach (var (_, path) in paths) await Load.RunAsync(1, TimeSpan.FromMilliseconds(300), _ => Task.FromResult<IClient>(new HttpReadClient(app.Http, path)));

        // Reads under concurrent write load: writers, one reader per query and one of the floor, all at once.
        const string floorPath = "/health/database";
        await Load.RunAsync(1, TimeSpan.FromMilliseconds(300), _ => Task.FromResult<IClient>(new HttpReadClient(app.Http, floorPath)));
        var writers = HttpCommands(app, settings.WritersDuringReads, settings.ReadDuration);
        var readers = paths.Select(p => Load.RunAsync(1, settings.ReadDuration, _ => Task.FromResult<IClient>(new HttpReadClient(app.Http, p.Path)))).ToArray();
        var floorReader = Load.RunAsync(1, settings.ReadDuration, _ => Task.FromResult<IClient>(new HttpReadClient(app.Http, floorPath)));
        await Task.WhenAll(readers.Append(writers).Append(floorReader));
        var w = await writers;
        var floor = await floorReader;
        report.Add(new Row($"baseline: one HTTP hop with one trivial query (GET {floorPath}), under the same write load",
            $"{floor.Latencies.Summary} ({Format.Rate(floor.PerSecond, "req")})", $"{Format.Rate(w.PerSecond, "cmd")} by {w.Clients} writers", null, "", null));
        for (var i = 0; i < paths.Length; i++)
        {
            var r = await readers[i];
            report.Add(new Row($"(4) {paths[i].Name}, under write load, {store}",
                $"{r.Latencies.Summary} ({Format.Rate(r.PerSecond, "req")})", $"p99 {Format.Ms(floor.Latencies.P99)} one trivial hop",
                r.Latencies.P99 / floor.Latencies.P99, "p99 <= 5 ms", r.Latencies.P99 <= 5));
            if (r.Failed > 0) report.Note($"{paths[i].Name}: {r.Failed} failed: {r.FirstFailure}");
        }

        // Time travel: status as of a date for an understanding with ever more developments.
        var timeTravel = new Dictionary<int, double>();
        foreach (var (size, id) in longHistories.OrderBy(h => h.Key))
        {
            // The first request after the history was written cuts the trail of checkpoints (Status/StatusHistory.cs).
            var first = Stopwatch.GetTimestamp();
            await new HttpReadClient(app.Http, Path(Workload.MiddleOfHistory)).StepAsync(CancellationToken.None);
            report.Add(new Row($"(5) first status asOf a date, understanding with {Format.N(size)} developments (writes its checkpoints)",
                $"{Stopwatch.GetElapsedTime(first).TotalMilliseconds:0} ms", "", null, "", null));
            var latencies = new Latencies();
            for (var i = 0; i < settings.TimeTravelRequests; i++)
            {
                var started = Stopwatch.GetTimestamp();
                // Dates spread over the whole history, each request another one.
                await new HttpReadClient(app.Http, Path(Workload.HistoryDay(i * 7919 % 3650))).StepAsync(CancellationToken.None);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            string Path(DateOnly asOf) => $"/api/understandings/{id}/status?asOf={asOf:yyyy-MM-dd}";
            timeTravel[size] = latencies.P50;
            report.Add(new Row($"(5) status asOf a date, understanding with {Format.N(size)} developments", latencies.Summary,
                "", null, "p99 <= 50 ms", latencies.P99 <= 50));

            // The other axis: as recorded up to a moment (after every event of the history: the whole fold, from checkpoints).
            var knownAt = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"));
            var known = new Latencies();
            for (var i = 0; i < settings.TimeTravelRequests; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await new HttpReadClient(app.Http, $"/api/understandings/{id}/status?knownAt={knownAt}").StepAsync(CancellationToken.None);
                known.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            report.Add(new Row($"(5) status knownAt a moment, understanding with {Format.N(size)} developments", known.Summary,
                "", null, "p99 <= 50 ms", known.P99 <= 50));
        }
        if (timeTravel.Count >= 2)
        {
            var (small, large) = (timeTravel.MinBy(t => t.Key), timeTravel.MaxBy(t => t.Key));
            var growth = large.Value / small.Value;
            var sizeRatio = (double)large.Key / small.Key;
            var exponent = Math.Log(growth) / Math.Log(sizeRatio);
            report.Add(new Row($"(5) time-travel growth, {Format.N(small.Key)} -> {Format.N(large.Key)} developments (p50)",
                $"x{growth:0.0} for x{sizeRatio:0} the developments (exponent {exponent:0.00})", "", null, "sub-linear (exponent < 1)", exponent < 0.9));
        }

        // Growth: the same append and read, on the small store of phase (1) and on this one.
        var append = await HttpCommands(app, 1, settings.CommandDuration);
        var appendGrowth = append.Latencies.P50 / smallStoreAppendP50;
        report.Add(new Row($"(7) append latency (ChangeStage, 1 client, p50), {store} vs near-empty store", Format.Ms(append.Latencies.P50),
            Format.Ms(smallStoreAppendP50), appendGrowth, "flat within 20%", Math.Abs(appendGrowth - 1) <= 0.2));
        // The same command on a long stream: its cost must not grow with the stream (the write model holds only what it decides on).
        var (longest, longId) = longHistories.MaxBy(h => h.Key);
        var onLong = await Load.RunAsync(1, settings.CommandDuration, _ => Task.FromResult<IClient>(new HttpCommandClient(app.Http, longId, longest, renew: false)));
        var streamGrowth = onLong.Latencies.P50 / append.Latencies.P50;
        report.Add(new Row($"(7) append latency (ChangeStage, 1 client, p50) on an understanding with {Format.N(longest)} developments vs ones of at most {Workload.DevelopmentsPerUnderstanding}",
            Format.Ms(onLong.Latencies.P50), Format.Ms(append.Latencies.P50), streamGrowth, "flat within 20%", Math.Abs(streamGrowth - 1) <= 0.2));
        if (onLong.Failed > 0) report.Note($"append on a long stream: {onLong.Failed} failed: {onLong.FirstFailure}");
        var read = await Load.RunAsync(1, TimeSpan.FromSeconds(1), _ => Task.FromResult<IClient>(new HttpReadClient(app.Http, paths[0].Path)));
        var readGrowth = read.Latencies.P50 / smallStoreReadP50;
        report.Add(new Row($"(7) status read latency (p50, no load), {store} vs near-empty store", Format.Ms(read.Latencies.P50),
            Format.Ms(smallStoreReadP50), readGrowth, "flat within 20%", Math.Abs(readGrowth - 1) <= 0.2));
    }
}
