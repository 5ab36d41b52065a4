using Microsoft.Playwright;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Browser;

/// <summary>
/// The usability defects of issue 9 (items 12, 13, 17) in the real browser at 1440 px: dates typed as 2026-12-20 and a
/// calendar that shows the whole week, a legal officer who reads the rule and confirms the decision, toasts that leave
/// the page title visible, the project's diagram at full size, and signature verification in one click.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UsabilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task ProjectFilter_TypedDate_AppliedAndCalendarWhollyVisible()
    {
        await using var clerk = await browser.NewSessionAsync();
        var page = clerk.Page;
        await clerk.LoginAsync(DemoAccount.ForRole(Roles.CentreClerk));
        await page.GotoAsync("/projects");
        await clerk.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#projects-grid .project-link").First).ToBeVisibleAsync();

        var from = page.Locator("#project-filters .date-field").First;
        await from.Locator("input").FillAsync("2026-12-20");
        await from.Locator("input").PressAsync("Tab");
        await Assertions.Expect(from.Locator("input")).ToHaveValueAsync("2026-12-20");
        await page.ClickAsync("#filter-apply");
        // Every demo project was registered before 2026-12-20: the typed date filtered them all out.
        await Assertions.Expect(page.Locator("#projects-grid .project-link")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#projects-grid")).ToContainTextAsync("没有符合条件的项目");

        // The calendar of the narrow "至" field: seven weekdays and both month arrows inside the window.
        var to = page.Locator("#project-filters .date-field").Nth(1);
        await to.Locator("button").Last.ClickAsync();
        var popover = page.Locator(".mud-popover-open");
        var weekdays = popover.Locator(".mud-picker-calendar-header-day .mud-day-label");
        await Assertions.Expect(weekdays).ToHaveCountAsync(7);
        Assert.Equal(["周一", "周二", "周三", "周四", "周五", "周六", "周日"], (await weekdays.AllInnerTextsAsync()).Select(t => t.Trim()));
        var viewport = page.ViewportSize!;
        foreach (var box in await BoxesAsync(weekdays))
        {
            AssertInside(box, viewport);
        }
        // Previous month, the month title, next month.
        var arrows = popover.Locator(".mud-picker-calendar-header-switch > button");
        await Assertions.Expect(arrows).ToHaveCountAsync(3);
        AssertInside((await arrows.First.BoundingBoxAsync())!, viewport);
        AssertInside((await arrows.Last.BoundingBoxAsync())!, viewport);
        await clerk.ScreenshotAsync("date-filter-calendar");
    }

    [Fact]
    public async Task RuleReview_LegalOfficerReadsTextConfirmsDecision_StatusAndToastRight()
    {
        await using var legal = await browser.NewSessionAsync();
        var page = legal.Page;
        await legal.LoginAsync(DemoAccount.ForRole(Roles.LegalOfficer));
        await page.GotoAsync("/rules/reviews");
        await legal.WaitForInteractiveAsync();
        await page.Locator("#review-queue .review-link").First.ClickAsync();
        await legal.WaitForPathAsync("^/rules/[0-9a-f-]{36}$");
        await Assertions.Expect(page.Locator("#decide-form")).ToBeVisibleAsync();
        // What the legal office approves is on the page: the full text (or the original to download).
        await Assertions.Expect(page.Locator("#rule-full-text")).ToContainTextAsync("第");

        await page.Locator("#decide-form").GetByText("修改后通过", new() { Exact = true }).ClickAsync();
        await page.Locator("#decide-opinion").FillAsync("同意修改后保留。");
        await page.Locator("#decide-reasons").FillAsync("删除第五条中的收费规定。");
        await page.ClickAsync("#decide-submit");
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("确认审核结论：修改后通过");
        // Cancelling records nothing.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Assertions.Expect(page.Locator("#decide-form")).ToBeVisibleAsync();

        await page.ClickAsync("#decide-submit");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "确认修改后通过" }).ClickAsync();
        await Assertions.Expect(page.Locator(".rule-status").First).ToHaveTextAsync("修改后通过");
        var toast = page.Locator(".mud-snackbar").First;
        await Assertions.Expect(toast).ToContainTextAsync("修改后通过");
        var toastBox = (await toast.BoundingBoxAsync())!;
        var titleBox = (await page.Locator("#rule-title").BoundingBoxAsync())!;
        Assert.False(Overlap(toastBox, titleBox), "The toast covers the page title.");
        Assert.True(toastBox.Y > page.ViewportSize!.Height / 2, "The toast is not at the bottom of the window.");
        await legal.ScreenshotAsync("rule-decided-toast");
    }

    [Fact]
    public async Task ProjectDiagram_Clicked_OpensFullSizeInADialog()
    {
        await using var clerk = await browser.NewSessionAsync();
        var page = clerk.Page;
        await clerk.LoginAsync(DemoAccount.ForRole(Roles.CentreClerk));
        await page.GotoAsync("/projects");
        await clerk.WaitForInteractiveAsync();
        await page.Locator("#projects-grid .project-link").First.ClickAsync();
        await clerk.WaitForPathAsync("^/projects/[0-9a-f-]{36}$");
        // mermaid.js draws in the browser; it marks the host when done.
        var thumbnail = page.Locator("#project-diagram .diagram-thumbnail [data-rendered=true] svg");
        await thumbnail.WaitForAsync(new LocatorWaitForOptions { Timeout = 45_000 });

        await page.Locator("#project-diagram .diagram-thumbnail").ClickAsync();

        var full = page.Locator(".mud-dialog .diagram-full[data-rendered=true] svg");
        await full.WaitForAsync(new LocatorWaitForOptions { Timeout = 45_000 });
        Assert.True((await full.BoundingBoxAsync())!.Width > 2 * (await thumbnail.BoundingBoxAsync())!.Width);
        await clerk.ScreenshotAsync("project-diagram-full");
    }

    [Fact]
    public async Task SignatureVerify_OneClick_SaysWhatIsMissingOrWrong()
    {
        await using var visitor = await browser.NewSessionAsync();
        var page = visitor.Page;
        await page.GotoAsync("/public/signatures/verify");
        await visitor.WaitForInteractiveAsync();

        await page.ClickAsync("#verify-button");
        await Assertions.Expect(page.Locator(".verify-error")).ToHaveTextAsync("请先选择签署的文件。");

        await page.Locator(".verify-file input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "合同.txt", MimeType = "text/plain", Buffer = "甲乙双方签订本合同。"u8.ToArray(),
        });
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("合同.txt");
        await page.Locator(".verify-token textarea").FillAsync("不是签名值");
        await page.ClickAsync("#verify-button");

        await Assertions.Expect(page.Locator(".verify-result")).ToContainTextAsync("验证未通过");
        await Assertions.Expect(page.Locator(".verify-result")).ToContainTextAsync("签名数据格式无法识别");
    }

    private static async Task<List<LocatorBoundingBoxResult>> BoxesAsync(ILocator locator)
    {
        var boxes = new List<LocatorBoundingBoxResult>();
        for (var i = 0; i < await locator.CountAsync(); i++)
        {
            boxes.Add((await locator.Nth(i).BoundingBoxAsync())!);
        }
        return boxes;
    }

    private static void AssertInside(LocatorBoundingBoxResult box, PageViewportSizeResult viewport)
    {
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= viewport.Width && box.Y + box.Height <= viewport.Height,
            $"({box.X}, {box.Y}, {box.Width}×{box.Height}) is not inside the {viewport.Width}×{viewport.Height} window.");
        Assert.True(box.Width > 0 && box.Height > 0);
    }

    private static bool Overlap(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
}
