using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Bidding;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Notifications;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Tests.Support;
using static NingxiaTrade.Tests.Support.ProjectHarness;

namespace NingxiaTrade.Tests.Domain.Bidding;

/// <summary>
/// Clarifications and amendments (issue 11, item 2): only potential bidders that obtained the documents ask; the asker is
/// known to the clerk and the supervisor only; published answers and amendments reach every downloader; an amendment that
/// may affect bid preparation keeps the deadline at least 15 days after it (《招标投标法》第二十三条).
/// </summary>
public sealed class ClarificationServiceTests : IAsyncLifetime
{
    private const string Pin = "802416";
    private const string OtherBidderId = "bidder-2";
    private const string OutsiderId = "bidder-3";
    private const string BidderEntityName = "宁夏甲建设工程有限公司";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n招标文件 …\n%%EOF").Concat(new byte[2000]).ToArray();

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nxt-clar-" + Guid.NewGuid().ToString("N"));
    private readonly SealProtection _seals = new(new SealSettings { Argon2MemoryKib = 256, Argon2Iterations = 1 }, PlatformKeyRing.CreateNew());
    private ProjectHarness _h = default!;

    public async ValueTask InitializeAsync()
    {
        _h = await CreateAsync();
        var now = _h.Database.Time.GetUtcNow().UtcDateTime;
        await using var db = _h.Database.CreateDbContext();
        var seal = ElectronicSeal.Create(_h.Entities[TendererEntityName], Pin, _seals, now);
        seal.Publish(now);
        db.ElectronicSeals.Add(seal);
        var random = new Random(12);
        var first = TestEntities.Create(BidderEntityName, _h.Centres["640100"], random, now);
        var second = TestEntities.Create("宁夏丙市政工程有限公司", _h.Centres["640100"], random, now);
        var outsider = TestEntities.Create("宁夏丁路桥工程有限公司", _h.Centres["640100"], random, now);
        db.MarketEntities.AddRange(first, second, outsider);
        (await db.Users.SingleAsync(u => u.Id == BidderId)).MarketEntityId = first.Id;
        db.Users.Add(new ApplicationUser { Id = OtherBidderId, UserName = "b2@test.cn", Email = "b2@test.cn", DisplayName = "丙公司经办人", MarketEntityId = second.Id });
        db.Users.Add(new ApplicationUser { Id = OutsiderId, UserName = "b3@test.cn", Email = "b3@test.cn", DisplayName = "丁公司经办人", MarketEntityId = outsider.Id });
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

    private void As(string userId)
    {
        if (userId is OtherBidderId or OutsiderId)
        {
            _h.Database.User.As(Roles.Bidder, userId + "@test.cn");
            _h.Database.User.UserId = userId;
        }
        else
        {
            _h.Act(userId);
        }
    }

    private ProjectWorkflowService Workflow() =>
        new(_h.Database, _h.User, _h.Database.Time, _h.Engine(), [], NullLogger<ProjectWorkflowService>.Instance, null,
            [new AmendmentDeadlineFloor(new BiddingSettings())]);

    private TenderDocumentService Documents()
    {
        var entities = new MarketEntityDirectory(_h.Database, _h.User);
        return new TenderDocumentService(_h.Database, _h.User, _h.Database.Time, new ProjectDirectory(_h.Database, _h.User),
            new CreditGate(_h.Database, entities), entities, new SignatureService(_h.Database, _h.User, _h.Database.Time, _seals),
            new FileSystemDocumentStore(_folder), new BiddingSettings());
    }

    private ClarificationService Service() =>
        new(_h.Database, _h.User, _h.Database.Time, new ProjectDirectory(_h.Database, _h.User), new MarketEntityDirectory(_h.Database, _h.User),
            new SignatureService(_h.Database, _h.User, _h.Database.Time, _seals), new FileSystemDocumentStore(_folder), new BiddingSettings(),
            Workflow(), new WorkingDayCalendar(_h.Database),
            new Notifier(new ProjectParticipants(), new NotificationSignal(), new NotificationSettings(), _h.User, _h.Database.Time));

    /// <summary>
    /// The tenderer's engineering project in notice (deadline 2026-12-17 09:00), its documents uploaded and obtained by
    /// the first and second bidders (the third did not).
    /// </summary>
    private async Task<Guid> DownloadedAsync()
    {
        var id = await _h.RegisterAsync(TradeType.EngineeringBidding, asUser: TendererId);
        await _h.FireAsync(id, "SubmitPlan", TendererId);
        await _h.FireApprovedAsync(id, "PublishNotice", TendererId);
        await _h.SetDeadlineAsync(id, new DateTime(2026, 12, 17, 9, 0, 0), TendererId);
        _h.Act(TendererId);
        await using var content = new MemoryStream(Pdf);
        var doc = await Documents().UploadAsync(id, "招标文件.pdf", content, Pin);
        foreach (var bidder in (string[])[BidderId, OtherBidderId])
        {
            As(bidder);
            await (await Documents().DownloadAsync(doc.Id, null)).Content.DisposeAsync();
        }
        return id;
    }

    private async Task<int> RevisionAsync(Guid id) => (await _h.ProjectAsync(id)).Revision;

    private async Task<List<Notification>> MessagesAsync(string userId)
    {
        await using var db = _h.Database.CreateDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == userId && n.Kind == NotificationKind.Clarification).ToListAsync();
    }

    private async Task<(int Questions, int Amendments, int Files)> RowsAsync()
    {
        await using var db = _h.Database.CreateDbContext();
        return (await db.BidQuestions.CountAsync(), await db.Amendments.CountAsync(), Directory.Exists(_folder) ? Directory.GetFiles(_folder).Length : 0);
    }

    [Fact]
    public async Task Ask_ByDownloader_AskerHiddenFromTendererShownToClerkAndSupervisor()
    {
        var id = await DownloadedAsync();
        As(BidderId);

        await Service().AskAsync(id, "第三章工程量清单中的管道长度是否包含检查井？");

        _h.Act(TendererId);
        var owner = Assert.Single((await Service().ViewAsync(id)).Questions);
        Assert.Equal((1, (string?)null, (string?)null), (owner.Number, owner.AskedByEntityName, owner.AskedByName));
        Assert.DoesNotContain(await MessagesAsync(TendererId), m => m.Body.Contains(BidderEntityName) || m.Title.Contains(BidderEntityName));
        Assert.Single(await MessagesAsync(TendererId));
        _h.Act(YinchuanClerk);
        Assert.Equal(BidderEntityName, Assert.Single((await Service().ViewAsync(id)).Questions).AskedByEntityName);
        _h.Act(SupervisorOf(DepartmentOf(TradeType.EngineeringBidding)));
        Assert.Equal(BidderEntityName, Assert.Single((await Service().ViewAsync(id)).Questions).AskedByEntityName);
    }

    [Fact]
    public async Task Ask_EntityThatDidNotDownload_RefusedNothingStored()
    {
        var id = await DownloadedAsync();
        As(OutsiderId);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service().AskAsync(id, "请问本项目是否接受联合体投标？"));

        Assert.StartsWith("贵单位未获取本项目招标文件", ex.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().ViewAsync(id));
        Assert.Equal(0, (await RowsAsync()).Questions);
    }

    [Fact]
    public async Task Ask_AfterTheQuestionCutoff_RefusedWithTheCutoff()
    {
        var id = await DownloadedAsync();
        _h.SetChinaTime(new DateTime(2026, 12, 7, 9, 0, 0));
        As(BidderId);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service().AskAsync(id, "请问本项目是否接受联合体投标？"));

        Assert.Equal("提问截止时间 2026-12-07 09:00:00（投标截止时间前10日，参照《招标投标法实施条例》第二十二条）已过，不能再提出澄清问题。", ex.Message);
        Assert.Equal(0, (await RowsAsync()).Questions);
    }

    [Fact]
    public async Task Ask_AfterTheBidDeadline_Refused()
    {
        var id = await DownloadedAsync();
        _h.SetChinaTime(new DateTime(2026, 12, 17, 9, 0, 0));
        As(BidderId);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service().AskAsync(id, "请问本项目是否接受联合体投标？"));

        Assert.Equal("投标截止时间 2026-12-17 09:00:00 已过，不能提出澄清问题。", ex.Message);
    }

    [Fact]
    public async Task Answer_ByNonOwner_RefusedNothingChanged()
    {
        var id = await DownloadedAsync();
        As(BidderId);
        var question = await Service().AskAsync(id, "请问本项目是否接受联合体投标？");
        _h.Act(AgentId);

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => Service().AnswerAsync(question.Id, "不接受。", publish: true));

        Assert.Equal("只有本项目的招标人或招标代理机构可以答复澄清问题。", ex.Message);
        _h.Act(YinchuanClerk);
        Assert.Null(Assert.Single((await Service().ViewAsync(id)).Questions).Answer);
    }

    [Fact]
    public async Task Answer_Published_ReachesEveryDownloaderWithoutTheAsker()
    {
        var id = await DownloadedAsync();
        As(BidderId);
        var question = await Service().AskAsync(id, "请问本项目是否接受联合体投标？");
        _h.Act(TendererId);

        await Service().AnswerAsync(question.Id, "本项目不接受联合体投标。", publish: true);

        As(OtherBidderId);
        var seen = Assert.Single((await Service().ViewAsync(id)).Questions);
        Assert.Equal(("本项目不接受联合体投标。", false, (string?)null), (seen.Answer, seen.Mine, seen.AskedByEntityName));
        foreach (var user in (string[])[BidderId, OtherBidderId])
        {
            var message = Assert.Single(await MessagesAsync(user));
            Assert.Contains("本项目不接受联合体投标。", message.Body);
            Assert.DoesNotContain(BidderEntityName, message.Body);
        }
        Assert.Empty(await MessagesAsync(OutsiderId));
    }

    [Fact]
    public async Task Answer_ToTheAskerOnly_OtherBiddersDoNotSeeIt()
    {
        var id = await DownloadedAsync();
        As(BidderId);
        var question = await Service().AskAsync(id, "请问我单位资质证书正在延续，能否投标？");
        _h.Act(TendererId);

        await Service().AnswerAsync(question.Id, "以投标截止时间有效的证书为准。", publish: false);

        As(OtherBidderId);
        Assert.Empty((await Service().ViewAsync(id)).Questions);
        Assert.Empty(await MessagesAsync(OtherBidderId));
        As(BidderId);
        var own = Assert.Single((await Service().ViewAsync(id)).Questions);
        Assert.Equal(("以投标截止时间有效的证书为准。", true), (own.Answer, own.Mine));
    }

    [Fact]
    public async Task Publish_AffectingLessThan15DaysBefore_WithoutNewDeadline_RefusedNothingStoredOrMoved()
    {
        var id = await DownloadedAsync();
        _h.SetChinaTime(new DateTime(2026, 12, 5, 10, 0, 0));
        _h.Act(TendererId);
        await using var file = new MemoryStream(Pdf);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service().PublishAsync(id, 0,
            new AmendmentForm("关于工程量清单的修改", "第三章工程量清单第12项管道长度修改为1200米。", null, true, null), file, "修改.pdf", Pin));

        Assert.Equal("该澄清或修改可能影响投标文件编制，距投标截止时间不足15日，投标截止时间应顺延至不早于 2026-12-20 00:00:00（《招标投标法》第二十三条、《招标投标法实施条例》第二十一条：澄清或者修改的内容可能影响投标文件编制的，应当在投标截止时间至少15日前发出，不足15日的应当顺延提交投标文件的截止时间）。", ex.Message);
        Assert.Equal((0, 0, 1), await RowsAsync()); // only the tender documents' file
        Assert.Equal(ChinaTime.ToUtc(new DateTime(2026, 12, 17, 9, 0, 0)), (await _h.ProjectAsync(id)).BidDeadlineUtc);
    }

    [Fact]
    public async Task Publish_AffectingWithADeadlineTooEarly_Refused()
    {
        var id = await DownloadedAsync();
        _h.SetChinaTime(new DateTime(2026, 12, 5, 10, 0, 0));
        _h.Act(TendererId);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service().PublishAsync(id, 0,
            new AmendmentForm("关于工程量清单的修改", "第三章工程量清单第12项管道长度修改为1200米。", null, true,
                ChinaTime.ToUtc(new DateTime(2026, 12, 19, 9, 0, 0))), null, null, Pin));

        Assert.Contains("应顺延至不早于 2026-12-20 00:00", ex.Message);
        Assert.Equal((0, 0), ((await RowsAsync()).Questions, (await RowsAsync()).Amendments));
    }

    [Fact]
    public async Task Publish_AffectingWithTheProposedDeadline_MovesTheDeadlineThroughTheWorkflowAndTellsDownloaders()
    {
        var id = await DownloadedAsync();
        _h.SetChinaTime(new DateTime(2026, 12, 5, 10, 0, 0));
        _h.Act(TendererId);
        var proposal = await Service().DeadlineForAsync(id, null);
        Assert.Equal(ChinaTime.ToUtc(new DateTime(2026, 12, 21, 9, 0, 0)), proposal.ProposedUtc); // 12-20 is a Sunday
        await using var file = new MemoryStream(Pdf);

        var amendment = await Service().PublishAsync(id, await RevisionAsync(id),
            new AmendmentForm("关于工程量清单的修改", "第三章工程量清单第12项管道长度修改为1200米。", null, true, proposal.ProposedUtc), file, "修改一.pdf", Pin);

        Assert.Equal(proposal.ProposedUtc, (await _h.ProjectAsync(id)).BidDeadlineUtc);
        Assert.Contains(await _h.HistoryAsync(id), h => h.Action == "设定投标截止时间：2026-12-21 09:00:00" && h.Opinion!.Contains("第二十三条"));
        var verification = await new SignatureService(_h.Database, _h.User, _h.Database.Time, _seals).VerifyDigestAsync(
            Amendment.ContentDigest(amendment.Title, amendment.Text, SealCrypto.Sm3Hex(Pdf)), amendment.SignatureToken);
        Assert.True(verification.Valid, verification.Message);
        foreach (var user in (string[])[BidderId, OtherBidderId])
        {
            Assert.Contains("2026-12-21 09:00:00", Assert.Single(await MessagesAsync(user)).Body);
        }
        As(OtherBidderId);
        Assert.Equal("修改一.pdf", Assert.Single((await Service().ViewAsync(id)).Amendments).FileName);
        await using var opened = (await Service().OpenFileAsync(amendment.Id)).Content;
        Assert.Equal(Pdf.Length, opened.Length);
    }

    [Fact]
    public async Task SetBidDeadline_EarlierThan15DaysAfterAnAffectingAmendment_Refused()
    {
        var id = await DownloadedAsync();
        _h.SetChinaTime(new DateTime(2026, 12, 5, 10, 0, 0));
        _h.Act(TendererId);
        var moved = ChinaTime.ToUtc(new DateTime(2026, 12, 22, 9, 0, 0));
        await Service().PublishAsync(id, await RevisionAsync(id),
            new AmendmentForm("关于工期的修改", "计划工期由180日历天修改为150日历天。", null, true, moved), null, null, Pin);
        var revision = await RevisionAsync(id);

        // The flow's own 20-day lead time allows 12-17; the amendment of 12-05 does not.
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            Workflow().SetBidDeadlineAsync(id, null, revision, ChinaTime.ToUtc(new DateTime(2026, 12, 19, 9, 0, 0))));

        Assert.StartsWith("投标截止时间不得早于 2026-12-20 00:00:00（已于 2026-12-05 10:00:00 发布可能影响投标文件编制的澄清或修改1", ex.Message);
        Assert.Equal(moved, (await _h.ProjectAsync(id)).BidDeadlineUtc);
    }

    [Fact]
    public async Task Publish_NotAffectingPreparation_DeadlineStays()
    {
        var id = await DownloadedAsync();
        _h.SetChinaTime(new DateTime(2026, 12, 10, 10, 0, 0));
        _h.Act(TendererId);

        await Service().PublishAsync(id, await RevisionAsync(id),
            new AmendmentForm("关于开标地点的澄清", "开标采用不见面开标，投标人无需到场。", null, false, null), null, null, Pin);

        Assert.Equal(ChinaTime.ToUtc(new DateTime(2026, 12, 17, 9, 0, 0)), (await _h.ProjectAsync(id)).BidDeadlineUtc);
    }

    [Fact]
    public async Task Publish_ByNonOwner_Refused()
    {
        var id = await DownloadedAsync();
        _h.Act(AgentId);

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => Service().PublishAsync(id, 0,
            new AmendmentForm("关于工期的修改", "计划工期修改为150日历天。", null, false, null), null, null, Pin));

        Assert.Equal("只有本项目的招标人或招标代理机构可以发布澄清或修改。", ex.Message);
    }
}
