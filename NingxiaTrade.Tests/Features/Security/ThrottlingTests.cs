using System.Net;
using System.Text.Json;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Security;

/// <summary>Rate limits per client address (RateLimits:*) and the progressive block of addresses that keep failing to sign in.</summary>
public class ThrottlingTests
{
    private static readonly DemoAccount Admin = DemoAccount.ForRole(Roles.Admin);

    [Fact]
    public async Task Login_MoreThanLimitFromOneAddress_429InChinese()
    {
        await using var factory = new ThrottledFactory(("RateLimits:Login:PermitLimit", "3"), ("RateLimits:Login:WindowSeconds", "600"));
        var client = factory.ClientFrom("198.51.100.10");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await HttpLogin.PostLoginAsync(client, Admin.Email, Admin.Password)).StatusCode);
        }

        var refused = await HttpLogin.PostLoginAsync(client, Admin.Email, Admin.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"zh-CN\"", html);
        Assert.Contains("请求过于频繁", html);
    }

    [Fact]
    public async Task Login_OneAddressOverLimit_SecondAddressStillSignsIn()
    {
        await using var factory = new ThrottledFactory(("RateLimits:Login:PermitLimit", "2"), ("RateLimits:Login:WindowSeconds", "600"));
        var first = factory.ClientFrom("198.51.100.11");
        await HttpLogin.PostLoginAsync(first, Admin.Email, Admin.Password);
        await HttpLogin.PostLoginAsync(first, Admin.Email, Admin.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await HttpLogin.PostLoginAsync(first, Admin.Email, Admin.Password)).StatusCode);

        await HttpLogin.LoginAsync(factory.ClientFrom("198.51.100.12"), Admin.Email, Admin.Password);
    }

    [Fact]
    public async Task Login_WrongPasswordsFromOneAddress_AddressBlockedBeforeAccountLocks()
    {
        await using var factory = new ThrottledFactory(("RateLimits:LoginFailures:FailuresBeforeBlock", "4"));
        var attacker = factory.ClientFrom("203.0.113.66");
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await HttpLogin.PostLoginAsync(attacker, Admin.Email, $"Guess@2026-{i}")).StatusCode);
        }

        // The fifth guess would lock the account: the address is refused instead, whatever it sends.
        var blocked = await HttpLogin.PostLoginAsync(attacker, Admin.Email, $"Guess@2026-5");
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Contains("登录失败次数过多", await blocked.Content.ReadAsStringAsync());

        // The administrator, elsewhere, is not locked out.
        var admin = await HttpLogin.PostLoginAsync(factory.ClientFrom("192.0.2.1"), Admin.Email, Admin.Password);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.DoesNotContain("Lockout", admin.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Register_MoreThanLimit_429()
    {
        await using var factory = new ThrottledFactory(("RateLimits:Registration:PermitLimit", "1"));
        var client = factory.ClientFrom("198.51.100.20");
        var form = new Dictionary<string, string> { ["_handler"] = "register", ["Input.Email"] = "x@y.cn" };
        await client.PostAsync("/Account/Register", new FormUrlEncodedContent(form));

        var second = await client.PostAsync("/Account/Register", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Fact]
    public async Task PublicApi_MoreThanLimit_429ProblemDetailsInChinese()
    {
        await using var factory = new ThrottledFactory(("RateLimits:PublicApi:PermitLimit", "2"), ("RateLimits:PublicApi:WindowSeconds", "600"));
        var client = factory.ClientFrom("198.51.100.30");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/public/workflows")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/public/workflows")).StatusCode);

        var refused = await client.GetAsync("/api/public/workflows");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("请求过于频繁", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task PublicApi_BehindKnownProxy_CountsTheForwardedClient()
    {
        await using var factory = new ThrottledFactory(("RateLimits:PublicApi:PermitLimit", "1"), ("RateLimits:PublicApi:WindowSeconds", "600"),
            ("ForwardedHeaders:KnownProxies:0", "10.20.0.5"));
        var proxy = factory.ClientFrom("10.20.0.5");

        Assert.Equal(HttpStatusCode.OK, await PublicApiForwardedForAsync(proxy, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await PublicApiForwardedForAsync(proxy, "203.0.113.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PublicApiForwardedForAsync(proxy, "203.0.113.1"));
    }

    [Fact]
    public async Task PublicApi_UnknownProxy_ForwardedHeaderIgnored()
    {
        await using var factory = new ThrottledFactory(("RateLimits:PublicApi:PermitLimit", "1"), ("RateLimits:PublicApi:WindowSeconds", "600"));
        var stranger = factory.ClientFrom("10.30.0.9");

        Assert.Equal(HttpStatusCode.OK, await PublicApiForwardedForAsync(stranger, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PublicApiForwardedForAsync(stranger, "203.0.113.2"));
    }

    private static async Task<HttpStatusCode> PublicApiForwardedForAsync(HttpClient from, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/public/workflows");
        request.Headers.Add("X-Forwarded-For", client);
        return (await from.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Startup_AddressBlockNotBelowAccountLockout_Refused()
    {
        await using var factory = new ThrottledFactory(("RateLimits:LoginFailures:FailuresBeforeBlock", "5"));

        var e = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("FailuresBeforeBlock", e.ToString());
    }
}
