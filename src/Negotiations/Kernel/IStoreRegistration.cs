using Marten;

namespace Negotiations.Kernel;

/// <summary>
/// A concept's or a read model's part of the store (its projections, documents and indexes), written beside its code.
/// The composition finds every implementation in the assembly, so a new concept is registered by adding its own file.
/// </summary>
public interface IStoreRegistration
{
    void Register(StoreOptions options);
}
