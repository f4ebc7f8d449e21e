namespace Negotiations.Operations.Settings;

/// <summary>The application's own settings, bound from the "Negotiations" configuration section.</summary>
public sealed class NegotiationsSettings
{
    public const string Section = "Negotiations";

    /// <summary>PostgreSQL schema holding the event store, the documents and Wolverine's tables.</summary>
    public string Schema { get; set; } = "negotiations";

    /// <summary>Who is recorded as the author of what the application logs by itself: the demo scenario, command-line imports.</summary>
    public string RecordedBy { get; set; } = "local-monitor";

    /// <summary>API keys (stored as SHA-256 hashes), each bound to a user and roles.</summary>
    public List<ApiKey> ApiKeys { get; set; } = [];

    /// <summary>A role granted to callers without a key (e.g. "viewer" for a public dashboard); none by default.</summary>
    public string? AnonymousRole { get; set; }

    /// <summary>JWT bearer tokens from an external identity provider, when an authority is configured.</summary>
    public JwtSettings Jwt { get; set; } = new();

    /// <summary>Load the demo scenario at start-up when the event store is empty.</summary>
    public bool LoadDemoScenario { get; set; }

    /// <summary>
    /// Where the async projections run: Solo (this node is the only one) or HotCold (several nodes against one
    /// database, one of them runs the projections and another takes over when it goes).
    /// </summary>
    public JasperFx.Events.Daemon.DaemonMode Daemon { get; set; } = JasperFx.Events.Daemon.DaemonMode.Solo;
}

public sealed class JwtSettings
{
    /// <summary>The identity provider (OpenID Connect authority); JWTs are accepted only when it is set.</summary>
    public string? Authority { get; set; }

    public string? Audience { get; set; }

    /// <summary>The claim that carries the roles (monitor, auditor, viewer).</summary>
    public string RoleClaim { get; set; } = "roles";
}
