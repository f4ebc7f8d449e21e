using System.Net;
using Negotiations.Operations.Settings;
using System.Text;
using Negotiations.Operations.Security;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Security;

/// <summary>
/// Every route the application serves (read from its endpoint data sources, not from a list kept by
/// hand) answered for no key, a bad key and each role: 401 without a valid key, 403 without the role
/// the route needs, and never either with it.
/// </summary>
public class AccessTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly Dictionary<string, string[]> RolesOf = new()
    {
        [TestKeys.Monitor] = [Roles.Monitor],
        [TestKeys.Auditor] = [Roles.Auditor],
        [TestKeys.Viewer] = [Roles.Viewer],
    };

    private IEnumerable<(string Method, string Path, bool Anonymous)> Routes() =>
        RouteTable.Of(app.Host).Select(r => (r.Method, r.Path(_ => Guid.CreateVersion7().ToString()), r.Anonymous)).Distinct();

    /// <summary>Only the status matters, and some routes stream (the live feed): read the headers and hang up.</summary>
    private async Task<HttpStatusCode> Call(string method, string path, string? key)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "GET" ? null : new StringContent("{}", Encoding.UTF8, "application/json")
        };
        if (key is not null) request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {key}");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode;
    }

    [Fact]
    public async Task Every_route_answers_the_access_matrix()
    {
        var routes = Routes().ToList();
        routes.Count.ShouldBeGreaterThan(50);
        var failures = new List<string>();

        foreach (var (method, path, anonymous) in routes)
        {
            var needed = RouteAccess.RoleFor(method, path);
            foreach (var key in new string?[] { null, "not-a-key", TestKeys.Monitor, TestKeys.Auditor, TestKeys.Viewer })
            {
                var status = await Call(method, path, key);
                var expected = anonymous ? "open"
                    : key is null || key == "not-a-key" ? "401"
                    : RolesOf[key].Contains(needed) ? "allowed" : "403";
                var actual = status switch
                {
                    HttpStatusCode.Unauthorized => "401",
                    HttpStatusCode.Forbidden => "403",
                    _ => anonymous ? "open" : "allowed"
                };
                if (actual != expected) failures.Add($"{method} {path} with {key ?? "no key"}: expected {expected}, got {(int)status}");
            }
        }

        failures.ShouldBeEmpty();
        // Only /health, /health/database and the API reference page's own script and icon files are open.
        routes.Where(r => r.Anonymous).Select(r => r.Path).ShouldAllBe(p => p == "/health" || p == "/health/database" || (p.StartsWith("/scalar/") && Path.HasExtension(p)));
    }

    [Fact]
    public async Task An_unauthorised_caller_gets_a_problem_and_nothing_is_appended()
    {
        var before = await app.EventCount();

        (await app.Post("/api/understandings", Given.DemilitarisedZone(), new Dictionary<string, string> { ["Authorization"] = "" }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await app.Post("/api/understandings", Given.DemilitarisedZone(), new Dictionary<string, string> { ["Authorization"] = $"Bearer {TestKeys.Viewer}" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);

        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Recorded_by_is_the_authenticated_user_whatever_the_body_says()
    {
        var body = System.Text.Json.JsonSerializer.Serialize(Given.DemilitarisedZone(), Api.Json)
            .Replace("{\"title\"", "{\"userName\":\"mallory\",\"recordedBy\":\"mallory\",\"timestamp\":\"2001-01-01T00:00:00Z\",\"sequence\":1,\"version\":9,\"title\"");
        var reply = await app.PostRaw("/api/understandings", body, headers: new Dictionary<string, string> { ["Authorization"] = $"Bearer {TestKeys.Monitor}" });
        reply.ShouldBe(HttpStatusCode.Created);

        var stored = (await app.StreamOf(reply.Id)).Single();
        stored.UserName.ShouldBe("test-monitor");
        stored.Version.ShouldBe(1);
        stored.Timestamp.Year.ShouldBeGreaterThan(2001);
    }
}
