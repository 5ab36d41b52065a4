using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>A file to seal: the bidder's file name and its content (read once, as a stream).</summary>
public sealed record BidUpload(string FileName, Stream Content);

/// <summary>A bid as its own bidder sees it: never the content, only what was received.</summary>
public sealed record MyBidInfo(Guid Id, int LotNumber, SealedBidStatus Status, DateTime SubmittedUtc, DateTime DeadlineUtc, string SubmittedBy,
    IReadOnlyList<ReceiptFile> Files, string ReceiptToken, DateTime? WithdrawnUtc);

/// <summary>A bid of the caller's with its project and, once its lot opened, the opening room.</summary>
public sealed record MyBidRow(Guid ProjectId, string ProjectCode, string ProjectName, MyBidInfo Bid, Guid? OpeningId);

/// <summary>A lot as a bidder's bidding screen shows it: its deadline and the bidder's own current bid.</summary>
public sealed record BidLotInfo(int Number, string Name, Money Price, DateTime? DeadlineUtc, bool TakesBids, MyBidInfo? MyBid);

/// <summary>
/// Sealed bids (电子投标文件): a bidder seals its bid for a lot before the deadline — the price form and files encrypted
/// on arrival under a fresh key wrapped twice (its own decryption password; the centre's escrow key), signed with its
/// seal, and answered with a receipt signed by the platform. Re-submission replaces the earlier bid; withdrawal is
/// allowed until the deadline; after it the server clock refuses every change (《招标投标法》第二十八条).
/// </summary>
public sealed class SealedBidService(
    IDbContextFactory<TradeDbContext> contexts,
    ICurrentUser currentUser,
    TimeProvider time,
    IProjectDirectory projects,
    CreditGate creditGate,
    IMarketEntityDirectory entities,
    SignatureService signatures,
    IBidFileStore store,
    EscrowKeyAccess escrow,
    PlatformKeyRing platformKeys,
    BiddingSettings settings,
    DepositService? deposits = null)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Seals and stores a bid for lot <paramref name="lotNumber"/>. Refused — with nothing kept — for a caller who is not
    /// a bidder tied to a market entity, an entity banned for the trade type, one that has not obtained the tender
    /// documents, a lot without a deadline or past it (by the server clock, also when the upload ends after it), a price
    /// out of range, a file of another type or too large, a weak password or a wrong seal PIN.
    /// </summary>
    public async Task<MyBidInfo> SubmitAsync(Guid projectId, int lotNumber, BidPriceForm form, IReadOnlyList<BidUpload> files,
        string password, string pin, string? address, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Bidder);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (project, lot, entity) = await AdmitAsync(db, projectId, lotNumber, "递交投标文件", cancellationToken);
        CheckForm(project, lot, form);
        BidKeyWrap.CheckPasswordRule(password);
        var escrowKey = escrow.Key ?? throw new DomainException("交易中心尚未配置托管密钥（Bidding:Escrow:KeyFile），暂不能递交投标文件，请联系交易中心。");
        if (files.Count == 0 || files.Count > settings.BidFilesMax)
        {
            throw new DomainException($"请上传1至{settings.BidFilesMax}个投标文件。");
        }
        var names = files.Select(f => Path.GetFileName(f.FileName?.Trim() ?? "")).ToList();
        if (names.Any(n => n.Length is 0 or > 200) || names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count)
        {
            throw new DomainException("投标文件名不能为空、不超过200个字符，且同一投标中不能重名。");
        }
        var inspectors = names.Select(n => new BidFileInspector(n, settings.BidFileMaxBytes)).ToList(); // type by name first

        var bidId = Guid.NewGuid();
        var key = SealCrypto.RandomBytes(16);
        var stored = new List<string>();
        try
        {
            var sealedFiles = new List<SealedBidFile>();
            for (var i = 0; i < files.Count; i++)
            {
                var fileId = Guid.NewGuid();
                var (storedName, content) = store.Create(".nxbf");
                stored.Add(storedName);
                SealedFileDigest digest;
                await using (content)
                {
                    digest = await BidFileCipher.SealAsync(files[i].Content, content, key, fileId, inspectors[i].Inspect, cancellationToken: cancellationToken);
                }
                sealedFiles.Add(new SealedBidFile(fileId, bidId, names[i], storedName, digest, inspectors[i].Metadata()));
            }
            var formJson = JsonSerializer.SerializeToUtf8Bytes(form, Json);
            var manifest = Manifest(bidId, projectId, lotNumber, entity.Id, formJson, sealedFiles);
            var signature = await signatures.SignDigestAsync(entity.Id, pin, manifest, $"投标文件（{project.Code} 第{lotNumber}标段）", cancellationToken);

            // The server clock at the end of the upload decides: a bid that finished arriving after the deadline is refused.
            var deadline = lot.BidDeadlineUtc!.Value;
            if (Now >= deadline)
            {
                throw new DomainException($"投标截止时间 {ChinaTime.Format(deadline)} 已到，投标文件在截止时间之后才上传完成，不予接收（《招标投标法》第二十八条）。");
            }
            var bid = new SealedBid(bidId, projectId, lotNumber, entity.Id, entity.Name, currentUser.UserId, currentUser.ActorName(), Now, deadline, DocumentIntake.Clip(address, 64));
            bid.Seal(SealCrypto.Wrap(key, formJson, bidId.ToByteArray()), BidKeyWrap.WrapWithPassword(key, password, bidId, settings.BidPasswordIterations),
                BidKeyWrap.WrapForEscrow(key, escrowKey.PublicKey), escrowKey.KeyId, sealedFiles);
            var receipt = new BidReceipt(bidId, project.Code, project.Name, lotNumber, lot.Name, entity.Name, entity.CreditCode, bid.SubmittedUtc,
                sealedFiles.Select(f => new ReceiptFile(f.FileName, f.CipherSizeBytes, f.CipherSm3)).ToList(), "");
            bid.Sign(manifest, signature.Id, signature.Token, BidReceipt.Issue(receipt, platformKeys));

            var earlier = await db.SealedBids.Include(b => b.Files)
                .Where(b => b.ProjectId == projectId && b.LotNumber == lotNumber && b.EntityId == entity.Id && b.Status == SealedBidStatus.Submitted)
                .ToListAsync(cancellationToken);
            foreach (var old in earlier)
            {
                old.Replace(); // the last submission counts
            }
            db.SealedBids.Add(bid);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var old in earlier.SelectMany(b => b.Files))
            {
                store.Delete(old.StoredName); // a replaced bid's ciphertext is no longer needed; its record stays
            }
            return Info(bid);
        }
        catch
        {
            foreach (var name in stored)
            {
                store.Delete(name); // a refused bid leaves nothing behind
            }
            throw;
        }
        finally
        {
            Array.Clear(key);
        }
    }

    /// <summary>Withdraws the caller's current bid for the lot before the deadline (撤回, 《招标投标法》第二十九条).</summary>
    public async Task WithdrawAsync(Guid bidId, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Bidder);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entityId = await EntityIdAsync(db, cancellationToken);
        var bid = await db.SealedBids.FirstOrDefaultAsync(b => b.Id == bidId && b.EntityId == entityId, cancellationToken)
            ?? throw new NotFoundException("投标文件不存在。");
        if (bid.Status != SealedBidStatus.Submitted)
        {
            throw new DomainException("只有已递交且未被替换的投标文件可以撤回。");
        }
        await AdmitAsync(db, bid.ProjectId, bid.LotNumber, "撤回投标文件", cancellationToken);
        bid.Withdraw(Now);
        await db.SaveChangesAsync(cancellationToken);
        // The deposit of a bid withdrawn before the deadline is due back within 5 days (条例第三十五条; 87号令第三十八条).
        if (deposits is not null)
        {
            await deposits.BidWithdrawnAsync(bid.ProjectId, bid.LotNumber, bid.EntityId, bid.WithdrawnUtc!.Value, cancellationToken);
        }
    }

    /// <summary>The lots of a published project as the calling bidder sees them, with its own current bid per lot.</summary>
    public async Task<IReadOnlyList<BidLotInfo>> LotsAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Bidder);
        var project = await projects.FindPublishedAsync(projectId, cancellationToken) ?? throw new NotFoundException("项目不存在或您无权查看。");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entityId = await EntityIdAsync(db, cancellationToken);
        var mine = (await db.SealedBids.AsNoTracking().Include(b => b.Files)
                .Where(b => b.ProjectId == projectId && b.EntityId == entityId && b.Status != SealedBidStatus.Replaced && b.Status != SealedBidStatus.Void)
                .ToListAsync(cancellationToken))
            .GroupBy(b => b.LotNumber).ToDictionary(g => g.Key, g => g.OrderByDescending(b => b.SubmittedUtc).First());
        var now = Now;
        return project.Lots.Select(l => new BidLotInfo(l.Number, l.Name, l.Price, l.BidDeadlineUtc,
            project.DocumentsIssuedUtc is not null && !l.IsClosed && l.BidDeadlineUtc is { } d && now < d,
            mine.TryGetValue(l.Number, out var bid) ? Info(bid) : null)).ToList();
    }

    /// <summary>
    /// The caller's own bids, newest first, one page at a time (never their content), each with its project and — once
    /// the lot opened — its opening room.
    /// </summary>
    public async Task<PagedResult<MyBidRow>> MineWithProjectsAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Bidder);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entityId = await EntityIdAsync(db, cancellationToken);
        var query = db.SealedBids.AsNoTracking().Where(b => b.EntityId == entityId);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(b => b.SubmittedUtc).ThenBy(b => b.Id).Page(page, pageSize).Include(b => b.Files).ToListAsync(cancellationToken);
        var projectIds = items.Select(b => b.ProjectId).Distinct().ToList();
        var summaries = new Dictionary<Guid, ProjectSummary>();
        foreach (var id in projectIds)
        {
            if (await projects.FindPublishedAsync(id, cancellationToken) is { } summary)
            {
                summaries[id] = summary;
            }
        }
        var openings = await db.BidOpenings.AsNoTracking().Where(o => projectIds.Contains(o.ProjectId))
            .Select(o => new { o.Id, o.ProjectId, o.LotNumber, o.CreatedUtc }).ToListAsync(cancellationToken);
        return new PagedResult<MyBidRow>(items.Select(b => new MyBidRow(b.ProjectId, summaries.GetValueOrDefault(b.ProjectId)?.Code ?? "",
            summaries.GetValueOrDefault(b.ProjectId)?.Name ?? "（项目已结束）", Info(b),
            b.IsInOpening
                ? openings.Where(o => o.ProjectId == b.ProjectId && o.LotNumber == b.LotNumber && o.CreatedUtc >= b.SubmittedUtc)
                    .OrderBy(o => o.CreatedUtc).Select(o => (Guid?)o.Id).FirstOrDefault()
                : null)).ToList(), total);
    }

    /// <summary>Bidders with a valid bid for the lot (or the whole project when <paramref name="lotNumber"/> is null): the <c>bids.count</c> fact.</summary>
    internal static Task<int> ValidCountAsync(TradeDbContext db, Guid projectId, int? lotNumber, CancellationToken cancellationToken) =>
        db.SealedBids.Where(b => b.ProjectId == projectId && (lotNumber == null || b.LotNumber == lotNumber)
                && (b.Status == SealedBidStatus.Submitted || b.Status == SealedBidStatus.Opened))
            .Select(b => b.EntityId).Distinct().CountAsync(cancellationToken);

    /// <summary>
    /// The gate of every change to a bid: a bidder tied to an entity without a ban for the trade type, which obtained the
    /// tender documents, on a lot that still takes bids by the server clock.
    /// </summary>
    private async Task<(ProjectSummary Project, LotSummary Lot, EntityCard Entity)> AdmitAsync(TradeDbContext db, Guid projectId, int lotNumber, string what,
        CancellationToken cancellationToken)
    {
        var project = await projects.FindPublishedAsync(projectId, cancellationToken) ?? throw new NotFoundException("项目不存在或您无权查看。");
        var lot = project.Lots.FirstOrDefault(l => l.Number == lotNumber) ?? throw new NotFoundException("标段不存在。");
        var entityId = await EntityIdAsync(db, cancellationToken);
        // 联合惩戒: a banned entity does not bid.
        var gate = await creditGate.CheckAsync(entityId, project.TradeType, ChinaTime.DateOf(Now), cancellationToken);
        if (!gate.Allowed)
        {
            throw new DomainException($"不能{what}：{gate.Reason}");
        }
        if (project.DocumentsIssuedUtc is null)
        {
            throw new DomainException($"项目尚未发布公告，不能{what}。");
        }
        if (project.IsClosed || lot.IsClosed)
        {
            throw new DomainException($"该标段已{lot.CurrentStepName}，不能{what}。");
        }
        if (lot.BidDeadlineUtc is not { } deadline)
        {
            throw new DomainException($"该标段尚未确定投标截止时间，暂不能{what}。");
        }
        if (Now >= deadline)
        {
            throw new DomainException($"投标截止时间 {ChinaTime.Format(deadline)} 已过，不能{what}（《招标投标法》第二十八条）。");
        }
        if (!await db.TenderDocumentDownloads.AnyAsync(d => d.ProjectId == projectId && d.EntityId == entityId, cancellationToken))
        {
            throw new DomainException($"贵单位尚未获取本项目的招标文件，不能{what}。请先在“招标公告”中下载招标文件。");
        }
        var entity = (await entities.GetManyAsync([entityId], cancellationToken)).FirstOrDefault() ?? throw new DomainException("您的账户关联的市场主体不存在。");
        return (project, lot, entity);
    }

    /// <summary>The price form's own rules: a positive price within range, a duration, quality and project manager.</summary>
    private static void CheckForm(ProjectSummary project, LotSummary lot, BidPriceForm form)
    {
        var labels = BidPriceFormLabels.For(project.TradeType);
        if (form.PriceFen <= 0)
        {
            throw new DomainException($"{labels.Price}必须大于0。");
        }
        if (project.TradeType == TradeType.GovernmentProcurement && form.Price > lot.Price)
        {
            // 财政部令第87号 第63条: a bid above the budget is invalid — refused at once rather than found at the evaluation.
            throw new DomainException($"{labels.Price} {form.Price} 超过采购预算 {lot.Price}，投标无效（财政部令第87号第六十三条）。");
        }
        if (form.PriceFen > lot.Price.Fen * 10)
        {
            throw new DomainException($"{labels.Price} {form.Price} 超过本标段{TradeMethods.PriceName(project.TradeType)}（{lot.Price}）的10倍，请核对金额单位（元）。");
        }
        if (form.DurationDays is < 1 or > 3650)
        {
            throw new DomainException($"{labels.Duration}应为1至3650天。");
        }
        if (string.IsNullOrWhiteSpace(form.Quality) || form.Quality.Trim().Length > 100)
        {
            throw new DomainException($"请填写{labels.Quality}（不超过100个字符）。");
        }
        if (string.IsNullOrWhiteSpace(form.ProjectManager) || form.ProjectManager.Trim().Length > 50)
        {
            throw new DomainException($"请填写{labels.ProjectManager}（不超过50个字符）。");
        }
    }

    /// <summary>SM3 over the bid's manifest: the bid, lot, entity, the price form and each file's plaintext digest.</summary>
    private static string Manifest(Guid bidId, Guid projectId, int lotNumber, Guid entityId, byte[] formJson, IEnumerable<SealedBidFile> files)
    {
        var text = new StringBuilder()
            .Append("NXBID1\n").Append(bidId).Append('\n').Append(projectId).Append('\n').Append(lotNumber).Append('\n').Append(entityId).Append('\n')
            .Append(SealCrypto.Sm3Hex(formJson)).Append('\n');
        foreach (var f in files)
        {
            text.Append(f.FileName).Append('\t').Append(f.PlainSizeBytes).Append('\t').Append(f.PlainSm3).Append('\n');
        }
        return SealCrypto.Sm3Hex(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private Task<Guid> EntityIdAsync(TradeDbContext db, CancellationToken cancellationToken) =>
        DocumentIntake.EntityOfAsync(db, currentUser.UserId, "您的账户未关联市场主体，不能投标。", cancellationToken);

    internal static MyBidInfo Info(SealedBid b) =>
        new(b.Id, b.LotNumber, b.Status, b.SubmittedUtc, b.DeadlineUtc, b.SubmittedBy,
            b.Files.Select(f => new ReceiptFile(f.FileName, f.CipherSizeBytes, f.CipherSm3)).ToList(), b.ReceiptToken, b.WithdrawnUtc);
}

/// <summary>The escrow key if the centre configured one (sealing is refused without it).</summary>
public sealed class EscrowKeyAccess(EscrowKey? key)
{
    public EscrowKey? Key { get; } = key;
}
