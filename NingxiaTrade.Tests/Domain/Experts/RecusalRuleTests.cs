using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Experts;

namespace NingxiaTrade.Tests.Domain.Experts;

/// <summary>Each recusal rule removes exactly the experts it should, is counted against its rule, and does nothing when off.</summary>
public class RecusalRuleTests : ExpertTestBase
{
    private async Task<(DrawGroup Group, ExpertDraw Draw)> DrawAsync(DrawRequest request)
    {
        ActAsClerk();
        var id = await Draws.DrawAsync(request);
        await using var db = Database.CreateDbContext();
        var draw = await db.ExpertDraws.Include(d => d.Groups).Include(d => d.Members).SingleAsync(d => d.Id == id);
        return (draw.Groups.Single(), draw);
    }

    private async Task AssertRemovedOnlyByAsync(RecusalRule rule, IReadOnlyCollection<Guid> expected, Func<RecusalSettings, RecusalSettings> off,
        bool remote = false, IReadOnlyList<Guid>? bidders = null)
    {
        var (group, _) = await DrawAsync(Request(rules: RecusalSettings.AllOn, remote: remote, bidders: bidders));
        var removed = group.Removed;
        Assert.Equal(expected.OrderBy(x => x), (removed.TryGetValue(rule, out var ids) ? ids : []).OrderBy(x => x));
        Assert.All(removed.Where(r => r.Key != rule), r => Assert.Empty(r.Value));
        Assert.DoesNotContain(group.PoolIds, expected.Contains);

        var (offGroup, _) = await DrawAsync(Request(rules: off(RecusalSettings.AllOn), remote: remote, bidders: bidders));
        Assert.False(offGroup.Removed.ContainsKey(rule));
        Assert.All(expected, id => Assert.Contains(id, offGroup.PoolIds));
    }

    [Fact]
    public async Task Unavailable_SuspendedRemovedAndOnLeave_AreRemoved()
    {
        await AddExpertsAsync(6);
        var suspended = await AddExpertAsync("暂停专家", status: ExpertStatus.Suspended);
        var removed = await AddExpertAsync("清退专家", status: ExpertStatus.Removed);
        var onLeave = await AddExpertAsync("请假专家", change: e => e.AddLeave(Now.AddDays(2), Now.AddDays(4), "出差"));
        await AddExpertAsync("假期已过", change: e => e.AddLeave(Now.AddDays(-5), Now.AddDays(-1), "出差"));
        await AddExpertAsync("待审核", status: ExpertStatus.Pending);

        await AssertRemovedOnlyByAsync(RecusalRule.Unavailable, [suspended, removed, onLeave], r => r with { Unavailable = false });
    }

    [Fact]
    public async Task LowCredit_BelowThreshold_IsRemoved()
    {
        await AddExpertsAsync(6);
        var low = await AddExpertAsync("低信用", change: e => e.AdjustCredit(-41));
        await AddExpertAsync("恰好及格", change: e => e.AdjustCredit(-40));

        await AssertRemovedOnlyByAsync(RecusalRule.LowCredit, [low], r => r with { LowCredit = false });
    }

    [Fact]
    public async Task EmployerIsTendererOrAgent_ByNameOrEntity_IsRemoved()
    {
        await AddExpertsAsync(6);
        var byName = await AddExpertAsync("招标人职工", employer: " 银川市市政管理局 ");
        var tendererEntity = await AddEntityAsync(Tenderer, "2", "104000000000002");
        var byEntity = await AddExpertAsync("招标人职工2", employer: "市政局", employerEntity: tendererEntity);

        await AssertRemovedOnlyByAsync(RecusalRule.EmployerIsTendererOrAgent, [byName, byEntity], r => r with { EmployerIsTendererOrAgent = false });
    }

    [Fact]
    public async Task EmployerIsBidderOrLinked_BidderSharedLegalRepOrSharedAccount_IsRemoved()
    {
        await AddExpertsAsync(6);
        var bidder = await AddEntityAsync("宁夏甲建设有限公司", "3", "104000000000003");
        var sameRep = await AddEntityAsync("宁夏乙建设有限公司", "3", "104000000000004");
        var sameAccount = await AddEntityAsync("宁夏丙建设有限公司", "5", "104000000000003");
        var unrelated = await AddEntityAsync("宁夏丁建设有限公司", "6", "104000000000006");
        var atBidder = await AddExpertAsync("投标人职工", employerEntity: bidder, employer: "宁夏甲建设有限公司");
        var atBidderByName = await AddExpertAsync("投标人职工2", employer: "宁夏甲建设有限公司");
        var atSameRep = await AddExpertAsync("关联单位职工", employerEntity: sameRep, employer: "宁夏乙建设有限公司");
        var atSameAccount = await AddExpertAsync("关联单位职工2", employerEntity: sameAccount, employer: "宁夏丙建设有限公司");
        await AddExpertAsync("无关单位职工", employerEntity: unrelated, employer: "宁夏丁建设有限公司");

        await AssertRemovedOnlyByAsync(RecusalRule.EmployerIsBidderOrLinked, [atBidder, atBidderByName, atSameRep, atSameAccount],
            r => r with { EmployerIsBidderOrLinked = false }, bidders: [bidder]);
    }

    [Fact]
    public async Task DeclaredConflict_WithBidder_IsRemoved()
    {
        await AddExpertsAsync(6);
        var bidder = await AddEntityAsync("宁夏甲建设有限公司", "3", "104000000000003");
        var other = await AddEntityAsync("宁夏丁建设有限公司", "6", "104000000000006");
        var conflicted = await AddExpertAsync("申报回避", change: e => e.DeclareConflict(bidder, "配偶任职"));
        await AddExpertAsync("申报其他单位", change: e => e.DeclareConflict(other, "曾任职"));

        await AssertRemovedOnlyByAsync(RecusalRule.DeclaredConflict, [conflicted], r => r with { DeclaredConflict = false }, bidders: [bidder]);
    }

    [Fact]
    public async Task FrequentForTenderer_InvitedMoreThanNTimes_IsRemoved()
    {
        await AddExpertsAsync(10);
        var rules = RecusalSettings.AllOn with { FrequentMaxTimes = 0, FrequentDays = 30 };
        var (_, first) = await DrawAsync(Request(count: 3, backups: 2, rules: rules));
        var invited = first.Members.Where(m => m.State == DrawMemberState.Invited).Select(m => m.ExpertId).ToList();
        Harness.Advance(TimeSpan.FromHours(1));

        var (group, _) = await DrawAsync(Request(count: 2, backups: 0, rules: rules));
        Assert.Equal(invited.Order(), group.Removed[RecusalRule.FrequentForTenderer].Order());
        Assert.Equal(7, group.PoolSize);

        var (once, _) = await DrawAsync(Request(count: 2, backups: 0, rules: rules with { FrequentMaxTimes = 1 }));
        Assert.False(once.Removed.ContainsKey(RecusalRule.FrequentForTenderer));
    }

    [Fact]
    public async Task SameCity_RemoteEvaluation_RemovesProjectCityOnly()
    {
        await AddExpertsAsync(6, region: "640300");
        var local = await AddExpertsAsync(2, region: "640100");

        await AssertRemovedOnlyByAsync(RecusalRule.SameCity, local, r => r with { SameCity = false }, remote: true);
        var (localSession, _) = await DrawAsync(Request(remote: false));
        Assert.False(localSession.Removed.ContainsKey(RecusalRule.SameCity));
    }

    [Fact]
    public async Task Draw_TooFewEligible_IsRefusedWithReasonAndCounts()
    {
        await AddExpertsAsync(3);
        await AddExpertAsync("暂停专家", status: ExpertStatus.Suspended);
        ActAsClerk();
        var refused = await Assert.ThrowsAsync<DrawRefusedException>(() => Draws.DrawAsync(Request(count: 3, backups: 1)));
        Assert.Contains("仅3人", refused.Message);
        Assert.Single(refused.Outcomes.Single().Removed[RecusalRule.Unavailable]);
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.ExpertDraws.CountAsync());
    }

    [Fact]
    public async Task Draw_ParentSpecialty_IncludesSubclasses()
    {
        await AddExpertsAsync(2, specialty: "A03");
        await AddExpertsAsync(2, specialty: "A0301");
        await AddExpertsAsync(2, specialty: "A04");
        var (group, _) = await DrawAsync(Request(count: 3, backups: 0, specialty: "A03"));
        Assert.Equal(4, group.PoolSize);
    }
}
