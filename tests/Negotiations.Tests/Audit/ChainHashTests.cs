using System.Security.Cryptography;
using System.Text;
using Negotiations.Operations.Audit;

namespace Negotiations.Tests.Audit;

public class ChainHashTests
{
    private static readonly ChainedEvent Proposed = new(7, "01990000-0000-7000-8000-000000000001", 1, "understanding_proposed",
        """{"title": "Zone", "kind": "demilitarised-zone", "parties": [{"role": "party", "name": "Syria"}], "depthKm": 10.50}""",
        new DateTimeOffset(2025, 9, 15, 12, 0, 0, TimeSpan.Zero).AddTicks(1234560));

    [Fact]
    public void Canonical_data_sorts_members_and_drops_whitespace_but_keeps_numbers_as_stored()
    {
        CanonicalJson.ToText(Proposed.Data).ShouldBe("""{"depthKm":10.50,"kind":"demilitarised-zone","parties":[{"name":"Syria","role":"party"}],"title":"Zone"}""");
        CanonicalJson.ToText("""{ "b":"é\"x" ,"a":[ 1, 2 ],"B":null }""").ShouldBe("""{"B":null,"a":[1,2],"b":"é\"x"}""");
    }

    [Fact]
    public void A_link_is_sha256_over_the_framed_fields_and_the_previous_link()
    {
        var data = Encoding.UTF8.GetBytes(CanonicalJson.ToText(Proposed.Data));
        var frame = new List<byte>(new byte[32]);
        void Int64(long v) => frame.AddRange(BitConverter.GetBytes(v).Reverse());
        void Text(byte[] t) { frame.AddRange(BitConverter.GetBytes(t.Length).Reverse()); frame.AddRange(t); }
        Int64(7);
        Text(Encoding.UTF8.GetBytes(Proposed.StreamId));
        Int64(1);
        Text(Encoding.UTF8.GetBytes(Proposed.Type));
        Text(data);
        Int64(1757937600_123456); // microseconds since 1970

        ChainHash.Link(ChainHash.Genesis, Proposed).ShouldBe(SHA256.HashData(frame.ToArray()));
    }

    [Fact]
    public void Every_covered_field_changes_the_link()
    {
        var link = ChainHash.Hex(ChainHash.Link(ChainHash.Genesis, Proposed));
        ChainedEvent[] changed =
        [
            Proposed with { Sequence = 8 }, Proposed with { StreamId = "01990000-0000-7000-8000-000000000002" }, Proposed with { Version = 2 },
            Proposed with { Type = "understanding_stage_changed" }, Proposed with { Data = Proposed.Data.Replace("Zone", "Zone!") },
            Proposed with { Recorded = Proposed.Recorded.AddTicks(10) }
        ];
        foreach (var e in changed) ChainHash.Hex(ChainHash.Link(ChainHash.Genesis, e)).ShouldNotBe(link, e.ToString());
        ChainHash.Hex(ChainHash.Link(new byte[32].Select(_ => (byte)1).ToArray(), Proposed)).ShouldNotBe(link);
        ChainHash.Hex(ChainHash.Link(ChainHash.Genesis, Proposed with { Data = Proposed.Data.Replace(", ", ",") })).ShouldBe(link);
    }
}
