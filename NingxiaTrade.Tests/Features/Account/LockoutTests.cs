using System.Net;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Account;

public class LockoutTests
{
    [Fact]
    public async Task Login_FiveWrongPasswords_LocksAccountEvenForTheRightPassword()
    {
        // Its own workbench: the locked account must not leak into other tests.
        await using var factory = new WorkbenchFactory();
        var expert = DemoAccount.ForRole(Roles.Expert);
        await WrongPasswordsAsync(factory, expert.Email, 5);

        var client = factory.CreateCookieClient();
        var response = await HttpLogin.PostLoginAsync(client, expert.Email, expert.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Lockout", AccountHtml.Location(response));
        var html = await client.GetStringAsync(AccountHtml.Location(response));
        AccountHtml.AssertChinesePage(html);
        Assert.Contains("账户已锁定", html);
        Assert.Contains("连续 5 次", html);
        Assert.Contains("15 分钟", html);
        Assert.Contains("系统管理员", html);
    }

    [Fact]
    public async Task Login_FourWrongPasswords_StillSignsIn()
    {
        await using var factory = new WorkbenchFactory();
        var expert = DemoAccount.ForRole(Roles.Expert);
        await WrongPasswordsAsync(factory, expert.Email, 4);

        await HttpLogin.LoginAsync(factory.CreateCookieClient(), expert.Email, expert.Password);
    }

    private static async Task WrongPasswordsAsync(WorkbenchFactory factory, string email, int count)
    {
        for (var attempt = 1; attempt <= count; attempt++)
        {
            await HttpLogin.PostLoginAsync(factory.CreateCookieClient(), email, $"Wrong@Password{attempt}");
        }
    }
}
