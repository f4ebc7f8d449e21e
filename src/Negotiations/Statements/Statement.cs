using JasperFx.Events;
using Negotiations.Kernel;
using Negotiations.Understandings;

namespace Negotiations.Statements;

/// <summary>
/// A public statement, folded from its own one-event stream (as it stands, <see cref="AsItStands"/>). A statement is
/// not changed afterwards: if it was wrongly recorded it is retracted (and logged anew), which the fold honours; the
/// development that opened a stream cannot be replaced. No command decides on it once made, so what it holds is what
/// readers show: it is its own read model.
/// </summary>
public sealed record Statement(
    Guid Id,
    string Speaker,
    string? OnBehalfOf,
    PartyRole Role,
    string Summary,
    string? Place,
    IReadOnlyList<Guid> UnderstandingIds,
    Occurrence MadeOn,
    Guid MadeBy,
    bool Retracted,
    long Version) : IWriteModel<Statement>
{
    public Statement At(long version) => this with { Version = version };

    /// <summary>A statement is one development; its rules are those of its fields.</summary>
    public string? BrokenRule() => null;

    public static Statement? Fold(Statement? state, IEvent e) => (state, e.Data) switch
    {
        (null, StatementMade m) => new(m.StatementId, m.Speaker, m.OnBehalfOf, m.Role, m.Summary, m.Place, m.UnderstandingIds,
            m.Provenance.Occurred, e.Id, false, e.Version),
        (null, _) => null,
        ({ } s, DevelopmentRetracted r) when r.RetractedEventId == s.MadeBy => s with { Retracted = true, Version = e.Version },
        ({ } s, _) => s with { Version = e.Version }
    };
}
