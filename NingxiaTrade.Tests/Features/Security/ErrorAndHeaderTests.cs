using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Security;

/// <summary>Bad input answered in Chinese without a 500, the security headers, and sign-in answers that reveal nothing.</summary>
public partial class ErrorAndHeaderTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    [Fact]
    public async Task Page_SecurityHeaders_CspFitsBlazorAndForbidsFraming()
    {
        var response = await factory.CreateCookieClient().GetAsync("/Account/Login");

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("connect-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        // The import map is the page's one inline script; it carries this response's nonce.
        var nonce = NoncePattern().Match(csp).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_SecurityHeaders_Present()
    {
        var response = await factory.CreateClient().GetAsync("/api/public/workflows");

        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task FeeSheet_UnknownDraw_ChinesePageNot500()
    {
        var clerk = DemoAccount.ForRole(Roles.CentreClerk);
        var client = factory.CreateCookieClient();
        await HttpLogin.LoginAsync(client, clerk.Email, clerk.Password);

        var response = await client.GetAsync($"/experts/draws/{Guid.NewGuid()}/fees.xlsx");

        Assert.Contains("未找到该抽取记录", await ChinesePageAsync(response, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Login_OffSiteReturnUrl_RedirectsHomeNot500()
    {
        var admin = DemoAccount.ForRole(Roles.Admin);
        var client = factory.CreateCookieClient();
        var page = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString("https://evil.example.com/steal"),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = HttpLogin.AntiforgeryToken(page),
                ["_handler"] = "login",
                ["Input.Email"] = admin.Email,
                ["Input.Password"] = admin.Password,
            }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.DoesNotContain("evil.example.com", location);
    }

    [Fact]
    public async Task Verify_MalformedMultipart_400ChineseProblem()
    {
        using var content = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"document\"; filename=\"a.txt\"\r\n\r\nabc");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");

        var response = await factory.CreateClient().PostAsync("/api/public/signatures/verify", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("multipart", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Api_NotSignedIn_401ChineseProblem()
    {
        var response = await factory.CreateClient().GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("尚未登录", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Form_PostWithoutAntiforgery_ChineseAnswerWithoutEchoingCookies()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }),
        };
        request.Headers.Add("Cookie", "probe=SECRET-COOKIE-VALUE-4711");

        var response = await factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);

        Assert.DoesNotContain("SECRET-COOKIE-VALUE-4711", await ChinesePageAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task UnknownPage_404ChinesePage()
    {
        var response = await factory.CreateCookieClient().GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("不存在", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_UnknownEmail_SameAnswerAndOnePasswordHashLikeAKnownAccount()
    {
        var counter = new CountingHasher();
        await using var counted = new CountingFactory(counter);
        var bidder = DemoAccount.ForRole(Roles.Bidder);

        var known = await HttpLogin.PostLoginAsync(counted.CreateClient(new() { AllowAutoRedirect = false }), bidder.Email, "Wrong@Password2026");
        var knownChecks = counter.Verifications;
        var unknown = await HttpLogin.PostLoginAsync(counted.CreateClient(new() { AllowAutoRedirect = false }), "nobody.here@example.cn", "Wrong@Password2026");
        var unknownChecks = counter.Verifications - knownChecks;

        Assert.Equal(1, knownChecks);
        Assert.Equal(1, unknownChecks);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(Answer(await known.Content.ReadAsStringAsync()), Answer(await unknown.Content.ReadAsStringAsync()));
    }

    /// <summary>Checks the status and that the answer is a Chinese page; returns its HTML.</summary>
    private static async Task<string> ChinesePageAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"zh-CN\"", html);
        return html;
    }

    /// <summary>The sign-in page's message, whatever the request's tokens.</summary>
    private static string Answer(string html) => StatusPattern().Match(html).Value;

    private sealed class CountingFactory(CountingHasher counter) : WorkbenchFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s =>
            {
                s.RemoveAll<IPasswordHasher<ApplicationUser>>();
                s.AddSingleton<IPasswordHasher<ApplicationUser>>(counter);
            });
        }
    }

    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();

    [GeneratedRegex("错误：[^<]+")]
    private static partial Regex StatusPattern();
}
