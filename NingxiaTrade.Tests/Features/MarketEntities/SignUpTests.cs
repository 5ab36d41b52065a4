using Microsoft.AspNetCore.Identity;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.MarketEntities;

public class SignUpTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    [Fact]
    public async Task SignUp_Agent_AccountInRoleWithoutEntity()
    {
        await using var scope = new AppScope(factory, null);
        var email = $"agent-{Guid.NewGuid():N}"[..16] + "@test.cn";

        var user = await scope.Get<EntityAccountSignUp>().SignUpAsync(new EntityAccountForm(email, "王代理", Roles.Agent, "Agent@2026abc"));

        var users = scope.Get<UserManager<ApplicationUser>>();
        Assert.Equal([Roles.Agent], await users.GetRolesAsync(user));
        Assert.Null(user.MarketEntityId);
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.CentreClerk)]
    [InlineData(Roles.Expert)]
    public async Task SignUp_NonEntityRole_Refused(string role)
    {
        await using var scope = new AppScope(factory, null);

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            scope.Get<EntityAccountSignUp>().SignUpAsync(new EntityAccountForm("x-" + role + "@test.cn", "某某", role, "Secret@2026abc")));

        Assert.StartsWith("只能注册", refusal.Message);
    }

    [Fact]
    public async Task SignUp_EmailTaken_Refused()
    {
        await using var scope = new AppScope(factory, null);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => scope.Get<EntityAccountSignUp>()
            .SignUpAsync(new EntityAccountForm(DemoAccount.ForRole(Roles.Bidder).Email, "某某", Roles.Bidder, "Secret@2026abc")));

        Assert.Equal("该电子邮箱已注册，请直接登录。", refusal.Message);
    }
}
