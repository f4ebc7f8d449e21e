using Negotiations.Incidents;
using Negotiations.Kernel;
using NetTopologySuite.Geometries;

namespace Negotiations.ReadModels.Places;

/// <summary>What a map shows of an incident, beside its geometry.</summary>
public sealed record IncidentProperties(
    Guid IncidentId,
    IncidentKind Kind,
    string? KindLabel,
    string Summary,
    LocationPrecision Precision,
    string? PlaceName,
    Occurrence Occurred,
    IReadOnlyList<Actor> Actors,
    IReadOnlyList<Guid> UnderstandingIds,
    IReadOnlyList<Guid> CasualtyClaimIds,
    IReadOnlyList<Source> Sources,
    DateTimeOffset Recorded);

/// <summary>An incident as a GeoJSON Feature (RFC 7946 section 3.2).</summary>
public sealed record IncidentFeature(string Type, Guid Id, Geometry Geometry, IncidentProperties Properties);

/// <summary>
/// Incidents as a GeoJSON FeatureCollection (RFC 7946 section 3.3), in the order they occurred. <see cref="Truncated"/>
/// (a foreign member) says that more matched than <see cref="GeoJson.MaxFeatures"/>: narrow the query.
/// </summary>
public sealed record IncidentFeatureCollection(string Type, IReadOnlyList<IncidentFeature> Features, bool Truncated);
