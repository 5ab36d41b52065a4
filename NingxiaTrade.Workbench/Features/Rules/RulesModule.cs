using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Workbench.Features.Rules.Components;
using NingxiaTrade.Workbench.Features.Shell;

namespace NingxiaTrade.Workbench.Features.Rules;

/// <summary>制度规则 (四(一)): the rule inventory, its legality review, public comment, the catalogue and standard templates.</summary>
public sealed class RulesModule : IWorkbenchModule
{
    public string Group => "制度规则";
    public int Order => 300;

    public IReadOnlyList<MenuEntry> Menu { get; } =
    [
        new("规则清单", "/rules", Icons.Material.Filled.Gavel, [Roles.Supervisor, Roles.LegalOfficer, Roles.Admin], 1),
        new("报送规则", "/rules/new", Icons.Material.Filled.PostAdd, [Roles.Supervisor], 2),
        new("合法性审核", "/rules/reviews", Icons.Material.Filled.FactCheck, [Roles.LegalOfficer], 3),
        new("征求意见", "/rules/comments", Icons.Material.Filled.Forum, Roles.All, 4),
        new("规则目录", "/rules/catalogue", Icons.Material.Filled.MenuBook, [Roles.Supervisor, Roles.LegalOfficer, Roles.Admin], 5),
        new("标准文本", "/rules/templates", Icons.Material.Filled.Description, [Roles.LegalOfficer, Roles.CentreClerk, Roles.Admin], 6),
    ];

    public IReadOnlyList<HomePanel> Panels { get; } =
    [
        new("待合法性审核", typeof(ReviewQueuePanel), [Roles.LegalOfficer], 30, 6),
        new("规则到期预警", typeof(RuleAlertsPanel), [Roles.LegalOfficer], 31, 6),
    ];
}

/// <summary>公开的规则目录: for everyone; the page is also open without signing in.</summary>
public sealed class PublicRulesModule : IWorkbenchModule
{
    public string Group => "公开信息";
    public int Order => 800;

    public IReadOnlyList<MenuEntry> Menu { get; } =
    [
        new("规则目录公开", "/public/rules", Icons.Material.Filled.LibraryBooks, Roles.All, 2),
    ];

    public IReadOnlyList<HomePanel> Panels { get; } = [];
}

/// <summary>Role lists for the module's <c>[Authorize(Roles = …)]</c> attributes (the services check again).</summary>
public static class RuleRoles
{
    /// <summary>Who reads the inventory and the catalogue versions.</summary>
    public const string Readers = Roles.Supervisor + "," + Roles.LegalOfficer + "," + Roles.Admin;

    /// <summary>Who reads and fills standard templates.</summary>
    public const string TemplateUsers = Roles.LegalOfficer + "," + Roles.CentreClerk + "," + Roles.Admin;

    /// <summary>Who fills a template from a project.</summary>
    public const string TemplateFillers = Roles.CentreClerk + "," + Roles.LegalOfficer;
}
