using System.Buffers.Binary;
using System.Text;

namespace Negotiations.Operations.Audit;

/// <summary>One event as the chain covers it: what identifies it, what it says, and when it was recorded.</summary>
public readonly record struct ChainedEvent(long Sequence, string StreamId, long Version, string Type, string Data, DateTimeOffset Recorded);

/// <summary>
/// The link of an event in the hash chain:
/// SHA-256( previous link (32 bytes) | sequence | stream id | version | event type | canonical data | recorded ),
/// integers as 8-byte big-endian, texts as UTF-8 prefixed by their 4-byte big-endian length, the recorded
/// timestamp as microseconds since 1970-01-01 UTC (PostgreSQL's precision). The first event follows 32 zero bytes.
/// Anyone holding an export of the log can recompute it.
/// </summary>
public static class ChainHash
{
    public const int Size = 32;
    public static readonly byte[] Genesis = new byte[Size];

    public static byte[] Link(ReadOnlySpan<byte> previous, in ChainedEvent e) => new ChainHasher().Link(previous, e);

    public static long Microseconds(DateTimeOffset recorded) => (recorded.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static long Microseconds(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    internal static void WriteInt64(Span<byte> frame, ref int at, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(frame[at..], value);
        at += 8;
    }

    internal static void WriteText(Span<byte> frame, ref int at, ReadOnlySpan<byte> utf8)
    {
        BinaryPrimitives.WriteInt32BigEndian(frame[at..], utf8.Length);
        utf8.CopyTo(frame[(at + 4)..]);
        at += 4 + utf8.Length;
    }
}
