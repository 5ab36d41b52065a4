using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.MarketEntities;

/// <summary>An entity with everything its page shows.</summary>
public sealed record MarketEntityView(
    MarketEntity Entity,
    string RegistrationCentre,
    string? ApprovedByCentre,
    ElectronicSealInfo? Seal,
    IReadOnlyList<MarketEntityReview> Reviews,
    IReadOnlyList<MarketEntityChange> Changes)
{
    public MarketEntityChange? PendingChange => Changes.FirstOrDefault(c => c.Status == ChangeStatus.Pending);
}

/// <summary>The public part of a seal.</summary>
public sealed record ElectronicSealInfo(string KeyId, string PublicKeyHex, DateTime CreatedUtc, DateTime? PublishedUtc, DateTime? LockedUntilUtc);

/// <summary>
/// 市场主体自助登记: a signed-in bidder, tenderer or agent registers its entity once (any centre), maintains it,
/// submits it for review and asks for changes of key data. An account has one entity and sees only its own here.
/// </summary>
public sealed class MarketEntityRegistry(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser, TimeProvider time, SealProtection sealProtection)
{
    internal static readonly string[] EntityRoles = [Roles.Bidder, Roles.Tenderer, Roles.Agent];

    /// <summary>The current account's entity, or null before it registered one.</summary>
    public async Task<MarketEntityView?> MineAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(EntityRoles);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = await OwnEntityIdAsync(db, cancellationToken);
        return id is null ? null : await LoadViewAsync(db, id.Value, cancellationToken);
    }

    /// <summary>The trading centres an entity may register at (every active one: one registry for the region).</summary>
    public async Task<IReadOnlyList<Organisations.TradingCentre>> CentresAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.TradingCentres.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.RegionCode).ToListAsync(cancellationToken);
    }

    /// <summary>Starts a registration (草稿). A credit code already registered is refused with the existing entity.</summary>
    public async Task<Guid> RegisterAsync(RegistrationStart start, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(EntityRoles);
        ArgumentNullException.ThrowIfNull(start);
        var code = CreditCode.Parse(start.CreditCode);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstAsync(u => u.Id == currentUser.UserId, cancellationToken);
        if (user.MarketEntityId is not null)
        {
            throw new DomainException("本账户已登记市场主体，一个账户只能登记一个市场主体。");
        }
        await RefuseDuplicateAsync(db, code, cancellationToken);
        if (!await db.TradingCentres.AnyAsync(c => c.Id == start.RegistrationCentreId && c.IsActive, cancellationToken))
        {
            throw new DomainException("请选择登记的交易中心。");
        }
        var entity = new MarketEntity(code, start.RegistrationCentreId, user.Id, time.GetUtcNow().UtcDateTime);
        entity.Edit(start.Details);
        db.MarketEntities.Add(entity);
        user.MarketEntityId = entity.Id;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two registrations of one code at the same moment: the unique index decides, the loser hears who won.
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            await RefuseDuplicateAsync(again, code, cancellationToken);
            throw;
        }
        return entity.Id;
    }

    internal static async Task RefuseDuplicateAsync(TradeDbContext db, CreditCode code, CancellationToken cancellationToken)
    {
        var existing = await (from e in db.MarketEntities
                              join c in db.TradingCentres on e.RegistrationCentreId equals c.Id
                              where e.Code == code
                              select new { e.Name, Centre = c.Name, e.Status }).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            throw new DomainException(
                $"统一社会信用代码 {code} 已由“{existing.Name}”在{existing.Centre}登记（{existing.Status.Chinese()}），全区通用，无需重复登记。如该主体属于贵单位，请联系其登记账户或交易中心。");
        }
    }

    /// <summary>
    /// Saves the form of the account's own entity. A draft or returned registration changes freely. For an approved
    /// entity the other data is saved at once, and changed key data (name, legal representative, bank accounts,
    /// qualifications, key staff) becomes a change request with <paramref name="changeReason"/> — all in one transaction;
    /// the entity keeps its old key data until a clerk approves.
    /// </summary>
    /// <returns>The parts sent for review (<see cref="KeyDataParts.None"/> when everything took effect at once).</returns>
    public async Task<KeyDataParts> SaveAsync(Guid entityId, MarketEntityDetails details, string? changeReason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await LoadOwnAsync(db, entityId, cancellationToken);
        var parts = KeyDataParts.None;
        if (entity.Status == MarketEntityStatus.Approved)
        {
            var proposed = MarketEntityKeyData.From(details);
            parts = MarketEntityKeyData.Of(entity).PartsChangedIn(proposed);
            if (parts != KeyDataParts.None)
            {
                var change = await NewChangeAsync(db, entity, proposed, changeReason ?? "", cancellationToken);
                // The other data is saved together with the request; the key data stays as it is until approval.
                details = details with
                {
                    Name = entity.Name, LegalRepresentativeName = entity.LegalRepresentativeName,
                    LegalRepresentativeIdNumber = entity.LegalRepresentativeIdNumber.Value,
                    BankAccounts = change.Before.BankAccounts, Qualifications = change.Before.Qualifications, KeyStaff = change.Before.KeyStaff,
                };
            }
        }
        entity.Edit(details);
        await db.SaveChangesAsync(cancellationToken);
        return parts;
    }

    /// <summary>
    /// Submits for review. The first submission sets the seal PIN: the SM2 key pair is generated now, its private key
    /// kept only under the PIN, and the seal is activated (public key published) when a clerk approves.
    /// </summary>
    public async Task SubmitAsync(Guid entityId, string? pin, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await LoadOwnAsync(db, entityId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        entity.Submit(now);
        if (!await db.ElectronicSeals.AnyAsync(s => s.MarketEntityId == entityId, cancellationToken))
        {
            if (string.IsNullOrEmpty(pin))
            {
                throw new DomainException("首次提交须设置电子签章 PIN（6至12位数字），审核通过后用于签章。");
            }
            db.ElectronicSeals.Add(ElectronicSeal.Create(entityId, pin, sealProtection, now));
        }
        db.MarketEntityReviews.Add(new MarketEntityReview(entityId, ReviewAction.Submitted, currentUser.ActorName(), null, null, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Asks for a change of name or legal representative only; the other key data stays as it is.</summary>
    public async Task RequestChangeAsync(Guid entityId, string newName, string newLegalName, string newLegalId, string reason, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await LoadOwnAsync(db, entityId, cancellationToken);
        var proposed = MarketEntityKeyData.From(MarketEntityDetails.Of(entity) with
        {
            Name = newName, LegalRepresentativeName = newLegalName, LegalRepresentativeIdNumber = newLegalId,
        });
        await NewChangeAsync(db, entity, proposed, reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Asks for a change of key data; it takes effect when a clerk approves.</summary>
    public async Task RequestChangeAsync(Guid entityId, MarketEntityKeyData proposed, string reason, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await LoadOwnAsync(db, entityId, cancellationToken);
        await NewChangeAsync(db, entity, proposed, reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<MarketEntityChange> NewChangeAsync(TradeDbContext db, MarketEntity entity, MarketEntityKeyData proposed, string reason, CancellationToken cancellationToken)
    {
        if (entity.Status != MarketEntityStatus.Approved)
        {
            throw new DomainException("审核通过前可直接修改登记信息，无需提交变更申请。");
        }
        if (await db.MarketEntityChanges.AnyAsync(c => c.MarketEntityId == entity.Id && c.Status == ChangeStatus.Pending, cancellationToken))
        {
            throw new DomainException("已有一项关键信息变更申请正在审核中，请等待审核结果后再修改关键信息。");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var change = new MarketEntityChange(entity, proposed, reason, currentUser.ActorName(), now);
        db.MarketEntityChanges.Add(change);
        db.MarketEntityReviews.Add(new MarketEntityReview(entity.Id, ReviewAction.ChangeRequested, currentUser.ActorName(), null,
            change.Describe() + "；原因：" + change.Reason, now));
        return change;
    }

    private async Task<Guid?> OwnEntityIdAsync(TradeDbContext db, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == currentUser.UserId).Select(u => u.MarketEntityId).FirstOrDefaultAsync(cancellationToken);

    private async Task<MarketEntity> LoadOwnAsync(TradeDbContext db, Guid entityId, CancellationToken cancellationToken)
    {
        currentUser.Demand(EntityRoles);
        if (await OwnEntityIdAsync(db, cancellationToken) != entityId)
        {
            throw new AccessDeniedException("只能维护本单位的市场主体信息。");
        }
        return await LoadAsync(db, entityId, cancellationToken);
    }

    internal static async Task<MarketEntity> LoadAsync(TradeDbContext db, Guid entityId, CancellationToken cancellationToken) =>
        await db.MarketEntities
            .Include(e => e.Contacts).Include(e => e.BankAccounts).Include(e => e.Qualifications).Include(e => e.KeyStaff)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == entityId, cancellationToken)
        ?? throw new DomainException("市场主体不存在。");

    internal static async Task<MarketEntityView> LoadViewAsync(TradeDbContext db, Guid entityId, CancellationToken cancellationToken)
    {
        var entity = await LoadAsync(db, entityId, cancellationToken);
        var centres = await db.TradingCentres.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var seal = await db.ElectronicSeals.AsNoTracking().Where(s => s.MarketEntityId == entityId).FirstOrDefaultAsync(cancellationToken);
        var reviews = await db.MarketEntityReviews.AsNoTracking().Where(r => r.MarketEntityId == entityId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var changes = await db.MarketEntityChanges.AsNoTracking().Where(c => c.MarketEntityId == entityId).OrderByDescending(c => c.RequestedUtc).ToListAsync(cancellationToken);
        return new MarketEntityView(
            entity,
            centres.GetValueOrDefault(entity.RegistrationCentreId, ""),
            entity.ApprovedByCentreId is { } a ? centres.GetValueOrDefault(a) : null,
            seal is null ? null : new ElectronicSealInfo(seal.KeyId, seal.PublicKeyHex, seal.CreatedUtc, seal.PublishedUtc, seal.LockedUntilUtc),
            reviews,
            changes);
    }
}
