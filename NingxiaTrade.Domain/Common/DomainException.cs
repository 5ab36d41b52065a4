namespace NingxiaTrade.Domain.Common;

/// <summary>An illegal move, refused with a message a clerk can read (in Chinese).</summary>
public class DomainException(string message) : Exception(message);
