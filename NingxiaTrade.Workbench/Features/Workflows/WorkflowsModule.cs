using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Workbench.Features.Shell;

namespace NingxiaTrade.Workbench.Features.Workflows;

/// <summary>流程定义: the Admin's designer of the versioned workflow definitions.</summary>
public sealed class WorkflowsModule : IWorkbenchModule
{
    public string Group => "系统管理";
    public int Order => 900;

    public IReadOnlyList<MenuEntry> Menu { get; } =
    [
        new("流程定义", "/admin/workflows", Icons.Material.Filled.AccountTree, [Roles.Admin], 6, NingxiaTrade.Domain.Workflows.WorkflowDefinitionService.DesignerPermission),
    ];

    public IReadOnlyList<HomePanel> Panels { get; } = [];
}

/// <summary>流程法制审核: versions that lower a statutory figure wait for the legal office.</summary>
public sealed class WorkflowLegalReviewModule : IWorkbenchModule
{
    public string Group => "制度规则";
    public int Order => 310;

    public IReadOnlyList<MenuEntry> Menu { get; } =
    [
        new("流程法制审核", "/legal/workflows", Icons.Material.Filled.Balance, [Roles.LegalOfficer], 5),
    ];

    public IReadOnlyList<HomePanel> Panels { get; } = [];
}

/// <summary>公开服务流程 (五(二)): the published flows, for everyone; the pages are also open without signing in.</summary>
public sealed class PublicWorkflowsModule : IWorkbenchModule
{
    public string Group => "公开信息";
    public int Order => 800;

    public IReadOnlyList<MenuEntry> Menu { get; } =
    [
        new("公开服务流程", "/public/workflows", Icons.Material.Filled.Schema, Roles.All, 1),
    ];

    public IReadOnlyList<HomePanel> Panels { get; } = [];
}
