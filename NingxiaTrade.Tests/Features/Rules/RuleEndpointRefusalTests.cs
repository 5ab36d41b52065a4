using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Rules;

/// <summary>
/// The rule downloads keep no refusal mapping of their own: an unknown template, catalogue version or project is
/// answered by the one global mapping (BadInputMiddleware) with its status and the Chinese error page off /api.
/// </summary>
public sealed class RuleEndpointRefusalTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    private async Task<HttpClient> ClerkAsync()
    {
        var client = factory.CreateCookieClient();
        var account = DemoAccount.ForRole(Roles.CentreClerk);
        await HttpLogin.LoginAsync(client, account.Email, account.Password);
        return client;
    }

    [Fact]
    public async Task TemplateDownload_UnknownTemplate_BadRequestWithChineseErrorPage()
    {
        using var client = await ClerkAsync();

        using var response = await client.GetAsync($"/rules/templates/{Guid.NewGuid()}.docx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"error-page\" data-status=\"400\"", body);
        Assert.Contains("找不到该标准文本。", body);
    }

    [Fact]
    public async Task TemplateFill_UnknownProject_NotFoundWithChineseErrorPage()
    {
        Guid templateId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TradeDbContext>>().CreateDbContextAsync();
            templateId = await db.DocumentTemplates.AsNoTracking().Select(t => t.Id).FirstAsync();
        }
        using var client = await ClerkAsync();

        using var response = await client.GetAsync($"/rules/templates/{templateId}/fill/{Guid.NewGuid()}.docx");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("找不到该项目。", await response.Content.ReadAsStringAsync());
    }
}
