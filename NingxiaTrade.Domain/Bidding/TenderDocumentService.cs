using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>A tender-document version as the project page lists it.</summary>
public sealed record TenderDocumentInfo(Guid Id, int Version, string FileName, long SizeBytes, string Sm3, string SignedByName,
    string SignatureToken, string UploadedBy, DateTime UploadedUtc, bool IsCurrent);

/// <summary>A file to send: its name, length and content (the caller disposes the stream).</summary>
public sealed record TenderDocumentFile(string FileName, long SizeBytes, Stream Content);

/// <summary>A published notice as a bidder's list shows it, with its current tender documents (null: not yet uploaded).</summary>
public sealed record OpenNotice(ProjectSummary Project, TenderDocumentInfo? Documents);

/// <summary>One row of the confidential downloader list.</summary>
public sealed record DownloadInfo(string? EntityName, string UserName, string Role, DateTime AtUtc, string? Address, int Version);

/// <summary>
/// Tender documents (招标文件/采购文件): the tenderer or its agent uploads them once the notice is published, signed with its
/// electronic seal; signed-in market entities download them, each download recorded (entity, person, time, address); an
/// entity banned for the trade type is refused with the ban's reason and end date; the list of downloaders is shown only
/// to the centre's clerks and the supervisors (《招标投标法》第二十二条).
/// </summary>
public sealed class TenderDocumentService(
    IDbContextFactory<TradeDbContext> contexts,
    ICurrentUser currentUser,
    TimeProvider time,
    IProjectDirectory projects,
    CreditGate creditGate,
    IMarketEntityDirectory entities,
    SignatureService signatures,
    IDocumentStore store,
    BiddingSettings settings)
{
    public static string Accept => DocumentIntake.Accept;

    private static readonly string[] Downloaders = [Roles.Bidder, Roles.Tenderer, Roles.Agent, Roles.CentreClerk, Roles.Supervisor, Roles.Admin];

    /// <summary>
    /// Stores and signs a new version of the project's tender documents. Refused — with nothing stored — before the notice
    /// is published, after the project ended or every bid deadline passed, for a file of another type or too large, with a
    /// wrong seal PIN, and once a potential bidder obtained the current version (a change is then a 修改, sent to all of them).
    /// </summary>
    public async Task<TenderDocumentInfo> UploadAsync(Guid projectId, string fileName, Stream content, string pin, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Tenderer, Roles.Agent);
        var project = await projects.FindAsync(projectId, cancellationToken) ?? throw new NotFoundException("项目不存在或您无权查看。");
        EnsureOpen(project, "上传招标文件");
        var name = DocumentIntake.CheckName(fileName, "招标文件");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entityId = await DocumentIntake.EntityOfAsync(db, currentUser.UserId, "您的账户未关联市场主体，不能使用电子签章。", cancellationToken);
        var current = await db.TenderDocuments.Where(d => d.ProjectId == projectId).OrderByDescending(d => d.Version).ToListAsync(cancellationToken);
        if (current.FirstOrDefault(d => d.IsCurrent) is { } latest
            && await db.TenderDocumentDownloads.AnyAsync(d => d.DocumentId == latest.Id && d.Role == Roles.Bidder, cancellationToken))
        {
            // 《招标投标法》第二十三条: a change to issued documents goes in writing to everyone who obtained them.
            throw new DomainException("招标文件已有潜在投标人获取，不能直接替换；对已发出的招标文件进行必要的澄清或者修改，应以书面形式通知所有获取招标文件的潜在投标人（《招标投标法》第二十三条）。");
        }
        var (stored, sm3, length) = await DocumentIntake.StoreAsync(store, content, name, settings.TenderDocumentMaxBytes, "招标文件", cancellationToken);
        try
        {
            var record = await signatures.SignDigestAsync(entityId, pin, sm3, name, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var older in current.Where(d => d.IsCurrent))
            {
                older.Supersede();
            }
            var document = new TenderDocument(projectId, (current.FirstOrDefault()?.Version ?? 0) + 1, name, stored, length, sm3,
                entityId, record.SignerName, record.Id, record.Token, currentUser.ActorName(), currentUser.UserId, now);
            db.TenderDocuments.Add(document);
            await db.SaveChangesAsync(cancellationToken);
            return Info(document);
        }
        catch
        {
            store.Delete(stored); // a refused upload leaves nothing behind
            throw;
        }
    }

    /// <summary>Published notices still taking bids, newest first, each with its current documents — a bidder's starting point.</summary>
    public async Task<PagedResult<OpenNotice>> OpenNoticesAsync(string? text, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Downloaders);
        var notices = await projects.OpenNoticesAsync(text, page, pageSize, cancellationToken);
        var ids = notices.Items.Select(p => p.Id).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = (await db.TenderDocuments.AsNoTracking().Where(d => ids.Contains(d.ProjectId) && d.IsCurrent).ToListAsync(cancellationToken))
            .ToDictionary(d => d.ProjectId);
        return new PagedResult<OpenNotice>(
            notices.Items.Select(p => new OpenNotice(p, current.TryGetValue(p.Id, out var d) ? Info(d) : null)).ToList(), notices.TotalCount);
    }

    /// <summary>The project's documents, newest first, for whoever may see the project or its published notice.</summary>
    public async Task<IReadOnlyList<TenderDocumentInfo>> DocumentsAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Downloaders);
        _ = await projects.FindPublishedAsync(projectId, cancellationToken) ?? throw new NotFoundException("项目不存在或您无权查看。");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.TenderDocuments.AsNoTracking().Where(d => d.ProjectId == projectId).OrderByDescending(d => d.Version)
            .Take(50).ToListAsync(cancellationToken)).Select(Info).ToList();
    }

    /// <summary>
    /// Opens a version for download and records who took it. A bidder gets only the current version, only while bids are
    /// still taken, and only if no ban for the trade type is in force (联合惩戒).
    /// </summary>
    public async Task<TenderDocumentFile> DownloadAsync(Guid documentId, string? address, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (document, bidder, entityId, entityName) = await AdmitAsync(db, documentId, cancellationToken);
        var content = store.OpenRead(document.StoredName) ?? throw new DomainException("招标文件的存储文件缺失，请联系交易中心。");
        try
        {
            db.TenderDocumentDownloads.Add(new TenderDocumentDownload(document.Id, document.ProjectId, entityId, entityName,
                currentUser.UserId, currentUser.ActorName() ?? "", bidder ? Roles.Bidder : Roles.All.First(currentUser.IsInRole), time.GetUtcNow().UtcDateTime,
                DocumentIntake.Clip(address, 64)));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }
        return new TenderDocumentFile(document.FileName, document.SizeBytes, content);
    }

    /// <summary>Whether <see cref="DownloadAsync"/> would let the caller have the file (the screen asks first to show a refusal in place).</summary>
    public async Task CheckDownloadAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await AdmitAsync(db, documentId, cancellationToken);
    }

    /// <summary>
    /// The gate of a download. A market entity that does not run the project is a (potential) bidder: only the current
    /// version, only while bids are taken, only without a ban in force for the trade type.
    /// </summary>
    private async Task<(TenderDocument Document, bool Bidder, Guid? EntityId, string? EntityName)> AdmitAsync(TradeDbContext db, Guid documentId,
        CancellationToken cancellationToken)
    {
        currentUser.Demand(Downloaders);
        var document = await db.TenderDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken)
            ?? throw new NotFoundException("招标文件不存在。");
        var project = await projects.FindPublishedAsync(document.ProjectId, cancellationToken) ?? throw new NotFoundException("招标文件不存在。");
        if (!currentUser.IsInRole(Roles.Bidder) || await projects.FindAsync(project.Id, cancellationToken) is not null)
        {
            return (document, false, null, null);
        }
        EnsureOpen(project, "下载招标文件");
        if (!document.IsCurrent)
        {
            throw new DomainException("该版本招标文件已被新版本替换，请下载最新版本。");
        }
        var entityId = await DocumentIntake.EntityOfAsync(db, currentUser.UserId, "您的账户未关联市场主体，不能获取招标文件。", cancellationToken);
        // 联合惩戒: an entity banned for this trade type obtains no documents (and so cannot bid).
        var gate = await creditGate.CheckAsync(entityId, project.TradeType, ChinaTime.DateOf(time.GetUtcNow().UtcDateTime), cancellationToken);
        if (!gate.Allowed)
        {
            throw new DomainException($"不能获取招标文件：{gate.Reason}");
        }
        var name = (await entities.GetManyAsync([entityId], cancellationToken)).FirstOrDefault()?.Name;
        return (document, true, entityId, name);
    }

    /// <summary>Who obtained the project's documents, newest first — the centre's clerks and the supervisors only (《招标投标法》第二十二条).</summary>
    public async Task<PagedResult<DownloadInfo>> DownloadsAsync(Guid projectId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.CentreClerk, Roles.Supervisor);
        _ = await projects.FindAsync(projectId, cancellationToken) ?? throw new NotFoundException("项目不存在或您无权查看。");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.TenderDocumentDownloads.AsNoTracking().Where(d => d.ProjectId == projectId && d.Role == Roles.Bidder);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(d => d.AtUtc).ThenBy(d => d.Id).Page(page, pageSize)
            .Join(db.TenderDocuments, d => d.DocumentId, t => t.Id, (d, t) => new DownloadInfo(d.EntityName, d.UserName, d.Role, d.AtUtc, d.Address, t.Version))
            .ToListAsync(cancellationToken);
        return new PagedResult<DownloadInfo>(items, total);
    }

    private void EnsureOpen(ProjectSummary project, string what) => DocumentIntake.EnsureOpen(project, what, time.GetUtcNow().UtcDateTime);

    private static TenderDocumentInfo Info(TenderDocument d) =>
        new(d.Id, d.Version, d.FileName, d.SizeBytes, d.Sm3, d.SignedByName, d.SignatureToken, d.UploadedBy, d.UploadedUtc, d.IsCurrent);

}
