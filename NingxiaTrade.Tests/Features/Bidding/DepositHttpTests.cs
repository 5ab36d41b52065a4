using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Bidding;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Bidding;

/// <summary>The deposit refund list over HTTP on the demo data: the clerk gets the workbook, a bidder does not.</summary>
public sealed class DepositHttpTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    private async Task<Deposit> DemoRefundedAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
        return await db.Deposits.AsNoTracking().SingleAsync(d => d.Status == DepositStatus.Refunded);
    }

    [Fact]
    public async Task RefundList_DemoClerk_WorkbookWithTheRefundedDeposit()
    {
        var refunded = await DemoRefundedAsync();
        using var client = factory.CreateCookieClient();
        var clerk = DemoAccount.ForRole(Roles.CentreClerk);
        await HttpLogin.LoginAsync(client, clerk.Email, clerk.Password);

        using var response = await client.GetAsync($"/bidding/projects/{refunded.ProjectId}/deposit-refunds.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        Assert.Equal((refunded.Number, refunded.EntityName, "已退还"), (sheet.Cell(3, 1).GetString(), sheet.Cell(3, 3).GetString(), sheet.Cell(3, 11).GetString()));
    }

    [Fact]
    public async Task RefundList_DemoBidder_NoWorkbook()
    {
        var refunded = await DemoRefundedAsync();
        using var client = factory.CreateCookieClient();
        var bidder = DemoAccount.ForRole(Roles.Bidder);
        await HttpLogin.LoginAsync(client, bidder.Email, bidder.Password);

        using var response = await client.GetAsync($"/bidding/projects/{refunded.ProjectId}/deposit-refunds.xlsx");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(ExcelImportContentType, response.Content.Headers.ContentType?.MediaType);
    }

    private const string ExcelImportContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
