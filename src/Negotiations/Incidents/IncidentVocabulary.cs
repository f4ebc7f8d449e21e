using Negotiations.Kernel;

namespace Negotiations.Incidents;

[Vocabulary("incident-kind", "Event types of ACLED (battles, explosions/remote violence, violence against civilians) and UCDP GED")]
public enum IncidentKind
{
    [Definition("An attack from the air: aircraft, drones or missiles.")]
    AirStrike,
    [Definition("Artillery, mortar or rocket fire from the ground.")]
    Shelling,
    [Definition("Armed fighting between two or more sides.")]
    Clash,
    [Definition("An armed incursion into a place, by ground forces.")]
    Raid,
    [Definition("People detained or abducted by an armed or security force.")]
    Arrest,
    [Definition("Another kind of incident, named by its label.")]
    Other
}

[Vocabulary("actor-role", "Actor roles in conflict-event coding (ACLED actor 1 and 2, UCDP side a and b)")]
public enum ActorRole
{
    [Definition("The side that carried out the attack or the arrest.")]
    Perpetrator,
    [Definition("Whom or what it was aimed at.")]
    Target,
    [Definition("A side in a clash where none is named as the one that attacked.")]
    Side
}

/// <summary>Someone who took part in an incident, as the source names them, and in what role.</summary>
public sealed record Actor(string Name, [property: System.Text.Json.Serialization.JsonRequired] ActorRole Role);
