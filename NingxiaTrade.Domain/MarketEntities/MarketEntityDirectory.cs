using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.MarketEntities;

/// <summary>What other modules may know of a registered entity.</summary>
public sealed record EntityCard(Guid Id, string Name, string CreditCode, MarketEntityKind Kind, MarketEntityStatus Status, string RegionCode);

/// <summary>What two entities may share that makes them related (关联) for recusal and collusion checks.</summary>
public enum EntityRelation
{
    /// <summary>同一法定代表人 (by ID number).</summary>
    LegalRepresentative = 1,
    /// <summary>同一银行账户.</summary>
    BankAccount = 2,
    /// <summary>同一联系电话.</summary>
    Phone = 3,
}

/// <summary>
/// The market-entity module's published read interface: entity cards, relations between entities, and who does not bid.
/// The registry is region-wide (实施方案 四(二)), so these answers are not limited by centre; callers are services that
/// have checked their own user's rights. Other modules read entities only through this.
/// </summary>
public interface IMarketEntityDirectory
{
    /// <summary>The cards of the entities among <paramref name="ids"/> that exist.</summary>
    Task<IReadOnlyList<EntityCard>> GetManyAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>Entities registered under exactly one of <paramref name="names"/>.</summary>
    Task<IReadOnlyList<EntityCard>> FindByNamesAsync(IEnumerable<string> names, CancellationToken cancellationToken = default);

    /// <summary>Entities registered under one of <paramref name="codes"/>.</summary>
    Task<IReadOnlyList<EntityCard>> FindByCodesAsync(IEnumerable<CreditCode> codes, CancellationToken cancellationToken = default);

    /// <summary>Entities whose credit code is <paramref name="text"/> or whose name contains it, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<EntityCard>> SearchAsync(string text, int take = 500, CancellationToken cancellationToken = default);

    /// <summary>Approved entities by name, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<EntityCard>> ApprovedAsync(int take = 500, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every entity sharing one of <paramref name="relations"/> with one of <paramref name="ids"/> (the entities themselves
    /// included when they have the data): same legal representative ID number, same bank account number, same phone.
    /// </summary>
    Task<IReadOnlySet<Guid>> RelatedAsync(IEnumerable<Guid> ids, IReadOnlyCollection<EntityRelation> relations, CancellationToken cancellationToken = default);

    /// <summary>
    /// Entities among <paramref name="ids"/> that do not bid, with the reason: those registered only as a tenderer
    /// (招标人/采购人) or a tendering agency (招标代理机构) — all their accounts hold those roles and none is a bidder's.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, string>> NonBiddersAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>Whether the entity has been approved by a trading centre at least once (its credit is rated from then on).</summary>
    Task<bool> WasApprovedAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The entity's 基本存款账户 as registered, or null when it registered none (《招标投标法实施条例》第二十六条).</summary>
    Task<BankAccountForm?> BasicAccountAsync(Guid id, CancellationToken cancellationToken = default);
}

/// <summary>An approved entity as other modules see it: its id, code and current name.</summary>
public sealed record MarketEntityRef(Guid Id, string CreditCode, string Name)
{
    public override string ToString() => CreditCode.Length == 0 ? Name : $"{Name}（{CreditCode}）";
}

/// <summary>
/// 市场主体库: the region-wide list for clerks, supervisors and administrators; an entity's own account may open
/// only its own page.
/// </summary>
public sealed class MarketEntityDirectory(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser) : IMarketEntityDirectory
{
    public async Task<IReadOnlyList<EntityCard>> GetManyAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var list = ids.Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Cards(db.MarketEntities.AsNoTracking().Where(e => list.Contains(e.Id))).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<EntityCard>> FindByNamesAsync(IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        var list = names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Cards(db.MarketEntities.AsNoTracking().Where(e => list.Contains(e.Name))).ToListAsync(cancellationToken);
    }

    public async Task<bool> WasApprovedAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MarketEntities.AnyAsync(e => e.Id == id && e.ApprovedUtc != null, cancellationToken);
    }

    public async Task<BankAccountForm?> BasicAccountAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<EntityBankAccount>().AsNoTracking().Where(a => a.MarketEntityId == id && a.IsBasic)
            .Select(a => new BankAccountForm(a.BankName, a.AccountName, a.AccountNumber, true)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<EntityCard>> FindByCodesAsync(IEnumerable<CreditCode> codes, CancellationToken cancellationToken = default)
    {
        var list = codes.Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Cards(db.MarketEntities.AsNoTracking().Where(e => list.Contains(e.Code))).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<EntityCard>> SearchAsync(string text, int take = 500, CancellationToken cancellationToken = default)
    {
        var t = text?.Trim() ?? "";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = CreditCode.TryParse(t, out var code)
            ? db.MarketEntities.AsNoTracking().Where(e => e.Code == code)
            : db.MarketEntities.AsNoTracking().Where(e => e.Name.Contains(t));
        return await Cards(query.OrderBy(e => e.Name).Take(Math.Clamp(take, 1, 5000))).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<EntityCard>> ApprovedAsync(int take = 500, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Cards(db.MarketEntities.AsNoTracking().Where(e => e.Status == MarketEntityStatus.Approved).OrderBy(e => e.Name).Take(Math.Clamp(take, 1, 5000)))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlySet<Guid>> RelatedAsync(IEnumerable<Guid> ids, IReadOnlyCollection<EntityRelation> relations, CancellationToken cancellationToken = default)
    {
        var list = ids.Distinct().ToList();
        var related = new HashSet<Guid>();
        if (list.Count == 0)
        {
            return related;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (relations.Contains(EntityRelation.LegalRepresentative))
        {
            var reps = (await db.MarketEntities.AsNoTracking().Where(e => list.Contains(e.Id)).Select(e => e.LegalRepresentativeIdNumber).ToListAsync(cancellationToken))
                .Where(r => r.Value.Length > 0).Distinct().ToList();
            related.UnionWith(await db.MarketEntities.AsNoTracking().Where(e => reps.Contains(e.LegalRepresentativeIdNumber)).Select(e => e.Id).ToListAsync(cancellationToken));
        }
        if (relations.Contains(EntityRelation.BankAccount))
        {
            var accounts = await db.Set<EntityBankAccount>().AsNoTracking().Where(a => list.Contains(a.MarketEntityId))
                .Select(a => a.AccountNumber).Distinct().ToListAsync(cancellationToken);
            related.UnionWith(await db.Set<EntityBankAccount>().AsNoTracking().Where(a => accounts.Contains(a.AccountNumber)).Select(a => a.MarketEntityId).ToListAsync(cancellationToken));
        }
        if (relations.Contains(EntityRelation.Phone))
        {
            var phones = await db.Set<EntityContact>().AsNoTracking().Where(c => list.Contains(c.MarketEntityId) && c.Kind == ContactKind.Phone)
                .Select(c => c.Value).Distinct().ToListAsync(cancellationToken);
            related.UnionWith(await db.Set<EntityContact>().AsNoTracking().Where(c => c.Kind == ContactKind.Phone && phones.Contains(c.Value))
                .Select(c => c.MarketEntityId).ToListAsync(cancellationToken));
        }
        return related;
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NonBiddersAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var list = ids.Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var roles = await (from u in db.Users
                           where u.MarketEntityId != null && list.Contains(u.MarketEntityId.Value)
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { Entity = u.MarketEntityId!.Value, Role = r.Name }).ToListAsync(cancellationToken);
        return roles.GroupBy(r => r.Entity)
            .Where(g => g.All(r => r.Role is Roles.Tenderer or Roles.Agent))
            .ToDictionary(g => g.Key, g => g.Any(r => r.Role == Roles.Agent)
                // 招标投标法实施条例 第13条: an agency may not bid in the tenders it runs, nor act for a bidder in them.
                ? "登记为招标代理机构，不作为投标人"
                : "登记为招标人（采购人），不作为投标人");
    }

    private static IQueryable<EntityCard> Cards(IQueryable<MarketEntity> entities) =>
        entities.Select(e => new EntityCard(e.Id, e.Name, e.Code.Value, e.Kind, e.Status, e.RegionCode));

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
