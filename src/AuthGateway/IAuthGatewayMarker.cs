namespace TodoClean.AuthGateway;

/// <summary>Anchors <c>WebApplicationFactory&lt;IAuthGatewayMarker&gt;</c> and assembly scans to this host.</summary>
public interface IAuthGatewayMarker;
