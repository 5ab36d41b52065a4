using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Projects;

/// <summary>Who takes part in a project: its centre, its supervising department and the accounts that own it.</summary>
public sealed record ProjectParties(Guid ProjectId, string Code, string Name, int TradingCentreId, int SupervisingDepartmentId,
    string? TendererUserId, string? AgentUserId);

/// <summary>
/// The projects module's read contract for other modules that must reach a project's participants (notifications).
/// It answers with identities only, never project data, so it applies no user scope: telling a project's own
/// participants about it needs none.
/// </summary>
public interface IProjectParticipants
{
    /// <summary>The parties of the project, read through <paramref name="db"/> (the caller's unit of work); null if there is no such project.</summary>
    Task<ProjectParties?> FindAsync(TradeDbContext db, Guid projectId, CancellationToken cancellationToken = default);
}

public sealed class ProjectParticipants : IProjectParticipants
{
    public Task<ProjectParties?> FindAsync(TradeDbContext db, Guid projectId, CancellationToken cancellationToken = default) =>
        db.TradeProjects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new ProjectParties(p.Id, p.Code, p.Name, p.TradingCentreId, p.SupervisingDepartmentId, p.TendererUserId, p.AgentUserId))
            .FirstOrDefaultAsync(cancellationToken);
}
