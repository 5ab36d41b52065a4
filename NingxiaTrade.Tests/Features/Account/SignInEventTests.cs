using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Account;

/// <summary>Sign-ins are recorded as sign-in events, not as a change of the user account at every login.</summary>
public class SignInEventTests : IClassFixture<WorkbenchFactory>
{
    private readonly WorkbenchFactory _factory;

    public SignInEventTests(WorkbenchFactory factory) => _factory = factory;

    [Fact]
    public async Task Login_SuccessAndWrongPassword_RecordedAsSignInEventsWithoutAccountChangeRows()
    {
        var supervisor = DemoAccount.ForRole(Roles.Supervisor);
        var (userId, before) = await AccountEntriesAsync(supervisor.Email);

        await HttpLogin.LoginAsync(_factory.CreateCookieClient(), supervisor.Email, supervisor.Password);
        await HttpLogin.PostLoginAsync(_factory.CreateCookieClient(), supervisor.Email, "Wrong@2026nx");
        await HttpLogin.LoginAsync(_factory.CreateCookieClient(), supervisor.Email, supervisor.Password);

        var (_, after) = await AccountEntriesAsync(supervisor.Email);
        Assert.Equal(before, after);
        await using var db = await ContextAsync();
        var events = await db.SignInEvents.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.OccurredUtc).ToListAsync();
        Assert.Equal([SignInOutcome.Succeeded, SignInOutcome.Failed, SignInOutcome.Succeeded], events.TakeLast(3).Select(e => e.Outcome));
        Assert.All(events, e => Assert.Equal("密码", e.Method));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(SignInEvent) && e.UserName == supervisor.Email));
    }

    [Fact]
    public async Task Login_UnknownAccount_RecordedUnderTheNameTyped()
    {
        await HttpLogin.PostLoginAsync(_factory.CreateCookieClient(), "nobody@example.cn", "Wrong@2026nx");

        await using var db = await ContextAsync();
        var recorded = await db.SignInEvents.AsNoTracking().SingleAsync(e => e.UserName == "nobody@example.cn");
        Assert.Equal((null, SignInOutcome.Failed), (recorded.UserId, recorded.Outcome));
    }

    /// <summary>The user's id and how many audit rows record a change of that account.</summary>
    private async Task<(string UserId, int Count)> AccountEntriesAsync(string email)
    {
        await using var db = await ContextAsync();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return (id, await db.AuditEntries.CountAsync(e => e.EntityType == "ApplicationUser" && e.EntityKey == id));
    }

    private async Task<TradeDbContext> ContextAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TradeDbContext>>().CreateDbContextAsync();
    }
}
