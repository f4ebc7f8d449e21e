using Negotiations.Kernel;
using NetTopologySuite.Geometries;

namespace Negotiations.ReadModels.Places;

/// <summary>What a map shows of a development with a place, beside its geometry: what it is and where it comes from.</summary>
/// <param name="Concept">The kind of stream it belongs to: Rounds, Casualties, Appointments...</param>
/// <param name="EventType">The development's stored type name, e.g. round_scheduled.</param>
/// <param name="Summary">A short readable line, as the timeline writes it.</param>
public sealed record PlaceProperties(
    Guid EventId,
    Guid StreamId,
    string Concept,
    string EventType,
    string Summary,
    LocationPrecision Precision,
    string? PlaceName,
    Occurrence Occurred,
    IReadOnlyList<Source> Sources,
    DateTimeOffset Recorded);

/// <summary>A development's place as a GeoJSON Feature; its id is the development's event id.</summary>
public sealed record PlaceFeature(string Type, Guid Id, Geometry Geometry, PlaceProperties Properties);

/// <summary>The places of developments as a GeoJSON FeatureCollection, in the order they occurred; <see cref="Truncated"/> as for incidents.</summary>
public sealed record PlaceFeatureCollection(string Type, IReadOnlyList<PlaceFeature> Features, bool Truncated);
