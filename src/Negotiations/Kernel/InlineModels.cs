using JasperFx.Events.Projections;
using Marten;

namespace Negotiations.Kernel;

public static class InlineModels
{
    /// <summary>
    /// A concept's write model and the read model of its stream, both kept inline: a command loads the write model in
    /// one read, in the transaction that appends, and a read of the details answers at once after it.
    /// </summary>
    public static void KeepInline<TWriteModel, TDetails>(this StoreOptions options, StreamModelProjection<TWriteModel> writeModel, StreamModelProjection<TDetails> details)
        where TWriteModel : class, IWriteModel<TWriteModel> where TDetails : class, IStreamModel<TDetails>
    {
        options.Projections.Add(writeModel, ProjectionLifecycle.Inline);
        options.Projections.Add(details, ProjectionLifecycle.Inline);
    }
}
