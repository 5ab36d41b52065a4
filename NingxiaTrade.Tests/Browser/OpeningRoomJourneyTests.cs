using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Tests.Support;
using NingxiaTrade.Workbench.Features.Bidding;

namespace NingxiaTrade.Tests.Browser;

/// <summary>
/// Issue 11 "done when", the opening: on the demo lot whose deadline has passed, the clerk and the three demo bidders sit in
/// the opening room on their own screens; each bidder decrypts, and every other screen shows it without reloading; the
/// 唱标 record appears on every screen at once; one bidder objects and sees the clerk's answer arrive.
/// </summary>
[Collection(BrowserCollection.Name)]
public class OpeningRoomJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Opening_BiddersDecrypt_RecordOnEveryScreen_ObjectionAnswered()
    {
        Guid room;
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TradeDbContext>>().CreateDbContextAsync();
            var project = await db.TradeProjects.SingleAsync(p => p.Name == SealedBidDemoData.ProjectName);
            room = await db.BidOpenings.Where(o => o.ProjectId == project.Id && o.LotNumber == 1).Select(o => o.Id).SingleAsync();
        }
        var path = $"/bidding/openings/{room}";
        await using var clerk = await browser.NewSessionAsync();
        await clerk.LoginAsync(DemoAccount.ForRole(Roles.CentreClerk));
        var bidders = new List<BrowserSession>();
        foreach (var email in new[] { "bidder@demo.nxggzy.cn", "bidder2@demo.nxggzy.cn", "bidder3@demo.nxggzy.cn" })
        {
            var session = await browser.NewSessionAsync();
            await session.LoginAsync(DemoAccount.ForEmail(email));
            await session.Page.GotoAsync(path);
            await session.WaitForInteractiveAsync();
            await session.Page.ClickAsync("#room-sign-in");
            bidders.Add(session);
        }
        try
        {
            await clerk.Page.GotoAsync(path);
            await clerk.WaitForInteractiveAsync();
            await Assertions.Expect(clerk.Page.Locator(".room-bidder")).ToHaveCountAsync(3);
            await clerk.Page.ClickAsync("#room-start");

            // The decryption window opens on every bidder's screen; each decrypts its own bid.
            foreach (var bidder in bidders)
            {
                await bidder.Page.Locator("#room-password").FillAsync(SealedBidDemoData.DemoBidPassword);
                await bidder.Page.ClickAsync("#room-decrypt");
                await Assertions.Expect(bidder.Page.Locator("#room-decrypt")).ToHaveCountAsync(0);
            }
            // The first bidder's screen learnt of the others' decryptions without a reload.
            await Assertions.Expect(bidders[0].Page.Locator(".room-bid-status", new() { HasTextString = "已解密" })).ToHaveCountAsync(3);

            await clerk.Page.ClickAsync("#room-publish");
            foreach (var bidder in bidders)
            {
                await Assertions.Expect(bidder.Page.Locator("#room-record .opening-record-row")).ToHaveCountAsync(3);
            }
            await Assertions.Expect(bidders[2].Page.Locator("#room-record")).ToContainTextAsync("12,053,000.00 元");

            await bidders[1].Page.Locator("#room-objection-text").FillAsync("我单位工期应为525日历天，请核对。");
            await bidders[1].Page.ClickAsync("#room-object");
            await Assertions.Expect(clerk.Page.Locator(".room-entry[data-kind=Objection]")).ToHaveCountAsync(1);
            await clerk.Page.Locator(".room-answer-text input").FillAsync("经核对开标一览表，工期为525日历天，唱标无误。");
            await clerk.Page.ClickAsync(".room-answer");
            await Assertions.Expect(bidders[1].Page.Locator(".room-entry[data-kind=Answer]")).ToContainTextAsync("唱标无误");
            await bidders[1].ScreenshotAsync("opening-room-bidder");
            await clerk.ScreenshotAsync("opening-room-clerk");
        }
        finally
        {
            foreach (var bidder in bidders)
            {
                await bidder.DisposeAsync();
            }
        }
    }
}
