using System.Text;
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
/// Tender documents (issue 11, item 1): the tenderer uploads them signed with its seal once the notice is published;
/// bidders download them, each download recorded; a banned entity is refused; only clerks and supervisors see who
/// obtained them (《招标投标法》第二十二条).
/// </summary>
public sealed class TenderDocumentServiceTests : IAsyncLifetime
{
    private const string Pin = "802416";
    private const string BannedBidderId = "bidder-banned";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n招标文件正文 第一章 招标公告 …\n%%EOF").Concat(new byte[5000]).ToArray();

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nxt-docs-" + Guid.NewGuid().ToString("N"));
    private readonly SealProtection _seals = new(new SealSettings { Argon2MemoryKib = 256, Argon2Iterations = 1 }, PlatformKeyRing.CreateNew());
    private ProjectHarness _h = default!;
    private Guid _bidderEntity;

    public async ValueTask InitializeAsync()
    {
        _h = await CreateAsync();
        var now = _h.Database.Time.GetUtcNow().UtcDateTime;
        await using var db = _h.Database.CreateDbContext();
        var seal = ElectronicSeal.Create(_h.Entities[TendererEntityName], Pin, _seals, now);
        seal.Publish(now);
        db.ElectronicSeals.Add(seal);
        var random = new Random(11);
        var bidder = TestEntities.Create("宁夏甲建设工程有限公司", _h.Centres["640100"], random, now);
        var banned = TestEntities.Create("宁夏乙建筑劳务有限公司", _h.Centres["640100"], random, now);
        db.MarketEntities.AddRange(bidder, banned);
        _bidderEntity = bidder.Id;
        (await db.Users.SingleAsync(u => u.Id == BidderId)).MarketEntityId = bidder.Id;
        db.Users.Add(new ApplicationUser { Id = BannedBidderId, UserName = "banned@test.cn", Email = "banned@test.cn", DisplayName = "乙公司经办人", MarketEntityId = banned.Id });
        db.MarketBans.Add(new MarketBan(banned.Id, "工程建设领域禁入名单", [TradeType.EngineeringBidding], ChinaTime.DateOf(now).AddDays(-10),
            new DateOnly(2027, 6, 30), "串通投标", "宁建罚〔2026〕18号", "监督人员", now));
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _h.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private TenderDocumentService Service(long maxBytes = 1024 * 1024)
    {
        var entities = new MarketEntityDirectory(_h.Database, _h.User);
        return new TenderDocumentService(_h.Database, _h.User, _h.Database.Time, new ProjectDirectory(_h.Database, _h.User),
            new CreditGate(_h.Database, entities), entities, new SignatureService(_h.Database, _h.User, _h.Database.Time, _seals),
            new FileSystemDocumentStore(_folder), new BiddingSettings { TenderDocumentMaxBytes = maxBytes });
    }

    /// <summary>An engineering project of the tenderer account, its notice published, bid deadline 2026-12-17 09:00.</summary>
    private async Task<Guid> PublishedAsync()
    {
        var id = await _h.RegisterAsync(TradeType.EngineeringBidding, asUser: TendererId);
        await _h.FireAsync(id, "SubmitPlan", TendererId);
        await _h.FireApprovedAsync(id, "PublishNotice", TendererId);
        await _h.SetDeadlineAsync(id, new DateTime(2026, 12, 17, 9, 0, 0), TendererId);
        return id;
    }

    private async Task<TenderDocumentInfo> UploadAsync(Guid id, byte[]? content = null, string name = "招标文件.pdf", string pin = Pin, long maxBytes = 1024 * 1024)
    {
        _h.Act(TendererId);
        await using var stream = new MemoryStream(content ?? Pdf);
        return await Service(maxBytes).UploadAsync(id, name, stream, pin);
    }

    private int StoredFiles() => Directory.Exists(_folder) ? Directory.GetFiles(_folder).Length : 0;

    private async Task<int> RowsAsync()
    {
        await using var db = _h.Database.CreateDbContext();
        return await db.TenderDocuments.CountAsync();
    }

    [Fact]
    public async Task Upload_ByTendererAfterNotice_StoredAndSignedWithItsSealVerifiably()
    {
        var id = await PublishedAsync();

        var doc = await UploadAsync(id);

        Assert.Equal((1, "招标文件.pdf", (long)Pdf.Length, TendererEntityName, true), (doc.Version, doc.FileName, doc.SizeBytes, doc.SignedByName, doc.IsCurrent));
        Assert.Equal(SealCrypto.Sm3Hex(Pdf), doc.Sm3);
        var verification = await new SignatureService(_h.Database, _h.User, _h.Database.Time, _seals).VerifyDigestAsync(doc.Sm3, doc.SignatureToken);
        Assert.True(verification.Valid, verification.Message);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(_folder))));
    }

    [Fact]
    public async Task Upload_BeforeTheNoticeIsPublished_RefusedNothingStored()
    {
        var id = await _h.RegisterAsync(TradeType.EngineeringBidding, asUser: TendererId);

        var ex = await Assert.ThrowsAsync<DomainException>(() => UploadAsync(id));

        Assert.Equal("项目尚未发布公告（发出招标文件），不能上传招标文件。", ex.Message);
        Assert.Equal((0, 0), (StoredFiles(), await RowsAsync()));
    }

    [Theory]
    [InlineData("招标文件.exe", "招标文件只能是 .pdf、.ofd、.docx、.zip 文件，文件名不超过200个字符。")]
    [InlineData("招标文件.docx", "文件内容不是有效的 .docx 文件（按文件内容而非扩展名判断）。")]
    public async Task Upload_WrongType_RefusedNothingStored(string name, string message)
    {
        var id = await PublishedAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(() => UploadAsync(id, name: name));

        Assert.Equal(message, ex.Message);
        Assert.Equal((0, 0), (StoredFiles(), await RowsAsync()));
    }

    [Fact]
    public async Task Upload_OverTheLimit_RefusedNothingStored()
    {
        var id = await PublishedAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(() => UploadAsync(id, Pdf.Concat(new byte[2 * 1024 * 1024]).ToArray()));

        Assert.Equal("招标文件超过 1 MB，请压缩或拆分后上传。", ex.Message);
        Assert.Equal((0, 0), (StoredFiles(), await RowsAsync()));
    }

    [Fact]
    public async Task Upload_WrongSealPin_RefusedNothingStored()
    {
        var id = await PublishedAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(() => UploadAsync(id, pin: "111111"));

        Assert.Contains("PIN", ex.Message);
        Assert.Equal((0, 0), (StoredFiles(), await RowsAsync()));
    }

    [Fact]
    public async Task Download_ByBidder_RecordedWithEntityPersonTimeAndAddress()
    {
        var id = await PublishedAsync();
        var doc = await UploadAsync(id);
        _h.Act(BidderId);

        var file = await Service().DownloadAsync(doc.Id, "10.20.30.40");
        await using (file.Content)
        {
            using var copy = new MemoryStream();
            await file.Content.CopyToAsync(copy);
            Assert.Equal(Pdf, copy.ToArray());
        }

        _h.Act(YinchuanClerk);
        var row = Assert.Single((await Service().DownloadsAsync(id, 0, 20)).Items);
        Assert.Equal(("宁夏甲建设工程有限公司", BidderId + "@test.cn", "10.20.30.40", 1), (row.EntityName, row.UserName, row.Address, row.Version));
        Assert.Equal(_h.Database.Time.GetUtcNow().UtcDateTime, row.AtUtc);
    }

    [Fact]
    public async Task Download_ByBannedEntity_RefusedWithReasonAndEndDateAndNotRecorded()
    {
        var id = await PublishedAsync();
        var doc = await UploadAsync(id);
        _h.Database.User.As(Roles.Bidder, "banned@test.cn");
        _h.Database.User.UserId = BannedBidderId;

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service().CheckDownloadAsync(doc.Id));
        await Assert.ThrowsAsync<DomainException>(() => Service().DownloadAsync(doc.Id, "10.0.0.9"));

        Assert.StartsWith("不能获取招标文件：“宁夏乙建筑劳务有限公司”已被列入工程建设领域禁入名单（串通投标，宁建罚〔2026〕18号）", ex.Message);
        Assert.Contains("2027", ex.Message);
        _h.Act(YinchuanClerk);
        Assert.Equal(0, (await Service().DownloadsAsync(id, 0, 20)).TotalCount);
    }

    [Fact]
    public async Task Downloads_OnlyClerksAndSupervisorsSeeWhoObtainedThem()
    {
        var id = await PublishedAsync();
        var doc = await UploadAsync(id);
        _h.Act(BidderId);
        await (await Service().DownloadAsync(doc.Id, null)).Content.DisposeAsync();

        _h.Act(SupervisorOf(DepartmentOf(TradeType.EngineeringBidding)));
        Assert.Equal(1, (await Service().DownloadsAsync(id, 0, 20)).TotalCount);
        foreach (var who in new[] { TendererId, BidderId, AgentId })
        {
            _h.Act(who);
            await Assert.ThrowsAsync<AccessDeniedException>(() => Service().DownloadsAsync(id, 0, 20));
        }
        _h.Act(WuzhongClerk); // another centre's clerk: not its project
        await Assert.ThrowsAsync<NotFoundException>(() => Service().DownloadsAsync(id, 0, 20));
    }

    [Fact]
    public async Task Upload_NewVersion_SupersedesUntilABidderObtainedIt_ThenRefused()
    {
        var id = await PublishedAsync();
        await UploadAsync(id);
        var second = await UploadAsync(id, name: "招标文件（更正）.pdf");
        Assert.Equal(2, second.Version);
        _h.Act(BidderId);
        var listed = await Service().DocumentsAsync(id);
        Assert.Equal([(2, true), (1, false)], listed.Select(d => (d.Version, d.IsCurrent)));
        var old = await Assert.ThrowsAsync<DomainException>(() => Service().DownloadAsync(listed[1].Id, null));
        Assert.Equal("该版本招标文件已被新版本替换，请下载最新版本。", old.Message);
        await (await Service().DownloadAsync(second.Id, null)).Content.DisposeAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(() => UploadAsync(id, name: "招标文件（第三稿）.pdf"));

        Assert.Contains("《招标投标法》第二十三条", ex.Message);
        Assert.Equal(2, await RowsAsync());
        Assert.Equal(2, StoredFiles());
    }

    [Fact]
    public async Task Download_ByBidderAfterTheDeadline_Refused()
    {
        var id = await PublishedAsync();
        var doc = await UploadAsync(id);
        _h.SetChinaTime(new DateTime(2026, 12, 17, 9, 0, 0));
        _h.Act(BidderId);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service().DownloadAsync(doc.Id, null));

        Assert.Equal("投标截止时间 2026-12-17 09:00:00 已过，不能下载招标文件。", ex.Message);
    }

    [Fact]
    public async Task OpenNotices_Bidder_SeesPublishedProjectsOnlyWithTheirCurrentDocuments()
    {
        var published = await PublishedAsync();
        var doc = await UploadAsync(published);
        var draft = await _h.RegisterAsync(TradeType.EngineeringBidding, asUser: TendererId);
        _h.Act(BidderId);

        var notices = await Service().OpenNoticesAsync(null, 0, 20);

        var notice = Assert.Single(notices.Items);
        Assert.Equal((published, doc.Id), (notice.Project.Id, notice.Documents!.Id));
        Assert.DoesNotContain(notices.Items, n => n.Project.Id == draft);
        await Assert.ThrowsAsync<NotFoundException>(() => Service().DocumentsAsync(draft));
    }
}
