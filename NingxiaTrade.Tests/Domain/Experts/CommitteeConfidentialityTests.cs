using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Experts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Experts;

/// <summary>
/// Issue 10 item 10: the committee's names stay confidential to everyone but the clerk who ran the draw and the supervisors until
/// the result is published (招标投标法 第37条第5款; 财政部令第87号 第47条) — on the draw, the fee sheet and the published
/// committee read by other modules — and are then listed for the result notice (财政部令第87号 第69条).
/// </summary>
public class CommitteeConfidentialityTests : ExpertTestBase
{
    /// <summary>A draw of one member who accepted; the clock then moves past the end of the session.</summary>
    private async Task<(Guid DrawId, string Name)> DrawAcceptedAndEvaluatedAsync()
    {
        await AddExpertsAsync(4);
        var (drawId, member) = await DrawOneAcceptedAsync();
        Harness.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(7));
        return (drawId, member.Name);
    }

    private async Task<int> RefusedLooksAsync(Guid drawId)
    {
        await using var db = Database.CreateDbContext();
        return await db.ExpertDrawViews.CountAsync(v => v.DrawId == drawId && v.Purpose.StartsWith("被拒绝"));
    }

    [Fact]
    public async Task Get_AfterSessionBeforeResultPublished_OnlyRunningClerkAndSupervisor()
    {
        var (drawId, _) = await DrawAcceptedAndEvaluatedAsync();
        ActAsClerk();
        await Draws.GetAsync(drawId);
        ActAsSupervisor();
        await Draws.GetAsync(drawId);

        ActAsClerk(ProjectHarness.RegionalClerk);
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => Draws.GetAsync(drawId));
        Assert.Contains("第三十七条第五款", refused.Message);
        Database.User.As(Roles.Admin);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Draws.GetAsync(drawId));
        ActAsClerk(ProjectHarness.RegionalClerk);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Sessions.FeeSheetAsync(drawId));
        Assert.Equal(3, await RefusedLooksAsync(drawId));
    }

    [Fact]
    public async Task PublishResult_ByRunningClerkAfterSession_OpensNamesToCentreAndAdmin()
    {
        var (drawId, name) = await DrawAcceptedAndEvaluatedAsync();
        ActAsClerk();
        await Draws.PublishResultAsync(drawId);

        ActAsClerk(ProjectHarness.RegionalClerk);
        Assert.Equal(name, Assert.Single((await Draws.GetAsync(drawId)).Members).Name);
        Assert.Equal(name, Assert.Single(await Sessions.FeeSheetAsync(drawId)).Name);
        Database.User.As(Roles.Admin);
        var details = await Draws.GetAsync(drawId);
        Assert.NotNull(details.ResultPublishedUtc);
        Assert.Equal(0, await RefusedLooksAsync(drawId));
    }

    [Fact]
    public async Task PublishResult_BeforeSessionEndsOrByAnotherClerkOrTwice_RefusedAndNothingChanged()
    {
        await AddExpertsAsync(4);
        ActAsClerk();
        var early = await Draws.DrawAsync(Request(count: 1, backups: 0));
        var tooEarly = await Assert.ThrowsAsync<DomainException>(() => Draws.PublishResultAsync(early));
        Assert.StartsWith("评标结束", tooEarly.Message);

        var (drawId, _) = await DrawAcceptedAndEvaluatedAsync();
        ActAsClerk(ProjectHarness.RegionalClerk);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Draws.PublishResultAsync(drawId));
        await using (var db = Database.CreateDbContext())
        {
            Assert.False(await db.ExpertDraws.AnyAsync(d => d.ResultPublishedUtc != null));
        }

        ActAsClerk();
        await Draws.PublishResultAsync(drawId);
        var twice = await Assert.ThrowsAsync<DomainException>(() => Draws.PublishResultAsync(drawId));
        Assert.Contains("登记为已公告", twice.Message);
    }

    [Fact]
    public async Task PublishedCommittee_BeforePublication_NullAfterwardListsAcceptedMembers()
    {
        var (drawId, name) = await DrawAcceptedAndEvaluatedAsync();
        IExpertCommittee committee = Draws;
        ActAsClerk(ProjectHarness.RegionalClerk);
        Assert.Null(await committee.PublishedCommitteeAsync(LotIds[0]));

        ActAsClerk();
        await Draws.PublishResultAsync(drawId);
        ActAsClerk(ProjectHarness.RegionalClerk);
        var published = await committee.PublishedCommitteeAsync(LotIds[0]);
        Assert.NotNull(published);
        var member = Assert.Single(published.Members);
        Assert.Equal(name, member.Name);
        Assert.False(string.IsNullOrEmpty(member.Specialty));

        // Outside the project's scope nothing is answered.
        ActAsClerk(ProjectHarness.WuzhongClerk);
        Assert.Null(await committee.PublishedCommitteeAsync(LotIds[0]));
    }

    [Fact]
    public async Task Get_EngineeringDraw_ShowsPlatformRuleBasisForTendererStaff()
    {
        var (drawId, _) = await DrawAcceptedAndEvaluatedAsync();
        ActAsClerk();
        var rule = (await Draws.GetAsync(drawId)).Groups.Single().Rules.Single(r => r.Rule == RecusalRule.EmployerIsTendererOrAgent);
        Assert.StartsWith("本平台规则", rule.Basis);
    }
}
