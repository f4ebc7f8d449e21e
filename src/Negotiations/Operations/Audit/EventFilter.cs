using Negotiations.Kernel;
using Npgsql;

namespace Negotiations.Operations.Audit;

/// <summary>Which events an auditor asks for: a sequence range, a recorded-time range, one stream; all optional.</summary>
public sealed record EventFilter(long? FromSequence = null, long? ToSequence = null, DateTimeOffset? From = null, DateTimeOffset? To = null, Guid? StreamId = null)
{
    public const int MaxPageSize = 200;

    public Problems Check(Problems problems)
    {
        problems.When(FromSequence < 1, "fromSequence", "Sequences start at 1.");
        problems.When(ToSequence < 1, "toSequence", "Sequences start at 1.");
        problems.When(FromSequence > ToSequence, "toSequence", "The range ends before it starts.");
        problems.When(From > To, "recordedTo", "The range ends before it starts.");
        return problems;
    }

    /// <summary>The where clause over mt_events aliased e, with its parameters appended to the command.</summary>
    public string Where(NpgsqlCommand command)
    {
        var clauses = new List<string>();
        void Add(string clause, object value)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
            clauses.Add(clause.Replace("?", "$" + command.Parameters.Count));
        }
        if (FromSequence is { } fromSequence) Add("e.seq_id >= ?", fromSequence);
        if (ToSequence is { } toSequence) Add("e.seq_id <= ?", toSequence);
        if (From is { } from) Add("e.timestamp >= ?", from.ToUniversalTime());
        if (To is { } to) Add("e.timestamp <= ?", to.ToUniversalTime());
        if (StreamId is { } streamId) Add("e.stream_id = ?", streamId);
        return clauses.Count == 0 ? "" : " where " + string.Join(" and ", clauses);
    }
}
