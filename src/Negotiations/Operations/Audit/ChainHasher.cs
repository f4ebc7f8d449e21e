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
            ChainHash.Microseconds(e.Recorded), link);
        return link;
    }

    public void Link(ReadOnlySpan<byte> previous, ChainedEventRow e, Span<byte> link) =>
        Link(previous, e.Sequence, e.StreamId, e.Version, e.Type, e.Data, e.RecordedMicroseconds, link);

    /// <summary>Writes the link into <paramref name="link"/>, which may be <paramref name="previous"/> itself.</summary>
    public void Link(ReadOnlySpan<byte> previous, long sequence, ReadOnlySpan<byte> streamId, long version, ReadOnlySpan<byte> type,
        ReadOnlySpan<byte> json, long recordedMicroseconds, Span<byte> link)
    {
        data.ResetWrittenCount();
        canonical.Write(json, data);

        var size = ChainHash.Size + 8 + 4 + streamId.Length + 8 + 4 + type.Length + 4 + data.WrittenCount + 8;
        if (frame.Length < size) frame = new byte[Math.Max(size, frame.Length * 2)];
        var at = 0;
        previous.CopyTo(frame);
        at += ChainHash.Size;
        ChainHash.WriteInt64(frame, ref at, sequence);
        ChainHash.WriteText(frame, ref at, streamId);
        ChainHash.WriteInt64(frame, ref at, version);
        ChainHash.WriteText(frame, ref at, type);
        ChainHash.WriteText(frame, ref at, data.WrittenSpan);
        ChainHash.WriteInt64(frame, ref at, recordedMicroseconds);
        SHA256.HashData(frame.AsSpan(0, at), link);
    }
}
