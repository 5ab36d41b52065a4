using System.Text;
using Microsoft.Playwright;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Browser;

/// <summary>
/// Issue 9 item 10: a long regulation pasted into 全文 used to drop the circuit (32 KB message limit) while
/// "草稿已保存" appeared over an empty text. 50,000 characters are saved and read back after a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public class RuleLongTextTests(BrowserFixture browser)
{
    [Fact]
    public async Task RuleDraft_FiftyThousandCharacters_SavedAndReadBack()
    {
        var text = LongText(50_000);
        await using var supervisor = await browser.NewSessionAsync();
        await supervisor.LoginAsync(DemoAccount.ForRole(Roles.Supervisor));
        var page = supervisor.Page;
        await page.GotoAsync("/rules/new");
        await supervisor.WaitForInteractiveAsync();
        await page.FillAsync("#rule-title", "宁夏回族自治区公共资源交易长文本测试办法");
        await page.FillAsync("#rule-issuer", "宁夏回族自治区住房和城乡建设厅");
        await page.Locator("#rule-types").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("工程建设招标投标", new() { Exact = true }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.FillAsync("#rule-full-text", text);
        await page.Locator("#rule-full-text").BlurAsync();

        await page.ClickAsync("#rule-save-draft");

        var path = await supervisor.WaitForPathAsync("^/rules/[0-9a-f-]{36}$");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("全文 50,000 字");
        await supervisor.ScreenshotAsync("rule-long-text-saved");
        await page.GotoAsync(path + "/edit");
        await supervisor.WaitForInteractiveAsync();
        var saved = await page.Locator("#rule-full-text").InputValueAsync();
        Assert.Equal(text.Length, saved.Length);
        Assert.Equal(text, saved);
    }

    private static string LongText(int length)
    {
        var builder = new StringBuilder(length + 64);
        for (var article = 1; builder.Length < length; article++)
        {
            builder.Append($"第{article}条 公共资源交易应当遵循公开、公平、公正和诚实信用的原则，交易中心应当如实记录交易过程。\n");
        }
        builder.Length = length;
        // The rule keeps its text trimmed: end on a character, not on a line break.
        builder[^1] = '。';
        return builder.ToString();
    }
}
