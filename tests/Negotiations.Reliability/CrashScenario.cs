namespace Negotiations.Reliability;

/// <summary>
/// (3) The application killed with SIGKILL at random moments under load, again and again. After every restart
/// each acknowledged command is in the store and no stream holds a partial batch; after the last one, once the
/// daemon has caught up, the projections equal a full rebuild (the application's own `replay` command).
/// </summary>
public sealed class CrashScenario(Cluster cluster, Options options, Report report)
{
    private const string Name = "(3) crash";

    public async Task RunAsync()
    {
        const string schema = "reliability_crash";
        var environment = AppProcess.Environment(cluster.ConnectionString("crash"), schema);
        var checks = new StoreChecks(cluster.CheckConnectionString, schema);
        var ledger = new Ledger();
        var random = new Random(20251115);
        await using var app = await AppProcess.StartAsync("crash", environment);
        var load = await MonitorLoad.CreateAsync([app.Http], ledger, options.Monitors);

        var restarts = new List<double>();
        var unclean = 0;
        StoreFindings? last = null;
        for (var kill = 1; kill <= options.Crashes; kill++)
        {
            load.Start();
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1_000, 4_000)));
            await app.KillAsync();
            await load.StopAsync();
            var findings = await checks.CheckAsync(ledger);
            if (!findings.Clean) unclean++;
            last = findings;
            Console.WriteLine($"  kill {kill}/{options.Crashes}: {findings}");
            restarts.Add((await app.RestartAsync()).TotalSeconds);
        }

        // After the last restart: a little more load, then the daemon catches up and the projections are compared with a rebuild.
        load.Start();
        await Task.Delay(2_000);
        await load.StopAsync();
        var final = await checks.CheckAsync(ledger);
        var caughtUp = await checks.WaitCaughtUpAsync(TimeSpan.FromMinutes(3));
        var timeline = await checks.TimelineAsync();
        await app.KillAsync();
        var (exit, output) = await AppProcess.CommandAsync(environment, "replay");

        var commands = ledger.Acks.Count;
        report.Add(Name, $"SIGKILLs under load ({options.Monitors} monitors, expected versions, Idempotency-Keys)",
            $"{options.Crashes} kills, {Format.N(commands)} commands acknowledged, {Format.N(ledger.Retries)} resent after no answer, {Format.N(final.Events)} events");
        report.Add(Name, "restarts with a store not clean (acknowledged missing, partial batch, mt_streams version != max, inline documents out of step)",
            $"{unclean} of {options.Crashes}" + (last is null ? "" : $"; last: {final}"), "0", unclean == 0 && final.Clean);
        report.Add(Name, "acknowledged commands missing after the last restart", Format.N(final.AcknowledgedMissing), "0", final.AcknowledgedMissing == 0);
        report.Add(Name, "process start to /health 200 after a kill (median / max)",
            $"{Format.S(Format.Percentile(restarts, 50))} / {Format.S(restarts.DefaultIfEmpty().Max())}");
        report.Add(Name, "409 'still being processed' answers to a resent Idempotency-Key (the claim of an attempt cut off by the outage) / keys given up after 5 s of them",
            $"{Format.N(ledger.StillProcessingAnswers)} / {Format.N(ledger.KeysAbandoned)}", "0 / 0", ledger.KeysAbandoned == 0);
        report.Add(Name, "refused (400/404/422) or conflicting (409) answers to the monitors' commands", $"{ledger.Rejected} / {ledger.Conflicts}", "0 / 0",
            ledger.Rejected == 0 && ledger.Conflicts == 0);
        report.Add(Name, "async daemon caught up after the last restart; timeline entries for the events (missing / extra / wrong sequence)",
            $"in {Format.S(caughtUp)}; {Format.N(timeline.Entries)} entries for {Format.N(timeline.Developments)} events ({timeline.Missing} / {timeline.Extra} / {timeline.WrongSequence})",
            "0 / 0 / 0", timeline.Clean);
        var verdict = output.Split('\n').Where(l => l.StartsWith("replay:") && !l.Contains("rebuilt") && !l.Contains("copied")).ToList();
        report.Add(Name, "projections (inline and async) equal a full rebuild: `Negotiations.dll replay`",
            exit == 0 ? verdict.LastOrDefault() ?? "identical" : $"exit {exit}: {string.Join("; ", verdict.TakeLast(6))}", "identical", exit == 0);
        if (exit != 0) Console.WriteLine(output);
    }
}
