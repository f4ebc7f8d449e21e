using Npgsql;

namespace Negotiations.Operations.Audit;

/// <summary>
/// The current row of <see cref="EventLog.ChainedEventsCommand"/> as the chain covers it, read as UTF-8 bytes into
/// buffers reused from row to row: no strings per event (what remains, about 370 B per row, is Npgsql's own reading).
/// </summary>
public sealed class ChainedEventRow
{
    public const string Columns = "seq_id, stream_id::text, version, type, data::text, timestamp";

    private byte[] streamId = new byte[64];
    private byte[] type = new byte[128];
    private byte[] data = new byte[4096];
    private int streamIdLength, typeLength, dataLength;

    public long Sequence { get; private set; }
    public long Version { get; private set; }
    public long RecordedMicroseconds { get; private set; }
    public ReadOnlySpan<byte> StreamId => streamId.AsSpan(0, streamIdLength);
    public ReadOnlySpan<byte> Type => type.AsSpan(0, typeLength);
    public ReadOnlySpan<byte> Data => data.AsSpan(0, dataLength);

    /// <summary>Reads the reader's current row (a reader without SequentialAccess: the row is in memory).</summary>
    /// <summary>The columns, each prefixed by a table's alias.</summary>
    public static string ColumnsOf(string alias) => string.Join(", ", Columns.Split(", ").Select(c => $"{alias}.{c}"));

    /// <summary>Reads the columns, the first at <paramref name="offset"/>.</summary>
    public void Read(NpgsqlDataReader reader, int offset = 0)
    {
        Sequence = reader.GetInt64(offset);
        streamIdLength = Text(reader, offset + 1, ref streamId);
        Version = reader.GetInt64(offset + 2);
        typeLength = Text(reader, offset + 3, ref type);
        dataLength = Text(reader, offset + 4, ref data);
        RecordedMicroseconds = ChainHash.Microseconds(reader.GetFieldValue<DateTime>(offset + 5));
    }

    public string StreamIdText => System.Text.Encoding.UTF8.GetString(StreamId);
    public string TypeText => System.Text.Encoding.UTF8.GetString(Type);

    private static int Text(NpgsqlDataReader reader, int ordinal, ref byte[] buffer)
    {
        var length = (int)reader.GetBytes(ordinal, 0, null, 0, 0);
        if (buffer.Length < length) buffer = new byte[Math.Max(length, buffer.Length * 2)];
        return (int)reader.GetBytes(ordinal, 0, buffer, 0, length);
    }
}
