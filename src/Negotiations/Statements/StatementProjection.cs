using Negotiations.Kernel;

namespace Negotiations.Statements;

/// <summary>Keeps the statement as a document, in the same transaction as its event; a correction or retraction folds its stream again as it stands.</summary>
public class StatementProjection : StreamModelProjection<Statement>
{
    public StatementProjection() => this.IncludeConceptOf<Statement>();
}
