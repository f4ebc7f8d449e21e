using Negotiations.Kernel;

namespace Negotiations.Appointments;

/// <summary>
/// Someone was appointed to an office. The office's stream id is computed from office and jurisdiction
/// (see OfficeIds). A single-holder office has one holder at a time. From when: the provenance's occurred date.
/// </summary>
public sealed record OfficialAppointed(
    Guid OfficeId,
    string Person,
    string Office,
    string Jurisdiction,
    string AppointedBy,
    string? Affiliation,
    bool SingleHolder,
    IReadOnlyList<Guid> UnderstandingIds,
    Provenance Provenance) : IFieldRules, ILinksUnderstandings
{

    public static Problems Rules(Problems problems, string? person, string? office, string? jurisdiction, string? appointedBy,
        string? affiliation, IReadOnlyList<Guid>? understandingIds) =>
        problems
            .Text("person", person)
            .Text("office", office)
            .Text("jurisdiction", jurisdiction)
            .Text("appointedBy", appointedBy)
            .Text("affiliation", affiliation, required: false)
            .When(office?.Contains(OfficeIds.Separator) == true, "office", $"An office title cannot contain '{OfficeIds.Separator}'.")
            .When(jurisdiction?.Contains(OfficeIds.Separator) == true, "jurisdiction", $"A jurisdiction cannot contain '{OfficeIds.Separator}'.")
            .Ids("understandingIds", understandingIds, "understanding");

    /// <summary>As an event, it also names the office of its stream: the id computed from its office and jurisdiction.</summary>
    public Problems CheckFields(Problems problems) =>
        Rules(problems, Person, Office, Jurisdiction, AppointedBy, Affiliation, UnderstandingIds)
            .When(UnderstandingIds is null, "understandingIds", "Required: the understandings the appointment concerns (an empty list if none).")
            .When(!string.IsNullOrWhiteSpace(Office) && !string.IsNullOrWhiteSpace(Jurisdiction) && OfficeIds.For(Office, Jurisdiction) != OfficeId,
                "office", $"Office and jurisdiction name another office than {OfficeId}; an appointment to another office is logged there.");
}

public sealed record OfficialDismissed(Guid OfficeId, string Person, string DismissedBy, string? Reason, Provenance Provenance) : IFieldRules
{
    public static Problems Rules(Problems problems, string? person, string? dismissedBy, string? reason) =>
        problems.Text("person", person).Text("dismissedBy", dismissedBy).Text("reason", reason, required: false);

    public Problems CheckFields(Problems problems) => Rules(problems, Person, DismissedBy, Reason);

    public Problems CheckKept(object original, Problems problems) =>
        problems.When(original is OfficialDismissed o && !Office.SamePerson(o.Person, Person), "person", Departures.KeepsWhoLeft);
}

public sealed record OfficialResigned(Guid OfficeId, string Person, string? Reason, Provenance Provenance) : IFieldRules
{
    public static Problems Rules(Problems problems, string? person, string? reason) =>
        problems.Text("person", person).Text("reason", reason, required: false);

    public Problems CheckFields(Problems problems) => Rules(problems, Person, Reason);

    public Problems CheckKept(object original, Problems problems) =>
        problems.When(original is OfficialResigned o && !Office.SamePerson(o.Person, Person), "person", Departures.KeepsWhoLeft);
}
