using System.Net;
using System.Text.Json.Nodes;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.OpenApi;

/// <summary>
/// One meaning per query parameter name across the API, read from the OpenAPI document: a name has the same type and
/// the same description wherever it is taken, and the time axes keep their names (asOf a day, knownAt a moment,
/// from/to days, recordedFrom/recordedTo moments).
/// </summary>
public class ParameterNameTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<List<(string Operation, string Name, string Schema, string? Description)>> QueryParameters()
    {
        var document = (await app.Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK).Body!;
        return document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => o.Value!.AsObject()))
            .SelectMany(operation => (operation["parameters"]?.AsArray() ?? []).Select(p => p!.AsObject())
                .Where(p => p["in"]!.GetValue<string>() == "query")
                .Select(p => (operation["operationId"]!.GetValue<string>(), p["name"]!.GetValue<string>(),
                    p["schema"]!.ToJsonString(), p["description"]?.GetValue<string>())))
            .ToList();
    }

    [Fact]
    public async Task Each_time_axis_parameter_has_one_meaning_everywhere()
    {
        var parameters = await QueryParameters();

        foreach (var (name, format) in new[] { ("asOf", "YYYY-MM-DD"), ("knownAt", "ISO-8601"), ("from", "YYYY-MM-DD"), ("to", "YYYY-MM-DD"), ("recordedFrom", "ISO-8601"), ("recordedTo", "ISO-8601") })
        {
            var taken = parameters.Where(p => p.Name == name).ToList();
            taken.ShouldNotBeEmpty(name);
            taken.ShouldAllBe(p => p.Description != null && p.Description.Contains(format), name);
        }
        // asOf is a day wherever it is a typed date, knownAt a moment: never the other way round.
        parameters.Where(p => p.Name is "asOf" or "from" or "to").ShouldAllBe(p => !p.Schema.Contains("date-time"));
        parameters.Where(p => p.Name is "knownAt" or "recordedFrom" or "recordedTo").ShouldAllBe(p => p.Schema.Contains("date-time"));
        foreach (var name in new[] { "asOf", "knownAt", "recordedFrom", "recordedTo" })
            parameters.Where(p => p.Name == name).Select(p => p.Description!.Split(':')[0]).Distinct().Count().ShouldBe(1, name);
    }
}
