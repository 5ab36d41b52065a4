using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Tests.Support;
using NingxiaTrade.Workbench.Features.Shell;

namespace NingxiaTrade.Tests.Browser;

/// <summary>Each demo role's whole first journey: sign in, see its own workbench, sign out.</summary>
[Collection(BrowserCollection.Name)]
public class RoleLoginTests(BrowserFixture browser)
{
    private const string PersonalGroup = "个人";
    private const string AdminGroup = "系统管理";
    private const string PublicGroup = "公开信息";
    private const string ProjectsGroup = "交易项目";
    private const string RulesGroup = "制度规则";

    /// <summary>What every role finds in its menu.</summary>
    private static readonly MenuItem[] EveryRoleMenu =
    [
        new(PersonalGroup, "我的工作台", "/"),
        new(PersonalGroup, "账户与安全", "/Account/Manage"),
        new(PersonalGroup, "我的消息", "/notifications"),
        new(PublicGroup, "公开服务流程", "/public/workflows"),
        new(PublicGroup, "规则目录公开", "/public/rules"),
        new(RulesGroup, "征求意见", "/rules/comments"),
    ];

    /// <summary>The Admin's 系统管理 group once every page is merged; only those present in the build are expected.</summary>
    private static readonly MenuItem[] AdminMenu =
    [
        new(AdminGroup, "用户管理", "/admin/users"),
        new(AdminGroup, "组织机构", "/admin/organisations"),
        new(AdminGroup, "节假日日历", "/admin/calendar"),
        new(AdminGroup, "审计日志", "/admin/audit"),
        new(AdminGroup, "API 密钥", "/admin/api-keys"),
        new(AdminGroup, "流程定义", "/admin/workflows"),
        new(AdminGroup, "邮件通知", "/admin/mail"),
    ];

    /// <summary>The 交易项目 entries and who sees each.</summary>
    private static readonly (MenuItem Item, string[] Roles)[] ProjectsMenu =
    [
        (new(ProjectsGroup, "项目列表", "/projects"), [Roles.Admin, Roles.CentreClerk, Roles.Tenderer, Roles.Agent, Roles.Supervisor]),
        (new(ProjectsGroup, "项目登记", "/projects/new"), [Roles.CentreClerk, Roles.Tenderer, Roles.Agent]),
        (new(ProjectsGroup, "待审批", "/approvals"), [Roles.Supervisor]),
        (new(ProjectsGroup, "已办", "/approvals/done"), [Roles.Supervisor]),
    ];

    private const string EntitiesGroup = "市场主体";
    private const string CreditGroup = "信用管理";
    private const string ExpertsGroup = "评标专家";
    private static readonly string[] EntityRoles = [Roles.Bidder, Roles.Tenderer, Roles.Agent];

    /// <summary>Market entities and credit: each entry with the roles that see it.</summary>
    private static readonly (MenuItem Item, string[] Roles)[] ModuleMenu =
    [
        (new(EntitiesGroup, "我的主体", "/entities/mine"), EntityRoles),
        (new(EntitiesGroup, "登记审核", "/entities/review"), [Roles.CentreClerk]),
        (new(EntitiesGroup, "市场主体库", "/entities"), [Roles.CentreClerk, Roles.Supervisor, Roles.Admin]),
        (new(EntitiesGroup, "签章验证", "/public/signatures/verify"), [.. Roles.All]),
        (new(CreditGroup, "信用记录与禁入", "/credit"), [Roles.Supervisor, Roles.Admin]),
        (new(CreditGroup, "信用修复审核", "/credit/repairs"), [Roles.Supervisor]),
        (new(CreditGroup, "信用查询", "/public/credit"), [.. Roles.All]),
        (new(ExpertsGroup, "专家抽取", "/experts/draws"), [Roles.CentreClerk, Roles.Supervisor]),
        (new(ExpertsGroup, "专家库", "/experts"), [Roles.CentreClerk, Roles.Supervisor, Roles.Admin]),
        (new(ExpertsGroup, "我的评标邀请", "/experts/invitations"), [Roles.Expert]),
        (new(ExpertsGroup, "入库申请", "/experts/apply"), [Roles.Expert]),
        (new(ExpertsGroup, "入库审核", "/experts/applications"), [Roles.CentreClerk]),
        (new(ExpertsGroup, "导入专家", "/experts/import"), [Roles.CentreClerk]),
        (new(ExpertsGroup, "专业分类", "/experts/specialties"), [Roles.Admin]),
        (new("电子投标", "获取招标文件", "/bidding/notices"), [Roles.Bidder]),
        (new("电子投标", "投标保证金", "/bidding/deposits"), [Roles.Bidder]),
        (new("电子投标", "我的投标", "/bidding/my-bids"), [Roles.Bidder]),
        (new("电子投标", "投标回执验证", "/public/bid-receipts/verify"), [.. Roles.All]),
    ];

    private static readonly (string Panel, string[] Roles)[] ModulePanels =
    [
        ("我的市场主体", EntityRoles),
        ("主体登记审核", [Roles.CentreClerk]),
        ("评标邀请", [Roles.Expert]),
        ("澄清与修改", [Roles.Bidder, Roles.Tenderer, Roles.Agent]),
    ];

    /// <summary>The 制度规则 entries beyond 征求意见 (everyone's), and who sees each.</summary>
    private static readonly (MenuItem Item, string[] Roles)[] RulesMenu =
    [
        (new(RulesGroup, "规则清单", "/rules"), [Roles.Supervisor, Roles.LegalOfficer, Roles.Admin]),
        (new(RulesGroup, "报送规则", "/rules/new"), [Roles.Supervisor]),
        (new(RulesGroup, "合法性审核", "/rules/reviews"), [Roles.LegalOfficer]),
        (new(RulesGroup, "规则目录", "/rules/catalogue"), [Roles.Supervisor, Roles.LegalOfficer, Roles.Admin]),
        (new(RulesGroup, "流程法制审核", "/legal/workflows"), [Roles.LegalOfficer]),
        (new(RulesGroup, "标准文本", "/rules/templates"), [Roles.LegalOfficer, Roles.CentreClerk, Roles.Admin]),
    ];

    private static readonly string[] EveryRolePanels = ["账户安全", "未读消息"];
    private static readonly string[] AdminPanels = ["账户概况", "审计日志", "节假日日历"];

    /// <summary>Home panels beyond everyone's, by role.</summary>
    private static readonly Dictionary<string, string[]> RolePanels = new()
    {
        [Roles.Admin] = AdminPanels,
        [Roles.Supervisor] = ["待审批事项", "逾期未履行事项"],
        [Roles.LegalOfficer] = ["待合法性审核", "规则到期预警"],
        [Roles.CentreClerk] = ["我的项目", "逾期未履行事项"],
        [Roles.Tenderer] = ["我的项目"],
        [Roles.Agent] = ["我的项目"],
    };

    public static TheoryData<string> AllRoles => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Login_DemoRole_ShowsItsWorkbenchThenLogsOut(string role)
    {
        var account = DemoAccount.ForRole(role);
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;

        await session.LoginAsync(account);

        Assert.Equal(browser.BaseAddress + "/", page.Url);
        Assert.Equal("我的工作台", (await page.Locator("#home-title").InnerTextAsync()).Trim());
        var appBar = page.Locator("#app-bar-user");
        Assert.Equal(account.DisplayName, (await appBar.Locator(".user-name").InnerTextAsync()).Trim());
        Assert.Equal(Roles.Chinese(role), (await appBar.Locator(".user-role").InnerTextAsync()).Trim());

        var menu = await MenuAsync(page);
        var expectedMenu = ExpectedMenu(role);
        Assert.True(expectedMenu.SetEquals(menu),
            $"{role} 的菜单应为 [{string.Join("; ", expectedMenu)}]，实际为 [{string.Join("; ", menu)}]");
        if (role != Roles.Admin)
        {
            Assert.DoesNotContain(menu, m => m.Group == AdminGroup || m.Title == "用户管理");
        }

        var panels = await page.Locator("[data-panel]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.panel)");
        string[] expectedPanels =
        [
            .. EveryRolePanels, .. RolePanels.GetValueOrDefault(role, []),
            .. ModulePanels.Where(p => p.Roles.Contains(role)).Select(p => p.Panel),
        ];
        Assert.Equal(expectedPanels.Order(), panels.Order());

        await session.ScreenshotAsync($"home-{role}");

        await appBar.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Login");
        Assert.Equal("用户登录", (await page.Locator("h1").InnerTextAsync()).Trim());

        // The cookie is really gone: the workbench sends us back to the login page.
        await page.GotoAsync("/");
        Assert.StartsWith(browser.BaseAddress + "/Account/Login", page.Url);
    }

    /// <summary>
    /// Everyone's entries, plus for the Admin each known 系统管理 entry that this build has: its page is
    /// routable or a module declares it. An entry nobody expects, or one shown to the wrong role, fails.
    /// </summary>
    private HashSet<MenuItem> ExpectedMenu(string role)
    {
        var expected = new HashSet<MenuItem>(EveryRoleMenu);
        expected.UnionWith(ProjectsMenu.Where(m => m.Roles.Contains(role)).Select(m => m.Item));
        expected.UnionWith(ModuleMenu.Where(m => m.Roles.Contains(role)).Select(m => m.Item));
        expected.UnionWith(RulesMenu.Where(m => m.Roles.Contains(role)).Select(m => m.Item));
        if (role == Roles.Admin)
        {
            var declared = browser.Factory.Services.GetServices<IWorkbenchModule>()
                .SelectMany(m => m.Menu).Select(e => e.Href).ToHashSet(StringComparer.OrdinalIgnoreCase);
            expected.UnionWith(AdminMenu.Where(m => declared.Contains(m.Href) || PageRoutes.Exists(m.Href)));
        }
        return expected;
    }

    /// <summary>Every link of #main-menu with its group's title, as the person sees them.</summary>
    private static async Task<HashSet<MenuItem>> MenuAsync(IPage page)
    {
        var links = await page.Locator("#main-menu .mud-nav-group a.mud-nav-link").EvaluateAllAsync<string[][]>("""
            links => links.map(a => [
                a.closest('.mud-nav-group').querySelector('.mud-nav-link-text').innerText.trim(),
                a.innerText.trim(),
                new URL(a.href).pathname,
            ])
            """);
        return links.Select(l => new MenuItem(l[0], l[1], l[2])).ToHashSet();
    }

    private sealed record MenuItem(string Group, string Title, string Href)
    {
        public override string ToString() => $"{Group}/{Title} {Href}";
    }
}
