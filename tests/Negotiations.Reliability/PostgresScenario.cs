using System.Diagnostics;

namespace Negotiations.Reliability;

/// <summary>
/// (4) PostgreSQL restarted (fast) and crashed (immediate stop, then start) under load, the application left
/// running: how long until commands succeed again, how many answers fail once they do (stale pooled
/// connections would), and whether any acknowledged write is lost.
/// </summary>
public sealed class PostgresScenario(Cluster cluster, Options options, Report report)
{
    private const string Name = "(4) PostgreSQL";

    public async Task RunAsync()
    {
        const string schema = "reliability_postgres";
        var environment = AppProcess.Environment(cluster.ConnectionString("postgres-restart"), schema);
        var checks = new StoreChecks(cluster.CheckConnectionString, schema);
        var ledger = new Ledger();
        await using var app = await AppProcess.StartAsync("postgres-restart", environment);
        var load = await MonitorLoad.CreateAsync([app.Http], ledger, options.Monitors);
        load.Start();

        await Task.Delay(options.Settle);
        await OutageAsync("restart (pg_ctl restart -m fast)", ledger, cluster.RestartFastAsync);
        await Task.Delay(options.Settle);
        await OutageAsync("crash (pg_ctl stop -m immediate, then start)", ledger, async () =>
        {
            await cluster.CrashAsync();
            await cluster.StartAsync();
        });
        await Task.Delay(options.Settle);
        await load.StopAsync();

        var findings = await checks.CheckAsync(ledger);
        report.Add(Name, "acknowledged writes lost, partial batches, mt_streams version != max",
            $"{findings.AcknowledgedMissing} of {Format.N(findings.Acknowledged)}, {findings.VersionHoles}, {findings.StreamVersionMismatches}", "0, 0, 0", findings.Clean);
        report.Add(Name, "409 'still being processed' answers to a resent Idempotency-Key (the claim of an attempt cut off by the outage) / keys given up after 5 s of them",
            $"{Format.N(ledger.StillProcessingAnswers)} / {Format.N(ledger.KeysAbandoned)}", "0 / 0", ledger.KeysAbandoned == 0);
        report.Add(Name, "refused (400/404/422) or conflicting (409) answers", $"{ledger.Rejected} / {ledger.Conflicts}", "0 / 0",
            ledger.Rejected == 0 && ledger.Conflicts == 0);
    }

    private async Task OutageAsync(string what, Ledger ledger, Func<Task> outage)
    {
        var began = ledger.Now;
        var clock = Stopwatch.StartNew();
        await outage();
        var up = ledger.Now;
        var down = clock.Elapsed;

        // Recovered: the first command sent after PostgreSQL is back that succeeds.
        var deadline = Stopwatch.StartNew();
        Answer? first = null;
        while (first is null && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
            first = ledger.Answers.Where(a => a.Sent >= up && Ledger.Success(a.Status)).MinBy(a => a.Received);
        }
        if (first is null)
        {
            report.Add(Name, $"{what}: commands succeed again", "not within 60 s", "", false);
            return;
        }
        await Task.Delay(options.Settle);
        var after = ledger.Answers.Where(a => a.Sent >= first.Received).ToList();
        var errors = after.Count(a => !Ledger.Success(a.Status) && a.Status != 409);
        var during = ledger.Answers.Count(a => a.Sent >= began && a.Sent < first.Received && !Ledger.Success(a.Status));
        report.Add(Name, $"{what}: PostgreSQL down / first command succeeding after it is up (from the outage's start)",
            $"{Format.S(down)} / {Format.S(first.Received - began)} ({Format.S(first.Received - up)} after it was up); {during} failed answers during the outage");
        report.Add(Name, $"{what}: errors among the {Format.N(after.Count)} answers after the first success (non-2xx, not 409)",
            Format.N(errors), "0", errors == 0);
        foreach (var status in after.Where(a => !Ledger.Success(a.Status)).GroupBy(a => a.Status))
            Console.WriteLine($"    after recovery: {status.Count()} x {(status.Key == 0 ? "no answer" : status.Key.ToString())}");
    }
}
