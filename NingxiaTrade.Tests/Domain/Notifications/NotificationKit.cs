using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Notifications;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Notifications;

/// <summary>The real notifier over a test database, role grants for test accounts, and reading what someone received.</summary>
public static class NotificationKit
{
    public static Notifier Notifier(TestDatabase database, NotificationSettings? settings = null, NotificationSignal? signal = null) =>
        new(new ProjectParticipants(), signal ?? new NotificationSignal(), settings ?? new NotificationSettings(), database.User, database.Time);

    /// <summary>Gives the accounts their Identity role (the notifier resolves "role in organisation" through it).</summary>
    public static async Task GrantAsync(TestDatabase database, string role, params string[] userIds)
    {
        await using var db = database.CreateDbContext();
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync();
        if (roleId is null)
        {
            roleId = Guid.NewGuid().ToString();
            db.Roles.Add(new IdentityRole(role) { Id = roleId, NormalizedName = role.ToUpperInvariant() });
        }
        foreach (var id in userIds)
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roleId });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Every user of the harness gets the role its organisation implies (clerks, supervisors, the tenderer, the bidder).</summary>
    public static async Task GrantHarnessRolesAsync(ProjectHarness harness)
    {
        await using var db = harness.Database.CreateDbContext();
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.TradingCentreId, u.SupervisingDepartmentId }).ToListAsync();
        await GrantAsync(harness.Database, Roles.CentreClerk, users.Where(u => u.TradingCentreId != null).Select(u => u.Id).ToArray());
        await GrantAsync(harness.Database, Roles.Supervisor, users.Where(u => u.SupervisingDepartmentId != null).Select(u => u.Id).ToArray());
        await GrantAsync(harness.Database, Roles.Tenderer, ProjectHarness.TendererId);
        await GrantAsync(harness.Database, Roles.Bidder, ProjectHarness.BidderId);
    }

    public static async Task<List<Notification>> ReceivedAsync(TestDatabase database, string userId)
    {
        await using var db = database.CreateDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == userId).OrderBy(n => n.CreatedUtc).ToListAsync();
    }

    public static async Task<int> CountAsync(TestDatabase database, NotificationKind kind)
    {
        await using var db = database.CreateDbContext();
        return await db.Notifications.CountAsync(n => n.Kind == kind);
    }
}
