using System.Net;
using System.Text.Json.Nodes;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Mechanisms;

/// <summary>The demo scenario's lines for mechanisms and appointments, in the import format, are accepted as they stand.</summary>
public class DemoScenarioTests(AppFixture app) : IClassFixture<AppFixture>
{
    public const string Lines = """
        {"command":"EstablishMechanism","mechanismId":"01990000-0000-7000-8000-000000000301","name":"Trilateral mechanism for the Sweida roadmap","members":[{"name":"Syria","role":"member"},{"name":"Jordan","role":"member"},{"name":"United States","role":"member"}],"mandate":"Oversee the implementation of the US- and Jordan-backed roadmap to stabilise Sweida province: justice for victims, financial compensation and reconciliation.","overseenUnderstandingIds":["01990000-0000-7000-8000-000000000003"],"establishedUnder":"01990000-0000-7000-8000-000000000002","provenance":{"sources":[{"name":"Jordan","kind":"government","citation":"Jordan confirmed that a trilateral mechanism will oversee implementation of the Sweida roadmap (news report, mid-September 2025)","published":"2025-09-15","reliability":"B","credibility":2}],"occurred":{"from":"2025-09-15","precision":"day"}}}
        {"command":"AppointOfficial","person":"Suleiman Abdel Baqi","office":"Internal security chief","jurisdiction":"Sweida province","appointedBy":"Syrian government","affiliation":"Druze community","singleHolder":true,"understandingIds":["01990000-0000-7000-8000-000000000003"],"provenance":{"sources":[{"name":"Syrian government","kind":"government","citation":"The government appointed Suleiman Abdel Baqi, a Druze figure, as Sweida's new internal security chief to rebuild trust (news report, mid-September 2025)","published":"2025-09-15","reliability":"B","credibility":2}],"occurred":{"from":"2025-09-15","precision":"day"}}}
        """;

    private static readonly Dictionary<string, string> Routes = new()
    {
        ["EstablishMechanism"] = "/api/mechanisms",
        ["AppointOfficial"] = "/api/offices/appointments",
    };

    [Fact]
    public async Task The_demo_lines_are_accepted_and_read_back()
    {
        foreach (var id in new[] { "01990000-0000-7000-8000-000000000002", "01990000-0000-7000-8000-000000000003" })
            (await app.Post("/api/understandings", Given.DemilitarisedZone(Guid.Parse(id)) with { Kind = UnderstandingKind.Roadmap }))
                .ShouldBe(HttpStatusCode.Created);

        foreach (var line in Lines.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var command = JsonNode.Parse(line)!["command"]!.GetValue<string>();
            (await app.PostRaw(Routes[command], line)).ShouldBe(HttpStatusCode.Created);
        }

        var mechanism = (await app.Get("/api/mechanisms/01990000-0000-7000-8000-000000000301")).ShouldBe(HttpStatusCode.OK).Body!;
        mechanism["members"]!.AsArray().Count.ShouldBe(3);
        var office = (await app.Get("/api/offices/4e9a58cf-7b89-5772-897f-beb05fb77457")).ShouldBe(HttpStatusCode.OK).Body!;
        office["holders"]![0]!["person"]!.GetValue<string>().ShouldBe("Suleiman Abdel Baqi");
    }
}
