using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Bidding;

/// <summary>The tender-document download over HTTP on the demo data: streamed to a bidder and recorded with its address.</summary>
public sealed class TenderDocumentHttpTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    private async Task<Guid> DemoDocumentAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
        // The 第四污水处理厂 documents (the sealed-bid demo project has its own).
        return await db.TenderDocuments.Where(d => d.IsCurrent && d.FileName.StartsWith("第四污水处理厂")).Select(d => d.Id).SingleAsync();
    }

    private async Task<int> BidderDownloadsAsync(Guid documentId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
        return await db.TenderDocumentDownloads.CountAsync(d => d.DocumentId == documentId && d.Role == Roles.Bidder);
    }

    [Fact]
    public async Task Download_DemoBidder_StreamsTheSignedPdfAndRecordsIt()
    {
        var id = await DemoDocumentAsync();
        var before = await BidderDownloadsAsync(id);
        using var client = factory.CreateCookieClient();
        var bidder = DemoAccount.ForRole(Roles.Bidder);
        await HttpLogin.LoginAsync(client, bidder.Email, bidder.Password);

        using var response = await client.GetAsync($"/bidding/documents/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), body[..4]);
        Assert.Equal(before + 1, await BidderDownloadsAsync(id));
    }

    [Fact]
    public async Task Download_Anonymous_SentToSignIn()
    {
        var id = await DemoDocumentAsync();
        using var client = factory.CreateCookieClient();

        using var response = await client.GetAsync($"/bidding/documents/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Download_UnknownDocument_NotFound()
    {
        using var client = factory.CreateCookieClient();
        var bidder = DemoAccount.ForRole(Roles.Bidder);
        await HttpLogin.LoginAsync(client, bidder.Email, bidder.Password);

        using var response = await client.GetAsync($"/bidding/documents/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
