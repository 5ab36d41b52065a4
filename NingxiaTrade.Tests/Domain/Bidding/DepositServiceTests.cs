using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Bidding;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Workflows;
using NingxiaTrade.Tests.Support;
using static NingxiaTrade.Tests.Support.ProjectHarness;

namespace NingxiaTrade.Tests.Domain.Bidding;

/// <summary>
/// Bid deposits (issue 11, item 3): a bidder records its own transfer (engineering: from its 基本账户) or guarantee; the
/// clerk confirms arrival one by one or from the bank statement, refunds within the legal periods (with interest or a
/// late fee), forfeits with a reason; overdue refunds are duties; the depositor list is the clerk's and supervisor's only.
/// </summary>
public sealed class DepositServiceTests : IAsyncLifetime
{
    private const string SecondBidderId = "bidder-2";
    private const string BannedBidderId = "bidder-banned";
    private ProjectHarness _h = default!;
    private Guid _entityA;
    private Guid _entityB;
    private string _accountA = "";
    private string _accountB = "";
    private const string NameA = "宁夏甲建设工程有限公司";
    private const string NameB = "宁夏丙科技有限公司";

    public async ValueTask InitializeAsync()
    {
        _h = await CreateAsync();
        var now = _h.Database.Time.GetUtcNow().UtcDateTime;
        await using var db = _h.Database.CreateDbContext();
        var random = new Random(31);
        var a = TestEntities.Create(NameA, _h.Centres["640100"], random, now);
        var b = TestEntities.Create(NameB, _h.Centres["640100"], random, now);
        var banned = TestEntities.Create("宁夏乙建筑劳务有限公司", _h.Centres["640100"], random, now);
        db.MarketEntities.AddRange(a, b, banned);
        (_entityA, _entityB) = (a.Id, b.Id);
        _accountA = a.BankAccounts.Single().AccountNumber;
        _accountB = b.BankAccounts.Single().AccountNumber;
        (await db.Users.SingleAsync(u => u.Id == BidderId)).MarketEntityId = a.Id;
        db.Users.Add(new ApplicationUser { Id = SecondBidderId, UserName = "b2@test.cn", Email = "b2@test.cn", DisplayName = "丙公司经办人", MarketEntityId = b.Id });
        db.Users.Add(new ApplicationUser { Id = BannedBidderId, UserName = "banned@test.cn", Email = "banned@test.cn", DisplayName = "乙公司经办人", MarketEntityId = banned.Id });
        db.MarketBans.Add(new MarketBan(banned.Id, "工程建设领域禁入名单", [TradeType.EngineeringBidding, TradeType.GovernmentProcurement], ChinaTime.DateOf(now).AddDays(-10),
            new DateOnly(2027, 6, 30), "串通投标", "宁建罚〔2026〕18号", "监督人员", now));
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    private DepositService Service(DepositSettings? settings = null)
    {
        var entities = new MarketEntityDirectory(_h.Database, _h.User);
        return new DepositService(_h.Database, _h.User, _h.Database.Time, new ProjectDirectory(_h.Database, _h.User), new CreditGate(_h.Database, entities),
            entities, new ItemDuties(new CalendarWorkingDays(new WorkingDayCalendar(_h.Database))), settings ?? new DepositSettings());
    }

    private void ActAsBidder(string userId)
    {
        _h.User.UserId = userId;
        _h.User.UserName = userId + "@test.cn";
        _h.User.DisplayName = userId;
        _h.User.RoleList = [Roles.Bidder];
        _h.User.IsAuthenticated = true;
    }

    /// <summary>An engineering project (one lot, deposit 200,000.00 元) in 招标公告, bid deadline 2026-12-17 09:00.</summary>
    private async Task<Guid> EngineeringAsync()
    {
        var id = await _h.EngineeringInNoticeAsync();
        await _h.SetDeadlineAsync(id, new DateTime(2026, 12, 17, 9, 0, 0));
        return id;
    }

    /// <summary>A procurement project (one package, deposit 40,000.00 元) in 采购公告, bid deadline 2026-12-17 09:00.</summary>
    private async Task<Guid> ProcurementAsync()
    {
        var id = await _h.RegisterAsync(TradeType.GovernmentProcurement);
        await _h.FireAsync(id, "SubmitPlan");
        await _h.FireApprovedAsync(id, "PublishNotice");
        await _h.SetDeadlineAsync(id, new DateTime(2026, 12, 17, 9, 0, 0));
        return id;
    }

    private Task<DepositView> TransferAsync(Guid id, string userId = BidderId, string? account = null, string? payer = null, string reference = "HX20261127001")
    {
        ActAsBidder(userId);
        var (defaultAccount, name) = userId == SecondBidderId ? (_accountB, NameB) : (_accountA, NameA);
        return Service().RecordTransferAsync(id, 1, new TransferForm("宁夏银行", reference, account ?? defaultAccount, payer ?? name));
    }

    private async Task<DepositView> ReceivedAsync(Guid id, string userId = BidderId, string reference = "HX20261127001")
    {
        var deposit = await TransferAsync(id, userId, reference: reference);
        _h.Act(YinchuanClerk);
        return await Service().ConfirmArrivalAsync(deposit.Id);
    }

    private async Task<Deposit?> StoredAsync(Guid id, Guid entityId)
    {
        await using var db = _h.Database.CreateDbContext();
        return await db.Deposits.AsNoTracking().SingleOrDefaultAsync(d => d.ProjectId == id && d.EntityId == entityId);
    }

    [Fact]
    public async Task RecordTransfer_FromBasicAccount_PendingForTheLotsAmount()
    {
        var id = await EngineeringAsync();

        var deposit = await TransferAsync(id);

        Assert.Equal((DepositStatus.Pending, DepositMethod.BankTransfer, Money.FromYuan(200_000), NameA), (deposit.Status, deposit.Method, deposit.Amount, deposit.EntityName));
        Assert.Contains("HX20261127001", deposit.Payment);
    }

    [Fact]
    public async Task RecordTransfer_EngineeringFromAnotherAccount_RefusedCitingArticle26NothingSaved()
    {
        var id = await EngineeringAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(() => TransferAsync(id, account: "6228000011112222"));

        Assert.Equal($"工程建设项目的现金投标保证金应当从投标人的基本账户转出（《招标投标法实施条例》第二十六条）：付款账号 6228000011112222 不是本单位登记的基本账户（宁夏银行 {_accountA}）。", ex.Message);
        Assert.Null(await StoredAsync(id, _entityA));
    }

    [Fact]
    public async Task RecordTransfer_ProcurementFromAnotherOwnAccount_Accepted()
    {
        // 《政府采购法实施条例》第三十三条 asks a non-cash form, not the basic account: a transfer from any own account is one.
        var id = await ProcurementAsync();

        var deposit = await TransferAsync(id, account: "6228000011112222");

        Assert.Equal((DepositStatus.Pending, Money.FromYuan(40_000)), (deposit.Status, deposit.Amount));
    }

    [Fact]
    public async Task RecordTransfer_PayerIsNotTheBidder_Refused()
    {
        var id = await EngineeringAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(() => TransferAsync(id, payer: "张三"));

        Assert.Equal($"付款账户名称“张三”与投标人名称“{NameA}”不一致：投标保证金应从投标人自己的账户转出。", ex.Message);
        Assert.Null(await StoredAsync(id, _entityA));
    }

    [Fact]
    public async Task RecordTransfer_BannedEntity_RefusedWithReasonAndEndDate()
    {
        var id = await EngineeringAsync();
        ActAsBidder(BannedBidderId);

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            Service().RecordTransferAsync(id, 1, new TransferForm("宁夏银行", "HX0001", "6228000011112222", "宁夏乙建筑劳务有限公司")));

        Assert.StartsWith("不能缴纳投标保证金：", ex.Message);
        Assert.Contains("串通投标", ex.Message);
        Assert.Contains("禁入期至 2027-06-30", ex.Message);
    }

    [Fact]
    public async Task RecordTransfer_AfterTheDeadline_RefusedWithTheDeadline()
    {
        var id = await EngineeringAsync();
        _h.SetChinaTime(new DateTime(2026, 12, 17, 9, 0, 1));

        var ex = await Assert.ThrowsAsync<DomainException>(() => TransferAsync(id));

        Assert.Equal("投标截止时间 2026-12-17 09:00:00 已过，不能再登记投标保证金。", ex.Message);
    }

    [Fact]
    public async Task RecordGuarantee_ValidityShorterThanBidValidity_RefusedNothingSaved()
    {
        var id = await EngineeringAsync();
        ActAsBidder(BidderId);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service().RecordGuaranteeAsync(id, 1,
            new GuaranteeForm("BH-2026-0088", "中国银行宁夏分行", Money.FromYuan(200_000), new DateOnly(2027, 3, 16), true)));

        Assert.Equal("保函有效期至 2027-03-16，短于投标有效期（自投标截止之日起90日，至 2027-03-17）：投标保证金有效期应当与投标有效期一致（《招标投标法实施条例》第二十六条）。", ex.Message);
        Assert.Null(await StoredAsync(id, _entityA));
    }

    [Fact]
    public async Task RecordGuarantee_AmountBelowTheDeposit_Refused()
    {
        var id = await EngineeringAsync();
        ActAsBidder(BidderId);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service().RecordGuaranteeAsync(id, 1,
            new GuaranteeForm("BH-2026-0088", "中国银行宁夏分行", Money.FromYuan(150_000), new DateOnly(2027, 6, 30), false)));

        Assert.Equal("保函金额 150,000.00 元 低于本标段应缴的投标保证金 200,000.00 元。", ex.Message);
    }

    [Fact]
    public async Task RecordGuarantee_CoveringAmountAndValidity_PendingAsElectronicGuarantee()
    {
        var id = await EngineeringAsync();
        ActAsBidder(BidderId);

        var deposit = await Service().RecordGuaranteeAsync(id, 1, new GuaranteeForm("BH-2026-0088", "中国银行宁夏分行", Money.FromYuan(200_000), new DateOnly(2027, 3, 17), true));

        Assert.Equal((DepositStatus.Pending, DepositMethod.Guarantee), (deposit.Status, deposit.Method));
        Assert.StartsWith("电子保函 BH-2026-0088", deposit.Payment);
    }

    [Fact]
    public async Task ProjectDeposits_BidderOrTenderer_DeniedClerkAndSupervisorSeeEveryBidder()
    {
        var id = await EngineeringAsync();
        await TransferAsync(id);
        await TransferAsync(id, SecondBidderId, reference: "HX20261127002");

        ActAsBidder(BidderId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().ProjectDepositsAsync(id));
        _h.Act(TendererId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().ProjectDepositsAsync(id));
        _h.Act(SupervisorOf("发展改革委"));
        Assert.Equal(2, (await Service().ProjectDepositsAsync(id)).Count);
        _h.Act(YinchuanClerk);
        Assert.Equal([NameA, NameB], (await Service().ProjectDepositsAsync(id)).Select(d => d.EntityName).OrderBy(n => n == NameB));
    }

    [Fact]
    public async Task ProjectDeposits_ClerkOfAnotherCentre_NotFound()
    {
        var id = await EngineeringAsync();
        _h.Act(WuzhongClerk);

        await Assert.ThrowsAsync<NotFoundException>(() => Service().ProjectDepositsAsync(id));
    }

    [Fact]
    public async Task MyDeposits_TwoBidders_EachSeesOnlyItsOwn()
    {
        var id = await EngineeringAsync();
        await TransferAsync(id);
        await TransferAsync(id, SecondBidderId, reference: "HX20261127002");

        ActAsBidder(SecondBidderId);
        var mine = await Service().MyDepositsAsync();

        Assert.Equal(NameB, Assert.Single(mine).EntityName);
    }

    [Fact]
    public async Task ConfirmArrival_ByTheBidder_DeniedByTheClerk_ReceivedAndAudited()
    {
        var id = await EngineeringAsync();
        var deposit = await TransferAsync(id);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().ConfirmArrivalAsync(deposit.Id));
        _h.Act(YinchuanClerk);
        var confirmed = await Service().ConfirmArrivalAsync(deposit.Id);

        Assert.Equal(DepositStatus.Received, confirmed.Status);
        await using var db = _h.Database.CreateDbContext();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Deposit" && a.EntityKey.Contains(deposit.Id.ToString())).ToListAsync();
        Assert.Equal(2, audit.Count); // recorded by the bidder, confirmed by the clerk
    }

    [Fact]
    public async Task BidWithdrawn_EngineeringBeforeDeadline_DueInFiveDaysAndOverdueAsADuty()
    {
        var id = await EngineeringAsync();
        await ReceivedAsync(id);
        _h.SetChinaTime(new DateTime(2026, 12, 1, 10, 0, 0));
        ActAsBidder(BidderId);

        await Service().BidWithdrawnAsync(id, 1, _entityA, _h.Database.Time.GetUtcNow().UtcDateTime);

        _h.Act(YinchuanClerk);
        var deposit = Assert.Single(await Service().ProjectDepositsAsync(id));
        Assert.Equal((DepositRefundBasis.Withdrawn, new DateOnly(2026, 12, 6), false), (deposit.RefundBasis, deposit.RefundLastDay, deposit.RefundOverdue));
        _h.SetChinaTime(new DateTime(2026, 12, 7, 8, 0, 0));
        var overdue = Assert.Single((await _h.Duties().OverdueAsync(0, 20)).Items);
        Assert.Equal(($"退还投标保证金（编号{deposit.Number}）", "投标人撤回投标文件", "《招标投标法实施条例》第三十五条"), (overdue.Name, overdue.AfterEventName, overdue.LegalBasis));
        Assert.True(Assert.Single(await Service().ProjectDepositsAsync(id)).RefundOverdue);
    }

    [Fact]
    public async Task BidWithdrawn_ForAnotherBiddersEntity_Denied()
    {
        var id = await EngineeringAsync();
        await ReceivedAsync(id);
        ActAsBidder(SecondBidderId);

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => Service().BidWithdrawnAsync(id, 1, _entityA, _h.Database.Time.GetUtcNow().UtcDateTime));

        Assert.Equal("只能撤回本单位的投标。", ex.Message);
        Assert.Null((await StoredAsync(id, _entityA))!.RefundStartedUtc);
    }

    [Fact]
    public async Task BidWithdrawn_NoDepositRecorded_NothingHappens()
    {
        var id = await EngineeringAsync();
        ActAsBidder(BidderId);

        await Service().BidWithdrawnAsync(id, 1, _entityA, _h.Database.Time.GetUtcNow().UtcDateTime);

        Assert.Null(await StoredAsync(id, _entityA));
    }

    [Fact]
    public async Task Refund_RefundedDuty_DoneAndNoLongerOverdue()
    {
        var id = await EngineeringAsync();
        var deposit = await ReceivedAsync(id);
        ActAsBidder(BidderId);
        await Service().BidWithdrawnAsync(id, 1, _entityA, _h.Database.Time.GetUtcNow().UtcDateTime);
        _h.Act(YinchuanClerk);

        var refunded = await Service().RefundAsync(deposit.Id);

        Assert.Equal((DepositStatus.Refunded, Money.Zero), (refunded.Status, refunded.Interest)); // a withdrawal earns no interest (第三十五条)
        _h.SetChinaTime(new DateTime(2026, 12, 20, 8, 0, 0));
        Assert.Empty((await _h.Duties().OverdueAsync(0, 20)).Items);
    }

    [Fact]
    public async Task Refund_EngineeringAfterTheContract_InterestAtTheConfiguredCurrentDepositRate()
    {
        var id = await EngineeringAsync();
        var deposit = await ReceivedAsync(id); // arrived 2026-11-27
        _h.SetChinaTime(new DateTime(2026, 12, 20, 10, 0, 0));
        _h.Act(YinchuanClerk);
        await Service().ContractSignedAsync(id, 1, _h.Database.Time.GetUtcNow().UtcDateTime);
        _h.SetChinaTime(new DateTime(2026, 12, 22, 10, 0, 0));

        var refunded = await Service().RefundAsync(deposit.Id);

        // 200,000.00 元 × 0.35% × 25 days / 360 = 48.61 元 (《招标投标法实施条例》第五十七条).
        Assert.Equal((DepositRefundBasis.ContractSigned, new DateOnly(2026, 12, 25), Money.FromYuan(48.61m), Money.Zero),
            (refunded.RefundBasis, refunded.RefundLastDay, refunded.Interest, refunded.LateFee));
    }

    [Fact]
    public async Task AwardNotice_Procurement_LosersDueInFiveWorkingDaysWinnerAtTheContract()
    {
        var id = await ProcurementAsync();
        await ReceivedAsync(id);
        await ReceivedAsync(id, SecondBidderId, "HX20261127002");
        _h.SetChinaTime(new DateTime(2026, 12, 18, 10, 0, 0)); // Friday
        _h.Act(YinchuanClerk);

        await Service().AwardNoticeIssuedAsync(id, 1, _entityB, _h.Database.Time.GetUtcNow().UtcDateTime);

        var deposits = (await Service().ProjectDepositsAsync(id)).ToDictionary(d => d.EntityId);
        Assert.Equal((DepositRefundBasis.NotAwarded, new DateOnly(2026, 12, 25)), (deposits[_entityA].RefundBasis!.Value, deposits[_entityA].RefundLastDay!.Value));
        Assert.Equal((null, null, true), (deposits[_entityB].RefundBasis, deposits[_entityB].RefundLastDay, deposits[_entityB].IsWinner));
        _h.SetChinaTime(new DateTime(2026, 12, 24, 10, 0, 0)); // Thursday
        await Service().ContractSignedAsync(id, 1, _h.Database.Time.GetUtcNow().UtcDateTime);
        var winner = (await Service().ProjectDepositsAsync(id)).Single(d => d.EntityId == _entityB);
        Assert.Equal((DepositRefundBasis.ContractSigned, new DateOnly(2026, 12, 31)), (winner.RefundBasis!.Value, winner.RefundLastDay!.Value));
    }

    [Fact]
    public async Task Refund_ProcurementLate_FeeAtLendingRatePlusTwentyPercent()
    {
        var id = await ProcurementAsync();
        var deposit = await ReceivedAsync(id);
        _h.SetChinaTime(new DateTime(2026, 12, 18, 10, 0, 0));
        _h.Act(YinchuanClerk);
        await Service().AwardNoticeIssuedAsync(id, 1, _entityB, _h.Database.Time.GetUtcNow().UtcDateTime);
        _h.SetChinaTime(new DateTime(2026, 12, 30, 10, 0, 0)); // 5 days after the last day, 12-25

        var refunded = await Service().RefundAsync(deposit.Id);

        // 40,000.00 元 × (4.35% × 1.2) × 5 / 360 = 29.00 元 (财政部令第87号第三十八条); no interest in procurement.
        Assert.Equal((Money.FromYuan(29m), Money.Zero), (refunded.LateFee, refunded.Interest));
    }

    [Fact]
    public async Task Forfeit_BeforeTheDeadline_RefusedStillReceived()
    {
        var id = await EngineeringAsync();
        var deposit = await ReceivedAsync(id);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service().ForfeitAsync(deposit.Id, "投标截止后撤销投标文件"));

        Assert.Equal("投标截止时间 2026-12-17 09:00:00 未到：截止前投标人可以撤回投标文件并取回保证金（《招标投标法实施条例》第三十五条），不能没收。", ex.Message);
        Assert.Equal(DepositStatus.Received, (await StoredAsync(id, _entityA))!.Status);
    }

    [Fact]
    public async Task Forfeit_WithoutReason_Refused()
    {
        var id = await EngineeringAsync();
        var deposit = await ReceivedAsync(id);
        _h.SetChinaTime(new DateTime(2026, 12, 18, 10, 0, 0));

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service().ForfeitAsync(deposit.Id, " "));

        Assert.Equal("没收投标保证金须写明理由和依据（4至500个字符）。", ex.Message);
    }

    [Fact]
    public async Task Forfeit_ByTheClerkAfterTheDeadline_ForfeitedWithReason_BidderCannot()
    {
        var id = await EngineeringAsync();
        var deposit = await ReceivedAsync(id);
        _h.SetChinaTime(new DateTime(2026, 12, 18, 10, 0, 0));
        ActAsBidder(BidderId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().ForfeitAsync(deposit.Id, "投标截止后撤销投标文件"));
        _h.Act(YinchuanClerk);

        var forfeited = await Service().ForfeitAsync(deposit.Id, "投标截止后撤销投标文件（《招标投标法实施条例》第三十五条第二款）");

        Assert.Equal((DepositStatus.Forfeited, "投标截止后撤销投标文件（《招标投标法实施条例》第三十五条第二款）"), (forfeited.Status, forfeited.ForfeitReason));
        await Assert.ThrowsAsync<DomainException>(() => Service().RefundAsync(deposit.Id));
    }

    private static MemoryStream Statement(params object[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("对账单");
        for (var c = 0; c < DepositService.StatementHeader.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(DepositService.StatementHeader[c]);
        }
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                if (rows[r][c] is decimal m)
                {
                    cell.SetValue(m);
                }
                else
                {
                    cell.SetValue(rows[r][c].ToString() ?? "");
                }
            }
        }
        var output = new MemoryStream();
        workbook.SaveAs(output);
        output.Position = 0;
        return output;
    }

    [Fact]
    public async Task ImportStatement_MatchesByReferenceAndAmount_OthersListedUnmatched()
    {
        var id = await EngineeringAsync();
        await TransferAsync(id);
        await TransferAsync(id, SecondBidderId, reference: "HX20261127002");
        _h.Act(YinchuanClerk);
        using var file = Statement(
            ["2026-12-01 14:30:00", "HX20261127001", NameA, _accountA, "宁夏银行", 200_000m, "投标保证金"],
            ["2026-12-01 15:00:00", "HX20261127002", NameB, _accountB, "宁夏银行", 2_000m, "投标保证金"],
            ["2026-12-01 15:10:00", "XJ0009", "李四", "", "宁夏银行", 200_000m, "现金缴存"],
            ["2026-12-01 15:20:00", "HX99999999", "某公司", "6228000099998888", "宁夏银行", 200_000m, "保证金"]);

        var result = await Service().ImportStatementAsync(id, "对账单.xlsx", file.Length, file);

        Assert.True(result.Succeeded);
        Assert.Equal([true, false, false, false], result.Lines.Select(l => l.Matched));
        Assert.Equal("金额与应缴保证金 200,000.00 元 不符", result.Lines[1].Note);
        Assert.StartsWith("现金缴存：工程建设项目投标保证金应当从投标人的基本账户转出", result.Lines[2].Note);
        Assert.Equal("没有投标人以该流水号登记保证金", result.Lines[3].Note);
        var a = (await StoredAsync(id, _entityA))!;
        Assert.Equal((DepositStatus.Received, ChinaTime.ToUtc(new DateTime(2026, 12, 1, 14, 30, 0))), (a.Status, a.ReceivedUtc!.Value));
        Assert.Equal(DepositStatus.Pending, (await StoredAsync(id, _entityB))!.Status);
    }

    [Fact]
    public async Task ImportStatement_ProcurementCashDeposit_ListedAsNonCashRule()
    {
        var id = await ProcurementAsync();
        _h.Act(YinchuanClerk);
        using var file = Statement(["2026-12-01 15:10:00", "XJ0009", "李四", "", "宁夏银行", 40_000m, "现金缴存"]);

        var result = await Service().ImportStatementAsync(id, "对账单.xlsx", file.Length, file);

        Assert.Equal("现金缴存：政府采购投标保证金应以支票、汇票、本票或者保函等非现金形式提交（《政府采购法实施条例》第三十三条）", Assert.Single(result.Lines).Note);
    }

    [Fact]
    public async Task ImportStatement_OneMalformedRow_NothingSavedEveryProblemByRow()
    {
        var id = await EngineeringAsync();
        await TransferAsync(id);
        _h.Act(YinchuanClerk);
        using var file = Statement(
            ["2026-12-01 14:30:00", "HX20261127001", NameA, _accountA, "宁夏银行", 200_000m, "投标保证金"],
            ["昨天", "HX20261127002", NameB, _accountB, "宁夏银行", "两千", "投标保证金"]);

        var result = await Service().ImportStatementAsync(id, "对账单.xlsx", file.Length, file);

        Assert.False(result.Succeeded);
        Assert.Equal([3, 3], result.Errors.Select(e => e.Row));
        Assert.Equal(DepositStatus.Pending, (await StoredAsync(id, _entityA))!.Status);
    }

    [Fact]
    public async Task ImportStatement_ByTheBidder_Denied()
    {
        var id = await EngineeringAsync();
        ActAsBidder(BidderId);
        using var file = Statement(["2026-12-01 14:30:00", "HX20261127001", NameA, _accountA, "宁夏银行", 200_000m, "投标保证金"]);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().ImportStatementAsync(id, "对账单.xlsx", file.Length, file));
    }

    [Fact]
    public async Task ExportRefundList_DueAndRefundedDeposits_OneRowEachWithAmounts()
    {
        var id = await EngineeringAsync();
        await ReceivedAsync(id);
        await TransferAsync(id, SecondBidderId, reference: "HX20261127002"); // 待缴: not on the list
        _h.SetChinaTime(new DateTime(2026, 12, 20, 10, 0, 0));
        _h.Act(YinchuanClerk);
        await Service().ContractSignedAsync(id, null, _h.Database.Time.GetUtcNow().UtcDateTime);
        _h.SetChinaTime(new DateTime(2026, 12, 22, 10, 0, 0));

        var bytes = await Service().ExportRefundListAsync(id);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheet(1);
        Assert.Equal(NameA, sheet.Cell(3, 3).GetString());
        Assert.Equal(("合同签订", "2026-12-25", 48.61, 200_048.61), (sheet.Cell(3, 9).GetString(), sheet.Cell(3, 10).GetString(), sheet.Cell(3, 13).GetDouble(), sheet.Cell(3, 15).GetDouble()));
        Assert.True(sheet.Cell(4, 3).IsEmpty());
    }

    [Fact]
    public async Task ContractStep_ProcurementFlowEntersContract_WinnersRefundClockStarts()
    {
        var id = await ProcurementAsync();
        await ReceivedAsync(id);
        _h.Handlers.Add(new DepositWorkflowEvents(new ProjectDirectory(_h.Database, _h.User), Service()));
        _h.SetChinaTime(new DateTime(2026, 12, 5, 0, 0, 0));
        await _h.FireAsync(id, "CloseNotice");
        _h.SetChinaTime(new DateTime(2026, 12, 17, 10, 0, 0));
        _h.Facts.Set(id, "bids.count", 4);
        await _h.FireAsync(id, "OpenBids");
        await _h.FireAsync(id, "StartEvaluation");
        await _h.FireAsync(id, "PublishResult");
        _h.SetChinaTime(new DateTime(2026, 12, 21, 10, 0, 0)); // Monday

        await _h.FireAsync(id, "SignContract");

        _h.Act(YinchuanClerk);
        var deposit = Assert.Single(await Service().ProjectDepositsAsync(id));
        Assert.Equal((DepositRefundBasis.ContractSigned, new DateOnly(2026, 12, 28)), (deposit.RefundBasis!.Value, deposit.RefundLastDay!.Value));
    }

    [Fact]
    public async Task StatusByEntity_AfterArrival_EachBiddersStatus()
    {
        var id = await EngineeringAsync();
        await ReceivedAsync(id);
        await TransferAsync(id, SecondBidderId, reference: "HX20261127002");
        _h.Act(YinchuanClerk);

        IDepositDirectory directory = Service();
        var statuses = await directory.StatusByEntityAsync(id, 1);

        Assert.Equal((DepositStatus.Received, DepositStatus.Pending), (statuses[_entityA], statuses[_entityB]));
    }
}
