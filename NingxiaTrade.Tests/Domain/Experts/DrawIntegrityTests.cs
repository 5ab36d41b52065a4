using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.Experts;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Experts;

/// <summary>
/// Issue 9 item 9: a draw only for an open lot evaluated by experts, once, after the bid deadline and in the future, with a
/// committee of the legal size, naming as bidders only entities that may bid. Every refusal changes nothing.
/// </summary>
public class DrawIntegrityTests : ExpertTestBase
{
    private async Task<Guid> LotOfAsync(Guid projectId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Lots.Where(l => l.ProjectId == projectId).OrderBy(l => l.Number).Select(l => l.Id).FirstAsync();
    }

    private async Task<int> DrawCountAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.ExpertDraws.CountAsync();
    }

    /// <summary>Runs the draw as the 银川 clerk and expects a refusal; returns its message after checking nothing was saved.</summary>
    private async Task<string> RefusedAsync(DrawRequest request, ExpertDrawSettings? settings = null)
    {
        var before = await DrawCountAsync();
        ActAsClerk();
        var refused = await Assert.ThrowsAsync<DomainException>(() => DrawsWith(settings ?? DrawSettings).DrawAsync(request));
        Assert.Equal(before, await DrawCountAsync());
        return refused.Message;
    }

    [Fact]
    public async Task Draw_SecondDrawForTheSameLot_Refused()
    {
        await AddExpertsAsync(10);
        ActAsClerk();
        await Draws.DrawAsync(Request() with { LotId = LotId });
        var message = await RefusedAsync(Request() with { LotId = LotId });
        Assert.Contains("已抽取过评标专家", message);
        Assert.Contains("替补", message);
    }

    [Fact]
    public async Task Draw_TerminatedProject_Refused()
    {
        await AddExpertsAsync(10);
        var id = await Harness.RegisterAsync(TradeType.EngineeringBidding);
        await Harness.FireApprovedAsync(id, "Terminate");
        var message = await RefusedAsync(Request() with { LotId = await LotOfAsync(id) });
        Assert.Contains("已终止", message);
    }

    [Theory]
    [InlineData(TradeType.StateAssetTransfer)]
    [InlineData(TradeType.LandAndMiningRights)]
    [InlineData(TradeType.DrugProcurement)]
    public async Task Draw_LotWithoutExpertEvaluation_Refused(TradeType type)
    {
        await AddExpertsAsync(10);
        var id = await Harness.RegisterAsync(type);
        var message = await RefusedAsync(Request() with { LotId = await LotOfAsync(id) });
        Assert.Contains("无需抽取评标专家", message);
    }

    [Fact]
    public async Task Draw_ProjectWithoutBidDeadline_Refused()
    {
        await AddExpertsAsync(10);
        var id = await Harness.RegisterAsync(TradeType.EngineeringBidding);
        var message = await RefusedAsync(Request() with { LotId = await LotOfAsync(id) });
        Assert.Contains("尚未设定投标截止时间", message);
    }

    [Fact]
    public async Task Draw_EvaluationBeforeTheBidDeadline_Refused()
    {
        await AddExpertsAsync(10);
        var id = await Harness.EngineeringInNoticeAsync();
        await Harness.SetDeadlineAsync(id, ChinaTime.ToChina(Now).Date.AddDays(30).AddHours(9));
        var message = await RefusedAsync(Request() with { LotId = await LotOfAsync(id) });
        Assert.Contains("应晚于本标段的投标截止时间", message);
    }

    [Fact]
    public async Task Draw_EvaluationInThePast_Refused()
    {
        await AddExpertsAsync(10);
        var message = await RefusedAsync(Request() with
        {
            EvaluationStartUtc = Now.AddHours(-1), EvaluationEndUtc = Now.AddHours(5), ResponseDeadlineUtc = Now.AddHours(-2),
        });
        Assert.Equal("评标开始时间应晚于当前时间。", message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    public async Task Draw_TenderCommitteeSmallerThanFiveOrEven_Refused(int members)
    {
        await AddExpertsAsync(12);
        var message = await RefusedAsync(Request(count: members, backups: 0), new ExpertDrawSettings());
        Assert.Contains("5人以上单数", message);
        Assert.Contains("第三十七条", message);
    }

    [Fact]
    public async Task Draw_TenderCommitteeOfFiveInTwoSpecialties_Allowed()
    {
        await AddExpertsAsync(10, "A08");
        await AddExpertsAsync(4, "A06");
        ActAsClerk();
        var request = Request() with { Groups = [new DrawGroupRequest("A08", 3, 1), new DrawGroupRequest("A06", 2, 0)] };
        await DrawsWith(new ExpertDrawSettings()).DrawAsync(request);
        Assert.Equal(1, await DrawCountAsync());
    }

    [Fact]
    public void CommitteeMinimum_ByTypeAndMethod_FollowsTheLaw()
    {
        var settings = new ExpertDrawSettings();
        Assert.Equal(5, settings.CommitteeMinimum(TradeType.EngineeringBidding, TradeMethod.OpenTender));
        Assert.Equal(5, settings.CommitteeMinimum(TradeType.GovernmentProcurement, TradeMethod.InvitedTender));
        Assert.Equal(3, settings.CommitteeMinimum(TradeType.GovernmentProcurement, TradeMethod.CompetitiveNegotiation));
        Assert.Equal(3, settings.CommitteeMinimum(TradeType.GovernmentProcurement, TradeMethod.CompetitiveConsultation));
        Assert.Equal(3, settings.CommitteeMinimum(TradeType.GovernmentProcurement, TradeMethod.RequestForQuotation));
        Assert.Equal(5, settings.CommitteeMinimum(TradeType.LandAndMiningRights, TradeMethod.OpenTender));
        Assert.Null(settings.CommitteeMinimum(TradeType.LandAndMiningRights, TradeMethod.Auction));
        Assert.Null(settings.CommitteeMinimum(TradeType.StateAssetTransfer, TradeMethod.Listing));
        Assert.Null(settings.CommitteeMinimum(TradeType.DrugProcurement, TradeMethod.VolumeBasedProcurement));
    }

    [Fact]
    public async Task Draw_BidderBannedForTheType_RefusedAndListedAsExcluded()
    {
        await AddExpertsAsync(10);
        var banned = await AddEntityAsync("宁夏失信建设有限公司", "7", "104000000000007");
        var fine = await AddEntityAsync("宁夏守信建设有限公司", "8", "104000000000008");
        await using (var db = Database.CreateDbContext())
        {
            var today = ChinaTime.DateOf(Now);
            db.MarketBans.Add(new MarketBan(banned, "市场禁入", [TradeType.EngineeringBidding], today.AddDays(-10), today.AddDays(300), "串通投标",
                "宁建罚〔2026〕1号", "test", Now));
            await db.SaveChangesAsync();
        }
        ActAsClerk();
        var choices = await Draws.BidderChoicesAsync(LotId);
        Assert.Contains(choices.Allowed, e => e.Id == fine);
        Assert.Contains("串通投标", Assert.Single(choices.Excluded, e => e.Id == banned).Reason);

        var message = await RefusedAsync(Request(bidders: [fine, banned]));
        Assert.Contains("宁夏失信建设有限公司", message);
        Assert.DoesNotContain("宁夏守信建设有限公司", message);
    }

    [Fact]
    public async Task Draw_TendererNamedAsBidder_Refused()
    {
        await AddExpertsAsync(10);
        var tenderer = await AddEntityAsync(Tenderer, "2", "104000000000002");
        ActAsClerk();
        Assert.Equal("本项目的招标人或招标代理机构", Assert.Single((await Draws.BidderChoicesAsync(LotId)).Excluded, e => e.Id == tenderer).Reason);
        Assert.Contains(Tenderer, await RefusedAsync(Request(bidders: [tenderer])));
    }

    [Fact]
    public async Task Draw_AgencyNamedAsBidder_Refused()
    {
        await AddExpertsAsync(10);
        var agency = await AddEntityAsync("宁夏某招标代理有限公司", "9", "104000000000009");
        await using (var db = Database.CreateDbContext())
        {
            var role = new IdentityRole(Roles.Agent) { NormalizedName = Roles.Agent.ToUpperInvariant() };
            db.Roles.Add(role);
            db.Users.Add(new ApplicationUser { Id = "agency-user", UserName = "agency@test.cn", Email = "agency@test.cn", MarketEntityId = agency });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = "agency-user", RoleId = role.Id });
            await db.SaveChangesAsync();
        }
        ActAsClerk();
        Assert.Contains("招标代理机构", Assert.Single((await Draws.BidderChoicesAsync(LotId)).Excluded, e => e.Id == agency).Reason);
        Assert.Contains("宁夏某招标代理有限公司", await RefusedAsync(Request(bidders: [agency])));
    }

    [Fact]
    public async Task Draw_UnapprovedEntityAsBidder_Refused()
    {
        await AddExpertsAsync(10);
        var message = await RefusedAsync(Request(bidders: [Guid.NewGuid()]));
        Assert.Contains("未在市场主体库中登记并通过审核", message);
    }
}
