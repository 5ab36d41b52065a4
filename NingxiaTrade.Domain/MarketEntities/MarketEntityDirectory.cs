using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.MarketEntities;

/// <summary>
/// 市场主体库: the region-wide list for clerks, supervisors and administrators; an entity's own account may open
/// only its own page.
/// </summary>
public sealed class MarketEntityDirectory(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser)
{
    internal static readonly string[] ReaderRoles = [Roles.CentreClerk, Roles.Supervisor, Roles.Admin];

    public async Task<PagedResult<MarketEntityRow>> ListAsync(MarketEntityQuery query, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(ReaderRoles);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = from e in db.MarketEntities.AsNoTracking()
                   join c in db.TradingCentres on e.RegistrationCentreId equals c.Id
                   select new { e, Centre = c.Name };
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            rows = CreditCode.TryParse(text, out var code)
                ? rows.Where(x => x.e.Code == code)
                : rows.Where(x => x.e.Name.Contains(text) || x.e.LegalRepresentativeName.Contains(text));
        }
        if (query.Status is { } status)
        {
            rows = rows.Where(x => x.e.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(query.RegionCode))
        {
            rows = rows.Where(x => x.e.RegionCode == query.RegionCode);
        }
        if (query.Kind is { } kind)
        {
            rows = rows.Where(x => x.e.Kind == kind);
        }
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderBy(x => x.e.Name).Page(query.Page, query.PageSize)
            .Select(x => new MarketEntityRow(x.e.Id, x.e.Code.Value, x.e.Name, x.e.Kind, x.e.RegionCode, x.e.LegalRepresentativeName,
                x.e.Status, x.Centre, x.e.SubmittedUtc, x.e.ApprovedUtc))
            .ToListAsync(cancellationToken);
        return new PagedResult<MarketEntityRow>(page, total);
    }

    /// <summary>An entity's page: for readers any entity, for an entity's account only its own.</summary>
    public async Task<MarketEntityView> GetAsync(Guid entityId, CancellationToken cancellationToken = default)
    {
        currentUser.Demand([.. ReaderRoles, .. MarketEntityRegistry.EntityRoles]);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!ReaderRoles.Any(currentUser.IsInRole))
        {
            var own = await db.Users.Where(u => u.Id == currentUser.UserId).Select(u => u.MarketEntityId).FirstOrDefaultAsync(cancellationToken);
            if (own != entityId)
            {
                throw new AccessDeniedException("只能查看本单位的市场主体信息。");
            }
        }
        return await MarketEntityRegistry.LoadViewAsync(db, entityId, cancellationToken);
    }

    /// <summary>The id of the entity with this code, if registered.</summary>
    public async Task<Guid?> FindAsync(CreditCode code, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(ReaderRoles);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MarketEntities.Where(e => e.Code == code).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
