using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Bidding;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Tests.Support;
using static NingxiaTrade.Tests.Support.ProjectHarness;

namespace NingxiaTrade.Tests.Domain.Bidding;

/// <summary>
/// Sealed bids and the remote opening (issue 11, items 4–8): bids sealed on arrival and answered with a platform-signed
/// receipt; every refusal (late, banned, no documents, wrong PIN, out-of-range price) leaves nothing behind; nobody can
/// read a marked bid before the opening, in any table or stored file; <c>bids.count</c> per lot drives the flow; the
/// opening room: decryption by each bidder's password, escrow decryption only with a supervisor's approval, the signed
/// 唱标 record, objections answered on the spot.
/// </summary>
public sealed class SealedBidTests : IAsyncLifetime
{
    private const string Pin = "802416";
    private const string Password = "Toubiao2026";
    private const string Marker = "MARKER-SEALED-4471";
    private static readonly string[] BidderNames = ["宁夏甲建设工程有限公司", "宁夏乙市政工程有限公司", "宁夏丙路桥建设有限公司", "宁夏丁建筑安装有限公司"];

    private readonly string _docs = Path.Combine(Path.GetTempPath(), "nxt-docs-" + Guid.NewGuid().ToString("N"));
    private readonly string _bids = Path.Combine(Path.GetTempPath(), "nxt-bids-" + Guid.NewGuid().ToString("N"));
    private readonly SealProtection _seals = new(new SealSettings { Argon2MemoryKib = 256, Argon2Iterations = 1 }, PlatformKeyRing.CreateNew());
    private readonly EscrowKey _escrow = EscrowKey.Create("escrow-passphrase-for-tests", new SealKdf(256, 1, 1));
    private readonly OpeningRoomHub _hub = new();
    private ProjectHarness _h = default!;
    private readonly Dictionary<string, Guid> _entities = [];
    private static string BidderUser(int i) => i == 0 ? BidderId : $"bidder-{i + 1}";

    public async ValueTask InitializeAsync()
    {
        _h = await CreateAsync(onDisk: true);
        var now = _h.Database.Time.GetUtcNow().UtcDateTime;
        await using (var db = _h.Database.CreateDbContext())
        {
            var random = new Random(11);
            var sealOf = new List<MarketEntity>();
            foreach (var name in BidderNames.Append(TendererEntityName))
            {
                var entity = name == TendererEntityName ? null : TestEntities.Create(name, _h.Centres["640100"], random, now);
                if (entity is not null)
                {
                    db.MarketEntities.Add(entity);
                    _entities[name] = entity.Id;
                }
                var seal = ElectronicSeal.Create(entity?.Id ?? _h.Entities[TendererEntityName], Pin, _seals, now);
                seal.Publish(now);
                db.ElectronicSeals.Add(seal);
            }
            await db.SaveChangesAsync();
        }
        for (var i = 0; i < BidderNames.Length; i++)
        {
            if (i == 0)
            {
                await using var db = _h.Database.CreateDbContext();
                (await db.Users.SingleAsync(u => u.Id == BidderId)).MarketEntityId = _entities[BidderNames[0]];
                await db.SaveChangesAsync();
            }
            else
            {
                await _h.AddUserAsync(BidderUser(i), Roles.Bidder, _entities[BidderNames[i]]);
            }
        }
        _h.FactSources.Add(new SealedBidFacts(_h.Database));
        _h.Handlers.Add(new BiddingWorkflowHandler(_h.Database, new ProjectDirectory(_h.Database, _h.User), _h.Database.Time));
    }

    public async ValueTask DisposeAsync()
    {
        await _h.DisposeAsync();
        foreach (var folder in new[] { _docs, _bids })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private SealedBidService Bids(EscrowKey? escrow = null)
    {
        var entities = new MarketEntityDirectory(_h.Database, _h.User);
        return new SealedBidService(_h.Database, _h.User, _h.Database.Time, new ProjectDirectory(_h.Database, _h.User), new CreditGate(_h.Database, entities),
            entities, new SignatureService(_h.Database, _h.User, _h.Database.Time, _seals), new FileSystemBidFileStore(_bids), new EscrowKeyAccess(escrow ?? _escrow),
            _seals.PlatformKeys, new BiddingSettings { BidPasswordIterations = 1000, BidFileMaxBytes = 4 * 1024 * 1024 });
    }

    private BidOpeningService Openings()
    {
        var entities = new MarketEntityDirectory(_h.Database, _h.User);
        return new BidOpeningService(_h.Database, _h.User, _h.Database.Time, new ProjectDirectory(_h.Database, _h.User), entities, new FileSystemBidFileStore(_bids),
            new EscrowKeyAccess(_escrow), _seals.PlatformKeys, new BiddingSettings(), _hub, []);
    }

    private TenderDocumentService Documents()
    {
        var entities = new MarketEntityDirectory(_h.Database, _h.User);
        return new TenderDocumentService(_h.Database, _h.User, _h.Database.Time, new ProjectDirectory(_h.Database, _h.User), new CreditGate(_h.Database, entities),
            entities, new SignatureService(_h.Database, _h.User, _h.Database.Time, _seals), new FileSystemDocumentStore(_docs), new BiddingSettings());
    }

    /// <summary>
    /// The tenderer's engineering project, its notice published with documents and the deadline 2026-12-17 09:00;
    /// <paramref name="downloaders"/> bidders have obtained the documents.
    /// </summary>
    private async Task<Guid> PublishedAsync(int downloaders = 4, TradeType type = TradeType.EngineeringBidding)
    {
        var id = await _h.RegisterAsync(type, asUser: TendererId, form: _h.Form(type) with { TendererEntityId = _h.Entities[TendererEntityName] });
        await _h.FireAsync(id, type == TradeType.EngineeringBidding ? "SubmitPlan" : "SubmitPlan", TendererId);
        await _h.FireApprovedAsync(id, "PublishNotice", TendererId);
        await _h.SetDeadlineAsync(id, new DateTime(2026, 12, 17, 9, 0, 0), TendererId);
        _h.Act(TendererId);
        await using (var pdf = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7\n招标文件\n%%EOF")))
        {
            await Documents().UploadAsync(id, "招标文件.pdf", pdf, Pin);
        }
        for (var i = 0; i < downloaders; i++)
        {
            _h.Act(BidderUser(i));
            var doc = (await Documents().DocumentsAsync(id)).First();
            await using var file = (await Documents().DownloadAsync(doc.Id, "10.0.0." + i)).Content;
        }
        return id;
    }

    private static byte[] BidPdf(string text) => Encoding.UTF8.GetBytes($"%PDF-1.7\n/Author (Bidder {text})\n{Marker} 技术标 {text}\n").Concat(new byte[3000]).ToArray();

    private async Task<MyBidInfo> SubmitAsync(Guid id, int bidder, long priceFen = 9_500_000_00, string pin = Pin, string password = Password, byte[]? file = null,
        string name = "投标文件.pdf", int lot = 1)
    {
        _h.Act(BidderUser(bidder));
        var form = new BidPriceForm(priceFen, 365, "合格", $"项目经理{bidder} {Marker}");
        return await Bids().SubmitAsync(id, lot, form, [new BidUpload(name, new MemoryStream(file ?? BidPdf(BidderNames[bidder])))], password, pin, "192.168.1." + bidder);
    }

    private int StoredBidFiles() => Directory.Exists(_bids) ? Directory.GetFiles(_bids).Length : 0;

    private async Task<int> BidRowsAsync()
    {
        await using var db = _h.Database.CreateDbContext();
        return await db.SealedBids.CountAsync();
    }

    [Fact]
    public async Task Submit_BeforeDeadline_SealedWithReceiptSignedByThePlatform()
    {
        var id = await PublishedAsync();

        var bid = await SubmitAsync(id, 0);

        Assert.Equal(SealedBidStatus.Submitted, bid.Status);
        var receipt = BidReceipt.Verify(bid.ReceiptToken, _seals.PlatformKeys);
        Assert.NotNull(receipt);
        Assert.Equal((BidderNames[0], 1, "第一标段"), (receipt.Bidder, receipt.LotNumber, receipt.LotName));
        var stored = Assert.Single(Directory.GetFiles(_bids));
        var bytes = await File.ReadAllBytesAsync(stored);
        Assert.Equal((SealCrypto.Sm3Hex(bytes), (long)bytes.Length), (receipt.Files[0].CipherSm3, receipt.Files[0].CipherSize));
        await using var db = _h.Database.CreateDbContext();
        var row = await db.SealedBids.Include(b => b.Files).SingleAsync();
        Assert.Equal(("Bidder 宁夏甲建设工程有限公司", "192.168.1.0"), (row.Files[0].Author, row.UploadAddress));
        Assert.Equal(SealCrypto.Sm3Hex(BidPdf(BidderNames[0])), row.Files[0].PlainSm3);
        var signature = await new SignatureService(_h.Database, _h.User, _h.Database.Time, _seals).VerifyDigestAsync(row.ManifestSm3, row.SignatureToken);
        Assert.True(signature.Valid, signature.Message);
    }

    [Fact]
    public async Task BeforeOpening_NoTableAndNoStoredFile_HoldsThePlaintextOfAMarkedBid()
    {
        var id = await PublishedAsync();
        for (var i = 0; i < 3; i++)
        {
            await SubmitAsync(id, i);
        }

        // Every column of every table (text and blobs), and every file the platform stored.
        var found = new List<string>();
        await using (var connection = new SqliteConnection($"Data Source={_h.Database.FilePath}"))
        {
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }
            foreach (var table in tables)
            {
                await using var select = connection.CreateCommand();
                select.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var c = 0; c < reader.FieldCount; c++)
                    {
                        var text = reader.IsDBNull(c) ? "" : reader.GetValue(c) is byte[] blob ? Encoding.UTF8.GetString(blob) + Encoding.Latin1.GetString(blob) : reader.GetValue(c).ToString() ?? "";
                        if (text.Contains(Marker, StringComparison.Ordinal) || text.Contains("95000000", StringComparison.Ordinal))
                        {
                            found.Add($"{table}.{reader.GetName(c)}");
                        }
                    }
                }
            }
        }
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_h.Database.FilePath)!).Concat(Directory.GetFiles(_bids)).Concat(Directory.GetFiles(_docs)))
        {
            if (Path.GetFileName(file).StartsWith(Path.GetFileNameWithoutExtension(_h.Database.FilePath!), StringComparison.Ordinal) || file.StartsWith(_bids) || file.StartsWith(_docs))
            {
                var bytes = await File.ReadAllBytesAsync(file);
                if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Marker)) >= 0)
                {
                    found.Add(file);
                }
            }
        }
        Assert.Empty(found);
        Assert.Equal(3, StoredBidFiles());
    }

    [Fact]
    public async Task Submit_AfterTheDeadline_RefusedByTheServerClockWithTheDeadline()
    {
        var id = await PublishedAsync();
        _h.SetChinaTime(new DateTime(2026, 12, 17, 9, 0, 0));

        var ex = await Assert.ThrowsAsync<DomainException>(() => SubmitAsync(id, 3));

        Assert.Equal("投标截止时间 2026-12-17 09:00:00 已过，不能递交投标文件（《招标投标法》第二十八条）。", ex.Message);
        Assert.Equal((0, 0), (StoredBidFiles(), await BidRowsAsync()));
    }

    [Fact]
    public async Task Submit_BannedEntity_RefusedWithReasonAndEndDate()
    {
        var id = await PublishedAsync();
        await using (var db = _h.Database.CreateDbContext())
        {
            var now = _h.Database.Time.GetUtcNow().UtcDateTime;
            db.MarketBans.Add(new MarketBan(_entities[BidderNames[2]], "工程建设领域禁入名单", [TradeType.EngineeringBidding], ChinaTime.DateOf(now),
                new DateOnly(2027, 6, 30), "串通投标", "宁建罚〔2026〕18号", "监督人员", now));
            await db.SaveChangesAsync();
        }

        var ex = await Assert.ThrowsAsync<DomainException>(() => SubmitAsync(id, 2));

        Assert.StartsWith("不能递交投标文件：", ex.Message);
        Assert.Contains("2027-06-30", ex.Message);
        Assert.Equal((0, 0), (StoredBidFiles(), await BidRowsAsync()));
    }

    [Fact]
    public async Task Submit_WithoutTheDocuments_Refused()
    {
        var id = await PublishedAsync(downloaders: 3);

        var ex = await Assert.ThrowsAsync<DomainException>(() => SubmitAsync(id, 3));

        Assert.Equal("贵单位尚未获取本项目的招标文件，不能递交投标文件。请先在“招标公告”中下载招标文件。", ex.Message);
    }

    [Fact]
    public async Task Submit_WrongSealPin_RefusedNothingStored()
    {
        var id = await PublishedAsync();

        await Assert.ThrowsAnyAsync<DomainException>(() => SubmitAsync(id, 0, pin: "135799"));

        Assert.Equal((0, 0), (StoredBidFiles(), await BidRowsAsync()));
    }

    [Theory]
    [InlineData(0L, "投标报价（元）必须大于0。")]
    [InlineData(100_000_000_01L, "投标报价（元） 100,000,000.01 元 超过本标段估算价（10,000,000.00 元）的10倍，请核对金额单位（元）。")]
    public async Task Submit_PriceOutOfRange_Refused(long fen, string message)
    {
        var id = await PublishedAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(() => SubmitAsync(id, 0, priceFen: fen));

        Assert.Equal(message, ex.Message);
        Assert.Equal((0, 0), (StoredBidFiles(), await BidRowsAsync()));
    }

    [Fact]
    public async Task Submit_FileNotWhatItsNameSays_RefusedNothingStored()
    {
        var id = await PublishedAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(() => SubmitAsync(id, 0, file: Encoding.ASCII.GetBytes("MZ executable"), name: "投标文件.pdf"));

        Assert.Equal("文件内容不是有效的 .pdf 文件（按文件内容而非扩展名判断）。", ex.Message);
        Assert.Equal((0, 0), (StoredBidFiles(), await BidRowsAsync()));
    }

    [Fact]
    public async Task Submit_Again_ReplacesTheEarlierBidAndDropsItsCiphertext()
    {
        var id = await PublishedAsync();
        var first = await SubmitAsync(id, 0);

        var second = await SubmitAsync(id, 0, priceFen: 9_400_000_00);

        await using var db = _h.Database.CreateDbContext();
        var statuses = await db.SealedBids.OrderBy(b => b.SubmittedUtc).ThenBy(b => b.Status).Select(b => new { b.Id, b.Status }).ToListAsync();
        Assert.Equal(SealedBidStatus.Replaced, statuses.Single(b => b.Id == first.Id).Status);
        Assert.Equal(SealedBidStatus.Submitted, statuses.Single(b => b.Id == second.Id).Status);
        Assert.Equal(1, StoredBidFiles());
        Assert.Equal(1L, await new SealedBidFacts(_h.Database).GetAsync(id, null, "bids.count"));
    }

    [Fact]
    public async Task Withdraw_BeforeDeadline_NoLongerCounted_AfterDeadline_Refused()
    {
        var id = await PublishedAsync();
        var a = await SubmitAsync(id, 0);
        var b = await SubmitAsync(id, 1);

        _h.Act(BidderUser(0));
        await Bids().WithdrawAsync(a.Id);
        _h.SetChinaTime(new DateTime(2026, 12, 17, 9, 0, 0));
        _h.Act(BidderUser(1));
        var ex = await Assert.ThrowsAsync<DomainException>(() => Bids().WithdrawAsync(b.Id));

        Assert.Equal("投标截止时间 2026-12-17 09:00:00 已过，不能撤回投标文件（《招标投标法》第二十八条）。", ex.Message);
        Assert.Equal(1L, await new SealedBidFacts(_h.Database).GetAsync(id, null, "bids.count"));
        _h.Act(BidderUser(0));
        Assert.Equal(SealedBidStatus.Withdrawn, (await Bids().LotsAsync(id)).Single().MyBid!.Status);
    }

    [Fact]
    public async Task Withdraw_AnotherBiddersBid_NotFound()
    {
        var id = await PublishedAsync();
        var a = await SubmitAsync(id, 0);

        _h.Act(BidderUser(1));
        await Assert.ThrowsAsync<NotFoundException>(() => Bids().WithdrawAsync(a.Id));
    }

    [Fact]
    public async Task Flow_TwoBids_OpeningRefused_RetenderVoidsThem()
    {
        var id = await PublishedAsync();
        await SubmitAsync(id, 0);
        await SubmitAsync(id, 1);
        _h.SetChinaTime(new DateTime(2026, 12, 3, 9, 0, 0));
        await _h.FireAsync(id, "CloseDocumentSale");
        _h.SetChinaTime(new DateTime(2026, 12, 17, 9, 0, 0));

        var open = await _h.ActionAsync(id, "OpenBids");
        await _h.FireAsync(id, "Retender");

        Assert.False(open.Allowed);
        Assert.Contains("投标人为2个，少于3个", string.Join(" ", open.Reasons));
        await using var db = _h.Database.CreateDbContext();
        Assert.All(await db.SealedBids.ToListAsync(), b => Assert.Equal(SealedBidStatus.Void, b.Status));
        Assert.Equal(0L, await new SealedBidFacts(_h.Database).GetAsync(id, null, "bids.count"));
        Assert.Empty(await db.BidOpenings.ToListAsync());
    }

    /// <summary>Three bids opened: the room exists, each bidder decrypts, the record is signed, an objection is answered.</summary>
    private async Task<(Guid ProjectId, Guid OpeningId)> OpenedRoomAsync(int bids = 3)
    {
        var id = await PublishedAsync();
        for (var i = 0; i < bids; i++)
        {
            await SubmitAsync(id, i, priceFen: 9_500_000_00 - i * 10_000_00);
        }
        _h.SetChinaTime(new DateTime(2026, 12, 3, 9, 0, 0));
        await _h.FireAsync(id, "CloseDocumentSale");
        _h.SetChinaTime(new DateTime(2026, 12, 17, 9, 0, 0));
        await _h.FireAsync(id, "OpenBids");
        _h.Act(YinchuanClerk);
        var opening = Assert.Single(await Openings().ForProjectAsync(id));
        return (id, opening.Id);
    }

    [Fact]
    public async Task Opening_EachBidderDecrypts_RecordSignedAndShownToAll_ObjectionAnswered()
    {
        var (_, room) = await OpenedRoomAsync();
        var pushes = 0;
        using var watch = _hub.Subscribe(room, () => { Interlocked.Increment(ref pushes); return Task.CompletedTask; });

        for (var i = 0; i < 3; i++)
        {
            _h.Act(BidderUser(i));
            await Openings().SignInAsync(room);
        }
        _h.Act(YinchuanClerk);
        await Openings().StartDecryptionAsync(room);
        _h.Act(BidderUser(0));
        var wrong = await Assert.ThrowsAsync<DomainException>(() => Openings().DecryptAsync(room, "Wrong2026x"));
        for (var i = 0; i < 3; i++)
        {
            _h.Act(BidderUser(i));
            await Openings().DecryptAsync(room, Password);
        }
        _h.Act(YinchuanClerk);
        await Openings().PublishRecordAsync(room);
        _h.Act(BidderUser(1));
        await Openings().ObjectAsync(room, "我单位报价唱错，应为九百四十万元。");
        _h.Act(BidderUser(0));
        await Openings().ConfirmAsync(room);
        _h.Act(YinchuanClerk);
        var early = await Assert.ThrowsAsync<DomainException>(() => Openings().CloseAsync(room));
        var objection = (await Openings().RoomAsync(room)).Entries.Single(e => e.Kind == OpeningEntryKind.Objection);
        await Openings().AnswerAsync(room, objection.Id, "经核对开标一览表，唱标金额为 9,490,000.00 元，与贵单位递交的一致。");
        await Openings().CloseAsync(room);

        Assert.Equal("解密口令不正确，请核对后重试（口令在递交投标文件时由贵单位设定，平台不保存）。", wrong.Message);
        Assert.Equal("尚有 1 条异议未答复，应当场答复并记录后才能结束开标（《招标投标法实施条例》第四十四条）。", early.Message);
        _h.Act(BidderUser(2));
        var view = await Openings().RoomAsync(room);
        Assert.Equal(BidOpeningStatus.Closed, view.Status);
        Assert.Equal([9_500_000_00L, 9_490_000_00L, 9_480_000_00L], view.Record!.Rows.Select(r => r.PriceFen!.Value));
        Assert.Equal(["项目经理0 " + Marker, "项目经理1 " + Marker, "项目经理2 " + Marker], view.Record.Rows.Select(r => r.ProjectManager));
        Assert.True(SealCrypto.Verify(_seals.PlatformKeys.CurrentAnchorPublicKey, Encoding.UTF8.GetBytes(RecordJson(room)), Convert.FromHexString(view.RecordSignature!)));
        Assert.Contains(view.Entries, e => e.Kind == OpeningEntryKind.Closed && e.Text!.Contains("宁夏丙路桥建设有限公司 未确认也未提出异议，视同认可"));
        Assert.True(pushes >= 12, $"every change is pushed to the room (got {pushes})");
    }

    private string RecordJson(Guid room)
    {
        using var db = _h.Database.CreateDbContext();
        return db.BidOpenings.Single(o => o.Id == room).RecordJson!;
    }

    [Fact]
    public async Task Opening_RoomAccess_ExpertsAndOtherBiddersKeptOut()
    {
        var (_, room) = await OpenedRoomAsync();

        _h.Act(BidderUser(3)); // downloaded the documents but did not bid
        await Assert.ThrowsAsync<NotFoundException>(() => Openings().RoomAsync(room));
        _h.Act(YinchuanClerk);
        await Openings().StartDecryptionAsync(room);
        _h.Act(BidderUser(0));
        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => Openings().PublishRecordAsync(room));
        Assert.Equal("只有交易中心经办人可以主持开标。", ex.Message);
        _h.Act(TendererId);
        Assert.Equal(OpeningRole.Owner, (await Openings().RoomAsync(room)).Role);
    }

    [Fact]
    public async Task Opening_PlatformFault_EscrowDecryptionOnlyAfterSupervisorApproval()
    {
        var (_, room) = await OpenedRoomAsync();
        _h.Act(YinchuanClerk);
        await Openings().StartDecryptionAsync(room);
        for (var i = 0; i < 2; i++)
        {
            _h.Act(BidderUser(i));
            await Openings().DecryptAsync(room, Password);
        }
        _h.Act(YinchuanClerk);
        var third = (await Openings().RoomAsync(room)).Bidders.Single(b => b.Status == SealedBidStatus.Submitted);
        var tooEarly = await Assert.ThrowsAsync<DomainException>(() => Openings().MarkNotDecryptedAsync(room, third.BidId, true, "解密服务异常"));
        _h.Advance(TimeSpan.FromMinutes(31));
        var notYet = await Assert.ThrowsAsync<DomainException>(() => Openings().PublishRecordAsync(room));
        await Openings().MarkNotDecryptedAsync(room, third.BidId, platformFault: true, "平台解密服务在 09:12 至 09:40 故障，投标人无法解密");
        await Openings().RequestEscrowAsync(room, third.BidId, "平台原因未能解密，申请托管解密");
        var requestId = (await Openings().RoomAsync(room)).EscrowRequests.Single().Id;
        var clerkApproves = await Assert.ThrowsAsync<AccessDeniedException>(() => Openings().DecideEscrowAsync(requestId, true, "同意"));
        _h.Act(SupervisorOf(DepartmentOf(TradeType.EngineeringBidding)));
        await Openings().DecideEscrowAsync(requestId, true, "经核实系平台故障，同意托管解密");
        _h.Act(YinchuanClerk);
        await Openings().PublishRecordAsync(room);

        Assert.Equal("解密时间结束后才能认定未解密的投标文件。", tooEarly.Message);
        Assert.Equal("宁夏丙路桥建设有限公司 的投标文件尚未解密，也未认定未解密原因，不能生成唱标记录。", notYet.Message);
        Assert.Equal("您无权执行此操作（需要行政监督人员角色）。", clerkApproves.Message);
        var view = await Openings().RoomAsync(room);
        Assert.Equal(3, view.Record!.Rows.Count(r => r.PriceFen is not null));
        Assert.Contains(view.Entries, e => e.Kind == OpeningEntryKind.EscrowDecrypted);
        Assert.NotNull(view.EscrowRequests.Single().UsedUtc);
    }

    [Fact]
    public async Task Opening_BidderFault_RevokedAndListedWithoutPrice()
    {
        var (_, room) = await OpenedRoomAsync();
        _h.Act(YinchuanClerk);
        await Openings().StartDecryptionAsync(room);
        for (var i = 0; i < 2; i++)
        {
            _h.Act(BidderUser(i));
            await Openings().DecryptAsync(room, Password);
        }
        _h.Advance(TimeSpan.FromMinutes(31));
        _h.Act(BidderUser(2));
        var late = await Assert.ThrowsAsync<DomainException>(() => Openings().DecryptAsync(room, Password));
        _h.Act(YinchuanClerk);
        var third = (await Openings().RoomAsync(room)).Bidders.Single(b => b.Status == SealedBidStatus.Submitted);
        await Openings().MarkNotDecryptedAsync(room, third.BidId, platformFault: false, "投标人未在解密时间内解密");
        var escrow = await Assert.ThrowsAsync<DomainException>(() => Openings().RequestEscrowAsync(room, third.BidId, "申请"));
        await Openings().PublishRecordAsync(room);

        Assert.Equal("解密时间已结束，不能再解密。", late.Message);
        Assert.Equal("只有因平台原因未能解密的投标文件可以申请托管解密（《电子招标投标办法》第三十一条）。", escrow.Message);
        var row = (await Openings().RoomAsync(room)).Record!.Rows.Single(r => r.Bidder == BidderNames[2]);
        Assert.Equal((null, "未解密（投标人原因，视为撤销）"), (row.PriceFen, row.Status));
    }
}
