using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Rules;

namespace NingxiaTrade.Tests.Domain.Rules;

public sealed class RuleInventoryTests : RuleTestBase
{
    [Fact]
    public async Task Create_SeveralBadFields_RefusedWithEveryFieldAtOnceAndNothingSaved()
    {
        As(Housing);
        var form = Form("办", "宁建发2016-12", D("2026-03-01"), D("2026-01-01")) with { IssuingBody = "宁", TradeTypes = [] };

        var refusal = await Assert.ThrowsAsync<FormValidationException>(() => Inventory.CreateAsync(form, Keep));

        Assert.Equal(["Title", "DocumentNumber", "IssuingBody", "TradeTypes", "ExpiresOn"], refusal.Errors.Select(e => e.Field));
        Assert.Contains("文件名称应为2至200个字符", refusal.Message);
        Assert.Contains("有效期截止日期不能早于施行日期", refusal.Message);
        await using var db = Database.CreateDbContext();
        Assert.False(await db.Rules.AnyAsync(r => r.Title == "办"));
    }

    [Fact]
    public async Task WholePath_SubmitReviewPublish_RuleInCatalogueAndCitable()
    {
        As(Housing);
        var id = await Inventory.CreateAsync(Form("宁夏回族自治区房屋建筑和市政基础设施工程招标投标管理办法", "宁建发〔2016〕12号", D("2016-03-01")),
            new RuleSubmission(RuleProposal.Amend, RuleProblem.SetsFees | RuleProblem.DisguisedApprovalByFiling, "第十条收取的备案费应删除。"));

        As(Legal);
        var queue = await Inventory.QueueAsync();
        var item = Assert.Single(queue);
        Assert.Equal((id, RuleProposal.Amend, "住房城乡建设厅"), (item.RuleId, item.Proposal, item.DepartmentName));
        await Inventory.DecideAsync(id, LegalityDecision.PassWithChanges, "同意修改后保留。", "删除第十条备案收费。");
        Assert.Empty(await Inventory.QueueAsync());

        var versionId = await Catalogue.PublishAsync("2016年第一版", D("2016-07-01"));
        var version = await Catalogue.GetAsync(versionId);
        var entry = Assert.Single(version.Entries);
        Assert.Equal((id, 1, "宁建发〔2016〕12号", "住房城乡建设厅"), (entry.RuleId, entry.Sequence, entry.DocumentNumber, entry.DepartmentName));
        Assert.True(await Catalogue.IsCitableAsync(id, D("2016-07-01")));
        Assert.False(await Catalogue.IsCitableAsync(id, D("2016-06-30")));

        var detail = await Inventory.GetAsync(id);
        Assert.Equal(RuleStatus.Passed, detail.Rule.Status);
        Assert.Equal(LegalityDecision.PassWithChanges, detail.Rule.Reviews.Single().Legality!.Decision);
    }

    [Fact]
    public async Task Submit_NeitherFullTextNorAttachment_RefusedNothingSaved()
    {
        As(Housing);
        var error = await Assert.ThrowsAsync<DomainException>(() => Inventory.CreateAsync(Form("没有全文的管理办法", fullText: null), Keep));
        Assert.Contains("既没有全文也没有原文附件", error.Message);
        await using (var db = Database.CreateDbContext())
        {
            Assert.Equal(0, await db.Rules.CountAsync());
        }

        // A draft without either may be kept, but not submitted; with an attachment alone it may.
        var draft = await Inventory.CreateAsync(Form("只有草稿的管理办法", fullText: "  "), null);
        await Assert.ThrowsAsync<DomainException>(() => Inventory.SubmitAsync(draft, Keep));
        Assert.Equal(RuleStatus.Draft, (await Inventory.GetAsync(draft)).Rule.Status);
        await Inventory.ChangeAsync(draft, Form("只有草稿的管理办法", fullText: null, attachment: "0123456789abcdef0123456789abcdef.pdf"), Keep);
        Assert.Equal(RuleStatus.UnderReview, (await Inventory.GetAsync(draft)).Rule.Status);
    }

    [Fact]
    public async Task SubmitAndDecide_RecordsThePersonsNameNotTheEmail()
    {
        As(Housing);
        Database.User.DisplayName = "马建华";
        var id = await Inventory.CreateAsync(Form("记录姓名的管理办法"), Keep);
        As(Legal);
        Database.User.DisplayName = "张丽华";
        await Inventory.DecideAsync(id, LegalityDecision.Pass, "经审核，符合法律法规规定。", null);

        var review = (await Inventory.GetAsync(id)).Rule.Reviews.Single();
        Assert.Equal(("马建华", "张丽华"), (review.SubmittedByName, review.Legality!.ReviewerName));
    }

    [Fact]
    public async Task StatusName_PassedWithChanges_ShownAsPassedWithChangesNotPlainPass()
    {
        var plain = await PassedRuleAsync("原样通过的办法");
        As(Housing);
        var amended = await Inventory.CreateAsync(Form("修改后通过的办法"), Keep);
        As(Legal);
        await Inventory.DecideAsync(amended, LegalityDecision.PassWithChanges, "同意修改后保留。", "删除第三条。");

        Assert.Equal("修改后通过", (await Inventory.GetAsync(amended)).Rule.StatusName);
        Assert.Equal("审核通过", (await Inventory.GetAsync(plain)).Rule.StatusName);
        var rows = (await Inventory.ListAsync(new RuleQuery())).Items.ToDictionary(r => r.Id);
        Assert.Equal("修改后通过", rows[amended].StatusName);
        Assert.Equal("审核通过", rows[plain].StatusName);
    }

    [Fact]
    public async Task Return_DepartmentAnswersAndResubmits_HistoryKeepsBothRounds()
    {
        As(Housing);
        var id = await Inventory.CreateAsync(Form("建设工程招标代理机构管理暂行办法", "宁建发〔2015〕8号"),
            new RuleSubmission(RuleProposal.Keep, RuleProblem.None, null));
        As(Legal);
        await Inventory.DecideAsync(id, LegalityDecision.Return, "设定了代理机构备案。", "第五条以备案名义变相审批，请说明或修改。");

        As(Housing);
        Assert.Equal(RuleStatus.Returned, (await Inventory.GetAsync(id)).Rule.Status);
        var silent = await Assert.ThrowsAsync<DomainException>(() => Inventory.SubmitAsync(id, new RuleSubmission(RuleProposal.Keep, RuleProblem.None, null)));
        Assert.Contains("答复", silent.Message);
        await Inventory.SubmitAsync(id, new RuleSubmission(RuleProposal.Amend, RuleProblem.DisguisedApprovalByFiling, "删除第五条。", "已删除第五条备案要求。"));

        As(Legal);
        await Inventory.DecideAsync(id, LegalityDecision.Pass, "修改后符合规定。", null);
        var rule = (await Inventory.GetAsync(id)).Rule;
        Assert.Equal(RuleStatus.Passed, rule.Status);
        Assert.Equal([1, 2], rule.Reviews.OrderBy(r => r.Round).Select(r => r.Round));
        Assert.Equal([LegalityDecision.Return, LegalityDecision.Pass], rule.Reviews.OrderBy(r => r.Round).Select(r => r.Legality!.Decision));
        Assert.Equal("已删除第五条备案要求。", rule.Reviews.Single(r => r.Round == 2).AnswerToReturn);
        Assert.True(rule.IsTemporary);
    }

    [Fact]
    public async Task Supervisor_AnotherDepartmentsRule_CannotSeeChangeOrSubmit()
    {
        As(Housing);
        var id = await Inventory.CreateAsync(Form("住房城乡建设厅的规范性文件"), null);

        As(Finance);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Inventory.SubmitAsync(id, Keep));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Inventory.ChangeAsync(id, Form("改名"), null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Inventory.GetAsync(id));
        Assert.Equal(0, (await Inventory.ListAsync(new RuleQuery())).TotalCount);

        As(Housing);
        Assert.Equal(1, (await Inventory.ListAsync(new RuleQuery())).TotalCount);
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.CentreClerk)]
    public async Task Decide_NotLegalOfficer_Refused(string role)
    {
        As(Housing);
        var id = await Inventory.CreateAsync(Form("某规范性文件"), Keep);
        Database.User.As(role);
        Database.User.UserId = Housing;

        await Assert.ThrowsAsync<AccessDeniedException>(() => Inventory.DecideAsync(id, LegalityDecision.Pass, "通过", null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Inventory.QueueAsync());
    }

    [Theory]
    [InlineData(Roles.LegalOfficer)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Bidder)]
    public async Task Create_NotSupervisor_Refused(string role)
    {
        Database.User.As(role);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Inventory.CreateAsync(Form("某规范性文件"), Keep));
    }

    [Theory]
    [InlineData("宁政办发[2016]35号", "宁政办发〔2016〕35号")]
    [InlineData("宁政办发（2016）35号", "宁政办发〔2016〕35号")]
    [InlineData(" 国务院令第613号 ", "国务院令第613号")]
    [InlineData("主席令第二十一号", "主席令第二十一号")]
    public void DocumentNumber_AcceptedShapes_Normalised(string input, string expected) =>
        Assert.Equal(expected, DocumentNumbers.Normalise(input));

    [Theory]
    [InlineData("35号")]
    [InlineData("宁政办发2016-35")]
    [InlineData("宁政办发〔16〕35号")]
    public void DocumentNumber_WrongShape_Refused(string input) =>
        Assert.Contains("文号", Assert.Throws<DomainException>(() => DocumentNumbers.Normalise(input)).Message);

    [Fact]
    public async Task Create_DuplicateDocumentNumber_Refused()
    {
        As(Housing);
        await Inventory.CreateAsync(Form("办法一", "宁建发〔2016〕1号"), null);
        await Assert.ThrowsAsync<DomainException>(() => Inventory.CreateAsync(Form("办法二", "宁建发[2016]1号"), null));
    }

    [Fact]
    public async Task Decide_RepealProposalPassed_RuleRepealedAndLeftOutOfNextCatalogue()
    {
        var kept = await PassedRuleAsync("保留的办法");
        var repealed = await PassedRuleAsync("将被废止的办法");
        var first = await Catalogue.PublishAsync("2016年第一版", D("2016-07-01"));

        As(Housing);
        await Inventory.SubmitAsync(repealed, new RuleSubmission(RuleProposal.Repeal, RuleProblem.ConflictsWithSuperiorLaw, "与新修订的上位法抵触。"));
        As(Legal);
        await Inventory.DecideAsync(repealed, LegalityDecision.Pass, "同意废止。", null);
        var second = await Catalogue.PublishAsync("2017年修订版", D("2017-01-01"));

        Assert.Equal(RuleStatus.Repealed, (await Inventory.GetAsync(repealed)).Rule.Status);
        Assert.Equal([kept], (await Catalogue.GetAsync(second)).Entries.Select(e => e.RuleId));
        var report = await Catalogue.CompareAsync(first, second);
        Assert.Empty(report.Added);
        Assert.Equal([repealed], report.Removed.Select(e => e.RuleId));
    }

    [Fact]
    public async Task Decide_ReturnWithoutReasons_Refused()
    {
        As(Housing);
        var id = await Inventory.CreateAsync(Form("某规范性文件"), Keep);
        As(Legal);
        await Assert.ThrowsAsync<DomainException>(() => Inventory.DecideAsync(id, LegalityDecision.Return, "不同意", null));
        await using var db = Database.CreateDbContext();
        Assert.Equal(RuleStatus.UnderReview, (await db.Rules.SingleAsync()).Status);
    }
}
