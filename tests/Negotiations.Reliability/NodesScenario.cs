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
            report.Add(Name, "node running the async projections (holder of Marten's HotCold advisory lock)", leader.Name);

            var before = await checks.ProjectionPositionAsync();
            var clock = Stopwatch.StartNew();
            await leader.KillAsync();
            TimeSpan? takeover = null;
            while (clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                if (await checks.ProjectionPositionAsync() > before) { takeover = clock.Elapsed; break; }
                await Task.Delay(100);
            }
            var successor = takeover is null ? null : await LeaderAsync(nodes.Where(n => n.Running).ToList(), checks, TimeSpan.FromSeconds(5), quiet: true);
            report.Add(Name, "takeover: leader killed (SIGKILL) to the projections' position in mt_event_progression advancing again",
                takeover is { } t ? $"{Format.S(t)} (now on {successor?.Name ?? "?"})" : "no progress within 120 s", "progress resumes", takeover is not null);

            await Task.Delay(options.Settle);
            await load.StopAsync();
            var caughtUp = await checks.WaitCaughtUpAsync(TimeSpan.FromMinutes(3));
            var timeline = await checks.TimelineAsync();
            var findings = await checks.CheckAsync(ledger);
            var outOfOrder = nodes.Sum(n => n.OutOfOrder);
            report.Add(Name, "load spread over the three nodes, then two", $"{options.Monitors} monitors, {Format.N(ledger.Acks.Count)} commands acknowledged, " +
                                                                              $"{Format.N(ledger.Retries)} resent to another node; caught up {Format.S(caughtUp)} after the load stopped");
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
    /// The node holding Marten's HotCold lock: Marten takes a session-level advisory lock on a connection of its
    /// own for as long as it leads (its monitor then sleeps on it). Each node names its connections
    /// (Application Name), so pg_locks joined to pg_stat_activity tells which node holds which advisory lock;
    /// Wolverine's own leadership and the audit chain's writer take advisory locks too, so the daemon's is the one
    /// whose holder is also the only node writing to mt_event_progression... which PostgreSQL cannot tell: we take
    /// the lock ids held by exactly one node and that appear only once the daemon runs.
    /// </summary>
    private static async Task<AppProcess> LeaderAsync(IReadOnlyList<AppProcess> nodes, StoreChecks checks, TimeSpan timeout, bool quiet = false)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var holders = await AdvisoryLocksAsync(checks);
            if (!quiet) Console.WriteLine("  advisory locks: " + string.Join("; ", holders.Select(h => $"{h.Node} {h.Key}")));
            var daemon = holders.Where(h => h.Key == DaemonLockKey).Select(h => h.Node).Distinct().ToList();
            if (daemon.Count == 1 && nodes.FirstOrDefault(n => n.Name == daemon[0]) is { } leader) return leader;
            if (clock.Elapsed > timeout) throw new TimeoutException("No node holds the daemon's advisory lock");
            await Task.Delay(500);
        }
    }

    /// <summary>Marten's DaemonSettings.DaemonLockId (4444 by default), held by the HotCold leader.</summary>
    private const long DaemonLockKey = 4444;

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
