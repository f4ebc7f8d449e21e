using System.Net;
using System.Text.Json.Nodes;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Appointments;

/// <summary>The OpenAPI document describes every mechanism and office endpoint with its error responses.</summary>
public class OfficeOpenApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/api/mechanisms", "post", "EstablishMechanism", "400 404 409")]
    [InlineData("/api/mechanisms/{mechanismId}/members", "post", "AddMechanismMember", "400 404 409 422")]
    [InlineData("/api/mechanisms/{mechanismId}/departures", "post", "RecordMechanismMemberLeft", "400 404 409 422")]
    [InlineData("/api/mechanisms/{mechanismId}/meetings", "post", "RecordMechanismMeeting", "400 404 409 422")]
    [InlineData("/api/mechanisms/{mechanismId}/reports", "post", "PublishMechanismReport", "400 404 409 422")]
    [InlineData("/api/mechanisms/{mechanismId}", "get", "GetMechanism", "404")]
    [InlineData("/api/offices/appointments", "post", "AppointOfficial", "200 201 400 404 409 422")]
    [InlineData("/api/offices/{officeId}/dismissals", "post", "DismissOfficial", "400 404 409 422")]
    [InlineData("/api/offices/{officeId}/resignations", "post", "ResignOfficial", "400 404 409 422")]
    [InlineData("/api/offices/{officeId}", "get", "GetOffice", "404")]
    [InlineData("/api/offices/id", "get", "GetOfficeId", "400")]
    public async Task Every_endpoint_is_documented_with_its_error_responses(string path, string method, string operationId, string statuses)
    {
        var document = (await app.Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK).Body!;

        var operation = document["paths"]![path]?[method] as JsonObject;
        operation.ShouldNotBeNull($"{method} {path} is not documented");
        operation["operationId"]!.GetValue<string>().ShouldBe(operationId);
        var responses = operation["responses"]!.AsObject().Select(r => r.Key).ToList();
        foreach (var status in statuses.Split(' ')) responses.ShouldContain(status, $"{operationId} does not document {status}");
    }
}
