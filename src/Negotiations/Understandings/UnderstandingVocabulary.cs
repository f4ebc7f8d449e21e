using Negotiations.Kernel;
namespace Negotiations.Understandings;

[Vocabulary("understanding-kind", "The agreement types of the PA-X Peace Agreements Database and the provision types of the Peace Accords Matrix (PAM); other with a label of its own")]
public enum UnderstandingKind
{
    [Definition("An agreement to stop hostilities, in all or part of a territory, for a time or open-ended (PA-X: ceasefire/related).")]
    Ceasefire,
    [Definition("An area from which the parties agree to keep forces or classes of weapons out altogether.")]
    DemilitarisedZone,
    [Definition("An area between the parties' lines held by a third party, where neither side's forces may stay.")]
    AreaOfSeparation,
    [Definition("A body the parties set up or accept to monitor, verify or steer the implementation of an understanding (PAM: verification mechanism).")]
    OversightMechanism,
    [Definition("A sequence of steps the parties commit to, usually with dates or stages, towards a settlement or a stabilisation.")]
    Roadmap,
    [Definition("Arrangements between states or armed groups on forces, deployments and security guarantees short of a peace agreement.")]
    SecurityUnderstanding,
    [Definition("A signed agreement that addresses the substance of the conflict, in part or in full (PA-X: substantive agreements).")]
    PeaceAgreement,
    [Definition("Disarmament, demobilisation and reintegration of combatants, or the handover or cantonment of weapons (PAM: DDR, decommissioning).")]
    Disarmament,
    [Definition("Access for aid, corridors, the opening of crossings or the protection of civilians and aid workers (PA-X: humanitarian provisions).")]
    HumanitarianAccess,
    [Definition("A transitional government, power sharing, a constitution or elections to move power from one order to another (PAM: power sharing, electoral reform).")]
    PoliticalTransition,
    [Definition("The release or exchange of prisoners, detainees or hostages, or the return of remains (PAM: prisoner release).")]
    PrisonerExchange,
    [Definition("The departure of a foreign state's forces from a territory or region (PAM: withdrawal of troops).")]
    ForeignForcesWithdrawal,
    [Definition("Any other kind; the understanding names it in its own label.")]
    Other
}

/// <summary>Stages of the PA-X Peace Agreements Database.</summary>
[Vocabulary("pax-stage", "The agreement stages of the PA-X Peace Agreements Database")]
public enum PaxStage
{
    [Definition("Pre-negotiation or process: about getting the parties to negotiate (talks about talks, agendas, who takes part) (PA-X: pre-negotiation/process).")]
    PreNegotiation,
    [Definition("A ceasefire or related agreement: stopping violence, disengagement, monitoring of the ceasefire (PA-X: ceasefire/related).")]
    Ceasefire,
    [Definition("A substantive agreement on part of the issues, with others left to later agreements (PA-X: framework/substantive - partial).")]
    FrameworkPartial,
    [Definition("A substantive agreement that addresses the main issues of the conflict together (PA-X: framework/substantive - comprehensive).")]
    FrameworkComprehensive,
    [Definition("Implementation or renegotiation of an earlier agreement: its details, timetables and mechanisms (PA-X: implementation/renegotiation).")]
    Implementation,
    [Definition("A renewal of an earlier agreement or its commitments, often a ceasefire's extension (PA-X: renewal).")]
    Renewal,
    [Definition("A stage none of the others describes (PA-X: other).")]
    Other
}

[Vocabulary("lifecycle", "The life of an understanding as monitors follow it, after PA-X's stages and the implementation tracking of the Peace Accords Matrix")]
public enum Lifecycle
{
    [Definition("Put forward by a party or a mediator; not yet under negotiation.")]
    Proposed,
    [Definition("The parties are negotiating its terms.")]
    UnderNegotiation,
    [Definition("The parties agreed to it (signed, initialled or announced by them).")]
    Agreed,
    [Definition("Its commitments are being carried out.")]
    InImplementation,
    [Definition("A party suspended it or its implementation, without ending it.")]
    Suspended,
    [Definition("It broke down: a party withdrew from it or it is no longer observed.")]
    Collapsed,
    [Definition("A later understanding took its place.")]
    Superseded,
    [Definition("Its commitments were carried out in full.")]
    Fulfilled
}

[Vocabulary("party-role", "The roles of signatories and third parties in PA-X")]
public enum PartyRole
{
    [Definition("A side to the conflict that is bound by the understanding.")]
    Party,
    [Definition("A third party that facilitates or mediates the talks.")]
    Mediator,
    [Definition("A third party that guarantees the understanding or its implementation.")]
    Guarantor,
    [Definition("A third party that supports the understanding politically or with resources, without guaranteeing it.")]
    Backer,
    [Definition("A third party present as a witness, without a role in the terms.")]
    Observer
}

public sealed record Party(string Name, PartyRole Role);
