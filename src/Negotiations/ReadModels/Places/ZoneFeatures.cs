using Negotiations.Kernel;
using Negotiations.Zones;
using NetTopologySuite.Geometries;

namespace Negotiations.ReadModels.Places;

/// <summary>What a map shows of a zone, line or site beside its geometry.</summary>
public sealed record ZoneProperties(
    Guid ZoneId,
    string Name,
    ZoneKind Kind,
    string Reference,
    LocationPrecision Precision,
    string? PlaceName,
    IReadOnlyList<Guid> UnderstandingIds,
    int ViolationCount,
    Guid AreaEventId);

/// <summary>A zone as a GeoJSON Feature: its latest drawing (<see cref="ZoneMapped"/>).</summary>
public sealed record ZoneFeature(string Type, Guid Id, Geometry Geometry, ZoneProperties Properties);

/// <summary>The zones on the map as a GeoJSON FeatureCollection, by name.</summary>
public sealed record ZoneFeatureCollection(string Type, IReadOnlyList<ZoneFeature> Features);
