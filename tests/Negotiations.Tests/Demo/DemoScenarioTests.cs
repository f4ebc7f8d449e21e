using System.Net;
using System.Text;
using Negotiations.Operations.Demo;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Demo;

/// <summary>The application with the demo scenario imported, as `run` loads it.</summary>
public sealed class DemoFixture : AppFixture
{
    protected override async Task SeedAsync()
    {
        using var reader = DemoScenario.Open();
        var report = await reader.ReadToEndAsync();
        var reply = await this.Send(HttpMethod.Post, "/api/import", new StringContent(report, Encoding.UTF8, "application/x-ndjson"), null);
        var results = (await reply.Message.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        results[^1].ShouldContain("\"rejected\":0", customMessage: string.Join("\n", results.Where(r => !r.Contains("\"applied\":true"))));
    }
}

/// <summary>The southern Syria report reads back as the report says.</summary>
public class DemoScenarioTests(DemoFixture app) : IClassFixture<DemoFixture>
{
    private async Task<System.Text.Json.Nodes.JsonNode> Read(string path) => (await app.Get(path)).ShouldBe(HttpStatusCode.OK).Body!;

    [Fact]
    public async Task The_understandings_stand_where_the_report_puts_them()
    {
        (await Read("/api/understandings/01990000-0000-7000-8000-000000000001"))["status"]!.GetValue<string>().ShouldBe("under-negotiation");
        var roadmap = await Read("/api/understandings/01990000-0000-7000-8000-000000000003");
        roadmap["status"]!.GetValue<string>().ShouldBe("agreed");
        roadmap["stage"]!.GetValue<string>().ShouldBe("framework-partial");
    }

    [Fact]
    public async Task Rounds_statements_and_the_zone_read_back()
    {
        var baku = await Read("/api/rounds/01990000-0000-7000-8000-000000000102");
        baku["venue"]!.GetValue<string>().ShouldBe("Baku");
        baku["status"]!.GetValue<string>().ShouldBe("scheduled");
        var met = await Read("/api/rounds/01990000-0000-7000-8000-000000000101");
        met["status"]!.GetValue<string>().ShouldBe("held");
        met["venue"].ShouldBeNull();
        (await Read("/api/statements/01990000-0000-7000-8000-000000000704"))["role"]!.GetValue<string>().ShouldBe("backer");

        var standing = (await Read("/api/zones/01990000-0000-7000-8000-000000000201"))["standing"]!.AsArray().Single()!;
        standing["party"]!.GetValue<string>().ShouldBe("Syria");
        standing["declaredDepthKm"]!.GetValue<decimal>().ShouldBe(10);
        standing["status"]!.GetValue<string>().ShouldBe("declared");
        standing["declaredDepthMeetsRule"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task The_mechanism_office_commitments_and_casualty_claim_read_back()
    {
        (await Read("/api/mechanisms/01990000-0000-7000-8000-000000000301"))["members"]!.AsArray().Count.ShouldBe(3);
        var officeId = (await Read("/api/offices/id?office=Internal%20security%20chief&jurisdiction=Sweida%20province"))["officeId"]!.GetValue<Guid>();
        officeId.ShouldBe(Guid.Parse("4e9a58cf-7b89-5772-897f-beb05fb77457"));
        (await Read($"/api/offices/{officeId}"))["holders"]![0]!["person"]!.GetValue<string>().ShouldBe("Suleiman Abdel Baqi");
        (await Read("/api/commitments/01990000-0000-7000-8000-000000000502"))["category"]!.GetValue<string>().ShouldBe("compensation");
        var claim = await Read("/api/casualty-claims/01990000-0000-7000-8000-000000000601");
        claim["latest"]!["figures"]!["low"]!.GetValue<int>().ShouldBe(2000);
        claim["latest"]!["breakdown"]![0]!["count"]!.GetValue<int>().ShouldBe(789);
    }
}
