using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Projects;

/// <summary>
/// Which projects a user may see: Admin all; a clerk its centre's (the regional centre's clerks, all);
/// a supervisor its department's (the trading management bureau, which supervises every type, all);
/// a tenderer the projects it registered and those of its market entity (registered for it by a clerk or an agent);
/// an agent the projects it registered. Other roles none.
/// </summary>
internal static class ProjectScope
{
    public static async Task<IQueryable<TradeProject>> ApplyAsync(TradeDbContext db, ICurrentUser user, IQueryable<TradeProject> projects, CancellationToken cancellationToken)
    {
        if (!user.IsAuthenticated)
        {
            return projects.Where(_ => false);
        }
        if (user.IsInRole(Roles.Admin))
        {
            return projects;
        }
        var me = await db.Users.AsNoTracking().Where(u => u.Id == user.UserId)
            .Select(u => new { u.TradingCentreId, u.SupervisingDepartmentId, u.MarketEntityId }).FirstOrDefaultAsync(cancellationToken);
        var id = user.UserId;
        var everything = false;
        int? centre = null;
        int? department = null;
        if (user.IsInRole(Roles.CentreClerk) && me?.TradingCentreId is { } centreId)
        {
            everything |= await db.TradingCentres.AnyAsync(c => c.Id == centreId && c.RegionCode == Regions.Ningxia, cancellationToken);
            centre = centreId;
        }
        if (user.IsInRole(Roles.Supervisor) && me?.SupervisingDepartmentId is { } departmentId)
        {
            var supervised = await db.SupervisingDepartments.AsNoTracking().Where(d => d.Id == departmentId).Select(d => d.SupervisedTypes).FirstOrDefaultAsync(cancellationToken);
            everything |= supervised is not null && TradeTypeNames.All.All(supervised.Contains);
            department = departmentId;
        }
        if (everything)
        {
            return projects;
        }
        var tenderer = user.IsInRole(Roles.Tenderer);
        var agent = user.IsInRole(Roles.Agent);
        var entity = tenderer ? me?.MarketEntityId : null;
        return projects.Where(p =>
            (centre != null && p.TradingCentreId == centre)
            || (department != null && p.SupervisingDepartmentId == department)
            || (tenderer && p.TendererUserId == id)
            || (entity != null && p.TendererEntityId == entity)
            || (agent && p.AgentUserId == id));
    }
}
