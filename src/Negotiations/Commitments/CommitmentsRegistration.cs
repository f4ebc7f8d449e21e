using Marten;
using Negotiations.Kernel;

namespace Negotiations.Commitments;

public sealed class CommitmentsRegistration : IStoreRegistration
{
    public void Register(StoreOptions options) => options.KeepInline(new CommitmentProjection(), new CommitmentDetailsProjection());
}
