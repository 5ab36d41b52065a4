using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>Who looks at an opening room.</summary>
public enum OpeningRole
{
    /// <summary>交易中心经办人: runs the room.</summary>
    Clerk,
    /// <summary>监督人员</summary>
    Supervisor,
    /// <summary>招标人 / 代理机构</summary>
    Owner,
    /// <summary>投标人 (only with a bid in the lot)</summary>
    Bidder,
}

/// <summary>One row of the 唱标 record.</summary>
public sealed record OpeningRecordRow(int Order, string Bidder, string? CreditCode, long? PriceFen, int? DurationDays, string? Quality,
    string? ProjectManager, string Deposit, string Status, DateTime SubmittedUtc)
{
    public string PriceText => PriceFen is { } fen ? new Money(fen).ToString() : "—";
}

/// <summary>The 唱标 record (开标记录): what was read out, signed by the platform.</summary>
public sealed record OpeningRecord(string ProjectCode, string ProjectName, int LotNumber, string LotName, TradeType TradeType, DateTime DeadlineUtc,
    DateTime RecordedUtc, IReadOnlyList<OpeningRecordRow> Rows);

/// <summary>A bidder of the room: its bid and where it stands in the room.</summary>
public sealed record RoomBidder(Guid BidId, Guid EntityId, string Name, SealedBidStatus Status, DateTime SubmittedUtc, bool SignedIn, bool Confirmed,
    bool Objected, bool IsMe);

/// <summary>An entry of the room as screens show it.</summary>
public sealed record RoomEntry(Guid Id, OpeningEntryKind Kind, string Actor, string? Text, DateTime AtUtc, Guid? ReplyTo, bool Answered);

/// <summary>An escrow decryption request as the room shows it.</summary>
public sealed record EscrowRequestInfo(Guid Id, Guid BidId, string Bidder, string Reason, string RequestedBy, DateTime RequestedUtc, bool? Approved,
    string? DecidedBy, string? Opinion, DateTime? UsedUtc);

/// <summary>Everything one participant's screen of the room shows.</summary>
public sealed record OpeningRoomView(Guid Id, Guid ProjectId, string ProjectCode, string ProjectName, TradeType TradeType, int LotNumber, string LotName,
    BidOpeningStatus Status, DateTime? DecryptionEndsUtc, OpeningRole Role, IReadOnlyList<RoomBidder> Bidders, IReadOnlyList<RoomEntry> Entries,
    OpeningRecord? Record, string? RecordSm3, string? RecordSignature, IReadOnlyList<EscrowRequestInfo> EscrowRequests, DateTime NowUtc)
{
    public RoomBidder? Me => Bidders.FirstOrDefault(b => b.IsMe);
    public bool WindowOpen => Status == BidOpeningStatus.Decrypting && DecryptionEndsUtc > NowUtc;
}

/// <summary>An opening as lists show it.</summary>
public sealed record OpeningInfo(Guid Id, Guid ProjectId, string ProjectCode, string ProjectName, int LotNumber, string LotName, BidOpeningStatus Status,
    DateTime CreatedUtc, DateTime? RecordedUtc);

/// <summary>
/// The remote opening (不见面开标) of a lot: roll call; a decryption window in which each bidder decrypts its own bid with
/// its password; a bid not decrypted is 撤销 through the bidder's fault or 撤回 through the platform's (《电子招标投标办法》
/// 第三十一条) — the latter may be decrypted from escrow with a supervisor's approval; the 唱标 record built from the
/// decrypted price forms and signed by the platform; bidders confirm or object on the spot and the clerk answers
/// (《招标投标法实施条例》第四十四条第三款); absent bidders are deemed to accept (财政部令第87号第四十二条). Every entry is
/// saved before every screen of the room is told at once.
/// </summary>
public sealed class BidOpeningService(
    IDbContextFactory<TradeDbContext> contexts,
    ICurrentUser currentUser,
    TimeProvider time,
    IProjectDirectory projects,
    IMarketEntityDirectory entities,
    IBidFileStore store,
    EscrowKeyAccess escrow,
    PlatformKeyRing platformKeys,
    BiddingSettings settings,
    OpeningRoomHub hub,
    IEnumerable<IDepositDirectory> deposits)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private static readonly string[] Viewers = [Roles.CentreClerk, Roles.Supervisor, Roles.Tenderer, Roles.Agent, Roles.Bidder];

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Opens a room for each lot that moved to its opening step (called by the workflow event handler, as the system):
    /// one room per lot and bid round; a lot that already has a room for its current bids gets no second one.
    /// </summary>
    internal static async Task CreateRoomsAsync(TradeDbContext db, Guid projectId, IReadOnlyList<(int Number, string Name)> lots, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        foreach (var (number, name) in lots)
        {
            var lastBid = await db.SealedBids.Where(b => b.ProjectId == projectId && b.LotNumber == number).MaxAsync(b => (DateTime?)b.SubmittedUtc, cancellationToken);
            var exists = await db.BidOpenings.AnyAsync(o => o.ProjectId == projectId && o.LotNumber == number && (lastBid == null || o.CreatedUtc > lastBid), cancellationToken);
            if (!exists)
            {
                var opening = new BidOpening(projectId, number, name, nowUtc);
                db.BidOpenings.Add(opening);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The openings of a project the caller may see (clerk, supervisor, owner; a bidder only lots it bid on).</summary>
    public async Task<IReadOnlyList<OpeningInfo>> ForProjectAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Viewers);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await projects.FindAsync(projectId, cancellationToken);
        var openings = db.BidOpenings.AsNoTracking().Where(o => o.ProjectId == projectId);
        if (project is null || currentUser.IsInRole(Roles.Bidder))
        {
            project ??= await projects.FindPublishedAsync(projectId, cancellationToken) ?? throw new NotFoundException("项目不存在或您无权查看。");
            var entityId = await EntityIdOrNullAsync(db, cancellationToken);
            var lots = await db.SealedBids.Where(b => b.ProjectId == projectId && b.EntityId == entityId).Where(SealedBid.InOpening)
                .Select(b => b.LotNumber).Distinct().ToListAsync(cancellationToken);
            openings = openings.Where(o => lots.Contains(o.LotNumber));
        }
        return (await openings.OrderBy(o => o.LotNumber).ThenByDescending(o => o.CreatedUtc).ToListAsync(cancellationToken))
            .Select(o => new OpeningInfo(o.Id, o.ProjectId, project.Code, project.Name, o.LotNumber, o.LotName, o.Status, o.CreatedUtc, o.RecordedUtc)).ToList();
    }

    /// <summary>The room as the caller sees it.</summary>
    public async Task<OpeningRoomView> RoomAsync(Guid openingId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (opening, project, role, entityId) = await AdmitAsync(db, openingId, cancellationToken);
        var bids = await RoomBidsAsync(db, opening, cancellationToken);
        var entries = await db.OpeningEntries.AsNoTracking().Where(e => e.OpeningId == openingId).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var answered = entries.Where(e => e.Kind == OpeningEntryKind.Answer && e.ReplyTo != null).Select(e => e.ReplyTo!.Value).ToHashSet();
        var bidders = bids.Select(b => new RoomBidder(b.Id, b.EntityId, b.EntityName, b.Status, b.SubmittedUtc,
            entries.Any(e => e.Kind == OpeningEntryKind.SignIn && e.EntityId == b.EntityId),
            entries.Any(e => e.Kind == OpeningEntryKind.Confirmed && e.EntityId == b.EntityId),
            entries.Any(e => e.Kind == OpeningEntryKind.Objection && e.EntityId == b.EntityId),
            b.EntityId == entityId)).ToList();
        var requests = role is OpeningRole.Clerk or OpeningRole.Supervisor
            ? (await db.EscrowRequests.AsNoTracking().Where(r => r.OpeningId == openingId).OrderBy(r => r.RequestedUtc).ToListAsync(cancellationToken))
                .Select(r => new EscrowRequestInfo(r.Id, r.BidId, bids.FirstOrDefault(b => b.Id == r.BidId)?.EntityName ?? "", r.Reason, r.RequestedBy,
                    r.RequestedUtc, r.Approved, r.DecidedBy, r.Opinion, r.UsedUtc)).ToList()
            : [];
        var record = opening.RecordJson is null ? null : JsonSerializer.Deserialize<OpeningRecord>(opening.RecordJson, Json);
        return new OpeningRoomView(opening.Id, project.Id, project.Code, project.Name, project.TradeType, opening.LotNumber, opening.LotName, opening.Status,
            opening.DecryptionEndsUtc, role, bidders,
            entries.Select(e => new RoomEntry(e.Id, e.Kind, e.Actor, e.Text, e.AtUtc, e.ReplyTo, answered.Contains(e.Id))).ToList(),
            record, opening.RecordSm3, opening.RecordSignature, requests, Now);
    }

    /// <summary>A bidder signs in to the room (签到).</summary>
    public Task SignInAsync(Guid openingId, CancellationToken cancellationToken = default) =>
        ChangeAsync(openingId, async (db, room) =>
        {
            var bid = RequireBidder(room);
            if (await db.OpeningEntries.AnyAsync(e => e.OpeningId == openingId && e.Kind == OpeningEntryKind.SignIn && e.EntityId == bid.EntityId, cancellationToken))
            {
                throw new DomainException("贵单位已签到。");
            }
            if (room.Opening.Status == BidOpeningStatus.Closed)
            {
                throw new DomainException("开标已结束。");
            }
            Entry(db, room.Opening, OpeningEntryKind.SignIn, bid.EntityId, bid.Name, null, bidId: bid.BidId);
        }, cancellationToken);

    /// <summary>The clerk starts the decryption window (setting, default 30 minutes).</summary>
    public Task StartDecryptionAsync(Guid openingId, CancellationToken cancellationToken = default) =>
        ChangeAsync(openingId, (db, room) =>
        {
            RequireClerk(room);
            room.Opening.StartDecryption(Now, TimeSpan.FromMinutes(settings.DecryptionWindowMinutes));
            Entry(db, room.Opening, OpeningEntryKind.DecryptionStarted, null, currentUser.ActorName(),
                $"解密时间 {settings.DecryptionWindowMinutes} 分钟，截至 {ChinaTime.Format(room.Opening.DecryptionEndsUtc!.Value)}");
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// A bidder decrypts its own bid with its password within the window: the key is unwrapped, the price form read, and
    /// every file checked (each chunk's tag and the plaintext SM3 against the digest recorded at upload). A wrong password
    /// is refused and may be tried again until the window closes.
    /// </summary>
    public async Task DecryptAsync(Guid openingId, string password, CancellationToken cancellationToken = default)
    {
        await ChangeAsync(openingId, async (db, room) =>
        {
            var bid = RequireBidder(room);
            if (!room.View.WindowOpen)
            {
                throw new DomainException(room.Opening.Status == BidOpeningStatus.Waiting ? "解密尚未开始，请等待交易中心开始解密。" : "解密时间已结束，不能再解密。");
            }
            var tracked = await db.SealedBids.Include(b => b.Files).FirstAsync(b => b.Id == bid.BidId, cancellationToken);
            if (tracked.Status != SealedBidStatus.Submitted)
            {
                throw new DomainException("贵单位的投标文件不在待解密状态。");
            }
            var key = BidKeyWrap.UnwrapWithPassword(tracked.PasswordWrap, password ?? "", tracked.Id);
            if (key is null)
            {
                throw new DomainException("解密口令不正确，请核对后重试（口令在递交投标文件时由贵单位设定，平台不保存）。");
            }
            await OpenBidAsync(db, room.Opening, tracked, key, "投标人解密", cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// After the window the clerk records each bid not decrypted: through the bidder's own fault it is 撤销; through the
    /// platform's it is deemed withdrawn (撤回) and may be decrypted from escrow (《电子招标投标办法》第三十一条).
    /// </summary>
    public Task MarkNotDecryptedAsync(Guid openingId, Guid bidId, bool platformFault, string reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(openingId, async (db, room) =>
        {
            RequireClerk(room);
            if (room.Opening.Status != BidOpeningStatus.Decrypting || room.View.WindowOpen)
            {
                throw new DomainException("解密时间结束后才能认定未解密的投标文件。");
            }
            RequireReason(reason);
            var bid = await db.SealedBids.FirstOrDefaultAsync(b => b.Id == bidId && b.ProjectId == room.Opening.ProjectId && b.LotNumber == room.Opening.LotNumber, cancellationToken)
                ?? throw new NotFoundException("投标文件不存在。");
            if (bid.Status != SealedBidStatus.Submitted)
            {
                throw new DomainException("只有尚未解密的投标文件需要认定。");
            }
            bid.FailDecryption(platformFault);
            Entry(db, room.Opening, OpeningEntryKind.NotDecrypted, bid.EntityId, currentUser.ActorName(),
                $"{bid.EntityName}：{(platformFault ? "因平台原因未能解密，视为撤回投标文件（可申请托管解密）" : "因投标人原因未解密，视为撤销投标文件")}。{reason.Trim()}", bidId: bid.Id);
        }, cancellationToken);

    /// <summary>The clerk asks for an escrow decryption of a bid the platform failed to decrypt, with a reason.</summary>
    public Task RequestEscrowAsync(Guid openingId, Guid bidId, string reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(openingId, async (db, room) =>
        {
            RequireClerk(room);
            RequireReason(reason);
            var bid = await db.SealedBids.FirstOrDefaultAsync(b => b.Id == bidId && b.ProjectId == room.Opening.ProjectId && b.LotNumber == room.Opening.LotNumber, cancellationToken)
                ?? throw new NotFoundException("投标文件不存在。");
            if (bid.Status != SealedBidStatus.PlatformFailed)
            {
                throw new DomainException("只有因平台原因未能解密的投标文件可以申请托管解密（《电子招标投标办法》第三十一条）。");
            }
            if (await db.EscrowRequests.AnyAsync(r => r.BidId == bidId && (r.Approved == null || r.Approved == true && r.UsedUtc == null), cancellationToken))
            {
                throw new DomainException("该投标文件已有待处理的托管解密申请。");
            }
            db.EscrowRequests.Add(new EscrowRequest(room.Opening.Id, bid.Id, reason.Trim(), currentUser.ActorName() ?? "", Now));
            Entry(db, room.Opening, OpeningEntryKind.EscrowRequested, bid.EntityId, currentUser.ActorName(), $"申请托管解密 {bid.EntityName} 的投标文件：{reason.Trim()}", bidId: bid.Id);
        }, cancellationToken);

    /// <summary>
    /// A supervisor decides an escrow request; an approval decrypts the bid at once with the escrow private key (opened
    /// from its file for this one bid and cleared), and both are recorded in the room.
    /// </summary>
    public async Task DecideEscrowAsync(Guid requestId, bool approve, string opinion, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Supervisor);
        Guid openingId;
        await using (var lookup = await contexts.CreateDbContextAsync(cancellationToken))
        {
            openingId = await lookup.EscrowRequests.Where(r => r.Id == requestId).Select(r => (Guid?)r.OpeningId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("托管解密申请不存在。");
        }
        await ChangeAsync(openingId, async (db, room) =>
        {
            if (room.Role != OpeningRole.Supervisor)
            {
                throw new AccessDeniedException("托管解密须由监督人员批准。");
            }
            RequireReason(opinion, "审批意见");
            var request = await db.EscrowRequests.FirstAsync(r => r.Id == requestId, cancellationToken);
            request.Decide(approve, currentUser.ActorName() ?? "", opinion.Trim(), Now);
            var bid = await db.SealedBids.Include(b => b.Files).FirstAsync(b => b.Id == request.BidId, cancellationToken);
            Entry(db, room.Opening, approve ? OpeningEntryKind.EscrowApproved : OpeningEntryKind.EscrowRejected, bid.EntityId, currentUser.ActorName(),
                $"{(approve ? "批准" : "不批准")}托管解密 {bid.EntityName} 的投标文件：{opinion.Trim()}", bidId: bid.Id);
            if (!approve)
            {
                return;
            }
            var escrowKey = escrow.Key ?? throw new DomainException("交易中心未配置托管密钥，不能托管解密。");
            var privateKey = escrowKey.OpenPrivateKey();
            byte[]? key;
            try
            {
                key = bid.EscrowKeyId == escrowKey.KeyId ? BidKeyWrap.UnwrapFromEscrow(bid.EscrowWrappedKey, privateKey) : null;
            }
            finally
            {
                Array.Clear(privateKey);
            }
            if (key is null)
            {
                throw new DomainException($"该投标文件由托管密钥 {bid.EscrowKeyId} 封装，与当前配置的托管密钥 {escrowKey.KeyId} 不符，不能托管解密。");
            }
            request.Use(Now);
            await OpenBidAsync(db, room.Opening, bid, key, "托管解密", cancellationToken);
            Entry(db, room.Opening, OpeningEntryKind.EscrowDecrypted, bid.EntityId, currentUser.ActorName(), $"经监督人员批准，{bid.EntityName} 的投标文件已托管解密。", bidId: bid.Id);
        }, cancellationToken);
    }

    /// <summary>
    /// The clerk publishes the 唱标 record once every bid is decrypted or recorded as not decrypted: each bidder, its price,
    /// duration, quality, project manager and deposit status, signed by the platform and shown to everyone at once.
    /// </summary>
    public Task PublishRecordAsync(Guid openingId, CancellationToken cancellationToken = default) =>
        ChangeAsync(openingId, async (db, room) =>
        {
            RequireClerk(room);
            var bids = await RoomBidsAsync(db, room.Opening, cancellationToken);
            if (bids.FirstOrDefault(b => b.Status == SealedBidStatus.Submitted) is { } pending)
            {
                throw new DomainException($"{pending.EntityName} 的投标文件尚未解密，也未认定未解密原因，不能生成唱标记录。");
            }
            var depositStatus = new Dictionary<Guid, string>();
            foreach (var source in deposits)
            {
                foreach (var (entity, status) in await source.StatusByEntityAsync(room.Opening.ProjectId, room.Opening.LotNumber, cancellationToken))
                {
                    depositStatus[entity] = status.Chinese();
                }
            }
            var cards = (await entities.GetManyAsync(bids.Select(b => b.EntityId).Distinct().ToList(), cancellationToken)).ToDictionary(c => c.Id);
            var order = 0;
            var rows = bids.OrderBy(b => b.SubmittedUtc).Select(b =>
            {
                var form = b.PriceFormJson is null ? null : JsonSerializer.Deserialize<BidPriceForm>(b.PriceFormJson, Json);
                return new OpeningRecordRow(++order, b.EntityName, cards.GetValueOrDefault(b.EntityId)?.CreditCode, form?.PriceFen, form?.DurationDays,
                    form?.Quality, form?.ProjectManager, depositStatus.GetValueOrDefault(b.EntityId, "—"), StatusText(b.Status), b.SubmittedUtc);
            }).ToList();
            var record = new OpeningRecord(room.View.ProjectCode, room.View.ProjectName, room.Opening.LotNumber, room.Opening.LotName, room.View.TradeType,
                bids.Select(b => b.DeadlineUtc).DefaultIfEmpty(Now).Max(), Now, rows);
            var json = JsonSerializer.SerializeToUtf8Bytes(record, Json);
            room.Opening.Record(System.Text.Encoding.UTF8.GetString(json), SealCrypto.Sm3Hex(json), Convert.ToHexStringLower(platformKeys.SignAnchor(json)),
                platformKeys.CurrentAnchorKeyId, Now);
            Entry(db, room.Opening, OpeningEntryKind.Recorded, null, currentUser.ActorName(), $"唱标记录已公布（{rows.Count} 家投标人），请各投标人确认或提出异议。");
        }, cancellationToken);

    /// <summary>A bidder confirms the record.</summary>
    public Task ConfirmAsync(Guid openingId, CancellationToken cancellationToken = default) =>
        ChangeAsync(openingId, async (db, room) =>
        {
            var bid = RequireBidder(room);
            RequireRecorded(room);
            if (await db.OpeningEntries.AnyAsync(e => e.OpeningId == openingId && e.Kind == OpeningEntryKind.Confirmed && e.EntityId == bid.EntityId, cancellationToken))
            {
                throw new DomainException("贵单位已确认唱标记录。");
            }
            Entry(db, room.Opening, OpeningEntryKind.Confirmed, bid.EntityId, bid.Name, "确认唱标记录无误", bidId: bid.BidId);
        }, cancellationToken);

    /// <summary>A bidder objects to the opening on the spot (《招标投标法实施条例》第四十四条第三款).</summary>
    public Task ObjectAsync(Guid openingId, string text, CancellationToken cancellationToken = default) =>
        ChangeAsync(openingId, (db, room) =>
        {
            var bid = RequireBidder(room);
            RequireRecorded(room);
            RequireReason(text, "异议内容");
            Entry(db, room.Opening, OpeningEntryKind.Objection, bid.EntityId, bid.Name, text.Trim(), bidId: bid.BidId);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>The clerk answers an objection in the room, on the spot (《招标投标法实施条例》第四十四条第三款).</summary>
    public Task AnswerAsync(Guid openingId, Guid objectionId, string text, CancellationToken cancellationToken = default) =>
        ChangeAsync(openingId, async (db, room) =>
        {
            RequireClerk(room);
            RequireReason(text, "答复内容");
            var objection = await db.OpeningEntries.FirstOrDefaultAsync(e => e.Id == objectionId && e.OpeningId == openingId && e.Kind == OpeningEntryKind.Objection, cancellationToken)
                ?? throw new NotFoundException("异议不存在。");
            if (await db.OpeningEntries.AnyAsync(e => e.ReplyTo == objection.Id, cancellationToken))
            {
                throw new DomainException("该异议已答复。");
            }
            Entry(db, room.Opening, OpeningEntryKind.Answer, null, currentUser.ActorName(), text.Trim(), objection.Id);
        }, cancellationToken);

    /// <summary>
    /// The clerk closes the opening once every objection is answered; bidders that neither confirmed nor objected are
    /// deemed to accept the record (财政部令第87号第四十二条).
    /// </summary>
    public Task CloseAsync(Guid openingId, CancellationToken cancellationToken = default) =>
        ChangeAsync(openingId, async (db, room) =>
        {
            RequireClerk(room);
            var entries = await db.OpeningEntries.Where(e => e.OpeningId == openingId).ToListAsync(cancellationToken);
            var unanswered = entries.Where(e => e.Kind == OpeningEntryKind.Objection && entries.All(a => a.ReplyTo != e.Id)).ToList();
            if (unanswered.Count > 0)
            {
                throw new DomainException($"尚有 {unanswered.Count} 条异议未答复，应当场答复并记录后才能结束开标（《招标投标法实施条例》第四十四条）。");
            }
            room.Opening.Close(Now);
            var silent = room.View.Bidders.Where(b => b.Status == SealedBidStatus.Opened && !b.Confirmed && !b.Objected).Select(b => b.Name).ToList();
            Entry(db, room.Opening, OpeningEntryKind.Closed, null, currentUser.ActorName(),
                silent.Count == 0 ? "开标结束。" : $"开标结束。{string.Join("、", silent)} 未确认也未提出异议，视同认可开标结果（财政部令第87号第四十二条）。");
        }, cancellationToken);

    /// <summary>Decrypts the price form, checks every file against its recorded digests, and keeps the key for the evaluation.</summary>
    private async Task OpenBidAsync(TradeDbContext db, BidOpening opening, SealedBid bid, byte[] key, string openedBy, CancellationToken cancellationToken)
    {
        try
        {
            var form = SealCrypto.Unwrap(key, bid.PriceFormCipher, bid.Id.ToByteArray()) ?? throw new DomainException("开标一览表解密失败（密文被改动）。");
            foreach (var file in bid.Files)
            {
                await using var cipher = store.OpenRead(file.StoredName) ?? throw new DomainException($"投标文件“{file.FileName}”的密文缺失，请联系交易中心。");
                var (sm3, length) = await BidFileCipher.OpenAsync(cipher, Stream.Null, key, file.Id, cancellationToken);
                if (sm3 != file.PlainSm3 || length != file.PlainSizeBytes)
                {
                    throw new DomainException($"投标文件“{file.FileName}”解密后的摘要与递交时不符。");
                }
            }
            bid.Open(System.Text.Encoding.UTF8.GetString(form), openedBy, SealCrypto.Wrap(platformKeys.CurrentSealWrapKey, key, bid.Id.ToByteArray()),
                platformKeys.CurrentSealWrapKeyId, Now);
            Entry(db, opening, OpeningEntryKind.Decrypted, bid.EntityId, openedBy == "托管解密" ? currentUser.ActorName() : bid.EntityName,
                $"{bid.EntityName} 的投标文件解密成功（{bid.Files.Count} 个文件，摘要核对一致）。", bidId: bid.Id);
        }
        finally
        {
            Array.Clear(key);
        }
    }

    private sealed record Room(BidOpening Opening, OpeningRoomView View, OpeningRole Role, Guid? EntityId);

    /// <summary>Loads the room for a change, applies it, saves (audited) and tells every screen of the room at once.</summary>
    private async Task ChangeAsync(Guid openingId, Func<TradeDbContext, Room, Task> change, CancellationToken cancellationToken)
    {
        var view = await RoomAsync(openingId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var opening = await db.BidOpenings.FirstAsync(o => o.Id == openingId, cancellationToken);
        var entityId = view.Me?.EntityId;
        await change(db, new Room(opening, view, view.Role, entityId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("开标室状态已被他人更新，请刷新后再操作。");
        }
        await hub.PublishAsync(openingId);
    }

    private async Task<(BidOpening Opening, ProjectSummary Project, OpeningRole Role, Guid? EntityId)> AdmitAsync(TradeDbContext db, Guid openingId,
        CancellationToken cancellationToken)
    {
        currentUser.Demand(Viewers);
        var opening = await db.BidOpenings.AsNoTracking().FirstOrDefaultAsync(o => o.Id == openingId, cancellationToken)
            ?? throw new NotFoundException("开标室不存在。");
        if (!currentUser.IsInRole(Roles.Bidder))
        {
            var project = await projects.FindAsync(opening.ProjectId, cancellationToken) ?? throw new NotFoundException("开标室不存在。");
            var role = currentUser.IsInRole(Roles.CentreClerk) ? OpeningRole.Clerk : currentUser.IsInRole(Roles.Supervisor) ? OpeningRole.Supervisor : OpeningRole.Owner;
            return (opening, project, role, null);
        }
        // A bidder enters only a room of a lot it bid on (the bid still counting, or not decrypted).
        var entityId = await EntityIdOrNullAsync(db, cancellationToken);
        var hasBid = entityId is not null && await db.SealedBids
            .Where(b => b.ProjectId == opening.ProjectId && b.LotNumber == opening.LotNumber && b.EntityId == entityId).Where(SealedBid.InOpening)
            .AnyAsync(cancellationToken);
        var published = hasBid ? await projects.FindPublishedAsync(opening.ProjectId, cancellationToken) : null;
        return published is null ? throw new NotFoundException("开标室不存在。") : (opening, published, OpeningRole.Bidder, entityId);
    }

    private static async Task<List<SealedBid>> RoomBidsAsync(TradeDbContext db, BidOpening opening, CancellationToken cancellationToken) =>
        await db.SealedBids.AsNoTracking().Where(b => b.ProjectId == opening.ProjectId && b.LotNumber == opening.LotNumber).Where(SealedBid.InOpening)
            .OrderBy(b => b.SubmittedUtc).ToListAsync(cancellationToken);

    private async Task<Guid?> EntityIdOrNullAsync(TradeDbContext db, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == currentUser.UserId).Select(u => u.MarketEntityId).FirstOrDefaultAsync(cancellationToken);

    private void Entry(TradeDbContext db, BidOpening opening, OpeningEntryKind kind, Guid? entityId, string? actor, string? text, Guid? replyTo = null, Guid? bidId = null) =>
        db.OpeningEntries.Add(new OpeningEntry(opening.Id, kind, entityId, actor ?? "系统", text, Now, replyTo, bidId));

    private static void RequireClerk(Room room)
    {
        if (room.Role != OpeningRole.Clerk)
        {
            throw new AccessDeniedException("只有交易中心经办人可以主持开标。");
        }
    }

    private static RoomBidder RequireBidder(Room room) =>
        room.Role == OpeningRole.Bidder && room.View.Me is { } me ? me : throw new AccessDeniedException("只有本标段的投标人可以执行此操作。");

    private static void RequireRecorded(Room room)
    {
        if (room.Opening.Status != BidOpeningStatus.Recorded)
        {
            throw new DomainException(room.Opening.Status == BidOpeningStatus.Closed ? "开标已结束，不能再确认或提出异议。" : "唱标记录尚未公布。");
        }
    }

    private static void RequireReason(string? text, string what = "原因")
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 500)
        {
            throw new DomainException($"请填写{what}（不超过500个字符）。");
        }
    }

    public static string StatusText(SealedBidStatus status) => status switch
    {
        SealedBidStatus.Submitted => "已递交",
        SealedBidStatus.Replaced => "已被替换",
        SealedBidStatus.Withdrawn => "已撤回",
        SealedBidStatus.Opened => "已解密",
        SealedBidStatus.Revoked => "未解密（投标人原因，视为撤销）",
        SealedBidStatus.PlatformFailed => "未解密（平台原因，视为撤回）",
        SealedBidStatus.Void => "已作废（重新招标）",
        _ => status.ToString(),
    };
}
