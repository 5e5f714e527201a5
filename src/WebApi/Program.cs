using TodoClean.Application;
using TodoClean.Infrastructure;
using TodoClean.Infrastructure.Hosting;
using TodoClean.Infrastructure.Persistence.Todos;
using TodoClean.WebApi;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentAlias("BACKEND_JWT_SECRET", "Jwt:Secret");
if ((StartupCheck.TokenVerificationProblem(builder.Configuration, "BACKEND_JWT_SECRET", builder.Environment.IsDevelopment())
     ?? StartupCheck.FeedSecretProblem(builder.Configuration)) is { } problem)
{
    return StartupCheck.Refuse("WebApi", problem);
}

builder.AddHostDefaults();
builder.Services
    .AddApplication()
    .AddTodoInfrastructure(builder.Configuration)
    .AddWebApi(builder.Configuration);

var app = builder.Build();

app.UseHostDefaults();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.MapHostEndpoints(typeof(IWebApiMarker).Assembly);

await app.RunWithStoreAsync<TodoDbContext>();
return 0;
