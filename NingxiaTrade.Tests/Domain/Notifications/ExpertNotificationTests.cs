using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.Experts;
using NingxiaTrade.Domain.Notifications;
using NingxiaTrade.Tests.Domain.Experts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Notifications;

/// <summary>Draw invitations and replacements: each invited expert hears of their own invitation; the clerk who ran the draw of a replacement.</summary>
public sealed class ExpertNotificationTests : ExpertTestBase
{
    private ExpertDrawService Service => new(Database, Database.User, Database.Time, Seeds, DrawSettings, Projects, Entities, new CreditGate(Database, Entities), NotificationKit.Notifier(Database));

    /// <summary>Eight experts, each with an account of its own; returns expert id → account id.</summary>
    private async Task<Dictionary<Guid, string>> ExpertsWithAccountsAsync()
    {
        var ids = await AddExpertsAsync(8);
        var accounts = ids.ToDictionary(id => id, id => "expert-" + id.ToString("N")[..8]);
        await using (var db = Database.CreateDbContext())
        {
            foreach (var (expert, account) in accounts)
            {
                db.Users.Add(new ApplicationUser { Id = account, UserName = account + "@test.cn", Email = account + "@test.cn", ExpertId = expert });
            }
            await db.SaveChangesAsync();
        }
        await NotificationKit.GrantAsync(Database, Roles.Expert, [.. accounts.Values]);
        return accounts;
    }

    private async Task<List<DrawMember>> MembersAsync(Guid draw)
    {
        await using var db = Database.CreateDbContext();
        return await db.DrawMembers.AsNoTracking().Where(m => m.DrawId == draw).ToListAsync();
    }

    private async Task<List<Notification>> OfKindAsync(string user, NotificationKind kind) =>
        (await NotificationKit.ReceivedAsync(Database, user)).Where(n => n.Kind == kind).ToList();

    [Fact]
    public async Task Draw_InvitedExpertsToldStandbyAndOthersNot()
    {
        var accounts = await ExpertsWithAccountsAsync();
        ActAsClerk();
        var draw = await Service.DrawAsync(Request(count: 3, backups: 1));

        var members = await MembersAsync(draw);
        foreach (var (expert, account) in accounts)
        {
            var invited = members.Any(m => m.ExpertId == expert && m.State == DrawMemberState.Invited);
            var received = await OfKindAsync(account, NotificationKind.ExpertInvitation);
            Assert.Equal(invited ? 1 : 0, received.Count);
        }
        var message = (await OfKindAsync(accounts[members.First(m => m.State == DrawMemberState.Invited).ExpertId], NotificationKind.ExpertInvitation)).Single();
        Assert.Equal("/experts/invitations", message.Link);
        Assert.Contains("银川市公共资源交易中心评标室3", message.Body);
        // The committee stays confidential: no other expert's name in anyone's message.
        Assert.All(members.Where(m => m.ExpertId != members.First(x => x.State == DrawMemberState.Invited).ExpertId),
            other => Assert.DoesNotContain(other.ExpertName, message.Body));
        Assert.Empty(await NotificationKit.ReceivedAsync(Database, ProjectHarness.YinchuanClerk));
    }

    [Fact]
    public async Task Decline_StandbyInvitedAndRunningClerkToldWithoutNames()
    {
        var accounts = await ExpertsWithAccountsAsync();
        ActAsClerk();
        var draw = await Service.DrawAsync(Request(count: 3, backups: 1));
        var members = await MembersAsync(draw);
        var decliner = members.First(m => m.State == DrawMemberState.Invited);
        var standby = members.Single(m => m.State == DrawMemberState.Standby);

        Database.User.As(Roles.Expert, accounts[decliner.ExpertId] + "@test.cn");
        Database.User.UserId = accounts[decliner.ExpertId];
        await Service.RespondAsync(decliner.Id, accept: false, "本人需回避");

        var invitation = Assert.Single(await OfKindAsync(accounts[standby.ExpertId], NotificationKind.ExpertInvitation));
        Assert.Contains("替补", invitation.Title);
        var notice = Assert.Single(await OfKindAsync(ProjectHarness.YinchuanClerk, NotificationKind.ExpertReplacement));
        Assert.Equal($"/experts/draws/{draw}", notice.Link);
        Assert.DoesNotContain(decliner.ExpertName, notice.Body);
        Assert.DoesNotContain(standby.ExpertName, notice.Body);
        Assert.Empty(await OfKindAsync(ProjectHarness.WuzhongClerk, NotificationKind.ExpertReplacement));
        Assert.Empty(await OfKindAsync(accounts[decliner.ExpertId], NotificationKind.ExpertReplacement));
    }

    [Fact]
    public async Task Expire_NoReplacementLeft_ClerkToldOnceOnly()
    {
        var accounts = await ExpertsWithAccountsAsync();
        ActAsClerk();
        // The whole eligible pool is drawn: nobody is left to replace anyone.
        var draw = await Service.DrawAsync(Request(count: 8, backups: 0));
        Database.Time.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromMinutes(1)));

        Database.User.Anonymous();
        await Service.ExpireUnansweredAsync();
        await Service.ExpireUnansweredAsync();

        var notices = await OfKindAsync(ProjectHarness.YinchuanClerk, NotificationKind.ExpertReplacement);
        Assert.Equal(8, notices.Count);
        Assert.All(notices, n => Assert.Contains("已无可替补的专家", n.Body));
        foreach (var account in accounts.Values)
        {
            Assert.Single(await OfKindAsync(account, NotificationKind.ExpertInvitation));
        }
    }
}
