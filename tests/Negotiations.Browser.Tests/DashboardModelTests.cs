using Negotiations.Dashboard;

namespace Negotiations.Browser.Tests;

/// <summary>The dashboard's pure parts, without a browser: reading the time axes from the URL and the chart's geometry.</summary>
public class DashboardModelTests
{
    [Fact]
    public void The_time_axes_come_from_the_query_and_go_back_into_links()
    {
        var (time, problems) = TimeChoice.Parse("2025-09-01", "2025-09-15T12:30");
        problems.ShouldBeEmpty();
        time.AsOf.ShouldBe(new DateOnly(2025, 9, 1));
        time.KnownAt.ShouldBe(new DateTimeOffset(2025, 9, 15, 12, 30, 0, TimeSpan.Zero), "a moment without an offset is UTC");
        time.Query().ShouldBe("?asOf=2025-09-01&knownAt=2025-09-15T12%3A30%3A00Z");
        time.Query(new DateOnly(2025, 7, 1)).ShouldStartWith("?asOf=2025-07-01&knownAt=");
        time.Describe().ShouldBe("as it stood on 1 September 2025, as known at 15 Sep 2025 12:30:00 UTC");

        TimeChoice.Parse("", "  ").Choice.IsNow.ShouldBeTrue("a form sent with blank fields means now");
        TimeChoice.Parse(null, "2025-09-15T14:30:00+02:00").Choice.KnownAt!.Value.UtcDateTime.Hour.ShouldBe(12);
        TimeChoice.Now.Query().ShouldBe("");
    }

    [Theory]
    [InlineData("2025-13-01", null)]
    [InlineData("15/09/2025", null)]
    [InlineData(null, "yesterday")]
    [InlineData(null, "2025")]
    public void A_time_that_is_not_a_date_is_refused_with_the_reason(string? asOf, string? knownAt)
    {
        var (_, problems) = TimeChoice.Parse(asOf, knownAt);
        problems.Count.ShouldBe(1);
        problems[0].ShouldContain(asOf ?? knownAt!);
    }

    [Fact]
    public void The_chart_spaces_days_by_time_and_leaves_out_days_without_commitments()
    {
        var chart = ImplementationChart.Of(
        [
            new(new DateOnly(2025, 9, 1), null),
            new(new DateOnly(2025, 9, 15), 0m),
            new(new DateOnly(2025, 9, 25), 50m),
            new(new DateOnly(2025, 10, 15), 100m)
        ]);
        chart.Points.Count.ShouldBe(3);
        chart.Points[0].X.ShouldBe(ImplementationChart.Left);
        chart.Points[^1].X.ShouldBe(ImplementationChart.Width - ImplementationChart.Right);
        chart.Points[1].X.ShouldBe(ImplementationChart.Left + (ImplementationChart.Width - ImplementationChart.Left - ImplementationChart.Right) / 3, 0.001);
        chart.Points[0].Y.ShouldBe(ImplementationChart.Height - ImplementationChart.Bottom, "0 % sits on the axis");
        chart.Points[^1].Y.ShouldBe(ImplementationChart.Top, "100 % at the top");
        ImplementationChart.Of([new(new DateOnly(2025, 9, 1), null)]).Points.ShouldBeEmpty();
    }
}
