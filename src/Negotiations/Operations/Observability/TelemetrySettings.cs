using System.ComponentModel.DataAnnotations;

namespace Negotiations.Operations.Observability;

/// <summary>How often the projection lag is sampled for the metrics ("Negotiations:Telemetry").</summary>
public sealed class TelemetrySettings
{
    public const string Section = "Negotiations:Telemetry";

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00",
        ErrorMessage = "Negotiations:Telemetry:LagSampleInterval (Negotiations__Telemetry__LagSampleInterval) must be between 00:00:00.100 and 01:00:00.")]
    public TimeSpan LagSampleInterval { get; set; } = TimeSpan.FromSeconds(5);
}
