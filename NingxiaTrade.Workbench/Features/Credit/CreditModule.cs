using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Workbench.Features.Shell;

namespace NingxiaTrade.Workbench.Features.Credit;

/// <summary>信用管理: credit records, ban lists and their import, credit repair, and the public credit query.</summary>
public sealed class CreditModule : IWorkbenchModule
{
    public string Group => "信用管理";
    public int Order => 310;

    public IReadOnlyList<MenuEntry> Menu { get; } =
    [
        new("信用记录与禁入", "/credit", Icons.Material.Filled.Gavel, [Roles.Supervisor, Roles.Admin], 1),
        new("信用修复审核", "/credit/repairs", Icons.Material.Filled.Healing, [Roles.Supervisor], 2),
        new("信用查询", "/public/credit", Icons.Material.Filled.ManageSearch, Roles.All, 3),
    ];

    public IReadOnlyList<HomePanel> Panels { get; } = [];
}
