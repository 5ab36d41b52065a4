using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Experts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Experts;

/// <summary>Replay, confidentiality, invitations and replacement.</summary>
public class DrawLifecycleTests : ExpertTestBase
{
    private async Task<Guid> DrawAsync(int count = 3, int backups = 1)
    {
        ActAsClerk();
        return await Draws.DrawAsync(Request(count, backups));
    }

    private async Task LinkExpertAccountAsync(Guid expertId)
    {
        await using var db = Database.CreateDbContext();
        (await db.Users.SingleAsync(u => u.Id == ExpertUserId)).ExpertId = expertId;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Verify_Unchanged_ReportsSame()
    {
        await AddExpertsAsync(12);
        var id = await DrawAsync();
        ActAsSupervisor();
        var report = await Draws.VerifyAsync(id);
        Assert.True(report.Same, string.Join("\n", report.Differences));
        Assert.All(report.Groups, g => Assert.Equal(g.RecordedHash, g.RebuiltHash));
    }

    [Fact]
    public async Task Verify_ExpertSuspendedAfterDraw_NamesTheDifference()
    {
        var ids = await AddExpertsAsync(12);
        var id = await DrawAsync();
        ActAsClerk();
        var details = await Draws.GetAsync(id);
        var notDrawn = ids.First(e => details.Members.All(m => m.ExpertId != e));
        await Pool.ChangeStatusAsync(notDrawn, ExpertStatus.Suspended, "考评不合格");

        ActAsSupervisor();
        var report = await Draws.VerifyAsync(id);
        Assert.False(report.Same);
        Assert.False(report.Groups.Single().PoolSame);
        Assert.True(report.Groups.Single().RecordIntact);
        await using var db = Database.CreateDbContext();
        var name = (await db.Experts.SingleAsync(e => e.Id == notDrawn)).Name;
        Assert.Contains(report.Differences, d => d.Contains("缺少 " + name));
    }

    [Fact]
    public async Task Verify_RecordedResultTampered_ShowsThePosition()
    {
        var ids = await AddExpertsAsync(12);
        var id = await DrawAsync();
        await using (var db = Database.CreateDbContext())
        {
            var member = await db.DrawMembers.Where(m => m.DrawId == id).OrderBy(m => m.Order).FirstAsync();
            var other = ids.First(e => e != member.ExpertId);
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE DrawMembers SET ExpertId = {other} WHERE Id = {member.Id}");
        }
        ActAsSupervisor();
        var report = await Draws.VerifyAsync(id);
        Assert.False(report.Same);
        Assert.Contains(report.Differences, d => d.Contains("第1位"));
    }

    [Fact]
    public async Task Get_OnlyRunningClerkAndSupervisorBeforeResultPublished_EveryLookRecorded()
    {
        await AddExpertsAsync(8);
        var id = await DrawAsync();
        ActAsClerk();
        Assert.Equal(3, (await Draws.GetAsync(id)).Members.Count(m => m.State == DrawMemberState.Invited));
        ActAsSupervisor();
        await Draws.GetAsync(id);

        // In the project's scope but not the clerk who ran it: refused before the session, the look recorded.
        ActAsClerk(ProjectHarness.RegionalClerk);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Draws.GetAsync(id));
        Database.User.As(Roles.Admin);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Draws.GetAsync(id));
        // Outside the project's scope: as if there were no such draw, before and after the session.
        ActAsClerk(ProjectHarness.WuzhongClerk);
        await Assert.ThrowsAsync<NotFoundException>(() => Draws.GetAsync(id));
        Harness.Act(ProjectHarness.TendererId);
        await Assert.ThrowsAsync<NotFoundException>(() => Draws.GetAsync(id));
        Harness.Act(ProjectHarness.BidderId);
        await Assert.ThrowsAsync<NotFoundException>(() => Draws.GetAsync(id));

        // The session starting does not lift the confidentiality: only the published result does (CommitteeConfidentialityTests).
        Harness.Advance(TimeSpan.FromDays(3));
        ActAsClerk(ProjectHarness.RegionalClerk);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Draws.GetAsync(id));
        ActAsClerk(ProjectHarness.WuzhongClerk);
        await Assert.ThrowsAsync<NotFoundException>(() => Draws.GetAsync(id));

        await using var db = Database.CreateDbContext();
        var views = await db.ExpertDrawViews.Where(v => v.DrawId == id).ToListAsync();
        Assert.Equal(5, views.Count);
        Assert.Equal(3, views.Count(v => v.Purpose.StartsWith("被拒绝")));
        Assert.True(await db.AuditEntries.CountAsync(a => a.EntityType.Contains("ExpertDrawView")) >= 5);
    }

    [Fact]
    public async Task Decline_NextStandbyInvited_ThenPoolContinues()
    {
        await AddExpertsAsync(6);
        var id = await DrawAsync(count: 2, backups: 1);
        ActAsClerk();
        var before = await Draws.GetAsync(id);
        var first = before.Members.First(m => m.State == DrawMemberState.Invited);
        var standby = before.Members.Single(m => m.State == DrawMemberState.Standby);
        await LinkExpertAccountAsync(first.ExpertId);

        ActAsExpert();
        var invitation = Assert.Single(await Draws.MyInvitationsAsync());
        var replacement = await Draws.RespondAsync(invitation.MemberId, accept: false, reason: "出差在外");
        Assert.Equal(standby.Name, replacement);

        ActAsClerk();
        var after = await Draws.GetAsync(id);
        Assert.Equal(DrawMemberState.Declined, after.Members.Single(m => m.Id == first.Id).State);
        Assert.Equal(first.Name, after.Members.Single(m => m.Id == standby.Id).Replaces);

        // No standby left: the next pick of the recorded sequence is invited, and the record still verifies.
        await LinkExpertAccountAsync(standby.ExpertId);
        ActAsExpert();
        var second = (await Draws.MyInvitationsAsync()).Single(i => i.State == DrawMemberState.Invited);
        var extra = await Draws.RespondAsync(second.MemberId, accept: false, reason: "身体原因");
        Assert.NotNull(extra);
        ActAsClerk();
        var final = await Draws.GetAsync(id);
        Assert.Equal(4, final.Members.Count);
        Assert.Equal(2, final.Members.Count(m => m.State == DrawMemberState.Invited));
        Assert.Equal(4, final.Members.Select(m => m.ExpertId).Distinct().Count());
        ActAsSupervisor();
        Assert.True((await Draws.VerifyAsync(id)).Same);
    }

    [Fact]
    public async Task Decline_StandbySuspendedSinceTheDraw_IsPassedOver()
    {
        await AddExpertsAsync(8);
        var id = await DrawAsync(count: 1, backups: 2);
        ActAsClerk();
        var before = await Draws.GetAsync(id);
        var invited = before.Members.Single(m => m.State == DrawMemberState.Invited);
        var standbys = before.Members.Where(m => m.State == DrawMemberState.Standby).OrderBy(m => m.Order).ToList();
        await Pool.ChangeStatusAsync(standbys[0].ExpertId, ExpertStatus.Suspended, "违反评标纪律");
        await LinkExpertAccountAsync(invited.ExpertId);

        ActAsExpert();
        Assert.Equal(standbys[1].Name, await Draws.RespondAsync(invited.Id, false, "出差"));
        ActAsClerk();
        var after = await Draws.GetAsync(id);
        Assert.Equal(DrawMemberState.Standby, after.Members.Single(m => m.Id == standbys[0].Id).State);
    }

    [Fact]
    public async Task ExpireUnanswered_PastDeadline_ReplacedAutomatically()
    {
        await AddExpertsAsync(8);
        var id = await DrawAsync(count: 3, backups: 2);
        Harness.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(3, await Draws.ExpireUnansweredAsync());
        ActAsClerk();
        var details = await Draws.GetAsync(id);
        Assert.Equal(3, details.Members.Count(m => m.State == DrawMemberState.NoAnswer));
        Assert.Equal(3, details.Members.Count(m => m.State == DrawMemberState.Invited));
        Assert.All(details.Members.Where(m => m.State == DrawMemberState.Invited), m => Assert.True(m.DeadlineUtc > Now));
        ActAsSupervisor();
        Assert.True((await Draws.VerifyAsync(id)).Same);
    }

    [Fact]
    public async Task Respond_AfterDeadline_IsRefused()
    {
        await AddExpertsAsync(5);
        var id = await DrawAsync(count: 1, backups: 0);
        ActAsClerk();
        var member = (await Draws.GetAsync(id)).Members.Single();
        await LinkExpertAccountAsync(member.ExpertId);
        Harness.Advance(TimeSpan.FromDays(2));
        ActAsExpert();
        var error = await Assert.ThrowsAsync<NingxiaTrade.Domain.Common.DomainException>(() => Draws.RespondAsync(member.Id, true, null));
        Assert.Contains("已过", error.Message);
    }
}
