namespace TodoClean.Application.Common.Interfaces;

/// <summary>Marks a request that carries a password or token: the pipeline never logs its contents.</summary>
public interface ISensitiveRequest;
