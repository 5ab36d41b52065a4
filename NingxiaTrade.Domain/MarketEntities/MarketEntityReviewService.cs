using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Notifications;

namespace NingxiaTrade.Domain.MarketEntities;

/// <summary>A registration or change waiting for a clerk.</summary>
public sealed record ReviewQueueItem(Guid EntityId, Guid? ChangeId, string CreditCode, string Name, string Kind, string RegistrationCentre, DateTime SubmittedUtc, string? Summary);

/// <summary>
/// 登记审核: a clerk at any trading centre reviews registrations and key-data changes — approve, or return with
/// reasons. One registry for the region, so the centre the entity chose does not limit who reviews it (四(三)2).
/// </summary>
public sealed class MarketEntityReviewService(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser, TimeProvider time,
    INotifier? notifier = null)
{
    /// <summary>Registrations waiting for review, oldest first, then pending changes.</summary>
    public async Task<IReadOnlyList<ReviewQueueItem>> QueueAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.CentreClerk);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var registrations = await (from e in db.MarketEntities
                                   join c in db.TradingCentres on e.RegistrationCentreId equals c.Id
                                   where e.Status == MarketEntityStatus.PendingReview
                                   orderby e.SubmittedUtc
                                   select new { e.Id, e.Code, e.Name, e.Kind, Centre = c.Name, e.SubmittedUtc }).ToListAsync(cancellationToken);
        var changes = await (from ch in db.MarketEntityChanges
                             join e in db.MarketEntities on ch.MarketEntityId equals e.Id
                             join c in db.TradingCentres on e.RegistrationCentreId equals c.Id
                             where ch.Status == ChangeStatus.Pending
                             orderby ch.RequestedUtc
                             select new { ch, e.Code, e.Kind, Centre = c.Name }).ToListAsync(cancellationToken);
        return registrations.Select(r => new ReviewQueueItem(r.Id, null, r.Code.Value, r.Name, r.Kind.Chinese(), r.Centre, r.SubmittedUtc ?? default, "新登记"))
            .Concat(changes.Select(c => new ReviewQueueItem(c.ch.MarketEntityId, c.ch.Id, c.Code.Value, c.ch.OldName, c.Kind.Chinese(), c.Centre, c.ch.RequestedUtc,
                "关键信息变更：" + c.ch.Describe())))
            .ToList();
    }

    public async Task ApproveAsync(Guid entityId, string? opinion = null, CancellationToken cancellationToken = default)
    {
        var (db, centre) = await ReviewerAsync(cancellationToken);
        await using (db)
        {
            var entity = await db.MarketEntities.FirstOrDefaultAsync(e => e.Id == entityId, cancellationToken) ?? throw new DomainException("市场主体不存在。");
            var now = time.GetUtcNow().UtcDateTime;
            entity.Approve(centre.Id, now);
            db.MarketEntityReviews.Add(new MarketEntityReview(entityId, ReviewAction.Approved, currentUser.ActorName(), centre.Name, opinion, now));
            var seal = await db.ElectronicSeals.FirstOrDefaultAsync(s => s.MarketEntityId == entityId, cancellationToken);
            if (seal is not null && !seal.IsPublished)
            {
                seal.Publish(now);
                db.MarketEntityReviews.Add(new MarketEntityReview(entityId, ReviewAction.SealIssued, currentUser.ActorName(), centre.Name, "公钥标识 " + seal.KeyId, now));
            }
            await notifier.ReviewedAsync(db, entity, "登记", true, opinion, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task ReturnAsync(Guid entityId, string reasons, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reasons))
        {
            throw new DomainException("退回须填写退回理由，告知申请人需要修改的内容。");
        }
        var (db, centre) = await ReviewerAsync(cancellationToken);
        await using (db)
        {
            var entity = await db.MarketEntities.FirstOrDefaultAsync(e => e.Id == entityId, cancellationToken) ?? throw new DomainException("市场主体不存在。");
            entity.Return();
            db.MarketEntityReviews.Add(new MarketEntityReview(entityId, ReviewAction.Returned, currentUser.ActorName(), centre.Name, reasons, time.GetUtcNow().UtcDateTime));
            await notifier.ReviewedAsync(db, entity, "登记", false, reasons, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task ApproveChangeAsync(Guid changeId, string? opinion = null, CancellationToken cancellationToken = default)
    {
        var (db, centre) = await ReviewerAsync(cancellationToken);
        await using (db)
        {
            var change = await db.MarketEntityChanges.FirstOrDefaultAsync(c => c.Id == changeId, cancellationToken) ?? throw new DomainException("变更申请不存在。");
            // With its lists: the change replaces bank accounts, qualifications and key staff.
            var entity = await MarketEntityRegistry.LoadAsync(db, change.MarketEntityId, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            change.Approve(entity, currentUser.ActorName(), opinion, now);
            db.MarketEntityReviews.Add(new MarketEntityReview(entity.Id, ReviewAction.ChangeApproved, currentUser.ActorName(), centre.Name,
                change.Describe() + (string.IsNullOrWhiteSpace(opinion) ? "" : "；" + opinion.Trim()), now));
            await notifier.ReviewedAsync(db, entity, "关键信息变更", true, opinion, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task ReturnChangeAsync(Guid changeId, string reasons, CancellationToken cancellationToken = default)
    {
        var (db, centre) = await ReviewerAsync(cancellationToken);
        await using (db)
        {
            var change = await db.MarketEntityChanges.FirstOrDefaultAsync(c => c.Id == changeId, cancellationToken) ?? throw new DomainException("变更申请不存在。");
            var now = time.GetUtcNow().UtcDateTime;
            change.Return(currentUser.ActorName(), reasons, now);
            db.MarketEntityReviews.Add(new MarketEntityReview(change.MarketEntityId, ReviewAction.ChangeReturned, currentUser.ActorName(), centre.Name, reasons, now));
            await notifier.ReviewedAsync(db, await db.MarketEntities.FirstAsync(e => e.Id == change.MarketEntityId, cancellationToken), "关键信息变更", false, reasons, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<(TradeDbContext Db, Organisations.TradingCentre Centre)> ReviewerAsync(CancellationToken cancellationToken)
    {
        currentUser.Demand(Roles.CentreClerk);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        var centre = await (from u in db.Users
                            join c in db.TradingCentres on u.TradingCentreId equals c.Id
                            where u.Id == currentUser.UserId
                            select c).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (centre is null)
        {
            await db.DisposeAsync();
            throw new AccessDeniedException("您的账户未隶属于任何交易中心，不能审核市场主体。");
        }
        return (db, centre);
    }
}
