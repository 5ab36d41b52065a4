using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.ApiKeys;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Tests.Support;
using NingxiaTrade.Workbench.Security;

namespace NingxiaTrade.Tests.Features.Api;

/// <summary>The machine-facing surface: health, the OpenAPI document, and who may call /api.</summary>
public class ApiTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    [Fact]
    public async Task Health_Get_ReturnsHealthy()
    {
        using var response = await factory.CreateCookieClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocument_Get_ListsOnlyApiPaths()
    {
        using var response = await factory.CreateCookieClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/me", paths);
        Assert.All(paths, path => Assert.StartsWith("/api/", path));
    }

    [Fact]
    public async Task Scalar_GetInDevelopment_Returns200()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Me_Anonymous_Returns401NotARedirect()
    {
        using var response = await factory.CreateCookieClient().GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Me_ValidApiKey_Returns200NamingTheKey()
    {
        var (_, secret) = await IssueKeyAsync("国家公共资源交易平台");

        using var response = await GetMeAsync(secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<Me>();
        Assert.Equal("API:国家公共资源交易平台", me!.Name);
        Assert.Equal([Policies.ApiClientRole], me.Roles);
    }

    [Fact]
    public async Task Me_RevokedApiKey_Returns401()
    {
        var (_, secret) = await IssueKeyAsync("已吊销的接入系统", revoke: true);

        using var response = await GetMeAsync(secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_ExpiredApiKey_Returns401()
    {
        var (_, secret) = await IssueKeyAsync("已过期的接入系统", issuedUtc: DateTime.UtcNow.AddDays(-30), expiresUtc: DateTime.UtcNow.AddDays(-1));

        using var response = await GetMeAsync(secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("nxt_0000000000000000000000000000000000000000000000")]
    [InlineData("short")]
    public async Task Me_WrongApiKey_Returns401(string secret)
    {
        using var response = await GetMeAsync(secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_ValidKeyPrefixWithWrongSecret_Returns401()
    {
        var (key, _) = await IssueKeyAsync("被猜测前缀的接入系统");

        using var response = await GetMeAsync(key.Prefix + new string('0', 36));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_SignedInCookieUser_Returns200()
    {
        var clerk = DemoAccount.ForRole(Roles.CentreClerk);
        using var client = factory.CreateCookieClient();
        await HttpLogin.LoginAsync(client, clerk.Email, clerk.Password);

        var me = await client.GetFromJsonAsync<Me>("/api/me");

        Assert.Equal(clerk.Email, me!.Name);
        Assert.Equal([Roles.CentreClerk], me.Roles);
    }

    private async Task<HttpResponseMessage> GetMeAsync(string secret)
    {
        using var client = factory.CreateCookieClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add(ApiKeyAuthenticationHandler.HeaderName, secret);
        return await client.SendAsync(request);
    }

    /// <summary>Puts a key straight into the workbench's database, as the Admin's screen would.</summary>
    private async Task<(ApiKey Key, string Secret)> IssueKeyAsync(
        string name, bool revoke = false, DateTime? issuedUtc = null, DateTime? expiresUtc = null)
    {
        var now = issuedUtc ?? DateTime.UtcNow;
        var (key, secret) = ApiKey.Issue(name, "admin@demo.nxggzy.cn", now, expiresUtc);
        if (revoke)
        {
            key.Revoke(now);
        }
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();
        return (key, secret);
    }

    private sealed record Me(string Name, string[] Roles);
}
