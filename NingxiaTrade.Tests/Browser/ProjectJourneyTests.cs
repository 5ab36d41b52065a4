using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Browser;

/// <summary>
/// The issue's "done when" journey in the browser: the clerk registers an engineering project, submits the plan and
/// asks to publish the notice; the supervisor approves it in 待审批; the clerk finds the project in 招标公告 with the
/// approval in its timeline, and the document sale's five-day minimum refusing the next step with its legal basis.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class ProjectJourneyTests(BrowserFixture browser)
{
    private const string ProjectName = "银川市永宁县某幼儿园综合楼新建工程";

    [Fact]
    public async Task Journey_ClerkRegistersSupervisorApproves_ProjectInNoticeWithHistory()
    {
        string projectUrl;
        await using (var clerk = await browser.NewSessionAsync())
        {
            var page = clerk.Page;
            await clerk.LoginAsync(DemoAccount.ForRole(Roles.CentreClerk));
            await page.GotoAsync("/projects/new");
            await clerk.WaitForInteractiveAsync();
            await page.FillAsync("#project-name", ProjectName);
            await ChooseAsync(page, "#project-region", "银川市");
            await ChooseAsync(page, "#project-department", "宁夏回族自治区住房和城乡建设厅");
            // The tenderer is picked from the registry: type part of the name, choose the entity.
            await page.Locator("#project-tenderer").ClickAsync();
            await page.Locator("#project-tenderer").FillAsync("兴庆区教育");
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "银川市兴庆区教育局" }).ClickAsync();
            await page.FillAsync("#project-estimate", "3200000");
            await page.FillAsync(".lot-name input", "综合楼施工");
            await page.FillAsync(".lot-price input", "3200000");
            await page.FillAsync(".lot-deposit input", "60000");
            await page.Locator(".lot-deposit input").BlurAsync();
            await page.ClickAsync("#project-save");
            projectUrl = await clerk.WaitForPathAsync(ProjectPage().ToString());
            Assert.Equal(ProjectName, (await page.Locator("#project-title").InnerTextAsync()).Trim());
            Assert.Equal("项目登记", await CurrentStepAsync(page));

            await FireAsync(page, "提交招标方案");
            await Assertions.Expect(page.Locator("#current-step-name")).ToHaveTextAsync("招标方案核准/备案");

            await FireAsync(page, "发布招标公告", "招标方案已经发展改革部门核准。");
            await Assertions.Expect(page.Locator("#pending-approval")).ToContainTextAsync("等待审批中");
            Assert.Equal("招标方案核准/备案", await CurrentStepAsync(page));
        }

        await using (var supervisor = await browser.NewSessionAsync())
        {
            var page = supervisor.Page;
            await supervisor.LoginAsync(DemoAccount.ForRole(Roles.Supervisor));
            await page.GotoAsync("/approvals");
            await supervisor.WaitForInteractiveAsync();
            var row = page.Locator("#inbox tr", new() { HasText = ProjectName });
            await Assertions.Expect(row).ToContainTextAsync("发布招标公告");
            await row.Locator("button.approve").ClickAsync();
            await page.FillAsync("#opinion-text", "招标方案符合规定，同意发布招标公告。");
            await page.ClickAsync("#opinion-submit");
            await Assertions.Expect(page.Locator("#inbox tr", new() { HasText = ProjectName })).ToHaveCountAsync(0);
        }

        await using (var clerk = await browser.NewSessionAsync())
        {
            var page = clerk.Page;
            await clerk.LoginAsync(DemoAccount.ForRole(Roles.CentreClerk));
            await page.GotoAsync(projectUrl);
            await clerk.WaitForInteractiveAsync();
            await Assertions.Expect(page.Locator("#current-step-name")).ToHaveTextAsync("招标公告（招标文件发售）");
            var history = page.Locator(".project-history");
            await Assertions.Expect(history.Locator(".history-action").First).ToHaveTextAsync("审批通过：发布招标公告");
            await Assertions.Expect(history).ToContainTextAsync("意见/说明：招标方案符合规定，同意发布招标公告。");
            Assert.Equal(["审批通过：发布招标公告", "提请审批：发布招标公告", "提交招标方案", "项目登记"],
                (await history.Locator(".history-action").AllInnerTextsAsync()).Select(t => t.Trim()));

            // The refused action: the document sale's statutory minimum, with its legal basis.
            var close = page.Locator(".workflow-action[data-trigger=CloseDocumentSale]");
            await Assertions.Expect(close.Locator("button.action-button")).ToBeDisabledAsync();
            await Assertions.Expect(close.Locator(".action-reasons")).ToContainTextAsync("“招标公告（招标文件发售）”期限5日，自次日起算");
            await Assertions.Expect(close.Locator(".action-reasons")).ToContainTextAsync("《招标投标法实施条例》第十六条");
            await Assertions.Expect(page.Locator("#project-diagram .step-current")).ToContainTextAsync("招标公告（招标文件发售）");
            await clerk.ScreenshotAsync("project-after-approval");
        }
    }

    private static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.Locator(select).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static async Task FireAsync(IPage page, string action, string? note = null)
    {
        await page.Locator(".workflow-action button.action-button", new() { HasText = action }).ClickAsync();
        if (note is not null)
        {
            await page.FillAsync("#fire-note", note);
        }
        await page.ClickAsync("#fire-confirm");
    }

    private static async Task<string> CurrentStepAsync(IPage page) => (await page.Locator("#current-step-name").InnerTextAsync()).Trim();

    [GeneratedRegex(@"/projects/[0-9a-f-]{36}$")]
    private static partial Regex ProjectPage();
}
