using JasperFx.Events;

namespace Negotiations.Kernel;

/// <summary>A model folded purely from one stream: a write model, or a read model of one stream.</summary>
public interface IStreamModel<TSelf> where TSelf : class, IStreamModel<TSelf>
{
    static abstract TSelf? Fold(TSelf? state, IEvent e);

    /// <summary>The stream's id.</summary>
    Guid Id { get; }

    /// <summary>The version of the stream the model was folded up to.</summary>
    long Version { get; }

    /// <summary>The same state at another version of its stream (a stream folded as it stands ends on its own last version).</summary>
    TSelf At(long version);
}
