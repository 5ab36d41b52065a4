using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Account;

/// <summary>Logout ends the session on the server: a sign-in cookie saved before it no longer opens anything.</summary>
public class LogoutTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    [Fact]
    public async Task Logout_CookieSavedBefore_ReplayIsRefused()
    {
        var clerk = DemoAccount.ForRole(Roles.CentreClerk);
        var cookies = new CookieContainer();
        var browser = factory.CreateDefaultClient(new CookieContainerHandler(cookies));
        await HttpLogin.LoginAsync(browser, clerk.Email, clerk.Password);
        var saved = cookies.GetCookieHeader(browser.BaseAddress!);
        Assert.Contains("NingxiaTrade.Auth=", saved);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(saved, "/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await LogoutAsync(browser)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await ReplayAsync(saved, "/api/me")).StatusCode);
        var home = await ReplayAsync(saved, "/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/Account/Login", home.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Logout_OtherBrowserOfSameUser_AlsoSignedOut()
    {
        var expert = DemoAccount.ForRole(Roles.Expert);
        var office = factory.CreateCookieClient();
        var home = factory.CreateCookieClient();
        await HttpLogin.LoginAsync(office, expert.Email, expert.Password);
        await HttpLogin.LoginAsync(home, expert.Email, expert.Password);

        await LogoutAsync(office);

        Assert.Equal(HttpStatusCode.Unauthorized, (await home.GetAsync("/api/me")).StatusCode);
    }

    /// <summary>The 退出 button: its form (antiforgery token from a page that shows it) posted to /Account/Logout.</summary>
    private static async Task<HttpResponseMessage> LogoutAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/Account/AccessDenied");
        return await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpLogin.AntiforgeryToken(page),
        }));
    }

    private async Task<HttpResponseMessage> ReplayAsync(string cookieHeader, string path)
    {
        // A client of its own, holding nothing but the copied cookie header.
        var attacker = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookieHeader);
        return await attacker.SendAsync(request);
    }
}
