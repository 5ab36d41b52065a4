namespace NingxiaTrade.Domain.Audit;

/// <summary>Who is making the change, as the audit log records it.</summary>
public interface IAuditActor
{
    string? UserId { get; }
    string? UserName { get; }
    string? Role { get; }
}

/// <summary>Changes made by the platform itself (seeding, background jobs, command-line verbs).</summary>
public sealed class SystemActor(string name = "系统") : IAuditActor
{
    public static readonly SystemActor Instance = new();
    public string? UserId => null;
    public string? UserName { get; } = name;
    public string? Role => "System";
}
