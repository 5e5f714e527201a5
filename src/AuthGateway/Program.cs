using TodoClean.Application;
using TodoClean.AuthGateway;
using TodoClean.Infrastructure;
using TodoClean.Infrastructure.Hosting;
using TodoClean.Infrastructure.Persistence.Auth;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration
    .AddEnvironmentAlias("FRONTEND_JWT_SECRET", "Jwt:Secret")
    .AddEnvironmentAlias("BETTER_AUTH_SECRET", "Auth:Secret");
if ((StartupCheck.JwtSecretProblem(builder.Configuration, "FRONTEND_JWT_SECRET")
     ?? StartupCheck.CookieSecretProblem(builder.Configuration)
     ?? StartupCheck.FeedSecretProblem(builder.Configuration)) is { } problem)
{
    return StartupCheck.Refuse("AuthGateway", problem);
}

builder.AddHostDefaults();
builder.Services
    .AddApplication()
    .AddAuthInfrastructure(builder.Configuration)
    .AddAuthGateway(builder.Configuration);

var app = builder.Build();

app.UseHostDefaults();
app.UseAuthGateway();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapHostEndpoints(typeof(IAuthGatewayMarker).Assembly);

await app.RunWithStoreAsync<AuthDbContext>();
return 0;
