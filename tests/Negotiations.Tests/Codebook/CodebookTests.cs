using System.Net;
using System.Reflection;
using Negotiations.Kernel;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Codebook;

/// <summary>Every word the API speaks is in the codebook with a definition, served by the API.</summary>
public class CodebookTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public void Every_list_of_words_the_api_speaks_is_a_vocabulary_and_every_word_has_a_definition()
    {
        var words = typeof(Negotiations.Kernel.Codebook).Assembly.GetTypes().Where(t => t is { IsEnum: true, IsPublic: true } || t is { IsEnum: true, IsNestedPublic: true });

        foreach (var type in words)
        {
            type.GetCustomAttribute<VocabularyAttribute>().ShouldNotBeNull($"{type.Name} is not in the codebook");
            foreach (var term in Negotiations.Kernel.Codebook.Of(type).Terms) term.Definition.ShouldNotBeNullOrWhiteSpace($"{type.Name}.{term.Word}");
        }
        Negotiations.Kernel.Codebook.Vocabularies.Select(v => v.Name).ShouldBeUnique();
    }

    [Fact]
    public async Task The_api_serves_each_vocabulary_with_its_grounding_and_definitions_in_the_words_it_reads()
    {
        var codebook = (await app.Get("/api/codebook")).ShouldBe(HttpStatusCode.OK).Body!;

        codebook["version"]!.GetValue<string>().ShouldBe(Negotiations.Kernel.Codebook.Version);
        var kinds = codebook["vocabularies"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == "understanding-kind")!;
        kinds["groundedIn"]!.GetValue<string>().ShouldContain("PA-X");
        var terms = kinds["terms"]!.AsArray().ToDictionary(t => t!["word"]!.GetValue<string>(), t => t!["definition"]!.GetValue<string>());
        terms.Keys.ShouldContain("disarmament");
        terms.Keys.ShouldContain("prisoner-exchange");
        terms["demilitarised-zone"].ShouldContain("keep forces or classes of weapons out");
        var reliability = codebook["vocabularies"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == "reliability")!;
        reliability["terms"]![1]!["word"]!.GetValue<string>().ShouldBe("B"); // as the API reads and writes the grade
    }
}
