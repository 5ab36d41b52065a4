using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Experts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Browser;

/// <summary>
/// Issue 5 "done when": a clerk draws a committee for a demo lot and sees who each rule removed, a drawn expert declines
/// and a replacement appears, and a supervisor re-verifies the draw.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ExpertDrawJourneyTests(BrowserFixture browser)
{
    private static async Task ChooseAsync(IPage page, string selectClass, string option)
    {
        await page.Locator(selectClass).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option).First.ClickAsync();
    }

    [Fact]
    public async Task Clerk_DrawsSeesRemovals_ExpertDeclines_ReplacementAppears_SupervisorVerifies()
    {
        string drawUrl;
        await using (var clerk = await browser.NewSessionAsync())
        {
            await clerk.LoginAsync(DemoAccount.ForRole(Roles.CentreClerk));
            var page = clerk.Page;
            await page.GotoAsync("/experts/draws");
            await clerk.WaitForInteractiveAsync();
            await page.Locator(".lot-select").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
            await ChooseAsync(page, ".specialty-select", "A08 工程施工");
            await page.Keyboard.PressAsync("Escape");
            await page.Locator(".bidder-select").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").GetByText("宁夏银川建工集团有限公司").ClickAsync();
            await page.Keyboard.PressAsync("Escape");
            await page.ClickAsync(".run-draw");
            drawUrl = await clerk.WaitForPathAsync("^/experts/draws/[0-9a-f-]{36}$");
            await Assertions.Expect(page.Locator("#draw-members .member[data-state=Invited]")).ToHaveCountAsync(5);
            await Assertions.Expect(page.Locator("#draw-members .member[data-state=Standby]")).ToHaveCountAsync(2);
            // Suspended and on-leave demo experts are removed, each counted against its rule.
            await Assertions.Expect(page.Locator(".rule-row[data-rule=Unavailable] .removed-count")).Not.ToHaveTextAsync("0");
            await clerk.ScreenshotAsync("expert-draw-result");
        }

        // The demo expert account is linked to the first invited expert, who declines.
        var drawId = Guid.Parse(drawUrl.Split('/')[^1]);
        string declined;
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TradeDbContext>>().CreateDbContextAsync();
            var member = await db.DrawMembers.Where(m => m.DrawId == drawId && m.State == DrawMemberState.Invited).OrderBy(m => m.Order).FirstAsync();
            var account = await db.Users.SingleAsync(u => u.Email == "expert@demo.nxggzy.cn");
            account.ExpertId = member.ExpertId;
            await db.SaveChangesAsync();
            declined = member.ExpertName;
        }
        await using (var expert = await browser.NewSessionAsync())
        {
            await expert.LoginAsync(DemoAccount.ForRole(Roles.Expert));
            var page = expert.Page;
            await page.GotoAsync("/experts/invitations");
            await expert.WaitForInteractiveAsync();
            var row = page.Locator("#invitations .invitation[data-state=Invited]").First;
            await row.Locator(".decline-reason input").FillAsync("外地出差，无法参加");
            await row.Locator(".decline").ClickAsync();
            await Assertions.Expect(page.Locator("#invitations .invitation[data-state=Declined]")).ToHaveCountAsync(1);
        }

        await using (var clerk = await browser.NewSessionAsync())
        {
            await clerk.LoginAsync(DemoAccount.ForRole(Roles.CentreClerk));
            await clerk.Page.GotoAsync(drawUrl);
            await clerk.WaitForInteractiveAsync();
            await Assertions.Expect(clerk.Page.Locator("#draw-members .replaces", new() { HasText = "替补 " + declined })).ToHaveCountAsync(1);
            await Assertions.Expect(clerk.Page.Locator("#draw-members .member[data-state=Invited]")).ToHaveCountAsync(5);
            await clerk.ScreenshotAsync("expert-draw-replacement");
        }

        await using (var supervisor = await browser.NewSessionAsync())
        {
            await supervisor.LoginAsync(DemoAccount.ForRole(Roles.Supervisor));
            await supervisor.Page.GotoAsync(drawUrl);
            await supervisor.WaitForInteractiveAsync();
            await supervisor.Page.ClickAsync(".verify-draw");
            await Assertions.Expect(supervisor.Page.Locator("#verify-result")).ToHaveAttributeAsync("data-same", "True");
            await supervisor.ScreenshotAsync("expert-draw-verified");
        }
    }
}
