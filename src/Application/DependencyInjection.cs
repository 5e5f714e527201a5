using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Behaviours;
using TodoClean.Application.Users.Common;

namespace TodoClean.Application;

public static class DependencyInjection
{
    /// <summary>Use cases, their validators, the mediator pipeline and read mappings.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.Namespace = "TodoClean.Application.Mediator";
            // Scoped: handlers use scoped stores (the DbContexts, SessionStore, UserProvisioner). Validators are
            // stateless and registered as singletons below.
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.GenerateTypesAsInternal = true;
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(UnhandledExceptionBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(PerformanceBehaviour<,>),
            ];
        });
        services.AddValidatorsFromAssemblyContaining<SessionStore>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddAutoMapper(_ => { }, typeof(DependencyInjection).Assembly);
        services.AddScoped<SessionStore>();
        services.AddScoped<SessionRenewal>();
        services.AddScoped<CredentialCheck>();
        services.AddScoped<TwoFactorSignIn>();
        services.AddScoped<UserProvisioner>();
        services.AddOptions<SessionOptions>();
        services.AddOptions<AccountOptions>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
