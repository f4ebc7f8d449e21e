using Negotiations.Operations.Demo;
using Negotiations.Tests.Support;
using Npgsql;

namespace Negotiations.Tests.CommandLine;

/// <summary>
/// A command runs without the web server, and against the database the scripts' variables name: without
/// ConnectionStrings__Marten, NEGOTIATIONS_PG_PORT and NEGOTIATIONS_PG_DB choose the local cluster's database.
/// </summary>
public class CommandDatabaseTests : IAsyncLifetime
{
    private readonly string _database = $"t_cli_db_{Guid.NewGuid():N}"[..24];
    private readonly string _schema = TestDatabase.NewSchema("clidb");
    private readonly string _folder = Directory.CreateTempSubdirectory("negotiations-cli-db").FullName;

    [Fact]
    public async Task An_import_listens_nowhere_and_writes_only_into_the_database_the_variables_name()
    {
        var cluster = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString);
        using var import = CommandProcess.Start(_folder, _schema, ["import", "-"], new Dictionary<string, string?>
        {
            ["ConnectionStrings__Marten"] = null,
            ["NEGOTIATIONS_PG_PORT"] = cluster.Port.ToString(),
            ["NEGOTIATIONS_PG_DB"] = _database
        });

        // Said once the application has started, before the report is read from standard input.
        if (!await import.ErrorShowsAsync($"database {_database}, user postgres, schema {_schema}"))
            false.ShouldBeTrue((await Exited(import)).Error);
        import.ListeningSockets().ShouldBeEmpty();

        using (var demo = DemoScenario.Open())
        {
            await import.Input.WriteLineAsync(await demo.ReadLineAsync());
            await import.Input.WriteLineAsync(await demo.ReadLineAsync());
        }
        import.Input.Close();
        var (code, _, error) = await import.ExitAsync();
        code.ShouldBe(0, error);

        (await Scalar(Cluster(_database), $"select count(*) from \"{_schema}\".mt_events")).ShouldBe(2L);
        (await Scalar(TestDatabase.ConnectionString, $"select count(*) from pg_namespace where nspname = '{_schema}'")).ShouldBe(0L);
    }

    private static async Task<(int Code, string Output, string Error)> Exited(CommandProcess process)
    {
        process.Input.Close();
        return await process.ExitAsync();
    }

    private static string Cluster(string database) => new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Database = database, Pooling = false }.ConnectionString;

    private static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async Task InitializeAsync() => await Scalar(TestDatabase.ConnectionString, $"create database \"{_database}\"");

    public async Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        NpgsqlConnection.ClearAllPools();
        await Scalar(TestDatabase.ConnectionString, $"drop database if exists \"{_database}\" with (force)");
        await Scalar(TestDatabase.ConnectionString, $"drop schema if exists \"{_schema}\" cascade");
    }
}
