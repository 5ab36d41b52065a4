using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Tests.Domain.MarketEntities;

namespace NingxiaTrade.Tests.Domain.Credit;

public class CreditRatingTests
{
    private static readonly Guid Entity = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static CreditRecord Record(CreditRecordKind kind, DateOnly from, DateOnly until, bool favourable = false) =>
        new(Entity, kind, favourable, "事由", "宁建罚〔2026〕1号", "《招标投标法实施条例》第七十四条", "住房城乡建设厅", from, from, until, "s", DateTime.UtcNow);

    [Fact]
    public void Compute_NoRecords_BaseScoreRatedA()
    {
        var assessment = CreditAssessment.Compute([], [], Today, new CreditScoringSettings(), approved: true);

        Assert.Equal((100, "A"), (assessment.Score, assessment.Rating));
        Assert.Equal("基础分", Assert.Single(assessment.Lines).Text);
    }

    [Fact]
    public void Compute_NeverApproved_NotRatedDespiteFullScore()
    {
        var assessment = CreditAssessment.Compute([], [], Today, new CreditScoringSettings(), approved: false);

        Assert.Equal((100, CreditAssessment.NotRated), (assessment.Score, assessment.Rating));
        Assert.Equal("未评级（审核通过后评定）", assessment.RatingChinese);
        Assert.Contains(assessment.Lines, l => l.Text.Contains("尚未经交易中心审核通过"));
    }

    [Fact]
    public void Compute_NeverApprovedButBanned_RatedD()
    {
        var ban = new MarketBan(Entity, "市场禁入", [], new(2026, 6, 1), new(2028, 5, 31), "串通投标", "宁建罚〔2026〕27号", "s", DateTime.UtcNow);

        Assert.Equal("D", CreditAssessment.Compute([], [ban], Today, new CreditScoringSettings(), approved: false).Rating);
    }

    [Fact]
    public void Compute_PublishedRecords_DeductedWithExplanation_ExpiredIgnored()
    {
        CreditRecord[] records =
        [
            Record(CreditRecordKind.AdministrativePenalty, new(2026, 3, 1), new(2027, 3, 1)),
            Record(CreditRecordKind.ComplaintFinding, new(2026, 5, 1), new(2027, 5, 1)),
            Record(CreditRecordKind.AdministrativePenalty, new(2023, 1, 1), new(2024, 1, 1)),
            Record(CreditRecordKind.PerformanceEvaluation, new(2026, 6, 1), new(2027, 6, 1), favourable: true),
        ];

        var assessment = CreditAssessment.Compute(records, [], Today, new CreditScoringSettings(), approved: true);

        Assert.Equal(100 - 15 - 5 + 2, assessment.Score);
        Assert.Equal("B", assessment.Rating);
        Assert.Equal([100, -15, -5, 2], assessment.Lines.Select(l => l.Points));
        Assert.StartsWith("行政处罚：事由（宁建罚〔2026〕1号，2026-03-01，公示至 2027-03-01）", assessment.Lines[1].Text);
        Assert.StartsWith("履约评价（良好）", assessment.Lines[3].Text);
    }

    [Fact]
    public void Compute_SettingsChanged_ScoreAndThresholdsFollow()
    {
        var settings = new CreditScoringSettings { AdministrativePenalty = -5, RatingA = 95 };

        var assessment = CreditAssessment.Compute([Record(CreditRecordKind.AdministrativePenalty, new(2026, 3, 1), new(2027, 3, 1))], [], Today, settings, approved: true);

        Assert.Equal((95, "A"), (assessment.Score, assessment.Rating));
    }

    [Fact]
    public void Compute_BanInForce_RatedDWhateverTheScore()
    {
        var ban = new MarketBan(Entity, "失信被执行人", [], new(2026, 1, 1), new(2027, 12, 31), "拒不履行生效判决", null, "s", DateTime.UtcNow);

        var assessment = CreditAssessment.Compute([], [ban], Today, new CreditScoringSettings { ActiveBan = -5 }, approved: true);

        Assert.Equal((95, "D"), (assessment.Score, assessment.Rating));
        Assert.Contains(assessment.Lines, l => l.Text.StartsWith("失信被执行人（全部交易类型，2026-01-01 至 2027-12-31）：拒不履行生效判决", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_ManyPenalties_NeverBelowZero()
    {
        var records = Enumerable.Range(0, 10).Select(_ => Record(CreditRecordKind.CourtDishonestList, new(2026, 3, 1), new(2027, 3, 1)));

        Assert.Equal((0, "D"), CreditAssessment.Compute(records, [], Today, new CreditScoringSettings(), approved: true) is var a ? (a.Score, a.Rating) : default);
    }
}

public class CreditServiceTests : MarketEntityTestBase
{
    private void ActAsSupervisor() => ActAs(Roles.Supervisor, "supervisor-1");

    private static MarketBanForm Ban(DateOnly from, DateOnly to, params TradeType[] types) =>
        new("市场禁入", types, from, to, "串通投标，情节严重", "宁建罚〔2026〕27号");

    [Fact]
    public async Task Gate_BannedEntity_RefusedWithReasonAndEndDate()
    {
        var (id, _, _) = await ApprovedEntityAsync();
        ActAsSupervisor();
        await Credit.AddBanAsync(id, Ban(new(2026, 6, 1), new(2028, 5, 31)));

        var result = await Gate.CheckAsync(id, TradeType.EngineeringBidding, new(2026, 11, 27));

        Assert.False(result.Allowed);
        Assert.Equal(new DateOnly(2028, 5, 31), result.BannedUntil);
        Assert.Equal("“吴忠市恒达建设工程有限公司”已被列入市场禁入（串通投标，情节严重，宁建罚〔2026〕27号），禁入期至 2028-05-31，期间不得参与工程建设招标投标交易。", result.Reason);
    }

    [Fact]
    public async Task Gate_BanOfOtherTypeOrOutsidePeriod_Allowed()
    {
        var (id, _, _) = await ApprovedEntityAsync();
        ActAsSupervisor();
        await Credit.AddBanAsync(id, Ban(new(2026, 6, 1), new(2027, 5, 31), TradeType.GovernmentProcurement));

        Assert.True((await Gate.CheckAsync(id, TradeType.EngineeringBidding, new(2026, 11, 27))).Allowed);
        Assert.False((await Gate.CheckAsync(id, TradeType.GovernmentProcurement, new(2026, 11, 27))).Allowed);
        Assert.False((await Gate.CheckAsync(id, TradeType.GovernmentProcurement, new(2027, 5, 31))).Allowed);
        Assert.True((await Gate.CheckAsync(id, TradeType.GovernmentProcurement, new(2027, 6, 1))).Allowed);
        Assert.True((await Gate.CheckAsync(id, TradeType.GovernmentProcurement, new(2026, 5, 31))).Allowed);
    }

    [Fact]
    public async Task Gate_EntityNotApproved_Refused()
    {
        await ActAsNewAccountAsync();
        var id = await Registry.RegisterAsync(new(NewCode().Value, await CentreIdAsync("640300"), Details()));

        var result = await Gate.CheckAsync(id, TradeType.EngineeringBidding, Today);

        Assert.False(result.Allowed);
        Assert.Contains("尚未通过审核", result.Reason);
    }

    [Fact]
    public async Task AddBan_ByBidder_Refused()
    {
        var (id, _, _) = await ApprovedEntityAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Credit.AddBanAsync(id, Ban(new(2026, 6, 1), new(2028, 5, 31))));
    }

    private static MemoryStream BanList(params string[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("禁入名单");
        string[][] all = [["统一社会信用代码", "名单名称", "禁入范围", "开始日期", "结束日期", "事由", "文号"], .. rows];
        for (var r = 0; r < all.Length; r++)
        {
            for (var c = 0; c < all[r].Length; c++)
            {
                sheet.Cell(r + 1, c + 1).SetValue(all[r][c]);
            }
        }
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public async Task ImportBans_GoodFile_AllImportedAndGateRefuses()
    {
        var (a, _, codeA) = await ApprovedEntityAsync("甲公司有限公司");
        var (b, _, codeB) = await ApprovedEntityAsync("乙公司有限公司");
        ActAsSupervisor();
        using var file = BanList(
            [codeA.Value, "失信被执行人", "全部", "2026-01-01", "2027-12-31", "拒不履行生效判决", "（2026）宁03执12号"],
            [codeB.Value.ToLowerInvariant(), "重大税收违法失信主体", "政府采购、工程建设招标投标", "2026-02-01", "2028-01-31", "虚开增值税专用发票", ""]);

        var result = await Credit.ImportBansAsync("名单.xlsx", file.Length, file);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(2, result.Imported);
        Assert.False((await Gate.CheckAsync(a, TradeType.DrugProcurement, Today)).Allowed);
        Assert.True((await Gate.CheckAsync(b, TradeType.DrugProcurement, Today)).Allowed);
        Assert.False((await Gate.CheckAsync(b, TradeType.GovernmentProcurement, Today)).Allowed);
    }

    [Fact]
    public async Task ImportBans_BadRows_RowByRowReportAndNothingImported()
    {
        var (_, _, code) = await ApprovedEntityAsync();
        var unknown = NewCode("640100");
        ActAsSupervisor();
        using var file = BanList(
            [code.Value, "失信被执行人", "全部", "2026-01-01", "2027-12-31", "拒不履行生效判决", ""],
            ["91640300MA76ABCDE1", "失信被执行人", "全部", "2026-01-01", "2027-12-31", "拒不履行", ""],
            [unknown.Value, "失信被执行人", "全部", "2026-01-01", "2027-12-31", "拒不履行", ""],
            [code.Value, "失信被执行人", "全部", "2026-13-01", "2025-12-31", "拒不履行", ""],
            [code.Value, "失信被执行人", "全部", "2027-01-01", "2026-12-31", "拒不履行", ""],
            [code.Value, "失信被执行人", "矿产开发", "2026-01-01", "2026-12-31", "拒不履行", ""]);

        var result = await Credit.ImportBansAsync("名单.xlsx", file.Length, file);

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Imported);
        Assert.Equal([3, 4, 5, 6, 7], result.Errors.Select(e => e.Row).Distinct());
        Assert.StartsWith("统一社会信用代码“91640300MA76ABCDE1”无效：校验码错误", result.Errors.Single(e => e.Row == 3).Message);
        Assert.Equal($"统一社会信用代码 {unknown} 未在市场主体库中登记。", result.Errors.Single(e => e.Row == 4).Message);
        Assert.Contains(result.Errors, e => e.Row == 5 && e.Message.StartsWith("开始日期“2026-13-01”无法识别", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Row == 6 && e.Message == "结束日期 2026-12-31 早于开始日期 2027-01-01。");
        Assert.Contains(result.Errors, e => e.Row == 7 && e.Message.StartsWith("禁入范围“矿产开发”无法识别", StringComparison.Ordinal));
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.MarketBans.CountAsync());
    }

    [Fact]
    public async Task ImportBans_NotXlsxOrWrongHeader_Refused()
    {
        ActAsSupervisor();
        using var text = new MemoryStream("a,b"u8.ToArray());
        await Assert.ThrowsAsync<DomainException>(() => Credit.ImportBansAsync("名单.csv", text.Length, text));

        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("x").Cell(1, 1).SetValue("代码");
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Credit.ImportBansAsync("名单.xlsx", stream.Length, stream));
        Assert.StartsWith("第1行须为表头", refusal.Message);
    }

    [Fact]
    public async Task Template_ImportedAfterExampleReplaced_Works()
    {
        var (_, _, code) = await ApprovedEntityAsync();
        ActAsSupervisor();
        using var template = Credit.Template();
        using var workbook = new XLWorkbook(template);
        workbook.Worksheet(1).Cell(2, 1).SetValue(code.Value);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;

        var result = await Credit.ImportBansAsync("模板.xlsx", stream.Length, stream);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    [Fact]
    public async Task Repair_ApprovedBySupervisor_BanLiftedAndHistoryKept()
    {
        var (id, user, _) = await ApprovedEntityAsync();
        ActAsSupervisor();
        var banId = await Credit.AddBanAsync(id, Ban(new(2026, 6, 1), new(2028, 5, 31)));

        ActAs(Roles.Bidder, user);
        var requestId = await Repairs.RequestAsync(id, null, banId, "已全部履行处罚决定并完成整改，提交整改报告和信用承诺书。");
        await Assert.ThrowsAsync<DomainException>(() => Repairs.RequestAsync(id, null, banId, "重复提交的修复申请，内容足够长。"));

        ActAsSupervisor();
        var item = Assert.Single(await Repairs.PendingAsync());
        Assert.Contains("市场禁入：串通投标，情节严重（至 2028-05-31）", item.Target);
        await Repairs.DecideAsync(requestId, approve: true, "整改到位，准予修复");

        Assert.True((await Gate.CheckAsync(id, TradeType.EngineeringBidding, Today)).Allowed);
        ActAs(Roles.Bidder, user);
        var file = await CreditQueries.FileAsync(id);
        var repair = Assert.Single(file.Repairs);
        Assert.Equal((RepairStatus.Approved, "整改到位，准予修复"), (repair.Status, repair.Opinion));
        Assert.Equal(Today, file.Bans.Single().LiftedOn);
        Assert.Equal("A", file.Assessment.Rating);
    }

    [Fact]
    public async Task File_EntityRegisteredNotYetReviewed_NotRated()
    {
        await ActAsNewAccountAsync();
        var id = await Registry.RegisterAsync(new(NewCode().Value, await CentreIdAsync("640300"), Details()));
        ActAsSupervisor();

        Assert.Equal(CreditAssessment.NotRated, (await CreditQueries.FileAsync(id)).Assessment.Rating);
    }

    [Fact]
    public async Task Repair_Rejected_RecordStillCounts()
    {
        var (id, user, _) = await ApprovedEntityAsync();
        ActAsSupervisor();
        var recordId = await Credit.AddRecordAsync(id, new CreditRecordForm(CreditRecordKind.AdministrativePenalty, false, "未按规定提交投标保证金",
            "吴建罚〔2026〕3号", "《招标投标法实施条例》", "吴忠市住房和城乡建设局", new(2026, 9, 1), new(2026, 9, 1), new(2027, 9, 1)));
        ActAs(Roles.Bidder, user);
        var requestId = await Repairs.RequestAsync(id, recordId, null, "已缴纳罚款，申请提前结束公示。");
        ActAsSupervisor();
        await Assert.ThrowsAsync<DomainException>(() => Repairs.DecideAsync(requestId, false, " "));
        await Repairs.DecideAsync(requestId, approve: false, "公示期未满最短期限");

        ActAs(Roles.Bidder, user);
        var file = await CreditQueries.FileAsync(id);
        Assert.Equal(85, file.Assessment.Score);
        Assert.Equal(RepairStatus.Rejected, file.Repairs.Single().Status);
    }

    [Fact]
    public async Task PublicReport_ApprovedEntity_RatingAndSanctions_UnknownNull_MalformedThrows()
    {
        var (id, _, code) = await ApprovedEntityAsync();
        ActAsSupervisor();
        await Credit.AddBanAsync(id, Ban(new(2026, 6, 1), new(2028, 5, 31)));
        Database.User.Anonymous();

        var report = await CreditQueries.PublicReportAsync(code.Value);

        Assert.Equal(("吴忠市恒达建设工程有限公司", "D"), (report!.Name, report.Rating));
        Assert.Equal(new PublicSanction("市场禁入", "串通投标，情节严重", new(2026, 6, 1), new(2028, 5, 31)), Assert.Single(report.Sanctions));
        Assert.Null(await CreditQueries.PublicReportAsync(NewCode().Value));
        await Assert.ThrowsAsync<DomainException>(() => CreditQueries.PublicReportAsync("123"));
    }
}
