-- Append-only event store: the application may append events and read them, never change or remove them.
--
-- Run by an administrator (a superuser, or a role that may create roles and reassign owners), through
-- eventstore-scripts/harden or directly:
--   select set_config('negotiations.schema', 'negotiations', false),
--          set_config('negotiations.owner_role', 'negotiations_owner', false),
--          set_config('negotiations.app_role', 'negotiations_app', false);
--   \i eventstore-scripts/append-only.sql
-- Idempotent: run it again after every schema change the owner applies.
--
-- Two roles:
--   owner  owns the schema and every object in it, and applies the schema (db-apply as this role). It is the
--          only role that could ALTER or DROP the event tables; the application never connects as it.
--   app    the application's role: uses the schema, creates nothing in it, reads and writes documents and the
--          daemon's and Wolverine's tables, and may only INSERT into and SELECT from the event log.
--
-- What Marten's append really needs (mt_quick_append_events runs as the caller):
--   mt_events           INSERT, SELECT                 (one row per event; never updated)
--   mt_events_sequence  USAGE                          (nextval for the global sequence)
--   mt_streams          INSERT, SELECT, UPDATE (version, timestamp) only:
--                       a new stream is inserted with its final version; appending to an existing one runs
--                       `update mt_streams set version = greatest(version, ...), timestamp = now() where id = ...`.
--                       No other column is written (archiving, tenant or type changes are not used here),
--                       and no row is deleted.
--   audit_chain, audit_checkpoints, audit_tree  INSERT, SELECT  (the hash chain and Merkle tree writer only appends)
--   audit_releases      INSERT, SELECT                 (a release is frozen once)
--   the database        CREATE                         (a release's export rebuilds the projections in a throwaway schema)
-- Triggers refuse UPDATE, DELETE and TRUNCATE on mt_events and the chain tables, and DELETE and TRUNCATE on
-- mt_streams, for every role, including the owner: changing history needs a deliberate DROP TRIGGER by the owner,
-- which the hash chain's verification would still reveal.

do $harden$
declare
    s     text := current_setting('negotiations.schema');
    owner text := current_setting('negotiations.owner_role');
    app   text := current_setting('negotiations.app_role');
    r     record;
    t     text;
begin
    if owner = app then
        raise exception 'The owner and the application must be different roles';
    end if;
    if not exists (select 1 from pg_roles where rolname = owner) then
        execute format('create role %I login', owner);
    end if;
    if not exists (select 1 from pg_roles where rolname = app) then
        execute format('create role %I login', app);
    end if;

    -- The owner owns the schema and everything in it (objects created earlier by another role included).
    execute format('create schema if not exists %I authorization %I', s, owner);
    execute format('alter schema %I owner to %I', s, owner);
    for r in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = s and c.relkind in ('r', 'p', 'v', 'm', 'S')
               and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i') and c.relkind = 'S') loop
        execute format('alter %s %I.%I owner to %I',
            case r.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view' else 'table' end,
            s, r.relname, owner);
    end loop;
    for r in select p.oid::regprocedure::text as routine from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = s loop
        execute format('alter routine %s owner to %I', r.routine, owner);
    end loop;

    -- The application uses the schema but creates nothing in it.
    execute format('grant usage on schema %I to %I', s, app);
    execute format('revoke create on schema %I from %I', s, app);
    -- Releases rebuild the projections from the events in a throwaway schema of their own, which the application
    -- creates and drops (negotiations_replay_...); it owns that copy, never the event store's schema.
    execute format('grant create on database %I to %I', current_database(), app);

    -- Documents, the daemon's progress, Wolverine's tables: read and write, also for tables the owner adds later.
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', s, app);
    execute format('grant usage, select on all sequences in schema %I to %I', s, app);
    execute format('grant execute on all routines in schema %I to %I', s, app);
    execute format('alter default privileges for role %I in schema %I grant select, insert, update, delete on tables to %I', owner, s, app);
    execute format('alter default privileges for role %I in schema %I grant usage, select on sequences to %I', owner, s, app);

    -- The event log and the chain: append and read, nothing else.
    foreach t in array array['mt_events', 'audit_chain', 'audit_checkpoints', 'audit_tree', 'audit_releases'] loop
        if to_regclass(format('%I.%I', s, t)) is not null then
            execute format('revoke all on %I.%I from %I', s, t, app);
            execute format('grant select, insert on %I.%I to %I', s, t, app);
        end if;
    end loop;
    if to_regclass(format('%I.mt_streams', s)) is not null then
        execute format('revoke all on %I.mt_streams from %I', s, app);
        execute format('grant select, insert on %I.mt_streams to %I', s, app);
        execute format('grant update (version, timestamp) on %I.mt_streams to %I', s, app);
    end if;

    -- Triggers, for every role.
    execute format($f$
        create or replace function %I.negotiations_refuse_change() returns trigger language plpgsql as $body$
        begin
            raise exception '%% on %%.%% refused: the event log is append-only', tg_op, tg_table_schema, tg_table_name
                using errcode = 'insufficient_privilege';
        end
        $body$ $f$, s);
    execute format('alter function %I.negotiations_refuse_change() owner to %I', s, owner);
    foreach t in array array['mt_events', 'audit_chain', 'audit_checkpoints', 'audit_tree', 'audit_releases', 'mt_streams'] loop
        if to_regclass(format('%I.%I', s, t)) is not null then
            execute format('drop trigger if exists negotiations_append_only on %I.%I', s, t);
            execute format('create trigger negotiations_append_only before %s on %I.%I for each row execute function %I.negotiations_refuse_change()',
                case t when 'mt_streams' then 'delete' else 'update or delete' end, s, t, s);
            execute format('drop trigger if exists negotiations_no_truncate on %I.%I', s, t);
            execute format('create trigger negotiations_no_truncate before truncate on %I.%I for each statement execute function %I.negotiations_refuse_change()', s, t, s);
        end if;
    end loop;
end
$harden$;
