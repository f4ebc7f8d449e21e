using System.Buffers;
using System.Security.Cryptography;

namespace Negotiations.Operations.Audit;

/// <summary>Computes links with buffers reused from one event to the next (not thread-safe: one per chain walk).</summary>
public sealed class ChainHasher
{
    private readonly CanonicalJson canonical = new();
    private readonly ArrayBufferWriter<byte> data = new(4096);
    private byte[] frame = new byte[4096];

    public byte[] Link(ReadOnlySpan<byte> previous, in ChainedEvent e)
    {
        var link = new byte[ChainHash.Size];
        Link(previous, e.Sequence, ChainHash.Utf8(e.StreamId), e.Version, ChainHash.Utf8(e.Type), ChainHash.Utf8(e.Data),
            ChainHash.Microseconds(e.Recorded), link, []);
        return link;
    }

    public void Link(ReadOnlySpan<byte> previous, ChainedEventRow e, Span<byte> link) =>
        Link(previous, e.Sequence, e.StreamId, e.Version, e.Type, e.Data, e.RecordedMicroseconds, link, []);

    /// <summary>The link, and the event's leaf hash in the Merkle tree, SHA-256(0x00 || its leaf bytes).</summary>
    public void Link(ReadOnlySpan<byte> previous, ChainedEventRow e, Span<byte> link, Span<byte> leaf) =>
        Link(previous, e.Sequence, e.StreamId, e.Version, e.Type, e.Data, e.RecordedMicroseconds, link, leaf);

    /// <summary>
    /// The event's leaf bytes: what the link covers besides the previous link,
    /// sequence | stream id | version | type | canonical data | recorded.
    /// </summary>
    public byte[] Leaf(in ChainedEvent e)
    {
        var at = Frame(e.Sequence, ChainHash.Utf8(e.StreamId), e.Version, ChainHash.Utf8(e.Type), ChainHash.Utf8(e.Data), ChainHash.Microseconds(e.Recorded));
        return frame.AsSpan(ChainHash.Size, at - ChainHash.Size).ToArray();
    }

    public byte[] Leaf(ChainedEventRow e)
    {
        var at = Frame(e.Sequence, e.StreamId, e.Version, e.Type, e.Data, e.RecordedMicroseconds);
        return frame.AsSpan(ChainHash.Size, at - ChainHash.Size).ToArray();
    }

    /// <summary>
    /// Writes the link into <paramref name="link"/>, which may be <paramref name="previous"/> itself, and the leaf hash
    /// into <paramref name="leaf"/> unless it is empty.
    /// </summary>
    public void Link(ReadOnlySpan<byte> previous, long sequence, ReadOnlySpan<byte> streamId, long version, ReadOnlySpan<byte> type,
        ReadOnlySpan<byte> json, long recordedMicroseconds, Span<byte> link, Span<byte> leaf)
    {
        var at = Frame(sequence, streamId, version, type, json, recordedMicroseconds);
        if (!leaf.IsEmpty)
        {
            // The leaf's 0x00 prefix goes in the last byte of the previous link's place, overwritten just after.
            frame[ChainHash.Size - 1] = 0x00;
            SHA256.HashData(frame.AsSpan(ChainHash.Size - 1, at - ChainHash.Size + 1), leaf);
        }
        previous.CopyTo(frame);
        SHA256.HashData(frame.AsSpan(0, at), link);
    }

    /// <summary>Writes the frame after the previous link's 32 bytes; returns where it ends.</summary>
    private int Frame(long sequence, ReadOnlySpan<byte> streamId, long version, ReadOnlySpan<byte> type, ReadOnlySpan<byte> json, long recordedMicroseconds)
    {
        data.ResetWrittenCount();
        canonical.Write(json, data);

        var size = ChainHash.Size + 8 + 4 + streamId.Length + 8 + 4 + type.Length + 4 + data.WrittenCount + 8;
        if (frame.Length < size) frame = new byte[Math.Max(size, frame.Length * 2)];
        var at = ChainHash.Size;
        ChainHash.WriteInt64(frame, ref at, sequence);
        ChainHash.WriteText(frame, ref at, streamId);
        ChainHash.WriteInt64(frame, ref at, version);
        ChainHash.WriteText(frame, ref at, type);
        ChainHash.WriteText(frame, ref at, data.WrittenSpan);
        ChainHash.WriteInt64(frame, ref at, recordedMicroseconds);
        return at;
    }
}
