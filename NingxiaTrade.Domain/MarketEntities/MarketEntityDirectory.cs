using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.MarketEntities;

/// <summary>An approved entity as other modules see it: its id, code and current name.</summary>
public sealed record MarketEntityRef(Guid Id, string CreditCode, string Name)
{
    public override string ToString() => CreditCode.Length == 0 ? Name : $"{Name}（{CreditCode}）";
}

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

    // ── Read interface for other modules (projects pick their tenderer here) ──────────────────────────────

    /// <summary>Roles that pick another body's entity from the registry (a clerk, or an agent for its client).</summary>
    internal static readonly string[] PickerRoles = [Roles.CentreClerk, Roles.Agent, Roles.Admin, Roles.Supervisor];

    /// <summary>
    /// Approved entities whose name or credit code contains <paramref name="text"/>, by name, at most
    /// <paramref name="limit"/> (the autocomplete of the tenderer on a project). Only approved entities are offered:
    /// a draft or returned registration is not yet recognised anywhere.
    /// </summary>
    public async Task<IReadOnlyList<MarketEntityRef>> SearchApprovedAsync(string? text, int limit = 20, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(PickerRoles);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entities = db.MarketEntities.AsNoTracking().Where(e => e.Status == MarketEntityStatus.Approved);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var term = text.Trim();
            entities = CreditCode.TryParse(term, out var code)
                ? entities.Where(e => e.Code == code)
                : entities.Where(e => e.Name.Contains(term));
        }
        var rows = await entities.OrderBy(e => e.Name).Take(Math.Clamp(limit, 1, 50))
            .Select(e => new { e.Id, e.Code, e.Name }).ToListAsync(cancellationToken);
        return rows.Select(r => new MarketEntityRef(r.Id, r.Code.Value, r.Name)).ToList();
    }

    /// <summary>The approved entity <paramref name="entityId"/>, or null when it is unknown or not (yet) approved.</summary>
    public async Task<MarketEntityRef?> FindApprovedAsync(Guid entityId, CancellationToken cancellationToken = default)
    {
        currentUser.Demand([.. PickerRoles, .. MarketEntityRegistry.EntityRoles]);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.MarketEntities.AsNoTracking().Where(e => e.Id == entityId && e.Status == MarketEntityStatus.Approved)
            .Select(e => new { e.Id, e.Code, e.Name }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new MarketEntityRef(row.Id, row.Code.Value, row.Name);
    }

    /// <summary>
    /// The signed-in account's own entity (the one it registered or was linked to) with whether it is approved,
    /// or null when the account has none.
    /// </summary>
    public async Task<(MarketEntityRef Entity, bool Approved)?> OwnEntityAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(MarketEntityRegistry.EntityRoles);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await (from u in db.Users
                         join e in db.MarketEntities on u.MarketEntityId equals e.Id
                         where u.Id == currentUser.UserId
                         select new { e.Id, e.Code, e.Name, e.Status }).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (new MarketEntityRef(row.Id, row.Code.Value, row.Name), row.Status == MarketEntityStatus.Approved);
    }
}
