using System.Net;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Account;

public class LoginTests : IClassFixture<WorkbenchFactory>
{
    private readonly WorkbenchFactory _factory;

    public LoginTests(WorkbenchFactory factory) => _factory = factory;

    [Fact]
    public async Task LoginPage_IsChinese()
    {
        var html = await _factory.CreateCookieClient().GetStringAsync("/Account/Login");
        Assert.Contains("用户登录", html);
        Assert.Contains("lang=\"zh-CN\"", html);
    }

    [Fact]
    public async Task Login_DemoAdmin_RedirectsHome()
    {
        var admin = DemoAccount.ForRole(Roles.Admin);
        var response = await HttpLogin.PostLoginAsync(_factory.CreateCookieClient(), admin.Email, admin.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Lockout", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsChineseError()
    {
        var bidder = DemoAccount.ForRole(Roles.Expert);
        var response = await HttpLogin.PostLoginAsync(_factory.CreateCookieClient(), bidder.Email, "Wrong@Password1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("电子邮箱或密码不正确", await response.Content.ReadAsStringAsync());
    }
}
