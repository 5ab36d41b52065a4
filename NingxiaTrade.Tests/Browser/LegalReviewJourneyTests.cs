using Microsoft.Playwright;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Workflows;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Browser;

/// <summary>
/// Issue 10 item 7: a flow version that shortens a statutory period waits for the legal office; the legal officer
/// approves it on screen with a written opinion and the public page shows what was lowered and when it was approved.
/// </summary>
[Collection(BrowserCollection.Name)]
public class LegalReviewJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task LoweredExhibitionPeriod_LegalOfficerApproves_PublicPageShowsTheApproval()
    {
        await using (var admin = new AppScope(browser.Factory, Roles.Admin, "admin@demo.nxggzy.cn"))
        {
            var definitions = admin.Get<WorkflowDefinitionService>();
            var id = await definitions.CreateDraftAsync("state-asset-auction");
            var draft = await definitions.GetAsync(id);
            var body = draft.Body;
            body.Step("Exhibition")!.MinimumDays = 1;
            body.Step("Exhibition")!.LegalBasis = "网络拍卖标的在线展示不少于1日（本平台试点规则）";
            Assert.Empty(await definitions.SaveDraftAsync(id, draft.Name, body));
            Assert.NotEmpty(await definitions.PublishAsync(id));
        }

        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.LoginAsync(DemoAccount.ForRole(Roles.LegalOfficer));
        await page.GotoAsync("/legal/workflows");
        await session.WaitForInteractiveAsync();
        var item = page.Locator(".legal-workflow", new() { HasText = "拍卖" });
        await Assertions.Expect(item.Locator(".legal-lowerings")).ToContainTextAsync("“拍卖标的展示”的期限由法定的2日调低为1日");
        await session.ScreenshotAsync("legal-workflow-review");
        await item.Locator(".legal-opinion textarea").FillAsync("网络拍卖试点期间，标的已在披露期内持续在线展示，同意展示期调整为1日。");
        await item.Locator(".legal-approve").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "同意并发布" }).ClickAsync();
        await Assertions.Expect(page.Locator(".legal-workflow", new() { HasText = "拍卖" })).ToHaveCountAsync(0);

        await page.GotoAsync("/public/workflows/StateAssetTransfer/Auction");
        await Assertions.Expect(page.Locator("#public-legal-approval")).ToContainTextAsync("经法制审核于");
        await Assertions.Expect(page.Locator(".public-step[data-step=Exhibition]")).ToContainTextAsync("不少于1日");
    }
}
