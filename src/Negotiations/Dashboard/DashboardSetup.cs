using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Negotiations.Dashboard;

/// <summary>
/// The dashboard: server-rendered Razor Pages under Dashboard/Pages (the overview at /, an understanding at
/// /understandings/{id}, the map at /map) and hand-written assets (dashboard.css, dashboard.js, map.js) embedded in the
/// assembly, served from /dashboard/, with the map's libraries vendored from npm at build time (Dashboard/Map).
/// </summary>
public static class DashboardSetup
{
    public const string AssetPath = "/dashboard";

    private static readonly ConcurrentDictionary<string, (byte[] Bytes, string ETag)?> Assets = new();

    public static WebApplicationBuilder AddNegotiationsDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Dashboard/Pages");
        builder.Services.AddScoped<DashboardReader>();
        return builder;
    }

    public static WebApplication UseNegotiationsDashboard(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapGet(AssetPath + "/{file}", (string file, HttpContext context) =>
            {
                var type = Path.GetExtension(file) switch
                {
                    ".css" => "text/css; charset=utf-8", ".js" => "text/javascript; charset=utf-8", ".json" => "application/json", _ => null
                };
                if (type is null || Asset(file) is not { } asset) return Results.NotFound();
                context.Response.Headers.ETag = asset.ETag;
                context.Response.Headers.CacheControl = "no-cache";
                return context.Request.Headers.IfNoneMatch == asset.ETag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(asset.Bytes, type);
            })
            .ExcludeFromDescription();
        return app;
    }

    private static (byte[] Bytes, string ETag)? Asset(string file) => Assets.GetOrAdd(file, name =>
    {
        using var stream = typeof(DashboardSetup).Assembly.GetManifestResourceStream("Dashboard." + name);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return (bytes, "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"");
    });
}
