using Wolverine.Http;

namespace Negotiations.Hosting;

/// <summary>
/// Every command endpoint honours an `Idempotency-Key` header: a retry with the same key and the same
/// bytes gets the first response and appends nothing; the same key with another request is refused
/// (422). Keys belong to the caller: another user's key is another claim.
/// Where Wolverine can, the claim is written in the command's own transaction, so a failed or interrupted
/// command leaves no claim: the endpoints that start a stream, corrections and retractions. Endpoints that
/// answer with <c>UpdatedAggregate</c> produce their answer after the commit, so Wolverine keeps
/// claim-and-release for them (it logs a warning naming each): a process killed between the claim and the
/// answer leaves the key "still being processed" (409) until the deduplication window ends, although the
/// command itself either committed or did not. Answering the folded write model instead would move them
/// to the in-transaction path.
/// </summary>
public static class IdempotencyPolicy
{
    public const string Header = "Idempotency-Key";

    public static void Apply(HttpChain chain)
    {
        if (!chain.HttpMethods.Contains("POST") || chain.Method.HandlerType.Namespace == typeof(Import.ImportEndpoint).Namespace) return;
        if (chain.Method.HandlerType.Namespace == typeof(Audit.VerifyChainEndpoint).Namespace) return; // verify appends nothing
        chain.DeduplicatedWithResponse = new DeduplicatedWithResponseRequirement
        {
            Scope = DeduplicationScope.User,
            Required = false,
            ClaimInTransaction = true
        };
    }
}
