using Microsoft.AspNetCore.Hosting;
using Negotiations.Operations.Settings;

namespace Negotiations.Tests.Support;

/// <summary>API keys the test hosts accept: one per role, and one with every role that the helpers send by default.</summary>
public static class TestKeys
{
    public const string Everything = "test-key-everything";
    public const string Monitor = "test-key-monitor";
    public const string Auditor = "test-key-auditor";
    public const string Viewer = "test-key-viewer";

    public const string EverythingUser = "test-all-roles";

    private static readonly (string Key, string User, string[] Roles)[] Keys =
    [
        (Everything, EverythingUser, [Roles.Monitor, Roles.Auditor, Roles.Viewer]),
        (Monitor, "test-monitor", [Roles.Monitor]),
        (Auditor, "test-auditor", [Roles.Auditor]),
        (Viewer, "test-viewer", [Roles.Viewer]),
    ];

    public static void Configure(IWebHostBuilder builder)
    {
        for (var i = 0; i < Keys.Length; i++)
        {
            var (key, user, roles) = Keys[i];
            builder.UseSetting($"Negotiations:ApiKeys:{i}:User", user);
            builder.UseSetting($"Negotiations:ApiKeys:{i}:KeyHash", ApiKey.Hash(key));
            for (var r = 0; r < roles.Length; r++) builder.UseSetting($"Negotiations:ApiKeys:{i}:Roles:{r}", roles[r]);
        }
    }
}
