using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Account;

public partial class TwoFactorLoginTests : IClassFixture<WorkbenchFactory>
{
    private readonly WorkbenchFactory _factory;

    public TwoFactorLoginTests(WorkbenchFactory factory) => _factory = factory;

    [Fact]
    public async Task Login_TotpEnabled_RedirectsToLoginWith2fa()
    {
        var tenderer = DemoAccount.ForRole(Roles.Tenderer);
        await EnableTotpAsync(tenderer.Email);

        var response = await HttpLogin.PostLoginAsync(_factory.CreateCookieClient(), tenderer.Email, tenderer.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/LoginWith2fa", AccountHtml.Location(response));
    }

    [Fact]
    public async Task LoginWith2fa_CorrectCode_SignsIntoTheApp()
    {
        var tenderer = DemoAccount.ForRole(Roles.Tenderer);
        var key = await EnableTotpAsync(tenderer.Email);
        var (client, twoFactorUrl) = await PasswordStepAsync(tenderer);

        var response = await PostCodeAsync(client, twoFactorUrl, Totp.Code(key, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(new Uri("http://localhost"), AccountHtml.Location(response));
        Assert.Equal("/", target.AbsolutePath);
        var profile = await client.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains(tenderer.DisplayName, await profile.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LoginWith2fa_WrongCode_ShowsChineseError()
    {
        var tenderer = DemoAccount.ForRole(Roles.Tenderer);
        var key = await EnableTotpAsync(tenderer.Email);
        var (client, twoFactorUrl) = await PasswordStepAsync(tenderer);
        var wrong = ((int.Parse(Totp.Code(key, DateTimeOffset.UtcNow), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        var response = await PostCodeAsync(client, twoFactorUrl, wrong);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("错误：验证码不正确", html);
        Assert.Contains("acct-alert-danger", html);
        AccountHtml.AssertChinesePage(html);
    }

    [Fact]
    public async Task LoginWith2fa_WithoutPasswordStep_GoesBackToLogin()
    {
        var response = await _factory.CreateCookieClient().GetAsync("/Account/LoginWith2fa");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", AccountHtml.Location(response));
    }

    [Fact]
    public async Task TwoFactorLoginPages_AreChinese()
    {
        var tenderer = DemoAccount.ForRole(Roles.Tenderer);
        await EnableTotpAsync(tenderer.Email);
        var (client, twoFactorUrl) = await PasswordStepAsync(tenderer);

        AccountHtml.AssertChinesePage(await client.GetStringAsync(twoFactorUrl));
        AccountHtml.AssertChinesePage(await client.GetStringAsync("/Account/LoginWithRecoveryCode"));
    }

    [Fact]
    public async Task LoginWithRecoveryCode_UnusedCode_SignsIn()
    {
        var tenderer = DemoAccount.ForRole(Roles.Tenderer);
        await EnableTotpAsync(tenderer.Email);
        string code;
        using (var scope = _factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(tenderer.Email))!;
            code = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.First();
        }
        var (client, _) = await PasswordStepAsync(tenderer);

        var response = await AccountHtml.PostFormAsync(client, "/Account/LoginWithRecoveryCode", "login-with-recovery-code",
            new Dictionary<string, string> { ["Input.RecoveryCode"] = code });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task EnableAuthenticator_ThroughThePage_EnablesTwoFactorAndShowsRecoveryCodes()
    {
        var bidder = DemoAccount.ForRole(Roles.Bidder);
        var client = _factory.CreateCookieClient();
        await HttpLogin.LoginAsync(client, bidder.Email, bidder.Password);
        var page = await client.GetStringAsync("/Account/Manage/EnableAuthenticator");
        Assert.Contains("<svg", page);
        var key = SharedKey().Match(page).Groups[1].Value;

        var response = await AccountHtml.PostFormAsync(client, "/Account/Manage/EnableAuthenticator", "send-code",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("双因素认证已启用", html);
        Assert.Equal(10, RecoveryCode().Matches(html).Count);
        AccountHtml.AssertChinesePage(html);
        foreach (var url in new[] { "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/Disable2fa", "/Account/Manage/GenerateRecoveryCodes" })
        {
            var managePage = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, managePage.StatusCode);
            AccountHtml.AssertChinesePage(await managePage.Content.ReadAsStringAsync());
        }
        Assert.Contains("已启用", await client.GetStringAsync("/Account/Manage/TwoFactorAuthentication"));
    }

    /// <summary>Turns on TOTP as the set-up page would and returns the base32 key the phone would hold.</summary>
    private async Task<string> EnableTotpAsync(string email)
    {
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (key is null)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        return key!;
    }

    private async Task<(HttpClient Client, string TwoFactorUrl)> PasswordStepAsync(DemoAccount account)
    {
        var client = _factory.CreateCookieClient();
        var response = await HttpLogin.PostLoginAsync(client, account.Email, account.Password);
        var location = AccountHtml.Location(response);
        Assert.Contains("/Account/LoginWith2fa", location);
        return (client, location!);
    }

    private static Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string twoFactorUrl, string code) =>
        AccountHtml.PostFormAsync(client, twoFactorUrl, "login-with-2fa",
            new Dictionary<string, string> { ["Input.TwoFactorCode"] = code, ["Input.RememberMachine"] = "false" });

    [GeneratedRegex("<kbd class=\"acct-key\" id=\"shared-key\">([a-z0-9 ]+)</kbd>")]
    private static partial Regex SharedKey();

    [GeneratedRegex(@"<code>[0-9A-Za-z]{4,5}-[0-9A-Za-z]{4,5}</code>")]
    private static partial Regex RecoveryCode();
}
