namespace TodoClean.WebApi;

/// <summary>Anchors <c>WebApplicationFactory&lt;IWebApiMarker&gt;</c> and assembly scans to this host.</summary>
public interface IWebApiMarker;
