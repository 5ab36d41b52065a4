using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Tests.Support;
using static NingxiaTrade.Tests.Support.ProjectHarness;

namespace NingxiaTrade.Tests.Domain.Projects;

/// <summary>
/// Issue 10 item 9 (《企业国有资产交易监督管理办法》, 32号令): the first disclosure is not priced below the appraisal (第十二条);
/// a re-disclosure after no buyer may lower the price, below 90% of the appraisal only with the approving body's written
/// consent (第十八条). Both thresholds are settings.
/// </summary>
public class StateAssetListingPriceTests
{
    private static ProjectForm Listed(ProjectHarness h, decimal appraised, params decimal[] prices) => h.Form(TradeType.StateAssetTransfer) with
    {
        AppraisedValue = Yuan(appraised),
        Estimate = Yuan(prices.Sum()),
        Lots = [.. prices.Select((p, i) => new LotForm($"标的{i + 1}", Yuan(p), Yuan(10_000), null))],
    };

    private static async Task<TradeProject> LoadAsync(ProjectHarness h, Guid id)
    {
        await using var db = h.Database.CreateDbContext();
        return await db.TradeProjects.AsNoTracking().Include(p => p.Lots).SingleAsync(p => p.Id == id);
    }

    private static async Task RediscloseAsync(ProjectHarness h, Guid id, string? consent, params decimal[] prices)
    {
        var project = await LoadAsync(h, id);
        h.Act(YinchuanClerk);
        await h.Registration().RediscloseAsync(id, project.Revision, [.. prices.Select(Yuan)], consent);
    }

    [Theory]
    // 1,000,000.01 yuan appraised: 1,000,000.00 is below it by one fen.
    [InlineData(1_000_000.01, 1_000_000)]
    [InlineData(5_000_000, 4_999_999.99)]
    public async Task Register_FirstDisclosureBelowAppraisal_RefusedCitingArticle12AndNothingSaved(decimal appraised, decimal price)
    {
        await using var h = await CreateAsync();
        var refused = await Assert.ThrowsAsync<FormValidationException>(() => h.RegisterAsync(TradeType.StateAssetTransfer, form: Listed(h, appraised, price)));
        Assert.Contains("首次信息披露的挂牌价合计", refused.Message);
        Assert.Contains("第十二条", refused.Message);
        h.Act(YinchuanClerk);
        Assert.Equal(0, (await h.Registration().ListAsync(new ProjectQuery())).TotalCount);
    }

    [Fact]
    public async Task Register_FirstDisclosureAtAppraisalOverTwoLots_Registered()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.StateAssetTransfer, form: Listed(h, 1_000_000.01m, 600_000m, 400_000.01m));
        var project = await LoadAsync(h, id);
        Assert.Equal(1, project.DisclosureRound);
        Assert.False(project.NeedsBelowAppraisalConsent);
    }

    [Fact]
    public async Task Register_FirstListingPercentSetting_Applied()
    {
        await using var h = await CreateAsync();
        h.Rules.StateAssetFirstListingMinPercent = 95m;
        var id = await h.RegisterAsync(TradeType.StateAssetTransfer, form: Listed(h, 1_000_000m, 950_000m));
        Assert.Equal(new Money(95_000_000), (await LoadAsync(h, id)).ListingPrice);
        var refused = await Assert.ThrowsAsync<FormValidationException>(() => h.RegisterAsync(TradeType.StateAssetTransfer, form: Listed(h, 1_000_000m, 949_999.99m)));
        Assert.Contains("的95%", refused.Message);
    }

    [Fact]
    public async Task Redisclose_LoweredToNinetyPercentWithoutConsent_AllowedAndRecorded()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.StateAssetTransfer, form: Listed(h, 1_000_000.01m, 1_000_000.01m));
        // 90% of 1,000,000.01 is 900,000.009: 900,000.01 is not below it.
        await RediscloseAsync(h, id, null, 900_000.01m);

        var project = await LoadAsync(h, id);
        Assert.Equal(2, project.DisclosureRound);
        Assert.Equal(Yuan(1_000_000.01m), project.PreviousListingPrice);
        Assert.Equal(Yuan(900_000.01m), project.ListingPrice);
        Assert.False(project.NeedsBelowAppraisalConsent);
        Assert.Null(project.ListingConsentFile);
        Assert.Contains((await h.HistoryAsync(id)), s => s.Action.StartsWith("重新信息披露（第2次披露）"));
    }

    [Fact]
    public async Task Redisclose_BelowNinetyPercentWithoutConsent_RefusedInChineseAndNothingChanged()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.StateAssetTransfer, form: Listed(h, 1_000_000.01m, 1_000_000.01m));
        var before = await LoadAsync(h, id);

        var refused = await Assert.ThrowsAsync<DomainException>(() => RediscloseAsync(h, id, null, 900_000m));
        Assert.Contains("低于评估值 1,000,000.01 元 的90%", refused.Message);
        Assert.Contains("第十八条", refused.Message);

        var after = await LoadAsync(h, id);
        Assert.Equal(1, after.DisclosureRound);
        Assert.Equal(before.ListingPrice, after.ListingPrice);
        Assert.Equal(before.Revision, after.Revision);
        Assert.Single(await h.HistoryAsync(id));
    }

    [Fact]
    public async Task Redisclose_BelowNinetyPercentWithConsent_AllowedAndFlagged()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.StateAssetTransfer, form: Listed(h, 5_000_000m, 3_000_000m, 2_000_000m));
        await RediscloseAsync(h, id, "0123456789abcdef0123456789abcdef.pdf", 2_000_000m, 2_000_000m);

        var project = await LoadAsync(h, id);
        Assert.True(project.NeedsBelowAppraisalConsent);
        Assert.Equal("0123456789abcdef0123456789abcdef.pdf", project.ListingConsentFile);
        Assert.Equal([Yuan(2_000_000m), Yuan(2_000_000m)], project.Lots.OrderBy(l => l.Number).Select(l => l.Price));
    }

    [Fact]
    public async Task Redisclose_ConsentThresholdSetting_Applied()
    {
        await using var h = await CreateAsync();
        h.Rules.StateAssetConsentBelowPercent = 80m;
        var id = await h.RegisterAsync(TradeType.StateAssetTransfer, form: Listed(h, 1_000_000m, 1_000_000m));
        await RediscloseAsync(h, id, null, 850_000m);
        var refused = await Assert.ThrowsAsync<DomainException>(() => RediscloseAsync(h, id, null, 799_999.99m));
        Assert.Contains("的80%", refused.Message);
    }

    [Fact]
    public async Task Redisclose_HigherPriceOrOtherTypeOrWrongLotCount_Refused()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.StateAssetTransfer, form: Listed(h, 1_000_000m, 1_000_000m));
        Assert.Contains("只能维持或降低", (await Assert.ThrowsAsync<DomainException>(() => RediscloseAsync(h, id, null, 1_000_000.01m))).Message);
        Assert.Contains("全部1个标的", (await Assert.ThrowsAsync<DomainException>(() => RediscloseAsync(h, id, null, 900_000m, 50_000m))).Message);
        var engineering = await h.RegisterAsync(TradeType.EngineeringBidding);
        Assert.Equal("只有国有产权转让项目可以重新信息披露。",
            (await Assert.ThrowsAsync<DomainException>(() => RediscloseAsync(h, engineering, null, 9_000_000m))).Message);
    }
}
