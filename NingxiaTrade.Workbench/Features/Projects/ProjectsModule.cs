using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Workbench.Features.Projects.Components;
using NingxiaTrade.Workbench.Features.Shell;

namespace NingxiaTrade.Workbench.Features.Projects;

/// <summary>交易项目: the project list, registration, the project page and the supervisor's approvals.</summary>
public sealed class ProjectsModule : IWorkbenchModule
{
    public string Group => "交易项目";
    public int Order => 100;

    public IReadOnlyList<MenuEntry> Menu { get; } =
    [
        new("项目列表", "/projects", Icons.Material.Filled.Assignment, [Roles.Admin, Roles.CentreClerk, Roles.Tenderer, Roles.Agent, Roles.Supervisor], 1),
        new("项目登记", "/projects/new", Icons.Material.Filled.AddBox, [Roles.CentreClerk, Roles.Tenderer, Roles.Agent], 2),
        new("待审批", "/approvals", Icons.Material.Filled.FactCheck, [Roles.Supervisor], 3),
        new("已办", "/approvals/done", Icons.Material.Filled.TaskAlt, [Roles.Supervisor], 4),
    ];

    public IReadOnlyList<HomePanel> Panels { get; } =
    [
        new("待审批事项", typeof(InboxPanel), [Roles.Supervisor], 20, 6),
        new("我的项目", typeof(MyProjectsPanel), [Roles.CentreClerk, Roles.Tenderer, Roles.Agent], 20, 6),
        new("逾期未履行事项", typeof(OverdueDutiesPanel), [Roles.CentreClerk, Roles.Supervisor], 25, 12),
    ];
}

/// <summary>Role lists for the module's <c>[Authorize(Roles = …)]</c> attributes (the services check again).</summary>
public static class ProjectRoles
{
    /// <summary>Who may read projects: the same roles <c>ProjectRegistration</c> lets read.</summary>
    public const string Readers = Roles.Admin + "," + Roles.CentreClerk + "," + Roles.Tenderer + "," + Roles.Agent + "," + Roles.Supervisor;

    /// <summary>Who may register and edit projects.</summary>
    public const string Registrars = Roles.CentreClerk + "," + Roles.Tenderer + "," + Roles.Agent;
}
