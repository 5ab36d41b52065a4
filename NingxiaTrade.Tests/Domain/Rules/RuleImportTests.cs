using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Rules;

namespace NingxiaTrade.Tests.Domain.Rules;

public sealed class RuleImportTests : RuleTestBase
{
    private static readonly string[] Header =
        ["文件名称", "文号", "制定机关", "效力层级", "适用交易类型", "发布日期", "施行日期", "有效期至", "暂行或试行", "清理意见", "存在问题", "清理说明", "全文"];

    private static MemoryStream Workbook(params string[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("规则清理报送");
        string[][] all = [Header, .. rows];
        for (var r = 0; r < all.Length; r++)
        {
            for (var c = 0; c < all[r].Length; c++)
            {
                sheet.Cell(r + 1, c + 1).SetValue(all[r][c]);
                sheet.Cell(r + 1, c + 1).DataType = XLDataType.Text;
            }
        }
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    private static string[] Row(string title, string number = "", string level = "规范性文件", string types = "工程建设招标投标",
        string effective = "", string expires = "", string proposal = "保留", string problems = "", string temporary = "", string fullText = "第一条 为规范公共资源交易活动，制定本办法。") =>
        [title, number, "宁夏回族自治区住房和城乡建设厅", level, types, "", effective, expires, temporary, proposal, problems, "", fullText];

    private async Task<int> RuleCountAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Rules.CountAsync();
    }

    [Fact]
    public async Task Import_GoodFile_SubmitsEveryRowForTheDepartment()
    {
        As(Housing);
        using var file = Workbook(
            Row("宁夏回族自治区建设工程招标投标管理办法", "宁建发〔2016〕3号", effective: "2016-03-01", types: "工程建设招标投标、政府采购"),
            Row("宁夏建筑市场管理试行规定", "宁建发[2014]9号", proposal: "废止", problems: "设定收费、以备案变相审批"));

        var result = await Inventory.ImportAsync("清理.xlsx", file.Length, file);

        Assert.True(result.Succeeded, string.Join("；", result.Errors));
        Assert.Equal(2, result.Submitted);
        await using var db = Database.CreateDbContext();
        var rules = await db.Rules.Include(r => r.Reviews).OrderBy(r => r.Title).ToListAsync();
        Assert.All(rules, r => Assert.Equal(RuleStatus.UnderReview, r.Status));
        var repeal = rules.Single(r => r.DocumentNumber == "宁建发〔2014〕9号");
        Assert.True(repeal.IsTemporary);
        Assert.Equal((RuleProposal.Repeal, RuleProblem.SetsFees | RuleProblem.DisguisedApprovalByFiling), (repeal.Reviews[0].Proposal, repeal.Reviews[0].Problems));
        Assert.Equal([TradeType.EngineeringBidding, TradeType.GovernmentProcurement], rules.Single(r => r.DocumentNumber == "宁建发〔2016〕3号").TradeTypes);
    }

    [Fact]
    public async Task Import_BadRows_ReportsEachRowAndWritesNothing()
    {
        As(Housing);
        using var file = Workbook(
            Row("一件正确的管理办法", "宁建发〔2016〕3号"),
            Row("文号错误的办法", "宁建发2016年3号"),
            Row("层级错误的办法", level: "通知"),
            Row("交易类型错误的办法", types: "工程、采购"),
            Row("日期颠倒的办法", effective: "2016-03-01", expires: "2015-01-01"),
            Row("重复文号的办法", "宁建发〔2016〕3号"),
            Row("废止却无理由的办法", proposal: "废止"));

        var result = await Inventory.ImportAsync("清理.xlsx", file.Length, file);

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Submitted);
        Assert.Equal([3, 4, 5, 5, 6, 7, 8], result.Errors.Select(e => e.Row));
        Assert.Contains("文号", result.Errors[0].Message);
        Assert.Contains("第2行重复", result.Errors.Single(e => e.Row == 7).Message);
        Assert.Equal(0, await RuleCountAsync());
    }

    [Fact]
    public async Task Import_RowWithoutFullText_RowRefusedNothingWritten()
    {
        As(Housing);
        using var file = Workbook(Row("有全文的办法"), Row("没有全文的办法", fullText: ""));

        var result = await Inventory.ImportAsync("清理.xlsx", file.Length, file);

        Assert.Equal([3], result.Errors.Select(e => e.Row));
        Assert.Contains("既没有全文也没有原文附件", result.Errors[0].Message);
        Assert.Equal(0, await RuleCountAsync());
    }

    [Fact]
    public async Task Import_NumberAlreadyRegistered_RowRefusedNothingWritten()
    {
        As(Housing);
        await Inventory.CreateAsync(Form("已登记的办法", "宁建发〔2016〕3号"), null);
        using var file = Workbook(Row("新办法", "宁建发〔2016〕4号"), Row("同号办法", "宁建发〔2016〕3号"));

        var result = await Inventory.ImportAsync("清理.xlsx", file.Length, file);

        Assert.Equal([3], result.Errors.Select(e => e.Row));
        Assert.Equal(1, await RuleCountAsync());
    }

    [Fact]
    public async Task Import_NotXlsxOrWrongHeader_Refused()
    {
        As(Housing);
        using var text = new MemoryStream("标题,文号"u8.ToArray());
        await Assert.ThrowsAsync<DomainException>(() => Inventory.ImportAsync("清理.csv", text.Length, text));

        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("x").Cell(1, 1).SetValue("标题");
        using var wrong = new MemoryStream();
        workbook.SaveAs(wrong);
        wrong.Position = 0;
        var error = await Assert.ThrowsAsync<DomainException>(() => Inventory.ImportAsync("清理.xlsx", wrong.Length, wrong));
        Assert.Contains("表头", error.Message);
    }

    [Fact]
    public async Task Template_ImportsAsIs()
    {
        As(Housing);
        using var template = Inventory.ImportTemplate();
        var result = await Inventory.ImportAsync("模板.xlsx", template.Length, template);
        Assert.True(result.Succeeded, string.Join("；", result.Errors));
        Assert.Equal(1, result.Submitted);
    }

    [Fact]
    public async Task Import_LegalOfficer_Refused()
    {
        As(Legal);
        using var file = Workbook(Row("某办法"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Inventory.ImportAsync("清理.xlsx", file.Length, file));
    }
}
