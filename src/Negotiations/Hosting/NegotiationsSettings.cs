namespace Negotiations.Hosting;

/// <summary>The application's own settings, bound from the "Negotiations" configuration section.</summary>
public sealed class NegotiationsSettings
{
    public const string Section = "Negotiations";

    /// <summary>PostgreSQL schema holding the event store, the documents and Wolverine's tables.</summary>
    public string Schema { get; set; } = "negotiations";

    /// <summary>Who is recorded as the author of developments until authentication names the caller.</summary>
    public string RecordedBy { get; set; } = "local-monitor";

    /// <summary>Load the demo scenario at start-up when the event store is empty.</summary>
    public bool LoadDemoScenario { get; set; }
}
