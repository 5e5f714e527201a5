using Microsoft.AspNetCore.Routing;

namespace TodoClean.Infrastructure.Hosting;

/// <summary>A resource's endpoints. Hosts discover their groups once at start-up.</summary>
public interface IEndpointGroup
{
    void Map(IEndpointRouteBuilder app);
}
