namespace Negotiations.Understandings;

public enum UnderstandingKind
{
    Ceasefire,
    DemilitarisedZone,
    AreaOfSeparation,
    OversightMechanism,
    Roadmap,
    SecurityUnderstanding,
    PeaceAgreement,
    Other
}

/// <summary>Stages of the PA-X Peace Agreements Database.</summary>
public enum PaxStage
{
    PreNegotiation,
    Ceasefire,
    FrameworkPartial,
    FrameworkComprehensive,
    Implementation,
    Renewal,
    Other
}

public enum Lifecycle
{
    Proposed,
    UnderNegotiation,
    Agreed,
    InImplementation,
    Suspended,
    Collapsed,
    Superseded,
    Fulfilled
}

public enum PartyRole { Party, Mediator, Guarantor, Backer, Observer }

public sealed record Party(string Name, PartyRole Role);
