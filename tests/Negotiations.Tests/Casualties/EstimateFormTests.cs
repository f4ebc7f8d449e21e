using Microsoft.AspNetCore.Mvc;
using Negotiations.Casualties;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Tests.Casualties;

/// <summary>Figures as sources state them: each form takes the figures it names and no others; nothing is filled in.</summary>
public class EstimateFormTests
{
    private static ProblemDetails Validate(CasualtyFigures figures) =>
        (GivenCasualties.SweidaToll() with { Figures = figures, Breakdown = [] }).Validate();

    private static string[] Invalid(ProblemDetails problems) => ((ValidationProblemDetails)problems).Errors.Keys.ToArray();

    [Theory]
    [InlineData(EstimateForm.Exact, null, 2000, null, "2,000")]
    [InlineData(EstimateForm.About, null, 500, null, "about 500")]
    [InlineData(EstimateForm.AtLeast, 2000, null, null, "at least 2,000")]
    [InlineData(EstimateForm.MoreThan, 2000, null, null, "more than 2,000")]
    [InlineData(EstimateForm.AtMost, null, null, 300, "at most 300")]
    [InlineData(EstimateForm.FewerThan, null, null, 300, "fewer than 300")]
    [InlineData(EstimateForm.Range, 162000, null, 378000, "162,000–378,000")]
    [InlineData(EstimateForm.Range, 162000, 250000, 378000, "162,000–378,000 (best 250,000)")]
    [InlineData(EstimateForm.NoFigure, null, null, null, "no figure given")]
    [InlineData(EstimateForm.Best, 1500, 2000, null, "2,000 (low 1,500)")]
    public void Each_form_takes_exactly_the_figures_it_names_and_reads_in_the_sources_terms(EstimateForm form, int? low, int? best, int? high, string words)
    {
        var figures = new CasualtyFigures(low, best, high, form);

        Validate(figures).ShouldBeSameAs(WolverineContinue.NoProblems);
        figures.Words().ShouldBe(words);
    }

    [Theory]
    [InlineData(EstimateForm.MoreThan, 2000, 2000, null, "figures.best")] // a best figure the source never gave
    [InlineData(EstimateForm.MoreThan, null, null, null, "figures.low")]
    [InlineData(EstimateForm.Exact, 1900, 2000, null, "figures.low")]
    [InlineData(EstimateForm.AtMost, null, 10, 300, "figures.best")]
    [InlineData(EstimateForm.Range, 162000, null, null, "figures.high")]
    [InlineData(EstimateForm.Range, 378000, null, 162000, "figures.high")]
    [InlineData(EstimateForm.NoFigure, null, 5, null, "figures.best")]
    [InlineData(EstimateForm.About, null, -1, null, "figures.best")]
    public void A_figure_the_form_does_not_name_or_lacks_is_refused_by_its_field(EstimateForm form, int? low, int? best, int? high, string field)
    {
        Invalid(Validate(new CasualtyFigures(low, best, high, form))).ShouldBe([field]);
    }

    [Fact]
    public void A_refusal_says_which_forms_are_accepted()
    {
        var problems = (ValidationProblemDetails)Validate(new CasualtyFigures(2000, 2000, null, EstimateForm.MoreThan));

        problems.Errors["figures.best"].Single().ShouldBe(
            "\"more-than\" gives only low: leave best out, or state another form (stated as best, exact, about, at-least, more-than, at-most, " +
            "fewer-than, range, no-figure; without it, a best figure with optional low and high).");
    }

    [Fact]
    public void Figures_recorded_before_forms_were_stated_read_as_a_best_figure_with_its_bounds()
    {
        var recorded = new CasualtyFigures(2000, 2000, null);

        recorded.Form.ShouldBe(EstimateForm.Best);
        recorded.Named().ShouldBe(recorded with { Stated = EstimateForm.Best });
        Validate(recorded).ShouldBeSameAs(WolverineContinue.NoProblems);
        Invalid(Validate(new CasualtyFigures(2000, null, null))).ShouldBe(["figures.best"]);
    }
}
