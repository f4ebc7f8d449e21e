using System.Diagnostics;
using Npgsql;

namespace Negotiations.Reliability;

/// <summary>
/// (5) Three application processes against one database and one schema, the async daemon in Marten's HotCold
/// mode, the monitors spread over them; then the node that runs the projections is killed. How long until the
/// projections move again on another node, whether any event was skipped or projected twice, and whether the
/// projections equal a rebuild at the end.
/// </summary>
public sealed class NodesScenario(Cluster cluster, Options options, Report report)
{
    private const string Name = "(5) three nodes";

    public async Task RunAsync()
    {
        const string schema = "reliability_nodes";
        var checks = new StoreChecks(cluster.CheckConnectionString, schema);
        var ledger = new Ledger();
        var nodes = new List<AppProcess>();
        try
        {
            // One after the other: the first creates the schema.
            for (var i = 1; i <= 3; i++)
                nodes.Add(await AppProcess.StartAsync($"node-{i}", AppProcess.Environment(cluster.ConnectionString($"node-{i}"), schema, daemon: "HotCold")));
            var load = await MonitorLoad.CreateAsync(nodes.Select(n => n.Http).ToList(), ledger, options.Monitors);
            load.Start();

            var leader = await LeaderAsync(nodes, checks, TimeSpan.FromSeconds(60));
            await Task.Delay(options.Settle);
            report.Add(Name, "node running the async projections (holder of the lasting advisory locks: Marten's HotCold and Wolverine's leader)", leader.Name);

            var before = await checks.ProjectionPositionAsync();
            var clock = Stopwatch.StartNew();
            await leader.KillAsync();
            TimeSpan? takeover = null;
            while (clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                if (await checks.ProjectionPositionAsync() > before) { takeover = clock.Elapsed; break; }
                if (clock.Elapsed.TotalSeconds % 10 < 0.1)
                    Console.WriteLine($"  {clock.Elapsed.TotalSeconds:0} s after the kill: {await checks.ProgressionAsync()}; locks: " +
                                      string.Join("; ", (await AdvisoryLocksAsync(checks)).Select(h => $"{h.Node} {h.Key}")));
                await Task.Delay(100);
            }
            AppProcess? successor = null;
            try { if (takeover is not null) successor = await LeaderAsync(nodes.Where(n => n.Running).ToList(), checks, TimeSpan.FromSeconds(5), quiet: true); }
            catch (TimeoutException) { } // the two locks went to different nodes
            report.Add(Name, "takeover: leader killed (SIGKILL) to the projections' position in mt_event_progression advancing again",
                takeover is { } t ? $"{Format.S(t)} (now on {successor?.Name ?? "?"})" : "no progress within 120 s", "progress resumes", takeover is not null);

            await Task.Delay(options.Settle);
            await load.StopAsync();
            var caughtUp = await checks.WaitCaughtUpAsync(TimeSpan.FromMinutes(3));
            var timeline = await checks.TimelineAsync();
            var findings = await checks.CheckAsync(ledger);
            var outOfOrder = nodes.Sum(n => n.OutOfOrder);
            report.Add(Name, "load spread over the three nodes, then two", $"{options.Monitors} monitors, {Format.N(ledger.Acks.Count)} commands acknowledged, " +
                                                                              $"{Format.N(ledger.Retries)} resent (to another node after no answer); caught up {Format.S(caughtUp)} after the load stopped");
            report.Add(Name, "409 'still being processed' answers to a resent Idempotency-Key (the claim of an attempt cut off by the outage) / keys given up after 5 s of them",
                $"{Format.N(ledger.StillProcessingAnswers)} / {Format.N(ledger.KeysAbandoned)}", "0 / 0", ledger.KeysAbandoned == 0);
            report.Add(Name, "events skipped by the projections (events without their timeline entry)", Format.N(timeline.Missing), "0", timeline.Missing == 0);
            report.Add(Name, "events projected twice (timeline entries beyond one per event, or with another sequence; daemon out-of-order errors)",
                $"{timeline.Extra + timeline.WrongSequence}; {outOfOrder}", "0; 0", timeline.Extra + timeline.WrongSequence == 0 && outOfOrder == 0);
            report.Add(Name, "acknowledged writes lost, partial batches", $"{findings.AcknowledgedMissing}, {findings.VersionHoles + findings.StreamVersionMismatches + findings.InlineMismatches}",
                "0, 0", findings.Clean);

            foreach (var node in nodes) await node.KillAsync();
            var (exit, output) = await AppProcess.CommandAsync(AppProcess.Environment(cluster.ConnectionString("replay"), schema), "replay");
            var verdict = output.Split('\n').Where(l => l.StartsWith("replay:") && !l.Contains("rebuilt") && !l.Contains("copied")).ToList();
            report.Add(Name, "final projections equal a full rebuild (`replay`)", exit == 0 ? verdict.LastOrDefault() ?? "identical" : $"exit {exit}: {string.Join("; ", verdict.TakeLast(6))}",
                "identical", exit == 0);
            if (exit != 0) Console.WriteLine(output);
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    /// <summary>
    /// The node running the projections. Marten's HotCold leader holds a session-level advisory lock for as long as
    /// it leads; so does Wolverine's leader (of its own node agents). Each node names its connections (Application
    /// Name), so pg_locks joined to pg_stat_activity tells who holds what. The locks held across two looks a second
    /// apart are the leaders' (the audit chain writer's lock lasts one transaction); the first node to start takes
    /// both, and the node holding them all is the one to kill.
    /// </summary>
    private static async Task<AppProcess> LeaderAsync(IReadOnlyList<AppProcess> nodes, StoreChecks checks, TimeSpan timeout, bool quiet = false)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var first = await AdvisoryLocksAsync(checks);
            await Task.Delay(1_000);
            var lasting = first.Intersect(await AdvisoryLocksAsync(checks)).Where(h => h.Key != ChainWriterLock).ToList();
            var holders = lasting.Select(h => h.Node).Distinct().ToList();
            if (!quiet) Console.WriteLine("  lasting advisory locks: " + string.Join("; ", lasting.Select(h => $"{h.Node} {h.Key}")));
            if (lasting.Count >= 2 && holders.Count == 1 && nodes.FirstOrDefault(n => n.Name == holders[0]) is { } leader) return leader;
            if (clock.Elapsed > timeout) throw new TimeoutException("No one node holds the lasting advisory locks: " + string.Join("; ", lasting));
        }
    }

    /// <summary>The audit chain writer's transaction-scoped lock ("NEGOAUDT").</summary>
    private const long ChainWriterLock = 0x4e45_474f_4155_4454;

    private static async Task<List<(string Node, long Key)>> AdvisoryLocksAsync(StoreChecks checks)
    {
        await using var connection = await checks.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select a.application_name, (l.classid::bigint << 32) | l.objid::bigint from pg_locks l join pg_stat_activity a on a.pid = l.pid " +
            "where l.locktype = 'advisory' and l.granted and a.application_name like 'node-%' order by 1, 2", connection);
        var found = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) found.Add((reader.GetString(0), reader.GetInt64(1)));
        return found;
    }
}
