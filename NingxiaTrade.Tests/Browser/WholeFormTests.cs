using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Browser;

/// <summary>
/// Issue 9 item 14 in the real browser at 1440 px: a form sent with several wrong fields marks every one of them at
/// once, each with its Chinese message and in the summary at the top, and saves nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public class WholeFormTests(BrowserFixture browser)
{
    [Fact]
    public async Task EntityRegistration_SeveralBadFields_AllMarkedAtOnceAndNothingSaved()
    {
        const string password = "Bidder@2026new";
        var email = $"form-bidder-{Guid.NewGuid():N}"[..20] + "@test.cn";
        await using var bidder = await browser.NewSessionAsync();
        var page = bidder.Page;
        await page.GotoAsync("/Account/Register");
        await page.SelectOptionAsync("#Input\\.Role", Roles.Bidder);
        await page.FillAsync("#Input\\.DisplayName", "表单测试");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", password);
        await page.FillAsync("#Input\\.ConfirmPassword", password);
        await page.ClickAsync("#register-submit");
        await page.WaitForURLAsync("**/entities/mine", new() { WaitUntil = WaitUntilState.Commit });
        await bidder.WaitForInteractiveAsync();

        await page.Locator(".entity-code input").FillAsync("91640100MA76XXXX1");
        await page.Locator(".entity-legal-name input").FillAsync("马");
        await page.Locator(".contact-value input").First.FillAsync("电话号码");
        await page.ClickAsync("#entity-save");

        var summary = page.Locator("#entity-form-errors li");
        await Assertions.Expect(summary).ToHaveCountAsync(6);
        await Assertions.Expect(summary).ToHaveTextAsync([
            "长度错误：统一社会信用代码应为18位，“91640100MA76XXXX1”为17位。", "请填写名称。", "法定代表人姓名应为2至50个字符。",
            "法定代表人请填写身份证号码。", "请填写注册地址。", "联系电话“电话号码”格式不正确。"]);
        await Assertions.Expect(page.Locator(".entity-form .mud-input-control.mud-input-error")).ToHaveCountAsync(6);
        await bidder.ScreenshotAsync("entity-form-all-errors");

        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TradeDbContext>>().CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        Assert.False(await db.MarketEntities.AnyAsync(e => e.OwnerUserId == userId));
    }

    [Fact]
    public async Task RuleDraft_SeveralBadFields_AllMarkedAtOnceAndNothingSaved()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.LoginAsync(DemoAccount.ForRole(Roles.Supervisor));
        await page.GotoAsync("/rules/new");
        await session.WaitForInteractiveAsync();

        await page.Locator("#rule-title").FillAsync("办");
        await page.Locator("#rule-number").FillAsync("宁建发2016-12");
        await page.ClickAsync("#rule-submit");

        var summary = page.Locator("#rule-form-errors li");
        await Assertions.Expect(summary).ToHaveCountAsync(4);
        await Assertions.Expect(summary.Nth(0)).ToHaveTextAsync("文件名称应为2至200个字符。");
        await Assertions.Expect(page.Locator("#rule-form .mud-input-control.mud-input-error")).ToHaveCountAsync(4);
        await session.ScreenshotAsync("rule-form-all-errors");

        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TradeDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Rules.AnyAsync(r => r.Title == "办"));
    }

    [Fact]
    public async Task ExpertApplication_EmptyForm_AllMarkedAtOnceAndNothingSaved()
    {
        // The demo expert account acts as one that has not applied yet; its link is put back for the other journeys.
        var linked = await LinkDemoExpertAsync(null);
        try
        {
            await ApplyEmptyAsync();
        }
        finally
        {
            await LinkDemoExpertAsync(linked);
        }
    }

    private async Task<Guid?> LinkDemoExpertAsync(Guid? expertId)
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TradeDbContext>>().CreateDbContextAsync();
        var account = await db.Users.SingleAsync(u => u.Email == "expert@demo.nxggzy.cn");
        var before = account.ExpertId;
        account.ExpertId = expertId;
        await db.SaveChangesAsync();
        return before;
    }

    private async Task ApplyEmptyAsync()
    {
        int experts;
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            experts = await (await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TradeDbContext>>().CreateDbContextAsync()).Experts.CountAsync();
        }
        await using var expert = await browser.NewSessionAsync();
        await expert.LoginAsync(DemoAccount.ForRole(Roles.Expert));
        var page = expert.Page;
        await page.GotoAsync("/experts/apply");
        await expert.WaitForInteractiveAsync();

        await page.Locator("#expert-name").FillAsync("周");
        await page.ClickAsync("#expert-apply");

        var summary = page.Locator("#expert-application-errors li");
        await Assertions.Expect(summary).ToHaveTextAsync([
            "专家姓名应为2至50个字符。", "身份证号码不能为空。", "请填写职称（2至50个字符）。", "请填写工作单位（2至200个字符）。", "至少选择一个评标专业。"]);
        await Assertions.Expect(page.Locator("#expert-application .mud-input-control.mud-input-error")).ToHaveCountAsync(5);
        await expert.ScreenshotAsync("expert-application-all-errors");

        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TradeDbContext>>().CreateDbContextAsync();
            Assert.Equal(experts, await db.Experts.CountAsync());
            Assert.Null(await db.Users.Where(u => u.Email == "expert@demo.nxggzy.cn").Select(u => u.ExpertId).SingleAsync());
        }
    }
}
