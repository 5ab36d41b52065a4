using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Workbench.Features.Home;

namespace NingxiaTrade.Workbench.Features.Shell;

/// <summary>What every role has: its home page and its own account's security settings.</summary>
public sealed class AccountModule : IWorkbenchModule
{
    public string Group => "个人";
    public int Order => 0;

    public IReadOnlyList<MenuEntry> Menu { get; } =
    [
        new("我的工作台", "/", Icons.Material.Filled.Dashboard, Roles.All, 0),
        new("账户与安全", "/Account/Manage", Icons.Material.Filled.ManageAccounts, Roles.All, 1),
    ];

    public IReadOnlyList<HomePanel> Panels { get; } =
    [
        new("账户安全", typeof(AccountSecurityPanel), Roles.All, 100, 6),
    ];
}
