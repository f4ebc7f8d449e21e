using System.Globalization;
using Negotiations.Kernel;
using Negotiations.ReadModels.Timeline;

namespace Negotiations.Dashboard;

/// <summary>How the dashboard writes values for people: words for enums and event types, dates, gradings.</summary>
public static class Display
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>UnderNegotiation -> "under negotiation".</summary>
    public static string Words<TEnum>(TEnum value) where TEnum : struct, Enum => value.Word().Replace('-', ' ');

    /// <summary>The word, linked to its definition in the codebook, which it also carries as its title.</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Defined<TEnum>(TEnum value, string? shown = null) where TEnum : struct, Enum
    {
        var vocabulary = Codebook.Of(typeof(TEnum)).Name;
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        var title = Codebook.Definition(value) is { } definition ? $" title=\"{encoder.Encode(definition)}\"" : "";
        return new Microsoft.AspNetCore.Html.HtmlString(
            $"<a class=\"defined\" href=\"/codebook#{vocabulary}-{value.Word()}\"{title}>{encoder.Encode(shown ?? Capital(Words(value)))}</a>");
    }

    /// <summary>"under negotiation" -> "Under negotiation".</summary>
    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A stored event type name (round_scheduled) or a type name (RoundScheduled) as words: "Round scheduled".</summary>
    public static string EventType(string name) =>
        name.Contains('_') ? Capital(name.Replace('_', ' ')) : TimelineEntries.Words(name);

    /// <summary>A PA-X stage keeps its hyphen: "Pre-negotiation", "Framework-partial".</summary>
    public static string Stage(Understandings.PaxStage stage) => Capital(stage.Word());

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", Culture);

    public static string ShortDay(DateOnly day) => day.ToString("d MMM yyyy", Culture);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", Culture);

    public static string Moment(DateTimeOffset moment) => moment.UtcDateTime.ToString("d MMM yyyy HH:mm:ss", Culture) + " UTC";

    public static string IsoMoment(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", Culture);

    /// <summary>When it happened, as precisely as it is known: "15 Sep 2025", "Sep 2025", "1 Sep 2025 – 15 Sep 2025".</summary>
    public static string Occurred(Occurrence? occurred) => occurred switch
    {
        null => "date unknown",
        { Precision: DatePrecision.Month } => occurred.From.ToString("MMM yyyy", Culture),
        { Precision: DatePrecision.Year } => occurred.From.ToString("yyyy", Culture),
        { Precision: DatePrecision.Range } when occurred.Latest != occurred.From => $"{ShortDay(occurred.From)} – {ShortDay(occurred.Latest)}",
        _ => ShortDay(occurred.From)
    };

    /// <summary>The Admiralty grading, e.g. "B2".</summary>
    public static string Grading(Source source) => $"{source.Reliability}{source.Credibility}";

    /// <summary>The grading spelt out: "usually reliable, probably true".</summary>
    public static string GradingMeaning(Source source) => $"{Reliability(source.Reliability)}, {Credibility(source.Credibility)}";

    public static string Reliability(Reliability reliability) => reliability switch
    {
        Negotiations.Kernel.Reliability.A => "completely reliable",
        Negotiations.Kernel.Reliability.B => "usually reliable",
        Negotiations.Kernel.Reliability.C => "fairly reliable",
        Negotiations.Kernel.Reliability.D => "not usually reliable",
        Negotiations.Kernel.Reliability.E => "unreliable",
        _ => "reliability cannot be judged"
    };

    public static string Credibility(int credibility) => credibility switch
    {
        1 => "confirmed by other sources",
        2 => "probably true",
        3 => "possibly true",
        4 => "doubtful",
        5 => "improbable",
        _ => "truth cannot be judged"
    };

    public static string Km(decimal km) => km.ToString("0.##", Culture) + " km";

    public static string Number(int? n) => n?.ToString("N0", Culture) ?? "–";

    public static string Percent(decimal? percent) => percent is { } p ? p.ToString("0.#", Culture) + " %" : "–";
}
