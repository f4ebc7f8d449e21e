using Negotiations.Kernel;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Negotiations.Statements;

/// <summary>Keeps the statement as a document, in the same transaction as its event.</summary>
public partial class StatementProjection : SingleStreamProjection<Statement, Guid>
{
    public StatementProjection() => this.IncludeConceptOf<Statement>();

    public override Statement? Evolve(Statement? snapshot, Guid id, IEvent e) => Statement.Fold(snapshot, e);
}
