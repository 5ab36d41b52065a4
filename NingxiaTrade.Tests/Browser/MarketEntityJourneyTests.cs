using Microsoft.Playwright;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Browser;

/// <summary>
/// Issue 4 "done when": a new bidder signs up and registers its entity on the portal, a clerk in 吴忠 approves it, a clerk in 银川 finds it
/// approved in the region-wide registry without registering it again.
/// </summary>
[Collection(BrowserCollection.Name)]
public class MarketEntityJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task NewBidder_RegistersThenWuzhongApproves_YinchuanSeesIt()
    {
        const string password = "Bidder@2026new";
        var email = $"new-bidder-{Guid.NewGuid():N}"[..20] + "@test.cn";
        var code = CreditCode.Generate('9', '1', "640300", new Random(Environment.TickCount)).Value;
        var name = $"吴忠市新登记测试建设有限公司{code[^4..]}";
        // The bidder signs up on the portal, registers its entity and submits it, setting its seal PIN.
        await using (var bidder = await browser.NewSessionAsync())
        {
            var page = bidder.Page;
            await page.GotoAsync("/Account/Login");
            await page.ClickAsync("#register-link");
            await page.SelectOptionAsync("#Input\\.Role", Roles.Bidder);
            await page.FillAsync("#Input\\.DisplayName", "新投标人");
            await page.FillAsync("#Input\\.Email", email);
            await page.FillAsync("#Input\\.Password", password);
            await page.FillAsync("#Input\\.ConfirmPassword", password);
            await page.ClickAsync("#register-submit");
            await page.WaitForURLAsync("**/entities/mine", new() { WaitUntil = WaitUntilState.Commit });
            await bidder.WaitForInteractiveAsync();
            await page.Locator(".entity-code input").FillAsync(code);
            await page.Locator(".entity-name input").FillAsync(name);
            await page.Locator(".entity-legal-name input").FillAsync("马文军");
            await page.Locator(".entity-legal-id input").FillAsync(IdNumber.Generate("640302", new DateOnly(1978, 5, 6), 21).Value);
            await page.Locator(".entity-address input").FillAsync("吴忠市利通区朝阳街 8 号");
            await page.Locator(".contact-value input").First.FillAsync("0953-2098765");
            await page.ClickAsync("#entity-save");
            await page.Locator("#entity-submit").ClickAsync();
            await page.Locator(".pin-first input").FillAsync("802416");
            await page.Locator(".pin-again input").FillAsync("802416");
            await page.ClickAsync(".pin-confirm");
            await Assertions.Expect(page.Locator(".entity-status")).ToHaveTextAsync("待审核");
            await bidder.ScreenshotAsync("entity-registered");
        }

        // A clerk of the 吴忠 centre approves.
        await using (var wuzhong = await browser.NewSessionAsync())
        {
            await wuzhong.LoginAsync(DemoAccount.ForEmail("clerk.wz@demo.nxggzy.cn"));
            var page = wuzhong.Page;
            await page.GotoAsync("/entities/review");
            await wuzhong.WaitForInteractiveAsync();
            await page.Locator(".review-item", new() { HasText = name }).ClickAsync();
            await page.ClickAsync("#review-approve");
            await page.ClickAsync(".reason-confirm");
            await Assertions.Expect(page.Locator(".review-item", new() { HasText = name })).ToHaveCountAsync(0);
        }

        // A clerk of the 银川 centre finds it approved in the registry.
        await using (var yinchuan = await browser.NewSessionAsync())
        {
            await yinchuan.LoginAsync(DemoAccount.ForRole(Roles.CentreClerk));
            var page = yinchuan.Page;
            await page.GotoAsync("/entities");
            await yinchuan.WaitForInteractiveAsync();
            await page.Locator(".registry-search input").FillAsync(code);
            await page.ClickAsync(".registry-query");
            var row = page.Locator("#registry-grid tbody tr", new() { HasText = name });
            await Assertions.Expect(row).ToContainTextAsync("已通过");
            await row.ClickAsync();
            await Assertions.Expect(page.Locator(".entity-approved")).ToContainTextAsync("吴忠市公共资源交易中心");
            await Assertions.Expect(page.Locator(".seal-public-key")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^04[0-9a-f]{128}$"));
            await yinchuan.ScreenshotAsync("entity-seen-in-yinchuan");
        }
    }
}

/// <summary>
/// Issue 9 item 11: an approved entity raises its qualification grade and changes its bank account on the form; the
/// change waits for a clerk, who sees the old beside the new, and the entity keeps its old data until approval.
/// </summary>
[Collection(BrowserCollection.Name)]
public class KeyDataChangeJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ApprovedAgent_ChangesAccountAndGrade_ClerkSeesOldAndNewThenApproves()
    {
        var account = "62284800" + Random.Shared.Next(10_000_000, 99_999_999);
        await using (var agent = await browser.NewSessionAsync())
        {
            await agent.LoginAsync(DemoAccount.ForEmail("agent@demo.nxggzy.cn"));
            var page = agent.Page;
            await page.GotoAsync("/entities/mine");
            await agent.WaitForInteractiveAsync();
            await page.ClickAsync("#entity-edit");
            await Assertions.Expect(page.Locator("#key-data-hint")).ToContainTextAsync("经交易中心审核通过后生效");
            await page.Locator(".mud-input-control", new() { HasText = "账号" }).First.Locator("input").FillAsync(account);
            await page.ClickAsync("#entity-save");
            var dialog = page.Locator(".mud-dialog");
            await Assertions.Expect(dialog.Locator(".key-data-difference")).ToContainTextAsync("银行账户");
            await Assertions.Expect(dialog.Locator(".key-data-new")).ToContainTextAsync(account);
            await agent.ScreenshotAsync("key-data-change-dialog");
            await dialog.Locator(".change-submit").ClickAsync();
            await Assertions.Expect(dialog.Locator(".change-error")).ToContainTextAsync("请填写变更原因");
            await dialog.Locator(".change-reason textarea").FillAsync("基本存款账户变更，附开户许可证");
            await dialog.Locator(".change-submit").ClickAsync();
            await Assertions.Expect(page.Locator("#pending-change")).ToContainTextAsync("银行账户");
        }

        await using (var clerk = await browser.NewSessionAsync())
        {
            await clerk.LoginAsync(DemoAccount.ForRole(Roles.CentreClerk));
            var page = clerk.Page;
            await page.GotoAsync("/entities/review");
            await clerk.WaitForInteractiveAsync();
            await page.Locator(".review-item", new() { HasText = "宁夏中正工程招标代理有限公司" }).ClickAsync();
            var change = page.Locator("#review-change");
            await Assertions.Expect(change.Locator(".key-data-new")).ToContainTextAsync(account);
            await Assertions.Expect(change.Locator(".key-data-old")).Not.ToContainTextAsync(account);
            await Assertions.Expect(change).ToContainTextAsync("基本存款账户变更");
            await clerk.ScreenshotAsync("key-data-change-review");
            await page.ClickAsync("#review-approve");
            await page.ClickAsync(".reason-confirm");
            await Assertions.Expect(page.Locator(".review-item", new() { HasText = "宁夏中正工程招标代理有限公司" })).ToHaveCountAsync(0);
        }

        await using (var agent = await browser.NewSessionAsync())
        {
            await agent.LoginAsync(DemoAccount.ForEmail("agent@demo.nxggzy.cn"));
            var page = agent.Page;
            await page.GotoAsync("/entities/mine");
            await agent.WaitForInteractiveAsync();
            await Assertions.Expect(page.Locator("#pending-change")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator(".entity-changes")).ToContainTextAsync("已通过");
        }
    }
}
