using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Tests.Support;
using NingxiaTrade.Workbench.Security;

namespace NingxiaTrade.Tests.Features.Account;

public class AccountPageTests : IClassFixture<WorkbenchFactory>
{
    private readonly WorkbenchFactory _factory;

    public AccountPageTests(WorkbenchFactory factory) => _factory = factory;

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Lockout")]
    [InlineData("/Account/AccessDenied")]
    [InlineData("/Account/InvalidUser")]
    public async Task AnonymousPage_IsChineseInWorkbenchLayout(string url)
    {
        var html = await _factory.CreateCookieClient().GetStringAsync(url);

        AccountHtml.AssertChinesePage(html);
    }

    [Theory]
    [InlineData("/Account/Manage")]
    [InlineData("/Account/Manage/ChangePassword")]
    [InlineData("/Account/Manage/TwoFactorAuthentication")]
    [InlineData("/Account/Manage/EnableAuthenticator")]
    [InlineData("/Account/Manage/ResetAuthenticator")]
    public async Task ManagePage_SignedIn_IsChineseInWorkbenchLayout(string url)
    {
        var client = await SignedInClientAsync(Roles.Supervisor);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        AccountHtml.AssertChinesePage(html);
        Assert.Contains("账户与安全", html);
    }

    [Fact]
    public async Task Profile_ShowsNameEmailChineseRoleAndOrganisation()
    {
        var supervisor = DemoAccount.ForRole(Roles.Supervisor);
        string? organisation;
        using (var scope = _factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
            organisation = await WorkbenchClaimsFactory.OrganisationNameAsync(db, (await users.FindByEmailAsync(supervisor.Email))!);
        }
        var client = await SignedInClientAsync(Roles.Supervisor);

        var html = await client.GetStringAsync("/Account/Manage");

        Assert.NotNull(organisation);
        Assert.Contains(supervisor.DisplayName, html);
        Assert.Contains(supervisor.Email, html);
        Assert.Contains(Roles.Chinese(Roles.Supervisor), html);
        Assert.Contains(organisation, html);
    }

    [Fact]
    public async Task Profile_InvalidPhone_ShowsChineseValidationMessage()
    {
        var client = await SignedInClientAsync(Roles.LegalOfficer);

        var response = await AccountHtml.PostFormAsync(client, "/Account/Manage", "profile",
            new Dictionary<string, string> { ["Input.PhoneNumber"] = "phone-123" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("联系电话格式不正确", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Profile_ValidPhone_SavedWithChineseStatusMessage()
    {
        var client = await SignedInClientAsync(Roles.LegalOfficer);

        var response = await AccountHtml.PostFormAsync(client, "/Account/Manage", "profile",
            new Dictionary<string, string> { ["Input.PhoneNumber"] = "0951-1234567" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync(AccountHtml.Location(response));

        Assert.Contains("个人资料已保存", html);
        Assert.Contains("acct-alert-success", html);
        Assert.Contains("0951-1234567", html);
    }

    [Fact]
    public async Task ChangePassword_WeakPassword_ShowsChineseIdentityErrors()
    {
        var agent = DemoAccount.ForRole(Roles.Agent);
        var client = await SignedInClientAsync(Roles.Agent);

        var response = await PostChangePasswordAsync(client, agent.Password, "abc", "abc");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("acct-alert-danger", html);
        Assert.Contains("密码至少需要 10 个字符", html);
        Assert.Contains("大写字母", html);
        Assert.Contains("数字", html);
    }

    [Fact]
    public async Task ChangePassword_Mismatch_ShowsChineseValidationMessage()
    {
        var client = await SignedInClientAsync(Roles.Agent);

        var response = await PostChangePasswordAsync(client, "", "Newpass2026", "Newpass2027");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("请输入当前密码", html);
        Assert.Contains("两次输入的新密码不一致", html);
    }

    [Fact]
    public async Task ChangePassword_StrongPassword_ChangesItWithChineseStatusMessage()
    {
        var centreClerk = DemoAccount.ForRole(Roles.CentreClerk);
        var client = await SignedInClientAsync(Roles.CentreClerk);

        var response = await PostChangePasswordAsync(client, centreClerk.Password, "Ningxia2027new", "Ningxia2027new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync(AccountHtml.Location(response));

        Assert.Contains("密码已修改", html);
        await HttpLogin.LoginAsync(_factory.CreateCookieClient(), centreClerk.Email, "Ningxia2027new");
    }

    [Fact]
    public async Task Disable2fa_WhenNotEnabled_RedirectsWithChineseError()
    {
        var client = await SignedInClientAsync(Roles.Supervisor);

        var response = await client.GetAsync("/Account/Manage/Disable2fa");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync(AccountHtml.Location(response));

        Assert.Contains("acct-alert-danger", html);
        Assert.Contains("错误：双因素认证当前未启用", html);
    }

    [Fact]
    public async Task ManagePage_Anonymous_RedirectsToLogin()
    {
        var response = await _factory.CreateCookieClient().GetAsync("/Account/Manage");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", AccountHtml.Location(response));
    }

    private static Task<HttpResponseMessage> PostChangePasswordAsync(HttpClient client, string oldPassword, string newPassword, string confirmPassword) =>
        AccountHtml.PostFormAsync(client, "/Account/Manage/ChangePassword", "change-password",
            new Dictionary<string, string>
            {
                ["Input.OldPassword"] = oldPassword,
                ["Input.NewPassword"] = newPassword,
                ["Input.ConfirmPassword"] = confirmPassword,
            });

    private async Task<HttpClient> SignedInClientAsync(string role)
    {
        var account = DemoAccount.ForRole(role);
        var client = _factory.CreateCookieClient();
        await HttpLogin.LoginAsync(client, account.Email, account.Password);
        return client;
    }
}
