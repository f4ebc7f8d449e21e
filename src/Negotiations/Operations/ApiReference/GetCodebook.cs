using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Operations.ApiReference;

/// <summary>The codebook: every vocabulary, its grounding and what each word means, with the codebook's version.</summary>
public sealed record CodebookAnswer(string Version, IReadOnlyList<Vocabulary> Vocabularies);

public static class GetCodebookEndpoint
{
    [WolverineGet("/api/codebook", OperationId = "GetCodebook"), Tags("Codebook")]
    [EndpointSummary("The codebook: every vocabulary the API speaks, what it is grounded in and the definition of each word")]
    [EndpointDescription("Each vocabulary by the name its words are sent under (understanding-kind, pax-stage, estimate-form, ...), " +
        "what it is grounded in (PA-X, the Peace Accords Matrix, OSCE and UCDP practice) and every word with its definition. " +
        "`version` changes whenever a word is added or redefined.")]
    public static CodebookAnswer Get() => new(Codebook.Version, Codebook.Vocabularies);
}
