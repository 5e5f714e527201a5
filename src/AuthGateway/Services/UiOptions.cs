namespace TodoClean.AuthGateway.Services;

/// <summary>Settings of the browser UI the gateway serves (section <c>Ui</c>).</summary>
public sealed class UiOptions
{
    public const string SectionName = "Ui";

    /// <summary>Where the browser sends its todo API calls; also the only other origin the UI's CSP lets it connect to.</summary>
    public string ApiBaseUrl { get; set; } = "http://localhost:5200";

    /// <summary>The API's origin (scheme, host and port), as a CSP source and a fetch base.</summary>
    public string ApiOrigin => new Uri(ApiBaseUrl).GetLeftPart(UriPartial.Authority);
}
