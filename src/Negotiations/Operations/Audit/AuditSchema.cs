using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Negotiations.Operations.Audit;

/// <summary>
/// The hash chain's own tables, next to mt_events in the event store's schema. Managed by Marten like its
/// own tables, so that db-apply creates them and db-dump exports them with the rest of the schema.
/// </summary>
public static class AuditSchema
{
    public const string ChainTable = "audit_chain";
    public const string CheckpointTable = "audit_checkpoints";
    public const string TreeTable = "audit_tree";
    public const string ReleaseTable = "audit_releases";

    public static void AddAuditTables(this StoreOptions options)
    {
        var schema = options.Events.DatabaseSchemaName;

        // One row per chained event, in global sequence order. previous_seq names the event the link
        // follows: seq_id - previous_seq - 1 sequences were missing (a gap) when the event was chained.
        var chain = new Table(new PostgresqlObjectName(schema, ChainTable, SchemaUtils.IdentifierUsage.General));
        chain.AddColumn<long>("seq_id").AsPrimaryKey();
        chain.AddColumn<long>("position").NotNull();
        chain.AddColumn<long>("previous_seq").NotNull();
        chain.AddColumn("link", "bytea").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(chain);

        // The chain's head at a moment: an auditor keeps a copy outside the database.
        var checkpoints = new Table(new PostgresqlObjectName(schema, CheckpointTable, SchemaUtils.IdentifierUsage.General));
        checkpoints.AddColumn<long>("position").AsPrimaryKey();
        checkpoints.AddColumn<long>("seq_id").NotNull();
        checkpoints.AddColumn("head", "bytea").NotNull();
        checkpoints.AddColumn("created_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        // The Merkle tree's root at that size (position = tree size) and the signed note that states it.
        checkpoints.AddColumn("root", "bytea");
        checkpoints.AddColumn("note", "text");
        options.Storage.ExtendedSchemaObjects.Add(checkpoints);

        // The RFC 9162 Merkle tree over the chained events, leaf i = the event at chain position i + 1: the root of
        // every perfect subtree, the 2^level leaves from idx * 2^level on (level 0: the leaf hashes).
        var tree = new Table(new PostgresqlObjectName(schema, TreeTable, SchemaUtils.IdentifierUsage.General));
        tree.AddColumn<int>("level").AsPrimaryKey();
        tree.AddColumn<long>("idx").AsPrimaryKey();
        tree.AddColumn("hash", "bytea").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(tree);

        // Releases (Operations/Releases): the first tree_size events, through seq_id, frozen with their manifest (JSON).
        var releases = new Table(new PostgresqlObjectName(schema, ReleaseTable, SchemaUtils.IdentifierUsage.General));
        releases.AddColumn<string>("name").AsPrimaryKey();
        releases.AddColumn<long>("tree_size").NotNull();
        releases.AddColumn<long>("seq_id").NotNull();
        releases.AddColumn("frozen_at", "timestamptz").NotNull();
        releases.AddColumn("manifest", "text").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(releases);
    }
}
