using Microsoft.Playwright;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Browser;

/// <summary>The flow diagrams drawn by the locally shipped mermaid.js: on the anonymous public page and in the designer.</summary>
[Collection(BrowserCollection.Name)]
public class WorkflowDiagramTests(BrowserFixture browser)
{
    private static async Task<string> DiagramTextAsync(IPage page, string selector)
    {
        var svg = page.Locator($"{selector}[data-rendered=true] svg");
        await svg.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        // innerText is for HTML elements; an SVG (and its foreignObject labels) has textContent.
        return await svg.TextContentAsync() ?? "";
    }

    [Fact]
    public async Task PublicWorkflowPage_Anonymous_DrawsSvgDiagramWithChineseLabels()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;

        await page.GotoAsync("/public/workflows/EngineeringBidding");
        await session.WaitForInteractiveAsync();

        Assert.Equal(browser.BaseAddress + "/public/workflows/EngineeringBidding", page.Url);
        var text = await DiagramTextAsync(page, ".public-workflow-diagram");
        Assert.Contains("招标公告（招标文件发售）", text);
        Assert.Contains("中标候选人公示（期间≥3日）", text);
        Assert.Contains("【需审批】发布招标公告", text);
        Assert.Contains("不少于5日", await page.Locator(".public-step[data-step=Notice]").InnerTextAsync());
        // A visitor has no menu, and a way to sign in.
        Assert.Equal(0, await page.Locator("#main-menu").CountAsync());
        Assert.True(await page.Locator("#app-bar-login").IsVisibleAsync());
        await session.ScreenshotAsync("public-workflow-EngineeringBidding");
    }

    [Fact]
    public async Task PublicWorkflowPage_NegotiationFlow_ShowsItsOwnLeadTimeAndPeriodKinds()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;

        await page.GotoAsync("/public/workflows");
        await page.Locator(".public-workflow-card[data-method=CompetitiveNegotiation] a").ClickAsync();
        await session.WaitForPathAsync("^/public/workflows/GovernmentProcurement/CompetitiveNegotiation$");

        await Assertions.Expect(page.Locator("#public-workflow-title")).ToContainTextAsync("竞争性谈判");
        await Assertions.Expect(page.Locator("#public-period-kinds")).ToContainTextAsync("最后一日24时届满");
        await Assertions.Expect(page.Locator(".public-deadline")).ToContainTextAsync("不少于3个工作日");
        await Assertions.Expect(page.Locator(".public-transition[data-trigger=OpenResponses] .public-conditions")).ToContainTextAsync("第二十九条");
        await session.ScreenshotAsync("public-workflow-negotiation");
    }

    [Fact]
    public async Task Designer_AdminCreatesDraft_SeesDiagramRedrawnAfterAddingStep()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.LoginAsync(DemoAccount.ForRole(Roles.Admin));
        await page.GotoAsync("/admin/workflows");
        await session.WaitForInteractiveAsync();

        await page.Locator("[data-type=LandAndMiningRights][data-method=Listing] .workflow-new-draft").ClickAsync();
        await session.WaitForPathAsync("^/admin/workflows/[0-9a-f-]{36}$");

        Assert.Contains("挂牌", await DiagramTextAsync(page, ".workflow-diagram"));
        Assert.Equal("0", await page.Locator(".workflow-faults").GetAttributeAsync("data-faults"));

        await page.Locator("button.steps-add").ClickAsync();

        await page.Locator(".workflow-diagram[data-rendered=true] svg", new() { HasText = "新环节" }).WaitForAsync();
        Assert.Contains("从起始环节无法到达", await page.Locator(".workflow-faults").InnerTextAsync());
        await session.ScreenshotAsync("designer-new-draft");
    }
}
