namespace Negotiations.Operations.ApiReference;

/// <summary>An earlier development an example names: the event at this version of this stream.</summary>
public sealed record ExampleEvent(Guid StreamId, long Version, string Describes);

/// <summary>
/// Marten gives an event its id when it appends it, so an example that names an earlier development (the
/// withdrawal declaration assessed, the violation report ruled on, the evidence of an assessment, the development
/// corrected or retracted) cannot know that id in advance. It names one of these placeholders instead; each stands
/// for the event that the demo scenario followed by examples.jsonl puts at a fixed version of a fixed stream.
/// </summary>
public static class ExampleEventIds
{
    private static readonly Guid Zone = Guid.Parse("01990000-0000-7000-8000-000000000201");
    private static readonly Guid Mechanism = Guid.Parse("01990000-0000-7000-8000-000000000301");

    public static readonly IReadOnlyDictionary<Guid, ExampleEvent> Placeholders = new Dictionary<Guid, ExampleEvent>
    {
        [Guid.Parse("01990000-0000-7000-8000-00000000e001")] = new(Zone, 2, "Syria's declaration that it withdrew heavy weapons from the southern zone"),
        [Guid.Parse("01990000-0000-7000-8000-00000000e002")] = new(Zone, 9, "the report of an incursion into the zone in the Quneitra countryside"),
        [Guid.Parse("01990000-0000-7000-8000-00000000e003")] = new(Guid.Parse("01990000-0000-7000-8000-000000000501"), 3, "the implementation step: an investigation committee was formed"),
        [Guid.Parse("01990000-0000-7000-8000-00000000e004")] = new(Mechanism, 2, "the first meeting of the trilateral mechanism"),
        [Guid.Parse("01990000-0000-7000-8000-00000000e005")] = new(Guid.Parse("01990000-0000-7000-8000-000000000503"), 2, "the reported breach of the reconciliation commitment"),
    };
}
