using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;

namespace Negotiations.Understandings;

/// <summary>That the understandings a development names exist and stand.</summary>
public static class KnownUnderstandings
{
    public static Task<ProblemDetails> CheckAsync(IQuerySession session, IEnumerable<Guid>? ids, CancellationToken cancellation) =>
        KnownStreams.CheckAsync<Understanding>(session, ids, "understanding", cancellation);
}
