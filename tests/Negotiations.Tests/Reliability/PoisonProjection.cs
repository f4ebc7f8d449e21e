using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Negotiations.Understandings;

namespace Negotiations.Tests.Resilience;

/// <summary>An asynchronous projection with a bug: it throws on the proposal of an understanding with the poison title.</summary>
public partial class PoisonProjection : EventProjection
{
    public const string ProjectionName = "Poison";
    public const string PoisonTitle = "Poisoned understanding";

    public PoisonProjection()
    {
        Name = ProjectionName;
        IncludeType<UnderstandingProposed>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation) =>
        e.Data is UnderstandingProposed { Title: PoisonTitle }
            ? throw new InvalidOperationException($"The projection cannot read event {e.Sequence}.")
            : ValueTask.CompletedTask;
}
