using Mediator;

namespace TodoClean.Application.Users.Queries.GetMe;

/// <summary>The caller, provisioned on first use.</summary>
public sealed record GetMeQuery : IQuery<MeDto>;
