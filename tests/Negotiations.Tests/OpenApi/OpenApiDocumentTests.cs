using System.Net;
using System.Text.Json.Nodes;
using Negotiations.Operations.ApiReference;
using Negotiations.Operations.Security;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.OpenApi;

/// <summary>The OpenAPI document describes every endpoint with the errors it can answer, judged from the endpoints themselves.</summary>
public class OpenApiDocumentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<List<(string Path, string Method, JsonObject Operation)>> Operations()
    {
        var document = (await app.Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK).Body!;
        return document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (p.Key, o.Key, o.Value!.AsObject())))
            .ToList();
    }

    private static List<string> Responses(JsonObject operation) => operation["responses"]!.AsObject().Select(r => r.Key).ToList();

    [Fact]
    public async Task Every_operation_has_a_unique_id_a_tag_and_a_summary()
    {
        var operations = await Operations();

        operations.Count.ShouldBeGreaterThan(40);
        foreach (var (path, method, operation) in operations)
        {
            operation["operationId"].ShouldNotBeNull($"{method} {path}");
            operation["tags"]!.AsArray().Single()!.GetValue<string>().ShouldNotContain(".", customMessage: $"{method} {path}");
            operation["summary"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{method} {path}");
        }
        operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).ShouldBeUnique();
    }

    [Fact]
    public async Task Every_command_documents_its_validation_conflict_and_refusal_answers()
    {
        foreach (var (path, method, operation) in (await Operations()).Where(o => o.Method == "post" && o.Path is not ("/api/import" or "/api/audit/verify" or "/api/audit/checkpoints"))) // verify reads, with a body; a checkpoint takes none
        {
            var responses = Responses(operation);
            var what = $"{operation["operationId"]} ({path})";
            responses.ShouldContain("400", what);
            responses.ShouldContain("409", what);
            if (path != "/api/audit/releases") responses.ShouldContain("422", what); // a freeze sent again is refused by its name, with no Idempotency-Key
            if (path.Contains('{')) responses.ShouldContain("404", what);
            responses.ShouldContain(r => r == "200" || r == "201", what);
        }
    }

    [Fact]
    public async Task Every_operation_requires_the_bearer_key_of_the_role_the_route_needs()
    {
        var document = (await app.Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK).Body!;
        var scheme = document["components"]!["securitySchemes"]![BearerSecurity.SchemeName]!;
        scheme["type"]!.GetValue<string>().ShouldBe("http");
        scheme["scheme"]!.GetValue<string>().ShouldBe("bearer");

        foreach (var (path, method, operation) in await Operations())
        {
            var requirement = operation["security"]!.AsArray().Single()!.AsObject();
            requirement.Select(r => r.Key).ShouldBe([BearerSecurity.SchemeName], $"{method} {path}");
            requirement[BearerSecurity.SchemeName]!.AsArray().Select(r => r!.GetValue<string>())
                .ShouldBe([RouteAccess.RoleFor(method.ToUpperInvariant(), path)], $"{method} {path}");
        }
    }

    [Fact]
    public async Task Every_read_of_one_thing_documents_its_404()
    {
        foreach (var (path, method, operation) in (await Operations()).Where(o => o.Method == "get" && o.Path.StartsWith("/api/") && o.Path.EndsWith("Id}")))
            Responses(operation).ShouldContain("404", $"{operation["operationId"]} ({path})");
    }

    [Fact]
    public async Task A_date_of_occurrence_is_described_in_both_the_forms_it_is_read_in()
    {
        var schema = (await app.Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK).Body!["components"]!["schemas"]!["Occurrence"]!;

        schema["oneOf"]!.AsArray().Select(s => s!["type"]!.GetValue<string>()).ShouldBe(["string", "object"]);
    }
}
