namespace NingxiaTrade.Domain.Common;

/// <summary>An illegal move, refused with a message a clerk can read (in Chinese).</summary>
public class DomainException(string message) : Exception(message);

/// <summary>
/// Refusal because the thing asked for does not exist or lies outside the caller's data scope — the two are answered the
/// same way, so a refusal reveals nothing about another centre's data. HTTP endpoints answer 404.
/// </summary>
public sealed class NotFoundException(string message) : DomainException(message);
