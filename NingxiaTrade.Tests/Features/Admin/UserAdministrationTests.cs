using System.Net;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Admin;

/// <summary>The Admin's account operations, through the real app's services and Identity configuration.</summary>
public class UserAdministrationTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    private const string GoodPassword = "Nx@Test2026a";

    private async Task<int> CentreIdAsync(AppScope scope) =>
        await scope.Get<TradeDbContext>().TradingCentres.Where(c => c.RegionCode == "640300").Select(c => c.Id).SingleAsync();

    private async Task<DomainException> RefusedAsync(UserForm form)
    {
        await using var scope = new AppScope(factory, Roles.Admin);
        var ex = await Assert.ThrowsAnyAsync<DomainException>(() => scope.Get<UserAdministration>().CreateAsync(form));
        await using var check = new AppScope(factory, Roles.Admin);
        Assert.False(await check.Get<TradeDbContext>().Users.AnyAsync(u => u.Email == form.Email), "a refused account must not be saved");
        return ex;
    }

    [Fact]
    public async Task Create_InvalidEmail_RefusedInChinese()
    {
        var ex = await RefusedAsync(new UserForm("not-an-email", "测试用户", Roles.Bidder, null, null, GoodPassword));
        Assert.Equal("电子邮箱格式不正确。", ex.Message);
    }

    [Theory]
    [InlineData("Ab1", "至少需要 10 个字符")]
    [InlineData("abcdefgh1", "大写字母")]
    [InlineData("ABCDEFGH1", "小写字母")]
    [InlineData("Abcdefghi", "数字")]
    public async Task Create_WeakPassword_RefusedAndNothingSaved(string password, string expected)
    {
        var ex = await RefusedAsync(new UserForm($"weak{password.Length}{expected.Length}@test.cn", "测试用户", Roles.Bidder, null, null, password));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public async Task Create_ClerkWithoutCentre_Refused()
    {
        var ex = await RefusedAsync(new UserForm("nocentre@test.cn", "测试用户", Roles.CentreClerk, null, null, GoodPassword));
        Assert.Contains("必须隶属于一个在用的交易中心", ex.Message);
    }

    [Fact]
    public async Task Create_SupervisorWithoutDepartment_Refused()
    {
        var ex = await RefusedAsync(new UserForm("nodept@test.cn", "测试用户", Roles.Supervisor, null, null, GoodPassword));
        Assert.Contains("行政监督部门", ex.Message);
    }

    [Fact]
    public async Task Create_DuplicateEmail_Refused()
    {
        var existing = DemoAccount.ForRole(Roles.Bidder).Email;
        await using var scope = new AppScope(factory, Roles.Admin);
        var ex = await Assert.ThrowsAnyAsync<DomainException>(() =>
            scope.Get<UserAdministration>().CreateAsync(new UserForm(existing, "重复用户", Roles.Bidder, null, null, GoodPassword)));
        Assert.Contains("已被使用", ex.Message);
    }

    [Fact]
    public async Task Create_ByNonAdmin_AccessDenied()
    {
        await using var scope = new AppScope(factory, Roles.CentreClerk);
        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            scope.Get<UserAdministration>().CreateAsync(new UserForm("byclerk@test.cn", "测试用户", Roles.Bidder, null, null, GoodPassword)));
        Assert.Contains("系统管理员", ex.Message);
    }

    [Fact]
    public async Task Create_Valid_UserLogsInAndChangeIsAudited()
    {
        await using (var scope = new AppScope(factory, Roles.Admin, "admin-test@test.cn"))
        {
            await scope.Get<UserAdministration>().CreateAsync(
                new UserForm("newclerk@test.cn", "吴忠办事员", Roles.CentreClerk, await CentreIdAsync(scope), null, GoodPassword));
        }
        await HttpLogin.LoginAsync(factory.CreateCookieClient(), "newclerk@test.cn", GoodPassword);

        await using var check = new AppScope(factory, Roles.Admin);
        var db = check.Get<TradeDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == "newclerk@test.cn");
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityKey == user.Id && e.Action == "Added" && e.UserName == "admin-test@test.cn"));
    }

    [Fact]
    public async Task Lock_LockedUserCannotLogIn_UntilUnlocked()
    {
        string id;
        await using (var scope = new AppScope(factory, Roles.Admin))
        {
            var admin = scope.Get<UserAdministration>();
            id = await admin.CreateAsync(new UserForm("tolock@test.cn", "待锁定", Roles.Bidder, null, null, GoodPassword));
            await admin.LockAsync(id);
            var row = (await admin.ListAsync(new UserQuery("tolock@test.cn"))).Items.Single();
            Assert.True(row.IsLocked);
        }
        var locked = await HttpLogin.PostLoginAsync(factory.CreateCookieClient(), "tolock@test.cn", GoodPassword);
        Assert.Contains("Lockout", locked.Headers.Location?.ToString());

        await using (var scope = new AppScope(factory, Roles.Admin))
        {
            await scope.Get<UserAdministration>().UnlockAsync(id);
        }
        await HttpLogin.LoginAsync(factory.CreateCookieClient(), "tolock@test.cn", GoodPassword);
    }

    [Fact]
    public async Task ResetPassword_OldPasswordStopsWorking()
    {
        await using (var scope = new AppScope(factory, Roles.Admin))
        {
            var admin = scope.Get<UserAdministration>();
            var id = await admin.CreateAsync(new UserForm("toreset@test.cn", "待重置", Roles.Agent, null, null, GoodPassword));
            var weak = await Assert.ThrowsAnyAsync<DomainException>(() => admin.ResetPasswordAsync(id, "short"));
            Assert.Contains("至少需要 10 个字符", weak.Message);
            await admin.ResetPasswordAsync(id, "Nx@Reset2026b");
        }
        var old = await HttpLogin.PostLoginAsync(factory.CreateCookieClient(), "toreset@test.cn", GoodPassword);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        await HttpLogin.LoginAsync(factory.CreateCookieClient(), "toreset@test.cn", "Nx@Reset2026b");
    }

    [Fact]
    public async Task Lock_Self_Refused()
    {
        await using var scope = new AppScope(factory, Roles.Admin);
        var admin = scope.Get<UserAdministration>();
        var demoAdmin = await scope.Get<TradeDbContext>().Users.SingleAsync(u => u.Email == DemoAccount.ForRole(Roles.Admin).Email);
        await using var self = new AppScopeAs(factory, demoAdmin.Id);
        var ex = await Assert.ThrowsAnyAsync<DomainException>(() => self.Scope.Get<UserAdministration>().LockAsync(demoAdmin.Id));
        Assert.Equal("不能锁定自己的账户。", ex.Message);
    }

    /// <summary>An Admin scope whose user id is a real account's.</summary>
    private sealed class AppScopeAs(WorkbenchFactory factory, string userId) : IAsyncDisposable
    {
        public AppScope Scope { get; } = new AppScope(factory, Roles.Admin, userId: userId);
        public ValueTask DisposeAsync() => Scope.DisposeAsync();
    }

    [Fact]
    public async Task Update_ClerkGivenDesignerPermission_GetsClaim_AndLosesItWhenNoLongerClerk()
    {
        await using var scope = new AppScope(factory, Roles.Admin);
        var admin = scope.Get<UserAdministration>();
        var centre = await CentreIdAsync(scope);
        var id = await admin.CreateAsync(new UserForm("designer@test.cn", "流程设计员", Roles.CentreClerk, centre, null, GoodPassword, WorkflowDesigner: true));
        Assert.True((await admin.ListAsync(new UserQuery("designer@test.cn"))).Items.Single().WorkflowDesigner);

        await admin.UpdateAsync(id, new UserForm("designer@test.cn", "流程设计员", Roles.Bidder, null, null, WorkflowDesigner: true));
        Assert.False((await admin.ListAsync(new UserQuery("designer@test.cn"))).Items.Single().WorkflowDesigner);
        var db = scope.Get<TradeDbContext>();
        Assert.False(await db.UserClaims.AnyAsync(c => c.UserId == id && c.ClaimValue == UserAdministration.DesignerPermission));
    }
}
