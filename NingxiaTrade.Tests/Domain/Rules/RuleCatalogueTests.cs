using ClosedXML.Excel;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Rules;

namespace NingxiaTrade.Tests.Domain.Rules;

public sealed class RuleCatalogueTests : RuleTestBase
{
    [Fact]
    public async Task IsCitable_AgainstDatesAndVersions()
    {
        var lasting = await PassedRuleAsync("长期有效的办法", effective: D("2016-03-01"));
        var expiring = await PassedRuleAsync("有期限的办法", effective: D("2016-03-01"), expires: D("2018-12-31"));
        var dropped = await PassedRuleAsync("第二版删除的办法", effective: D("2016-03-01"));
        await Catalogue.PublishAsync("2016年第一版", D("2016-07-01"));

        As(Housing);
        await Inventory.SubmitAsync(dropped, new RuleSubmission(RuleProposal.Repeal, RuleProblem.SetsApprovalItems, "设定审批事项。"));
        As(Legal);
        // Today (2026-11-27) the repeal is decided and a rule passed that only the next version lists.
        await Inventory.DecideAsync(dropped, LegalityDecision.Pass, "同意废止。", null);
        var later = await PassedRuleAsync("第二版新增的办法", effective: D("2016-03-01"));
        await Catalogue.PublishAsync("2027年第一版", D("2027-01-01"));

        // Before any catalogue took effect nothing may be cited.
        Assert.False(await Catalogue.IsCitableAsync(lasting, D("2016-06-30")));
        Assert.True(await Catalogue.IsCitableAsync(lasting, D("2016-07-01")));
        Assert.True(await Catalogue.IsCitableAsync(lasting, D("2030-01-01")));
        // In the catalogue, but past its own term.
        Assert.True(await Catalogue.IsCitableAsync(expiring, D("2018-12-31")));
        Assert.False(await Catalogue.IsCitableAsync(expiring, D("2019-01-01")));
        // Listed by the first version; repealed on 2026-11-27; not in the second.
        Assert.True(await Catalogue.IsCitableAsync(dropped, D("2026-11-26")));
        Assert.False(await Catalogue.IsCitableAsync(dropped, D("2026-11-27")));
        Assert.False(await Catalogue.IsCitableAsync(dropped, D("2027-06-01")));
        // Passed now, but only the second version (from 2027) lists it.
        Assert.False(await Catalogue.IsCitableAsync(later, D("2026-12-31")));
        Assert.True(await Catalogue.IsCitableAsync(later, D("2027-01-01")));
        Assert.False(await Catalogue.IsCitableAsync(Guid.NewGuid(), D("2027-01-01")));
    }

    [Fact]
    public async Task Public_TemporaryRulePastItsTerm_NotListedAsCurrent()
    {
        SetToday("2026-11-27");
        var lasting = await PassedRuleAsync("长期有效的管理办法", effective: D("2016-03-01"));
        var expired = await PassedRuleAsync("公共资源交易保证金管理暂行办法", effective: D("2016-03-01"), expires: D("2026-10-13"));
        var running = await PassedRuleAsync("评标专家管理暂行办法", effective: D("2016-03-01"), expires: D("2026-11-27"));
        await Catalogue.PublishAsync("2016年第一版", D("2016-07-01"));

        var (version, entries) = await Catalogue.PublicAsync();

        Assert.NotNull(version);
        Assert.Contains(expired, version.Entries.Select(e => e.RuleId));
        Assert.Equal(new[] { lasting, running }.Order(), entries.Select(e => e.RuleId).Order());
        Assert.True(entries.Single(e => e.RuleId == running).IsTemporary);
    }

    [Fact]
    public async Task IsCitable_RuleNotYetEffective_False()
    {
        var future = await PassedRuleAsync("明年施行的办法", effective: D("2027-03-01"));
        await Catalogue.PublishAsync("2026年第一版", D("2026-12-01"));

        Assert.False(await Catalogue.IsCitableAsync(future, D("2027-02-28")));
        Assert.True(await Catalogue.IsCitableAsync(future, D("2027-03-01")));
    }

    [Fact]
    public async Task Publish_OnlyPassedKeepOrAmendRules()
    {
        var passed = await PassedRuleAsync("审核通过的办法");
        As(Housing);
        await Inventory.CreateAsync(Form("草稿办法"), null);
        await Inventory.CreateAsync(Form("待审核办法"), Keep);
        var returned = await Inventory.CreateAsync(Form("被退回办法"), Keep);
        As(Legal);
        await Inventory.DecideAsync(returned, LegalityDecision.Return, "不符合规定。", "缺少依据。");

        var version = await Catalogue.GetAsync(await Catalogue.PublishAsync("2016年第一版", D("2016-07-01")));

        Assert.Equal([passed], version.Entries.Select(e => e.RuleId));
    }

    [Fact]
    public async Task Publish_NotLegalOfficer_Refused()
    {
        await PassedRuleAsync("审核通过的办法");
        As(Housing);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Catalogue.PublishAsync("2016年第一版", D("2016-07-01")));
    }

    [Fact]
    public async Task Compare_ReportsAddedRemovedAndChanged()
    {
        var changed = await PassedRuleAsync("将修改的办法", effective: D("2016-03-01"));
        var removed = await PassedRuleAsync("将废止的办法");
        var first = await Catalogue.PublishAsync("2016年第一版", D("2016-07-01"));

        As(Housing);
        await Inventory.ChangeAsync(changed, Form("将修改的办法", effective: D("2016-03-01"), expires: D("2026-12-31")),
            new RuleSubmission(RuleProposal.Amend, RuleProblem.TemporaryOrExpired, "增加有效期。"));
        await Inventory.SubmitAsync(removed, new RuleSubmission(RuleProposal.DeclareVoid, RuleProblem.TemporaryOrExpired, "已过时。"));
        As(Legal);
        await Inventory.DecideAsync(changed, LegalityDecision.Pass, "同意。", null);
        await Inventory.DecideAsync(removed, LegalityDecision.Pass, "同意宣布失效。", null);
        var added = await PassedRuleAsync("新增的办法");
        var second = await Catalogue.PublishAsync("2017年第一版", D("2017-01-01"));

        var report = await Catalogue.CompareAsync(first, second);

        Assert.Equal([added], report.Added.Select(e => e.RuleId));
        Assert.Equal([removed], report.Removed.Select(e => e.RuleId));
        var change = Assert.Single(report.Changed);
        Assert.Equal(changed, change.After.RuleId);
        Assert.Equal(["有效期至：（空） → 2026-12-31"], change.Differences);
        // The earlier version still reads as published.
        Assert.Null((await Catalogue.GetAsync(first)).Entries.Single(e => e.RuleId == changed).ExpiresOn);
    }

    [Fact]
    public async Task Export_FormattedLikeAGovernmentCatalogue()
    {
        await PassedRuleAsync("规范性文件甲");
        As(Housing);
        var law = await Inventory.CreateAsync(Form("某法律", level: RuleLevel.Law), Keep);
        As(Legal);
        await Inventory.DecideAsync(law, LegalityDecision.Pass, "上位法。", null);
        var id = await Catalogue.PublishAsync("2016年第一版", D("2016-07-01"));

        using var stream = new MemoryStream();
        await Catalogue.ExportAsync(id, stream);
        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet(1);

        Assert.Equal("宁夏回族自治区公共资源交易规章制度清单目录", sheet.Cell(1, 1).GetString());
        Assert.Contains(sheet.MergedRanges, r => r.RangeAddress.ToString() == "A1:J1");
        Assert.Contains(sheet.MergedRanges, r => r.RangeAddress.ToString() == "G4:H4");
        Assert.Contains(sheet.MergedRanges, r => r.RangeAddress.ToString() == "A4:A5");
        Assert.Equal(("有效期", "施行日期", "有效期至"), (sheet.Cell(4, 7).GetString(), sheet.Cell(5, 7).GetString(), sheet.Cell(5, 8).GetString()));
        // Grouped by level, 序号 continuous: 一、法律 then 二、规范性文件.
        Assert.StartsWith("一、法律", sheet.Cell(6, 1).GetString());
        Assert.Equal((1, "某法律"), (sheet.Cell(7, 1).GetValue<int>(), sheet.Cell(7, 2).GetString()));
        Assert.StartsWith("二、规范性文件", sheet.Cell(8, 1).GetString());
        Assert.Equal((2, "规范性文件甲"), (sheet.Cell(9, 1).GetValue<int>(), sheet.Cell(9, 2).GetString()));
        Assert.Equal(44, sheet.Column(2).Width);
        Assert.Equal(XLBorderStyleValues.Thin, sheet.Cell(9, 2).Style.Border.BottomBorder);
    }

    [Fact]
    public async Task Alerts_TemporaryPastTermAndExpiringWithin90Days()
    {
        SetToday("2026-11-27");
        var temporary = await PassedRuleAsync("某某试行办法", effective: D("2024-01-01"), expires: D("2026-01-01"));
        var soon = await PassedRuleAsync("即将到期的办法", effective: D("2021-03-01"), expires: D("2027-02-25"));
        await PassedRuleAsync("远期到期的办法", effective: D("2021-03-01"), expires: D("2027-02-26"));
        await PassedRuleAsync("长期有效的办法");

        var alerts = await Catalogue.AlertsAsync();

        Assert.Equal([(temporary, RuleAlertKind.TemporaryPastTerm), (soon, RuleAlertKind.ExpiringSoon)], alerts.Select(a => (a.RuleId, a.Kind)));
    }
}
